/**
 * Drops every expression inside a title (《晚清七十年》, 《四天四夜》, 《闰日协议》,
 * 《2012年国防授权法》, 〈…〉): a title is a name. Dates are not kept even when the title is
 * about them — the work's name is not a time of the narrative (like 三日天下 or 与世纪同行).
 * An unclosed bracket (no closing mark later in the block) drops nothing.
 */
import { MarkDepth } from "../marks.js";
import { lexicon } from "../tables.js";
import type { Placed, Refiner } from "../types.js";

/**
 * Whether the display range of `item` lies inside a closed title bracket of its block.
 * `marks` remembers its scans: asked in text order, a paragraph is read once in all.
 */
export function insideTitle(marks: MarkDepth, item: Placed): boolean {
  if (marks.depthOf(item.block.textStart, item.textStart) === 0) return false;
  const at = marks.nextMark(item.textEnd, item.block.textEnd);
  return at < item.block.textEnd && lexicon().titleMarks.close.includes(marks.charAt(at));
}

/** `time:zh/titles`. */
export const titles: Refiner = {
  name: "titles",
  refine(items, input) {
    const { open, close } = lexicon().titleMarks;
    const marks = new MarkDepth(input.text, open, close);
    // Note: parsers emit their candidates grouped by parser; asking in text order keeps the
    // scans forward (one pass per block instead of one per expression).
    // The order is a numeric sort of `textStart × n + i` (no comparator calls).
    const n = items.length;
    const order = new Float64Array(n);
    for (let i = 0; i < n; i += 1) order[i] = items[i]!.textStart * n + i;
    order.sort();
    const inside = new Uint8Array(n);
    for (const key of order) {
      const i = key % n;
      inside[i] = insideTitle(marks, items[i]!) ? 1 : 0;
    }
    return items.filter((_, i) => inside[i] === 0);
  },
};
