/**
 * A month, or a month and day, without a year (the year comes from the narrative).
 * Matches: 8月22日, 4月13日, 6月, 12月份, 十二月廿五日, 9月4号, and a Chinese-numeral day without
 * 日 closing its clause (…八月十五，), and a digit day sharing the 日 of the next one (1月18、19日,
 * 3月5至6日).
 * Must not match: 3个月 (a duration), 第3月, 2018年6月12日 (the full date is longer and wins),
 * 八月十五个人 (八月 only), 第十五, 1月18、19个 (no 日 to share).
 */
import type { Parser } from "../types.js";
import { DAY, MONTH, NO_DAY_SUFFIX_AFTER, ymd } from "./fragments.js";

const CN_DAY =
  "(?:[二三]十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|十[一二三四五六七八九]?|[一二三四五六七八九])";
/** A digit day before a coordinated or ranged digit day that carries the 日 (18、19日, 5至6日). */
const SHARED_DAY =
  "(?<d3>3[01]|[12]\\d|0?[1-9])(?=\\s*[、和及与至到—–\\-－~～]\\s*(?:3[01]|[12]\\d|0?[1-9])[日号])";
const pattern = new RegExp(
  `(?<![\\d第〇零一二三四五六七八九十个])(?<m>${MONTH})月份?(?:(?<d>${DAY})[日号]|(?<d2>${CN_DAY})${NO_DAY_SUFFIX_AFTER}|${SHARED_DAY})?(?![份]?[\\d])`,
  "g",
);

/** `time:zh/month-day`. */
export const monthDay: Parser = {
  name: "month-day",
  triggers: "月",
  starts: "\\d一二三四五六七八九十",
  pattern,
  extract(match) {
    const g = match.groups ?? {};
    const point = ymd({ y: g.y, m: g.m, d: g.d ?? g.d2 ?? g.d3 });
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
