/**
 * Keeps one candidate where several overlap: the longer span, then the parser listed first.
 */
import type { Placed, Refiner } from "../types.js";

function better(a: Placed, b: Placed): boolean {
  const la = a.textEnd - a.textStart;
  const lb = b.textEnd - b.textStart;
  return la !== lb ? la > lb : a.priority < b.priority;
}

/** `time:zh/resolve-overlaps`. */
export const resolveOverlaps: Refiner = {
  name: "resolve-overlaps",
  refine(items) {
    const sorted = [...items].sort(
      (a, b) => a.textStart - b.textStart || b.textEnd - a.textEnd || a.priority - b.priority,
    );
    const kept: Placed[] = [];
    for (const item of sorted) {
      const last = kept[kept.length - 1];
      if (last === undefined || item.textStart >= last.textEnd) {
        kept.push(item);
      } else if (better(item, last)) {
        kept[kept.length - 1] = item;
        // Note: the replacement may now overlap the one before; drop the weaker of the two.
        while (kept.length >= 2) {
          const prev = kept[kept.length - 2]!;
          const cur = kept[kept.length - 1]!;
          if (cur.textStart >= prev.textEnd) break;
          kept.splice(better(cur, prev) ? kept.length - 2 : kept.length - 1, 1);
        }
      }
    }
    return kept;
  },
};
