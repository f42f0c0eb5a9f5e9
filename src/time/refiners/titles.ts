/**
 * Drops the expressions inside a title (《四天四夜》, 《闰日协议》, 《南方周末》, 〈…〉): a title is a
 * name. A written year and a count of years stay tagged (《1878年柏林条约》, 《晚清七十年》), as
 * asides: a title's time is not a time of the narrative.
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

/**
 * Whether an expression inside a title is still tagged: a date with its year written in four
 * figures (《1878年柏林条约》, 〈…问题，1872-1901〉, 《外交秘闻：1960年代…》) or a count of years
 * (《最近三百年东北外患史》, 《北京大学五十周年》), as the gold of the dev articles does
 * (china-merchants-steam-navigation, haiyuan-earthquake, sarajevo-assassination, seato, unrra,
 * jiang-tingfu, imperial-university-peking, shen-changhuan, tianjin-massacre). Not a name's
 * calendar word (《南方周末》, 《每日电讯报》, 《闰日协议》) or a bare month or day.
 */
function citedTime(text: string, item: Placed): boolean {
  if (item.type === "DATE") return /\d{4}|[〇零一二三四五六七八九]{4}/.test(text);
  return item.type === "DURATION" && /^P\d+Y$/.test(item.value ?? "");
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
    return items.filter((item, i) => {
      if (inside[i] === 0) return true;
      if (!citedTime(input.text.slice(item.textStart, item.textEnd), item)) return false;
      // Note: the title's own time never moves the narrative line.
      item.aside = true;
      item.asideKind = "name";
      return true;
    });
  },
};
