/** Display text (markup removed) of a raw span, through the document's display→raw offset map. */

/** The parts of a document (or stored document) that map display text to raw offsets. */
export interface DisplayMap {
  /** Display text. */
  text: string;
  /** For display character i: raw offset of its first code unit (non-decreasing in practice). */
  rawStarts: ArrayLike<number>;
  /** For display character i: raw offset just past its last code unit. */
  rawEnds: ArrayLike<number>;
}

/**
 * The display characters whose raw extent lies inside `[start, end)` (UTF-16, half-open), or
 * null when none does (a span of pure markup, or outside body text).
 */
export function displaySlice(map: DisplayMap, start: number, end: number): string | null {
  const n = Math.min(map.text.length, map.rawStarts.length, map.rawEnds.length);
  // Lower bound: first display char whose raw start is at or after `start`.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((map.rawStarts[mid] ?? 0) < start) lo = mid + 1;
    else hi = mid;
  }
  let out = "";
  for (let i = lo; i < n && (map.rawStarts[i] ?? end) < end; i += 1) {
    if ((map.rawEnds[i] ?? end + 1) <= end) out += map.text[i] ?? "";
  }
  return out === "" ? null : out;
}
