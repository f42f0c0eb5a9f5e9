/**
 * Full and partial Gregorian dates with a written year.
 * Matches: 2018年6月12日, 2009年12月, 1866年, 一九九八年, 二〇一八年十二月廿五日, 公元8年, 2019年6月份,
 * and a day without 日/号 after a year and month: 二零零四年八月十五, 2004年8月15; a year told as a
 * number with 千 when a month follows (两千零四年八月十五, 一千九百九十八年三月).
 * Must not match: 1990年代 (a decade), 1.75万年, 8022-02; 2004年8月15万人 keeps only 2004年8月;
 * 两千年来 (two thousand years: no month follows).
 */
import type { Parser } from "../types.js";
import {
  DAY,
  MONTH,
  NOT_AFTER_NUMBER,
  NO_DAY_SUFFIX_AFTER,
  YEAR,
  YEAR_STARTS,
  ymd,
} from "./fragments.js";

/** A year told as a number with 千 (两千零四, 一千九百九十八), only before a month (两千年 is also a span). */
const THOUSANDS_YEAR = `[一二两]千(?:零?[〇零一二三四五六七八九十百]{1,5})?(?=年${MONTH}月)`;

const pattern = new RegExp(
  `${NOT_AFTER_NUMBER}(?<y>(?:公元|西元)?${YEAR}|(?:公元|西元)\\d{1,2}|${THOUSANDS_YEAR})年(?!代)` +
    `(?:(?<m>${MONTH})月份?(?:(?<d>${DAY})[日号]|(?<d2>${DAY})${NO_DAY_SUFFIX_AFTER})?)?`,
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
