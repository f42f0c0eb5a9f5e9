/**
 * Full and partial Gregorian dates with a written year.
 * Matches: 2018年6月12日, 2009年12月, 1866年, 一九九八年, 二〇一八年十二月廿五日, 公元8年, 2019年6月份,
 * and a day without 日/号 after a year and month: 二零零四年八月十五, 2004年8月15; a year told as a
 * number with 千 when a month follows (两千零四年八月十五, 一千九百九十八年三月), or a three-digit year
 * digit by digit before a month (六一八年五月).
 * With spaces between digits and units: 2008 年 8 月 8 日, 2008 年.
 * The second end of a range after a four-digit year and a hyphen (1995-1997年).
 * Must not match: 1990年代 (a decade), 1.75万年, 8022-02, ABC-2018年; 2004年8月15万人 keeps only 2004年8月;
 * 两千年来 (two thousand years: no month follows), 三六七年 without a month.
 */
import type { Parser } from "../types.js";
import {
  DAY,
  MONTH,
  NO_DAY_SUFFIX_AFTER,
  SPACE_BEFORE_DIGIT,
  SPACE_BEFORE_UNIT,
  YEAR,
  YEAR_STARTS,
  ymd,
} from "./fragments.js";

/** A year told as a number with 千 (两千零四, 一千九百九十八), only before a month (两千年 is also a span). */
const THOUSANDS_YEAR = `[一二两]千(?:零?[〇零一二三四五六七八九十百]{1,5})?(?=年${MONTH}月)`;
/**
 * A three-digit year told digit by digit (六一八年五月, 三六七年一月一日), only before a month: a
 * count of years is told with 百 (三百六十七年), and two-digit strings are spans (三五年).
 */
const DIGITS3_YEAR = `[〇零一二三四五六七八九]{3}(?=年${MONTH}月)`;

/**
 * Not after a number (1.75万年) or a token's hyphen (8022-02), except the hyphen of a range after a
 * four-digit year (1995-1997年).
 */
const NOT_AFTER_TOKEN = "(?<![\\d.]|[A-Za-z\\d](?<!(?<!\\d)(?:1\\d{3}|20\\d{2}))[\\-－])";

const pattern = new RegExp(
  `${NOT_AFTER_TOKEN}(?<y>(?:公元|西元)?${YEAR}|(?:公元|西元)\\d{1,2}|${THOUSANDS_YEAR}|${DIGITS3_YEAR})${SPACE_BEFORE_UNIT}年(?!代)` +
    `(?:${SPACE_BEFORE_DIGIT}(?<m>${MONTH})${SPACE_BEFORE_UNIT}月份?(?:${SPACE_BEFORE_DIGIT}(?<d>${DAY})${SPACE_BEFORE_UNIT}[日号]|(?<d2>${DAY})${NO_DAY_SUFFIX_AFTER})?)?`,
  "g",
);

/** `time:zh/full-date`. */
export const fullDate: Parser = {
  name: "full-date",
  triggers: "年",
  starts: `${YEAR_STARTS}两`,
  pattern,
  extract(match) {
    const g = match.groups ?? {};
    const point = ymd({ y: g.y, m: g.m, d: g.d ?? g.d2 });
    if (point?.year === undefined) return null;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "full-date",
      calendar: "gregorian",
      mod: null,
      point,
      need: "none",
    };
  },
};
