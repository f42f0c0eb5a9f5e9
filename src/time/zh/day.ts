/**
 * A bare day of the month after a range connector or at a clause start (month and year from
 * the narrative or the range's first endpoint).
 * Matches: 10日 in 12月8日至10日, 29日 in 7月28日至29日, 25日 in "。25日，".
 * Must not match: 3日内 (a span of days), 今日, 第5日.
 */
import type { Parser } from "../types.js";
import { DAY, num } from "./fragments.js";

const pattern = new RegExp(
  `(?<=^|[，。；、：（(\\s]|至|到|和|及|与|或|[—–\\-－~～]|于|在)(?<d>3[01]|[12]\\d|0?[1-9])日(?![内后前间里])` +
    `|(?<=至|到|和|及|与|或|[—–\\-－~～、])(?<d2>${DAY})日(?![内后前间里])`,
  "g",
);

/** `time:zh/day`. */
export const day: Parser = {
  name: "day",
  triggers: "日",
  // Every match holds the day's number and 日 (not 日内/日后…) after the pattern's left context.
  gate: /(?:^|[，。；、：（(\s至到和及与或—–\-－~～于在])\d{1,2}日(?![内后前间里])|[至到和及与或—–\-－~～、][\d一二三四五六七八九十廿卅]{1,3}日(?![内后前间里])/,
  pattern,
  extract(match) {
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
