/**
 * Regex fragments shared by the Chinese parsers (sources, compiled into each parser's one
 * pattern), and readers for the groups they capture.
 */
import { CN_NUM_CHAR, parseNumber } from "../numerals.js";
import { eras, lexicon, alternation, once } from "../tables.js";
import type { Point } from "../types.js";

/** A year numeral: 3–4 Arabic digits or a 4-digit Chinese digit string (二〇一八). */
export const YEAR = "(?:\\d{3,4}|[〇零一二三四五六七八九]{4})";
/** A month numeral, 1–12. */
export const MONTH = "(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
/** A day numeral, 1–31 (Arabic, positional Chinese, 廿/卅). */
export const DAY =
  "(?:3[01]|[12]\\d|0?[1-9]|[二三]十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|十[一二三四五六七八九]?|[一二三四五六七八九])";
/**
 * What follows a day written without 日/号: the end of its clause (八月十五，), never a digit, a
 * numeral, a measure or a unit (八月十五个人, 8月15万, 1853年1月一艘).
 */
export const NO_DAY_SUFFIX_AFTER =
  "(?![日号\\d〇零一二两三四五六七八九十百千万亿个名位人岁天年月多余次届号点时分条项件种倍％%])(?=[，。；、：,.;:\\s（()）」”]|$)";
/** A small count: Arabic digits or Chinese numeral characters. */
export const COUNT = `(?:\\d{1,3}|${CN_NUM_CHAR}{1,4})`;
/** Part-of-day words (上午, 晚上, …), built at first use from the lexicon. */
export const partOfDayWords = once(() => alternation(Object.keys(lexicon().partsOfDay)));
/** What a part-of-day word starts with (a parser's `starts`). */
export const partOfDayStarts = once(() => firstChars(Object.keys(lexicon().partsOfDay)));
/** Era and reign names, built at first use from the era tables. */
export const eraNames = once(() => alternation(eras().keys()));
/** What an era or reign name starts with (a parser's `starts`). */
export const eraStarts = once(() => firstChars(eras().keys()));
/** Not preceded by a digit, a decimal point or a hyphen after a letter or digit (1.75万, 8022-02). */
export const NOT_AFTER_NUMBER = "(?<![\\d.]|[A-Za-z\\d][\\-－])";
/**
 * The first characters of `words`, as the body of a character class (a parser's `starts`).
 * Note: the words are plain Han text (no class metacharacters).
 */
export function firstChars(words: Iterable<string>): string {
  return [...new Set([...words].map((w) => w.charAt(0)))].join("");
}
/** What a YEAR, optionally after 公元/西元, starts with (a parser's `starts`). */
export const YEAR_STARTS = "\\d〇零一二三四五六七八九公西";
/** A number written with a leading zero (08, 零八): a year or a code, never a count. */
export const LEADING_ZERO = /^[0〇零][\d〇零一二两三四五六七八九]/;
/**
 * A space between Arabic digits and their unit (2008 年 8 月 8 日: spacing between Latin and Han
 * text, as some sites and editors insert it), before the unit and after it.
 */
export const SPACE_BEFORE_UNIT = "(?:(?<=\\d) (?=[年月日号]))?";
export const SPACE_BEFORE_DIGIT = "(?:(?<=[年月]) (?=\\d))?";
/** Not followed by another digit. */
export const NO_DIGIT_AFTER = "(?!\\d)";

/** The number written in a captured group, or undefined. */
export function num(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return parseNumber(text) ?? undefined;
}

/** A Gregorian year from a YEAR group (`公元` prefixes allowed). */
export function yearOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return num(text.replace(/^(?:公元|西元)/, ""));
}

/** Year/month/day from groups y, m, d; undefined when a part is out of range. */
export function ymd(groups: Record<string, string | undefined>): Point | undefined {
  const p: Point = {};
  const y = yearOf(groups.y);
  if (y !== undefined) p.year = y;
  const m = num(groups.m);
  if (m !== undefined) {
    if (m < 1 || m > 12) return undefined;
    p.month = m;
  }
  const d = num(groups.d);
  if (d !== undefined) {
    if (d < 1 || d > 31) return undefined;
    if (m !== undefined && d > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!) {
      return undefined;
    }
    p.day = d;
  }
  return p;
}

/** Mods of month/year parts: 初/上旬 START, 中/中旬 MID, 底/末/下旬 END. */
export function partMod(part: string | undefined): "START" | "MID" | "END" | null {
  if (part === undefined) return null;
  if (/^(?:初|上旬|初期|前期|上半叶|早期)$/.test(part)) return "START";
  if (/^(?:中|中旬|中期|中叶|中后期|中晚期)$/.test(part)) return "MID";
  if (/^(?:底|末|下旬|末期|后期|晚期|下半叶)$/.test(part)) return "END";
  return null;
}

/** A lunar day: 初一…初十, 十一, 廿三, 二十三, 三十 (with or without 日). */
export const LUNAR_DAY =
  "(?:初[一二三四五六七八九十]|廿[一二三四五六七八九]|[二三]十[一二三四五六七八九]?|十[一二三四五六七八九]?|3[01]|[12]\\d|0?[1-9]|[一二三四五六七八九])";
/** A lunar month: 正, 腊, 冬 or a month numeral. */
export const LUNAR_MONTH = `(?:正|腊|冬|${MONTH})`;

/** Number of a lunar month name (正 1, 冬 11, 腊 12). */
export function lunarMonth(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (text === "正") return 1;
  if (text === "冬") return 11;
  if (text === "腊") return 12;
  return num(text);
}

/** Number of a lunar day (初三 → 3). */
export function lunarDay(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return num(text.replace(/^初/, ""));
}
