/**
 * An era year with a month (and day): lunar before the country adopted the Gregorian calendar
 * (光绪二十一年三月二十三日 → 1895-04-17, calendar lunar; 光绪二十六年闰八月), Gregorian after
 * (民国38年10月1日 → 1949-10-01, calendar era; 明治35年2月7日).
 * A year without its era right after the era's Veritable Records takes that era: 《高宗实录》卷12，
 * 十二年三月初四日 (Korean 高宗 12 → 1875-04-09, lunar).
 * Must not match: 光绪二十一年 alone (era-year covers it), 唐太宗三年五月, 《史记》卷12，十二年三月.
 */
import type { Parser } from "../types.js";
import { lunarToGregorian } from "../lunar.js";
import { pointValue } from "../value.js";
import { eraAt } from "./era-year.js";
import { once } from "../tables.js";
import {
  eraNames,
  eraStarts,
  LUNAR_DAY,
  LUNAR_MONTH,
  lunarDay,
  lunarMonth,
  num,
} from "./fragments.js";

const pattern = once(
  () =>
    new RegExp(
      `(?:(?<era>${eraNames()})|(?<=《(?<rec>${eraNames()})实录》卷?[\\d〇零一二三四五六七八九十百]*[，,、\\s]*))(?<n>\\d{1,2}|元|[一二三四五六七八九十廿]{1,3})年(?<leap>闰)?(?<m>${LUNAR_MONTH})月(?:(?<d>${LUNAR_DAY})日|(?<d2>初[一二三四五六七八九十]|廿[一二三四五六七八九]|[二三]十[一二三四五六七八九]?))?`,
      "g",
    ),
);

// A match starts at its era, or (after 《…实录》) at its year.
const starts = once(() => `${eraStarts()}\\d元一二三四五六七八九十廿`);

/** `time:zh/era-date`. */
export const eraDate: Parser = {
  name: "era-date",
  triggers: "年",
  get starts() {
    return starts();
  },
  // Every match holds the era year's last character, 年, (闰) the month and 月.
  gate: /[\d元一二三四五六七八九十廿]年闰?[正腊冬\d一二三四五六七八九十]{1,2}月/,
  get pattern() {
    return pattern();
  },
  extract(match, input) {
    const g = match.groups ?? {};
    // Note: a bare reign year after the reign's Veritable Records (《高宗实录》卷12，十二年三月初四日).
    const at = g.era !== undefined ? match.index : input.text.lastIndexOf("《", match.index) + 1;
    const era = eraAt(g.era ?? g.rec, input, at);
    const n = num(g.n);
    const month = lunarMonth(g.m);
    const day = lunarDay(g.d ?? g.d2);
    if (era === undefined || n === undefined || month === undefined || month < 1 || month > 12) {
      return null;
    }
    const year = era.first + n - 1;
    const base = {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE" as const,
      rule: "era-date",
      mod: null,
      need: "none" as const,
    };
    if (year < era.table.lunarBefore) {
      const parts = { month, leap: g.leap !== undefined, ...(day !== undefined ? { day } : {}) };
      const solar = lunarToGregorian(year, parts);
      if (solar === null) return null;
      // Note: a day's month as its own value, for a split at a link's edge (`link-split.ts`).
      const whole = day !== undefined ? lunarToGregorian(year, { month, leap: parts.leap }) : null;
      return {
        ...base,
        calendar: "lunar",
        point: { ...solar },
        ...(whole !== null
          ? { lunarMonthValue: pointValue({ year: whole.year, month: whole.month }) }
          : {}),
      };
    }
    if (g.leap !== undefined || (day !== undefined && day > 31)) return null;
    return {
      ...base,
      calendar: "era",
      point: { year, month, ...(day !== undefined ? { day } : {}) },
    };
  },
};
