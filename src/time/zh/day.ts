/**
 * A bare day of the month after a range connector or at a clause start (month and year from
 * the narrative or the range's first endpoint).
 * Matches: 10日 in 12月8日至10日, 29日 in 7月28日至29日, 25日 in "。25日，", and a digit day right
 * after its subject, the news usage 菲律宾军方24日宣布, 韩美28日起举行.
 * Must not match: 3日内 (a span of days), 今日, 第5日, 历时3日 / 住了3日 / 每3日 (counts of days),
 * 20日元 (yen).
 */
import type { Parser } from "../types.js";
import { DAY, num } from "./fragments.js";

// Note: the digit day's left edge is checked in `extract` (a lookbehind at the pattern's start
// would be tried at every position): a clause mark, a connector, 于/在, or a Han subject, but not
// a word that counts days (历时3日) nor a digit.
const pattern = new RegExp(
  `(?<d>3[01]|[12]\\d|0?[1-9])日(?![内后前间里元圆])` +
    `|(?<=至|到|和|及|与|或|[—–\\-－~～、])(?<d2>${DAY})日(?![内后前间里])`,
  "g",
);
const DIGIT_LEFT =
  /^$|[，。；、：（(\s至到和及与或—–\-－~～于在]$|(?![第每前后近约达共了过隔满足逾余续长留住历计时仅只再数首末头月年号])[\u4e00-\u9fff]$/;

/**
 * Whether a digit day starting at `at` stands where a date may (a clause mark, a connector, 于/在
 * or a Han subject before it), not after a word counting days (历时3日) or a digit.
 */
export function dayLeftOk(text: string, at: number): boolean {
  return DIGIT_LEFT.test(text.slice(Math.max(0, at - 1), at));
}

/** `time:zh/day`. */
export const day: Parser = {
  name: "day",
  triggers: "日",
  starts: "\\d〇零一二三四五六七八九十廿卅",
  // Every match holds the day's number and 日 (not 日内/日后…) after the pattern's left context.
  gate: /\d日(?![内后前间里])|[至到和及与或—–\-－~～、][\d一二三四五六七八九十廿卅]{1,3}日(?![内后前间里])/,
  pattern,
  extract(match, input) {
    if (match.groups?.d !== undefined && !dayLeftOk(input.text, match.index)) return null;
    const d = num(match.groups?.d ?? match.groups?.d2);
    if (d === undefined || d < 1 || d > 31) return null;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "day",
      calendar: "gregorian",
      mod: null,
      point: { day: d },
      need: "year-month",
    };
  },
};
