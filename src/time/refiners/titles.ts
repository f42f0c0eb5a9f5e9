/**
 * Drops the expressions inside a title (《四天四夜》, 《闰日协议》, 《南方周末》, 〈…〉): a title is a
 * name. A written year and a count of years stay tagged (《1878年柏林条约》, 《晚清七十年》), as
 * asides: a title's time is not a time of the narrative.
 * An unclosed bracket (no closing mark later in the block) drops nothing. The calendar word of a
 * periodical's name (南方周末, 每日电讯报: `periodicals` in the lexicon) is dropped inside 《》 or a
 * link's text; in prose the name may be words of the sentence (今日俄罗斯仍然反对, 每日新闻发布会).
 */
import { MarkDepth } from "../marks.js";
import { lexicon } from "../tables.js";
import type { Placed, RefineInput, Refiner } from "../types.js";

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
 * Whether an expression inside a title is still tagged: a four-figure year written with 年
 * (《1878年柏林条约》, 《外交秘闻：1960年代…》) or one end of a range of such years (〈…问题，1872-1901〉)
 * or a count of years (《最近三百年东北外患史》, 《北京大学五十周年》), as the gold of the dev articles
 * does (china-merchants-steam-navigation, haiyuan-earthquake, sarajevo-assassination, seato,
 * unrra, jiang-tingfu, imperial-university-peking, shen-changhuan, tianjin-massacre). Not a name's
 * calendar word (《南方周末》, 《每日电讯报》, 《闰日协议》), a bare month or day, a four-figure
 * number without 年 (《2001太空漫游》) or 百年/千年/万年 without a count (《百年孤独》: an idiom).
 * `at` is the text around the expression: `[before, own, after]`.
 */
function citedTime(at: readonly [string, string, string], item: Placed): boolean {
  const [before, own, after] = at;
  if (item.type === "DATE") {
    if (/(?:\d{4}|[〇零一二三四五六七八九]{4})年/.test(own)) return true;
    // Note: a range of bare years (1872-1901, 1939-1946年) writes 年 once or not at all.
    return /^\d{4}$/.test(own) && (RANGE_AFTER.test(after) || RANGE_BEFORE.test(before));
  }
  return item.type === "DURATION" && /^P\d+Y$/.test(item.value ?? "") && !/^[百千万]年/.test(own);
}

/**
 * Whether `item` lies inside the name of a periodical written without 《》 but as a link's text
 * ([南方周末](…), [每日电讯报](…): karamay-fire, space-shuttle-columbia-disaster; with 《》 in
 * wu-tingfang and mun-se-gwang, which the title test above already drops). Not in prose: 今日俄罗斯
 * 仍然反对 (今日 is today), 每日新闻发布会 (每日 is a set).
 */
function inPeriodical(input: RefineInput, item: Placed): boolean {
  const text = input.text;
  const names = lexicon().periodicals;
  const around = text.slice(Math.max(0, item.textStart - 8), item.textEnd + 8);
  const offset = Math.max(0, item.textStart - 8);
  for (const name of names) {
    for (let at = around.indexOf(name); at !== -1; at = around.indexOf(name, at + 1)) {
      const start = offset + at;
      if (
        start <= item.textStart &&
        start + name.length >= item.textEnd &&
        input.inLink(start, start + name.length)
      )
        return true;
    }
  }
  return false;
}

const RANGE_AFTER = /^[-－–—~～至到]\d{4}/;
const RANGE_BEFORE = /\d{4}[-－–—~～至到]$/;

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
      const text = input.text;
      if (inside[i] === 0) return !inPeriodical(input, item);
      const at = [
        text.slice(Math.max(0, item.textStart - 5), item.textStart),
        text.slice(item.textStart, item.textEnd),
        text.slice(item.textEnd, item.textEnd + 5),
      ] as const;
      if (!citedTime(at, item)) return false;
      // Note: the title's own time never moves the narrative line.
      item.aside = true;
      item.asideKind = "name";
      return true;
    });
  },
};
