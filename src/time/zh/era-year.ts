/**
 * Era-name and reign years → the Gregorian year (calendar era): 光绪二十一年 (1895), 民国38年
 * (1949), 民国元年 (1912), 昭和20年 (1945), 明治27年, 世宗二十五年 (1443).
 * Must not match: 唐高宗三年 (a Chinese ruler, not the Joseon king), 明朝太祖三年 (a Joseon
 * temple name with no Korean context in its block or the title), 明治维新 (no year).
 */
import type { ParseInput, Parser } from "../types.js";
import { eras, once } from "../tables.js";
import { eraNames, eraStarts, num } from "./fragments.js";

const pattern = once(
  () =>
    new RegExp(`(?<era>${eraNames()})(?<n>\\d{1,2}|元|[一二三四五六七八九十廿]{1,3})年(?!代)`, "g"),
);

/** The era at a match, or undefined when the character before or a missing context rules it out. */
export function eraAt(name: string | undefined, input: ParseInput, at: number) {
  if (name === undefined) return undefined;
  const era = eras().get(name);
  if (era === undefined) return undefined;
  const text = input.text;
  const before = at > 0 ? (text[at - 1] ?? "") : "";
  if (before !== "" && era.table.skipAfter.includes(before)) return undefined;
  const context = era.table.context;
  if (context !== undefined) {
    const named =
      context.words.some((w) => text.includes(w) || input.title.includes(w)) ||
      context.suffixes.some((s) => text.includes(name + s));
    if (!named) return undefined;
  }
  return era;
}

/** `time:zh/era-year`. */
export const eraYear: Parser = {
  name: "era-year",
  triggers: "年",
  get starts() {
    return eraStarts();
  },
  get pattern() {
    return pattern();
  },
  extract(match, input) {
    const g = match.groups ?? {};
    const era = eraAt(g.era, input, match.index);
    const n = num(g.n);
    if (era === undefined || n === undefined || n < 1 || n > 70) return null;
    const year = era.first + n - 1;
    const traditional = era.table.traditionalMonthDays === true && year < era.table.lunarBefore;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "era-year",
      calendar: "era",
      mod: null,
      point: { year },
      need: "none",
      ...(traditional ? { traditionalMonths: true } : {}),
    };
  },
};
