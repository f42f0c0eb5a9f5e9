/**
 * Chronology findings that doubt an event's date (a year slip, an inherited slip, a doubtful
 * anchor), attached to the event as `dateFinding`; optionally the suggested date replaces the
 * literal one, marked as applied.
 */
import { DEFAULT_MIN_CONFIDENCE } from "../check/index.js";
import type { Chronicle, Event, FindingKind } from "../model/index.js";

/** Finding kinds whose raw span is the span of the timex they doubt, with a suggested value. */
export const DATE_FINDING_KINDS: readonly FindingKind[] = [
  "year-out-of-sequence",
  "inherited-slip",
  "doubtful-anchor",
];

/** A checker's doubt about an event's date (additive, optional field of exported events). */
export interface DateFinding {
  kind: FindingKind;
  /** The TIMEX3 value the checker suggests instead. */
  suggestion: string;
  confidence: number;
  /** Present and true when `date.value` was replaced by the suggestion (`--suggested-dates`). */
  applied?: true;
  /** With `applied`: the value the article's text gives (what `date.value` held). */
  literal?: string | null;
}

/** A date finding of one timex, with the value the timex has (what the suggestion replaces). */
export interface TimexDoubt extends DateFinding {
  timexValue: string | null;
}

/** An event that may carry a date finding. */
export type FlaggedEvent<T extends Event = Event> = T & { dateFinding?: DateFinding };

/**
 * Date findings of one chronicle by timex id: a finding of a DATE_FINDING_KINDS kind with a
 * suggestion, at or above `min` confidence, whose span is exactly a timex's span; the most
 * confident one when several doubt the same timex.
 */
export function dateFindingsByTimex(
  chronicle: Pick<Chronicle, "timexes" | "findings">,
  min: number = DEFAULT_MIN_CONFIDENCE,
): Map<string, TimexDoubt> {
  const bySpan = new Map<string, DateFinding>();
  for (const f of chronicle.findings) {
    if (!DATE_FINDING_KINDS.includes(f.kind) || f.suggestion === null || f.confidence < min) {
      continue;
    }
    const key = `${f.start}:${f.end}`;
    const seen = bySpan.get(key);
    if (seen === undefined || f.confidence > seen.confidence) {
      bySpan.set(key, { kind: f.kind, suggestion: f.suggestion, confidence: f.confidence });
    }
  }
  const result = new Map<string, TimexDoubt>();
  for (const t of chronicle.timexes) {
    const finding = bySpan.get(`${t.start}:${t.end}`);
    if (finding !== undefined) result.set(t.id, { ...finding, timexValue: t.value });
  }
  return result;
}

const YEAR = /^(-?\d{4})(?=-|$)/;

/**
 * The suggested value for an event dated from a doubted timex: the suggestion itself when the
 * event has the timex's value; when the event's date was derived from it (`随后…五个月` gives
 * another month), the event's value with its year moved as the suggestion moves the timex's;
 * null when neither applies.
 */
export function eventSuggestion(value: string | null, doubt: TimexDoubt): string | null {
  if (value === doubt.timexValue) return doubt.suggestion;
  const from = doubt.timexValue === null ? undefined : YEAR.exec(doubt.timexValue)?.[1];
  const to = YEAR.exec(doubt.suggestion)?.[1];
  const own = value === null ? undefined : YEAR.exec(value)?.[1];
  if (value === null || from === undefined || to === undefined || own === undefined) return null;
  const year = Number(own) + Number(to) - Number(from);
  if (year < 0 || year > 9999) return null;
  return `${String(year).padStart(4, "0")}${value.slice(own.length)}`;
}

/**
 * Events with `dateFinding` set where their `date.timex` is doubted (`findings(doc)` gives the
 * map of the event's document, or null when unknown). Literal dates are kept; with `suggested`
 * the suggestion replaces `date.value`, and the finding records `applied` and the literal value.
 */
export function flagEvents<T extends Event & { doc?: string }>(
  events: readonly T[],
  findings: (doc: string | undefined) => ReadonlyMap<string, TimexDoubt> | null,
  suggested = false,
): Array<FlaggedEvent<T>> {
  return events.map((event) => {
    const timex = event.date.timex;
    const doubt = timex === null ? undefined : findings(event.doc)?.get(timex);
    if (doubt === undefined) return event;
    const suggestion = eventSuggestion(event.date.value, doubt);
    if (suggestion === null) return event;
    const finding: DateFinding = {
      kind: doubt.kind,
      suggestion,
      confidence: doubt.confidence,
    };
    if (!suggested) return { ...event, dateFinding: finding };
    return {
      ...event,
      date: { ...event.date, value: finding.suggestion },
      dateFinding: { ...finding, applied: true, literal: event.date.value },
    };
  });
}
