/**
 * Range look-ups over items sorted by start: the items inside a clause are found by binary
 * search instead of a scan of the whole document (keeps extraction linear in the text length).
 */

/** Anything with a start and end offset. */
export interface Ranged {
  start: number;
  end: number;
}

const sortedCache = new WeakMap<readonly Ranged[], boolean>();

/** Whether `items` are ordered by start (checked once per array). */
function isSorted(items: readonly Ranged[]): boolean {
  let known = sortedCache.get(items);
  if (known === undefined) {
    known = true;
    for (let i = 1; i < items.length; i += 1)
      if ((items[i]?.start ?? 0) < (items[i - 1]?.start ?? 0)) {
        known = false;
        break;
      }
    sortedCache.set(items, known);
  }
  return known;
}

/** The index of the first item whose start is at or after `at` (items ordered by start). */
export function lowerBound(items: readonly Ranged[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid]?.start ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The items with `start ≥ from` and `end ≤ to`, in array order — the same as filtering the
 * whole array, but by binary search when the array is ordered by start (it must not change
 * after the first call).
 */
export function within<T extends Ranged>(items: readonly T[], from: number, to: number): T[] {
  if (!isSorted(items)) return items.filter((m) => m.start >= from && m.end <= to);
  const out: T[] = [];
  for (let i = lowerBound(items, from); i < items.length; i += 1) {
    const m = items[i];
    if (m === undefined || m.start > to) break;
    if (m.end <= to) out.push(m);
  }
  return out;
}
