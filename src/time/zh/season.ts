/**
 * Seasons of a stated or narrative year: 2015年春 (2015-SP), 1950年夏季, 同年秋天, 次年冬, 冬 in
 * 1903年（光绪二十九年）冬 (after a year's gloss).
 * Must not match: 春节 (a festival), 春季攻势 without a year, 2015年春节.
 */
import type { Parser } from "../types.js";
import { lexicon } from "../tables.js";
import { NOT_AFTER_NUMBER, YEAR, ymd } from "./fragments.js";

const pattern = new RegExp(
  `${NOT_AFTER_NUMBER}(?:(?<y>(?:公元|西元)?${YEAR})年|(?<r>同年|当年|这年|是年|该年|本年|次年|翌年|第二年)|(?<gloss>(?<=年[）)])))(?<p>初|末)?(?<s>[春夏秋冬])(?:季|天)?(?![节])`,
  "g",
);

/** `time:zh/season`. */
export const season: Parser = {
  name: "season",
  triggers: "春夏秋冬",
  starts: "\\d〇零一二三四五六七八九公西春夏秋冬初末本这该是同当次翌第",
  pattern,
  extract(match) {
    const g = match.groups ?? {};
    const code = g.s === undefined ? undefined : lexicon().seasons[g.s];
    if (code === undefined) return null;
    const point = ymd({ y: g.y });
    if (point === undefined) return null;
    point.season = code;
    // Note: after a year and its gloss (1903年（光绪二十九年）冬) the season takes the line's year.
    const relative =
      g.r !== undefined || g.gloss !== undefined
        ? { unit: "year" as const, offset: /次年|翌年|第二年/.test(g.r ?? "") ? 1 : 0 }
        : undefined;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "season",
      calendar: "gregorian",
      mod: g.p === "初" ? "START" : g.p === "末" ? "END" : null,
      point,
      need: relative !== undefined ? "year" : "none",
      ...(relative !== undefined ? { relative } : {}),
    };
  },
};
