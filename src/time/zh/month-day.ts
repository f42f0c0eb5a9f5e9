/**
 * A month, or a month and day, without a year (the year comes from the narrative).
 * Matches: 8月22日, 4月13日, 6月, 12月份, 十二月廿五日, 9月4号, and a Chinese-numeral day without
 * 日 closing its clause (…八月十五，).
 * Must not match: 3个月 (a duration), 第3月, 2018年6月12日 (the full date is longer and wins),
 * 八月十五个人 (八月 only), 第十五.
 */
import type { Parser } from "../types.js";
import { DAY, MONTH, NO_DAY_SUFFIX_AFTER, ymd } from "./fragments.js";

const CN_DAY =
  "(?:[二三]十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|十[一二三四五六七八九]?|[一二三四五六七八九])";
const pattern = new RegExp(
  `(?<![\\d第〇零一二三四五六七八九十个])(?<m>${MONTH})月份?(?:(?<d>${DAY})[日号]|(?<d2>${CN_DAY})${NO_DAY_SUFFIX_AFTER})?(?![份]?[\\d])`,
  "g",
);

/** `time:zh/month-day`. */
export const monthDay: Parser = {
  name: "month-day",
  triggers: "月",
  pattern,
  extract(match) {
    const g = match.groups ?? {};
    const point = ymd({ y: g.y, m: g.m, d: g.d ?? g.d2 });
    if (point?.month === undefined) return null;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "month-day",
      calendar: "gregorian",
      mod: null,
      point,
      need: "year",
    };
  },
};
