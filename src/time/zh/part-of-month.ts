/**
 * The start, middle or end of a month or year: 初/中/底/末/上旬/中旬/下旬.
 * Matches: 4月中旬 (MID), 1月底 (END), 2006年底, 2010年初, 2015年1月初, 2018年上半年.
 * A bare 上半年/下半年 takes its year from the narrative or the reference date.
 * Must not match: 马上半年 (马上 + 半年), 2018年中国 (年中 followed by a word), 3月中美会谈.
 */
import type { Parser, Point } from "../types.js";
import { MONTH, NOT_AFTER_NUMBER, YEAR, partMod, ymd } from "./fragments.js";

// Note: 中 alone is taken only before punctuation or the end of the text (年中，), never before
// a word (2018年中国, 3月中美).
const PART = "(?<p>上旬|中旬|下旬|初(?![版步稿审选赛级中次])|底|末|中(?=[，。；、,.;]|$))";
const pattern = new RegExp(
  `${NOT_AFTER_NUMBER}(?:(?<y>(?:公元|西元)?${YEAR})年)?(?:(?<m>${MONTH})月${PART}|(?<![马以往])(?<h>上|下)半年|(?<=年)${PART.replace("?<p>", "?<q>")})`,
  "g",
);

/** `time:zh/part-of-month`. */
export const partOfMonth: Parser = {
  name: "part-of-month",
  triggers: "初中底末旬半",
  starts: "\\d〇零一二三四五六七八九十公西上中下初底末",
  // Every match holds 月 or 年 before its part (上旬, 初, 底…), or 上半年/下半年.
  gate: /[月年][上中下初底末]|[上下]半年/,
  pattern,
  extract(match) {
    const g = match.groups ?? {};
    const point: Point | undefined = ymd(g);
    if (point === undefined) return null;
    if (g.h !== undefined) {
      point.half = g.h === "上" ? 1 : 2;
      return {
        start: match.index,
        end: match.index + match[0].length,
        type: "DATE",
        rule: "part-of-month",
        calendar: "gregorian",
        mod: null,
        point,
        // Note: a bare 上半年/下半年 takes the narrative's (or the reference's) year.
        need: point.year === undefined ? "year" : "none",
      };
    }
    const part = g.p ?? g.q;
    if (g.q !== undefined && point.year === undefined) return null;
    if (point.month === undefined && point.year === undefined) return null;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "part-of-month",
      calendar: "gregorian",
      mod: partMod(part),
      point,
      need: point.year === undefined ? "year" : "none",
    };
  },
};
