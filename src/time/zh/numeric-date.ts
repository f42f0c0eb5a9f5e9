/**
 * Numeric dates with the year last, and eight-digit dates: 3/3/2015 and 12/25/2015 (slashes:
 * month first, as in US usage, unless the first number cannot be a month: 25/12/2015),
 * 13.5.2015 and 1.10.2015 (dots: day first, as in European usage, unless the second number
 * cannot be a month), 20240307 (YYYYMMDD, a valid date standing alone), and slashed dates with a
 * two-digit year (10/31/74, 05/05/89: the century nearest the narrative's year, as for 07年).
 * Must not match: 1.2.3 (a version), 3/5 (a score), 13812345678 (a phone number, 11 digits),
 * 978-7-108-01234-5 (an ISBN), 20241307 (no month 13), 电话20240307, 20240307号, 1.2.15 (dots
 * with a two-digit year read as a version), 3/5/15页.
 */
import type { Parser } from "../types.js";
import { isValidDate } from "../value.js";

const pattern =
  /(?<![\w.\-/:#])(?:(?<a>\d{1,2})(?<sep>[/.])(?<b>\d{1,2})\k<sep>(?<y>1[5-9]\d{2}|20\d{2})|(?<a2>\d{1,2})\/(?<b2>\d{1,2})\/(?<yy>\d{2})|(?<y8>19\d{2}|20\d{2})(?<m8>0[1-9]|1[0-2])(?<d8>0[1-9]|[12]\d|3[01]))(?![\w.\-/:#])/g;

/** Words right before or after an eight-digit number that make it a code, not a date. */
const CODE_BEFORE = /(?:电话|号码|编号|代码|账号|帐号|ISBN|No\.?|#)\s*$/i;
const CODE_AFTER = /^[号次元件个人万亿位]/;

/** `time:zh/numeric-date`. */
export const numericDate: Parser = {
  name: "numeric-date",
  triggers: "0123456789",
  starts: "\\d",
  pattern,
  extract(match, input) {
    const g = match.groups ?? {};
    const start = match.index;
    const end = start + match[0].length;
    const base = {
      start,
      end,
      type: "DATE",
      rule: "numeric-date",
      calendar: "gregorian",
      mod: null,
    } as const;
    let year: number;
    let month: number;
    let day: number;
    if (g.yy !== undefined) {
      // A two-digit year: month first unless the first number cannot be a month; no unit after.
      if (
        CODE_AFTER.test(input.text.slice(end, end + 1)) ||
        /^[页頁期卷]/.test(input.text.slice(end))
      )
        return null;
      const a = Number.parseInt(g.a2 ?? "", 10);
      const b = Number.parseInt(g.b2 ?? "", 10);
      month = a > 12 ? b : a;
      day = a > 12 ? a : b;
      if (!isValidDate(2000, month, day)) return null;
      return { ...base, point: { month, day }, need: "year", shortYear: Number.parseInt(g.yy, 10) };
    }
    if (g.y8 !== undefined) {
      const before = input.text.slice(Math.max(0, start - 5), start);
      if (CODE_BEFORE.test(before) || CODE_AFTER.test(input.text.slice(end, end + 1))) return null;
      year = Number.parseInt(g.y8, 10);
      month = Number.parseInt(g.m8 ?? "", 10);
      day = Number.parseInt(g.d8 ?? "", 10);
    } else {
      const a = Number.parseInt(g.a ?? "", 10);
      const b = Number.parseInt(g.b ?? "", 10);
      year = Number.parseInt(g.y ?? "", 10);
      const dayFirst = g.sep === "." ? b <= 12 : a > 12;
      month = dayFirst ? b : a;
      day = dayFirst ? a : b;
    }
    if (!isValidDate(year, month, day)) return null;
    return { ...base, point: { year, month, day }, need: "none" };
  },
};
