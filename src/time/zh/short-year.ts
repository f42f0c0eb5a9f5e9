/**
 * Two-digit years, only where clearly a year: followed by a month (07年8月, 九七年七月一日), with a
 * leading zero (08年奥运会, 零八年: no count is written so), in a
 * range of years after a four-digit year (1997-98年) or with a leading zero or from 50 (07年至08年,
 * 97至98年; 10至15年 is a range of durations), or written with an apostrophe ('98). The century is the
 * one putting the year nearest the narrative's year (`Candidate.shortYear`; see anchor.ts).
 * Must not match: 5年 (one digit), 10年 (a duration: no month follows), 30年代 (a decade),
 * 二三年 without a month, 1998 (four digits), 07年度.
 */
import type { Parser } from "../types.js";
import { parseDigitString } from "../numerals.js";
import { DAY, MONTH, SPACE_BEFORE_UNIT, ymd } from "./fragments.js";

const YY = "(?:\\d{2}|[〇零一二三四五六七八九]{2})";
/** A two-digit year in a range without a month: with a leading zero or from 50 (07年至08年, 97至98年). */
const YEARISH_ALT =
  "0\\d|[5-9]\\d|[〇零][〇零一二三四五六七八九]|[五六七八九][〇零一二三四五六七八九]";
const YEARISH = `(?:${YEARISH_ALT})`;
const DASH = "\\s*[至到\\-－—–～~]\\s*";
const pattern = new RegExp(
  `(?<![\\d〇零一二三四五六七八九十A-Za-z'’‘.])(?:` +
    `['’‘](?<a>\\d{2})(?!\\d)(?:年(?:(?<am>${MONTH})月(?:(?<ad>${DAY})[日号])?)?)?` +
    `|(?<y>${YY})(?:${SPACE_BEFORE_UNIT}年(?:(?<m>${MONTH})月(?:(?<d>${DAY})[日号])?)?(?![代度级])|(?=${DASH})))`,
  "g",
);
const RANGE_HEAD = new RegExp(`^${YEARISH}年?${DASH}${YEARISH}年(?![代度级])`);
const RANGE_END = new RegExp(`(?:\\d{4}|${YEARISH_ALT})年?${DASH}$`);

/** `time:zh/short-year`. */
export const shortYear: Parser = {
  name: "short-year",
  triggers: "年'’‘",
  starts: "\\d〇零一二三四五六七八九'’‘",
  pattern,
  extract(match, input) {
    const g = match.groups ?? {};
    const digits = g.a ?? g.y ?? "";
    if (g.y !== undefined && g.m === undefined) {
      // Note: without a month, only an end of a range of years (07年至08年, 1997-98年).
      const from = match.index;
      const head = RANGE_HEAD.test(input.text.slice(from, from + 12));
      const tail =
        match[0].endsWith("年") && RANGE_END.test(input.text.slice(Math.max(0, from - 8), from));
      // A leading zero makes it a year on its own (08年奥运会, 零八年): no count is written so.
      const alone = match[0].endsWith("年") && /^[0〇零]/.test(digits);
      if (!head && !tail && !alone) return null;
      if (head && !/^(?:0\d|[5-9]\d|[〇零五六七八九].)$/.test(digits)) return null;
    }
    const yy = /^\d+$/.test(digits) ? Number.parseInt(digits, 10) : parseDigitString(digits);
    if (yy === null) return null;
    const point = ymd({ m: g.am ?? g.m, d: g.ad ?? g.d });
    if (point === undefined) return null;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "short-year",
      calendar: "gregorian",
      mod: null,
      point,
      need: "year",
      shortYear: yy,
    };
  },
};
