/**
 * Offset maps read back from the SQLite BLOBs of older rows, and raw-span → display-range lookup.
 */

/** An offset map read back from a BLOB column. */
export function blobToOffsets(blob: Buffer): Int32Array {
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Int32Array(copy.buffer, 0, Math.floor(copy.byteLength / 4));
}

/**
 * The display range `[textStart, textEnd)` whose characters lie inside raw span `[start, end)`.
 * Assumes `rawStarts` is non-decreasing (display text in reading order); when it is not, falls
 * back to a linear scan.
 */
export function displayRange(
  rawStarts: Int32Array,
  rawEnds: Int32Array,
  start: number,
  end: number,
  monotonic: boolean,
): [number, number] {
  const n = rawStarts.length;
  if (!monotonic) {
    let first = -1;
    let last = -1;
    for (let i = 0; i < n; i += 1) {
      if ((rawStarts[i] ?? 0) >= start && (rawEnds[i] ?? 0) <= end) {
        if (first < 0) first = i;
        last = i;
      }
    }
    return first < 0 ? [0, 0] : [first, last + 1];
  }
  // First display character starting at or after `start`.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rawStarts[mid] ?? 0) < start) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < n && (rawEnds[to] ?? 0) <= end) to += 1;
  return [lo, Math.max(lo, to)];
}

/** Whether every value is at least the one before it. */
export function isNonDecreasing(values: Int32Array): boolean {
  for (let i = 1; i < values.length; i += 1) {
    if ((values[i] ?? 0) < (values[i - 1] ?? 0)) return false;
  }
  return true;
}
