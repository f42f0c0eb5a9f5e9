/** Chronological order of events: by date, then by position in the article; undated last. */
import type { Event } from "../model/index.js";
import { dateRange, type DateRange } from "./date-range.js";

/** An event, possibly with the document it came from (as the store returns it). */
export type SortableEvent = Event & { doc?: string };

/** Compares two events: earlier start first, then coarser dates first, then position, then id. */
export function compareEvents(a: SortableEvent, b: SortableEvent): number {
  return compareWith(a, dateRange(a.date.value), b, dateRange(b.date.value));
}

function compareWith(
  a: SortableEvent,
  ra: DateRange | null,
  b: SortableEvent,
  rb: DateRange | null,
): number {
  if (ra && !rb) return -1;
  if (!ra && rb) return 1;
  if (ra && rb) {
    if (ra.startKey !== rb.startKey) return ra.startKey - rb.startKey;
    // Note: a year (1994) sorts before the days in it; a longer interval ends later.
    if (ra.endKey !== rb.endKey) return rb.endKey - ra.endKey;
  }
  const da = a.doc ?? "";
  const db = b.doc ?? "";
  if (da !== db) return da < db ? -1 : 1;
  const pa = a.mentions[0]?.start ?? Number.MAX_SAFE_INTEGER;
  const pb = b.mentions[0]?.start ?? Number.MAX_SAFE_INTEGER;
  if (pa !== pb) return pa - pb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A sorted copy of `events` (see `compareEvents`); the input is left untouched. */
export function sortEvents<T extends SortableEvent>(events: readonly T[]): T[] {
  // Note: each date is parsed once (decorate, sort, undecorate), not once per comparison.
  const keyed = events.map((event) => ({ event, range: dateRange(event.date.value) }));
  keyed.sort((a, b) => compareWith(a.event, a.range, b.event, b.range));
  return keyed.map((k) => k.event);
}
