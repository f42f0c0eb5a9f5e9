/**
 * Drops every expression inside a title (《晚清七十年》, 《四天四夜》, 《闰日协议》,
 * 《2012年国防授权法》, 〈…〉): a title is a name. Dates are not kept even when the title is
 * about them — the work's name is not a time of the narrative (like 三日天下 or 与世纪同行).
 * An unclosed bracket (no closing mark later in the block) drops nothing.
 */
import { lexicon } from "../tables.js";
import type { Placed, Refiner } from "../types.js";

/** Whether the display range of `item` lies inside a closed title bracket of its block. */
export function insideTitle(text: string, item: Placed): boolean {
  const { open, close } = lexicon().titleMarks;
  let depth = 0;
  for (let i = item.block.textStart; i < item.textStart; i += 1) {
    const ch = text.charAt(i);
    if (open.includes(ch)) depth += 1;
    else if (close.includes(ch) && depth > 0) depth -= 1;
  }
  if (depth === 0) return false;
  for (let i = item.textEnd; i < item.block.textEnd; i += 1) {
    const ch = text.charAt(i);
    if (close.includes(ch)) return true;
    if (open.includes(ch)) return false;
  }
  return false;
}

/** `time:zh/titles`. */
export const titles: Refiner = {
  name: "titles",
  refine(items, input) {
    return items.filter((item) => !insideTitle(input.text, item));
  },
};
