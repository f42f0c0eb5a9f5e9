/**
 * Derived keys the store writes beside an extraction so queries need no whole document.
 *
 * The actor pairs of an event that the pair filter matches: two distinct actors, one a source
 * and the other a source or a target (in either order); "other" actors never pair. Each pair
 * once, its ids in byte order (how `event_pairs` keys them, so a pair is looked up the same way
 * whichever side the user names first).
 */
import type { Event, Span, Timex } from "../model/index.js";

/** `x` before `y` in byte (UTF-8, code point) order, the order of SQLite's BINARY and "C". */
function before(x: string, y: string): boolean {
  return Buffer.compare(Buffer.from(x), Buffer.from(y)) < 0;
}

/** The two ids in byte order. */
function ordered(x: string, y: string): [string, string] {
  return before(x, y) ? [x, y] : [y, x];
}

/** The unordered pairs `[a, b]` (a < b, byte order) of `actors` that the pair filter matches. */
export function actorPairs(actors: Event["actors"]): Array<[string, string]> {
  const seen = new Set<string>();
  const out: Array<[string, string]> = [];
  const add = (x: string, y: string): void => {
    if (x === y) return;
    const [a, b] = ordered(x, y);
    const key = `${a}\u0000${b}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push([a, b]);
  };
  for (const x of actors.source) {
    for (const y of actors.source) add(x, y);
    for (const y of actors.target) add(x, y);
  }
  return out;
}

/** The `event_pairs` keys `[a, b]` for a pair filter between any of `left` and any of `right`. */
export function pairKeys(
  left: readonly string[],
  right: readonly string[],
): Array<[string, string]> {
  const keys = new Map<string, [string, string]>();
  for (const x of left) {
    for (const y of right) {
      if (x === y) continue;
      const pair = ordered(x, y);
      keys.set(pair.join("\u0000"), pair);
    }
  }
  return [...keys.values()];
}

/**
 * The id of the timex whose span is exactly a given span (the first such), or null: what a
 * finding row keeps so an event page finds the doubts on its dates without the document.
 */
export function timexBySpan(
  timexes: readonly Timex[],
): (span: Omit<Span, "text">) => string | null {
  const bySpan = new Map<string, string>();
  for (const t of timexes) {
    const key = `${t.start}:${t.end}`;
    if (!bySpan.has(key)) bySpan.set(key, t.id);
  }
  return (span) => bySpan.get(`${span.start}:${span.end}`) ?? null;
}

/**
 * Timeline bands: the decade of an event's sort key (`199` for 1994-05 and for the decade
 * 199, `190` for the century 19), `UNDATED_BAND` for an undated one. Bands never decrease along
 * the timeline order. A mention's rowid is `band · BAND_SPAN + n`, so the full-text index,
 * which returns its hits in rowid order, returns them band by band (see events-query.ts).
 */
export const UNDATED_BAND = 1000;
export const BAND_SPAN = 2 ** 32;

/** The band of an event's `sort_key`. */
export function timelineBand(sortKey: string): number {
  const digits = /^\d{1,3}/.exec(sortKey)?.[0];
  return digits === undefined ? UNDATED_BAND : Number(digits.padEnd(3, "0"));
}

/** `timelineBand` in SQL, of the sort key expression `key`. */
export function timelineBandSql(key: string): string {
  return `CASE WHEN ${key} GLOB '[0-9][0-9][0-9]*' THEN CAST(substr(${key}, 1, 3) AS INTEGER)
    WHEN ${key} GLOB '[0-9][0-9]*' THEN CAST(substr(${key}, 1, 2) AS INTEGER) * 10
    WHEN ${key} GLOB '[0-9]*' THEN CAST(substr(${key}, 1, 1) AS INTEGER) * 100
    ELSE ${UNDATED_BAND} END`;
}

/** The first month of a part of a year in TIMEX3 (`2015-Q2`, `-H1`, `-SU`). */
const PART_MONTH: Readonly<Record<string, string>> = {
  Q1: "01",
  Q2: "04",
  Q3: "07",
  Q4: "10",
  H1: "01",
  H2: "07",
  SP: "03",
  SU: "06",
  FA: "09",
  WI: "12",
};

/**
 * The timeline key of an event's date value: the value itself when it is calendar digits (ISO
 * order is time order; `2015`, `2015-04`, `2015-04-02T10:00`, `199`), a part of a year (quarter,
 * half, season) as its first month and an ISO week as its Monday, so that `2015-Q2` sorts with
 * April and a bound `to=2015-06` keeps it; null when the value is not a date (undated).
 */
export function timelineKey(value: string | null): string | null {
  if (value === null || !/^\d/.test(value)) return null;
  const part = /^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$/.exec(value);
  if (part) return `${part[1]}-${PART_MONTH[part[2]!]}`;
  const week = /^(\d{4})-W(\d{2})$/.exec(value);
  if (week) {
    const jan4 = Date.UTC(Number(week[1]), 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
    return new Date(monday + (Number(week[2]) - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
  }
  return value;
}

/** `timelineKey` in SQL for the stored values it changes (SQLite; `v` a text expression). */
export function timelineKeySql(v: string): string {
  const parts = Object.entries(PART_MONTH)
    .map(
      ([part, month]) => `WHEN substr(${v}, 6) = '${part}' THEN substr(${v}, 1, 5) || '${month}'`,
    )
    .join("\n    ");
  return `CASE WHEN ${v} GLOB '[0-9][0-9][0-9][0-9]-[QHSFW]*' THEN CASE
    ${parts}
    WHEN ${v} GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]' THEN date(substr(${v}, 1, 4) || '-01-04',
      '-' || ((CAST(strftime('%w', substr(${v}, 1, 4) || '-01-04') AS INTEGER) + 6) % 7) || ' days',
      '+' || ((CAST(substr(${v}, 7, 2) AS INTEGER) - 1) * 7) || ' days')
    ELSE ${v} END ELSE ${v} END`;
}
