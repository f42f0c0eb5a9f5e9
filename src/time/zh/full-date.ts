/**
 * Full and partial Gregorian dates with a written year.
 * Matches: 2018年6月12日, 2009年12月, 1866年, 一九九八年, 二〇一八年十二月廿五日, 公元8年, 2019年6月份.
 * Must not match: 1990年代 (a decade), 1.75万年, 8022-02.
 */
import type { Parser } from "../types.js";
import { DAY, MONTH, NOT_AFTER_NUMBER, YEAR, ymd } from "./fragments.js";

const pattern = new RegExp(
  `${NOT_AFTER_NUMBER}(?<y>(?:公元|西元)?${YEAR}|(?:公元|西元)\\d{1,2})年(?!代)` +
    `(?:(?<m>${MONTH})月份?(?:(?<d>${DAY})[日号])?)?`,
  "g",
);

/** `time:zh/full-date`. */
export const fullDate: Parser = {
  name: "full-date",
  triggers: "年",
  pattern,
  extract(match) {
    const point = ymd(match.groups ?? {});
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
