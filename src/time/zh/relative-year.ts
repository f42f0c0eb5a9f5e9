/**
 * Years stated relative to the narrative year, with optional month/day/part, half, season or
 * quarter (今年夏天 → 2017-SU, 今年第一季度 → 2017-Q1, 明年下半年): 同年11月,
 * 这年, 本年, 当年, 是年, 次年, 翌年, 第二年 (+1), 前一年 (-1), 同年底, 次年3月5日.
 * 去年/今年/明年/前年 (counted from the narrative year: they occur in reported speech and
 * documents — 1977年1月…文件称去年8月6日 → 1976-08-06 — so they do not move the line).
 * Must not match: 每年 (a set), 享年, 年度, 当年度, 今年春节 (a festival), 今年冬奥会, 今年季度.
 */
import type { Parser } from "../types.js";
import { lexicon } from "../tables.js";
import { DAY, MONTH, num, partMod, ymd } from "./fragments.js";

const pattern = new RegExp(
  `(?<![马])(?<r>同年|这一年|这年|本年|当年|是年|该年|次年|翌年|第二年|隔年|前一年|上一年|去年|今年|明年|前年)(?:(?<m>${MONTH})月份?(?:(?<d>${DAY})[日号])?(?<p2>上旬|中旬|下旬|初|底|末)?|(?<p>初|底|末|中(?=[，。；、]))|(?<h>[上下])半年|(?<s>[春夏秋冬])(?:季(?!度)|天)|第?(?<q>[一二三四1-4])季度)?(?!度|代|级)`,
  "g",
);

const DEICTIC = /^(?:去年|今年|明年|前年)$/;

/** `time:zh/relative-year`. */
export const relativeYear: Parser = {
  name: "relative-year",
  triggers: "年",
  starts: "上今前去明本这该是同当次翌隔第",
  pattern,
  extract(match) {
    const g = match.groups ?? {};
    const point = ymd({ m: g.m, d: g.d });
    if (point === undefined) return null;
    if (g.h !== undefined) point.half = g.h === "上" ? 1 : 2;
    const season = g.s === undefined ? undefined : lexicon().seasons[g.s];
    if (season !== undefined) point.season = season;
    const q = num(g.q);
    if (q !== undefined) point.quarter = q;
    const r = g.r ?? "";
    // Note: 去年/明年 in a narrative count from the narrative year (reported speech, documents).
    const offset = /次年|翌年|第二年|隔年|明年/.test(r)
      ? 1
      : /前一年|上一年|去年/.test(r)
        ? -1
        : r === "前年"
          ? -2
          : 0;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "relative-year",
      calendar: "gregorian",
      mod: partMod(g.p ?? g.p2),
      point,
      need: "year",
      relative: {
        unit: "year",
        offset,
        ...(DEICTIC.test(r) ? { deictic: true } : {}),
        // Note: 当年 with nothing after it (not 当年9月, 当年底) may mean "back then".
        ...(r === "当年" && match[0].length === 2 ? { backThen: true } : {}),
      },
      ...(DEICTIC.test(r)
        ? { fromNow: { unit: "year" as const, offset, grain: "year" as const } }
        : {}),
    };
  },
};
