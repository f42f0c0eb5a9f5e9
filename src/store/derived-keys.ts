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
