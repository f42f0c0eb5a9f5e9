/**
 * Lunar dates marked as such, without an era: 农历九月六日, 阴历1866年9月6日, 正月初一, 腊月廿三,
 * 闰五月. The lunar year is stated or taken from the narrative; the value is the Gregorian date.
 * Must not match: 九月六日 (a Gregorian month-day), 一月 (no lunar marker), 正月十五元宵节's 元宵节.
 */
import type { Parser } from "../types.js";
import { DAY, LUNAR_DAY, MONTH, YEAR, lunarDay, lunarMonth, yearOf } from "./fragments.js";

const pattern = new RegExp(
  `(?<cal>农历|阴历|旧历|夏历)(?:(?<y>${YEAR})年)?(?<leap>闰)?(?<m>正|腊|冬|${MONTH})月(?:(?<d>${LUNAR_DAY})日?)?` +
    `|(?<leap2>闰)?(?<m2>正|腊|冬)月(?<d3>${LUNAR_DAY})?日?` +
    `|(?<leap3>闰)(?<m3>${MONTH})月(?:(?<d4>${DAY})日)?` +
    `|(?<![\\d〇零一二三四五六七八九十])(?<m4>${MONTH})月(?<d5>初[一二三四五六七八九十])`,
  "g",
);

/** `time:zh/lunar-date`. */
export const lunarDate: Parser = {
  name: "lunar-date",
  triggers: "月",
  starts: "\\d一二三四五六七八九十农阴旧夏正腊冬闰",
  // Every match holds 农历/阴历/旧历/夏历, 正/腊/冬月, 闰N月 or 月初N.
  gate: /[农阴旧夏]历|[正腊冬]月|闰[\d十一二三四五六七八九]{1,2}月|月初[一二三四五六七八九十]/,
  pattern,
  extract(match) {
    const g = match.groups ?? {};
    const month = lunarMonth(g.m ?? g.m2 ?? g.m3 ?? g.m4);
    const day = lunarDay(g.d ?? g.d3 ?? g.d4 ?? g.d5);
    if (month === undefined || month < 1 || month > 12) return null;
    if (day !== undefined && (day < 1 || day > 30)) return null;
    const year = yearOf(g.y);
    const leap = (g.leap ?? g.leap2 ?? g.leap3) !== undefined;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "lunar-date",
      calendar: "lunar",
      mod: null,
      lunar: { month, leap, ...(day !== undefined ? { day } : {}) },
      point: year !== undefined ? { year } : {},
      need: year !== undefined ? "none" : "year",
    };
  },
};
