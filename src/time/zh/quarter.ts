/**
 * Quarters of a year: 2015年第一季度 (2015-Q1), 2015年度第四季度, 2015年一季度, 第三季度 / 三季度 (the
 * narrative's or the reference's year), and counted from now: 本季度, 这个季度 (the quarter of the
 * reference date), 上季度 / 上个季度 (−1), 下季度 / 下个季度 (+1). 今年第一季度 is a relative year
 * (`relative-year`).
 * Must not match: 每季度 (a set), 一个季度 / 三个季度 (durations), 前三季度 (the first three), 第三季
 * (a series' season), 以上季度数据 (以上 + 季度), 季度报告 (no number).
 */
import type { Parser } from "../types.js";
import { NOT_AFTER_NUMBER, YEAR, num, yearOf } from "./fragments.js";

const pattern = new RegExp(
  `${NOT_AFTER_NUMBER}(?:(?:(?<y>(?:公元|西元)?${YEAR})年度?)?(?<![每前后头近几])第?(?<q>[一二三四1-4])季度|(?<![以之马向往])(?<now>本|这个|这一|上个?|下个?)季度)`,
  "g",
);

/** `time:zh/quarter`. */
export const quarter: Parser = {
  name: "quarter",
  triggers: "季",
  starts: "\\d〇零一二三四五六七八九公西第本这上下",
  // Every match holds 季度.
  gate: /季度/,
  pattern,
  extract(match) {
    const g = match.groups ?? {};
    const base = {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE" as const,
      rule: "quarter",
      calendar: "gregorian" as const,
      mod: null,
    };
    if (g.now !== undefined) {
      const offset = g.now.startsWith("上") ? -3 : g.now.startsWith("下") ? 3 : 0;
      const fromNow = { unit: "month" as const, offset, grain: "quarter" as const };
      return { ...base, point: {}, need: "year", fromNow };
    }
    const q = num(g.q);
    if (q === undefined || q < 1 || q > 4) return null;
    const year = yearOf(g.y);
    if (year === undefined) return { ...base, point: { quarter: q }, need: "year" };
    return { ...base, point: { year, quarter: q }, need: "none" };
  },
};
