/**
 * Sexagenary (干支) years used as dates: 甲午年, 庚子年 (the cycle is fixed by the narrative
 * year), 光绪甲午年 (fixed by the era); with a month and day they are lunar dates:
 * 辛丑年七月二十五日 (1901-09-07 in a 1901 narrative), 阴历壬午年五月.
 * Must not match: 辛丑条约, 庚子赔款, 辛未洋擾, 甲申政变 (names, no 年).
 */
import type { Parser } from "../types.js";
import { eraAt } from "./era-year.js";
import { once } from "../tables.js";
import { LUNAR_DAY, LUNAR_MONTH, eraNames, eraStarts, lunarDay, lunarMonth } from "./fragments.js";

const STEMS = "甲乙丙丁戊己庚辛壬癸";
const BRANCHES = "子丑寅卯辰巳午未申酉戌亥";
const pattern = once(
  () =>
    new RegExp(
      `(?:阴历|农历)?(?<era>${eraNames()})?(?<s>[${STEMS}])(?<b>[${BRANCHES}])年(?!代)` +
        `(?:(?<m>${LUNAR_MONTH})月(?:(?<d>${LUNAR_DAY})日?)?)?`,
      "g",
    ),
);

const starts = once(() => `阴农${eraStarts()}${STEMS}`);

/** Index 0–59 of a stem-branch pair (甲子 = 0), or undefined for an impossible pair. */
export function cycleIndex(stem: number, branch: number): number | undefined {
  for (let k = 0; k < 60; k += 1) if (k % 10 === stem && k % 12 === branch) return k;
  return undefined;
}

/** The Gregorian year of cycle index `k` nearest to `near` (甲子 1984 = index 0). */
export function nearestYear(k: number, near: number): number {
  const base = near - ((((near - 4 - k) % 60) + 60) % 60);
  return near - base > 30 ? base + 60 : base;
}

/** `time:zh/sexagenary-year`. */
export const sexagenaryYear: Parser = {
  name: "sexagenary-year",
  triggers: "年",
  get starts() {
    return starts();
  },
  // Every match holds its stem, branch and 年.
  gate: /[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年/,
  get pattern() {
    return pattern();
  },
  extract(match, input) {
    const g = match.groups ?? {};
    const k = cycleIndex(STEMS.indexOf(g.s ?? ""), BRANCHES.indexOf(g.b ?? ""));
    if (k === undefined) return null;
    const month = lunarMonth(g.m);
    const day = lunarDay(g.d);
    if (month !== undefined && (month < 1 || month > 12)) return null;
    if (day !== undefined && (day < 1 || day > 30)) return null;
    // Note: a month/day after a sexagenary year is in the lunar calendar (辛丑年七月二十五日).
    const lunar =
      month !== undefined
        ? { lunar: { month, leap: false, ...(day !== undefined ? { day } : {}) } }
        : {};
    const base = {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE" as const,
      rule: "sexagenary-year",
      calendar: month !== undefined ? ("lunar" as const) : ("sexagenary" as const),
      mod: null,
      ...lunar,
    };
    if (g.era !== undefined) {
      const era = eraAt(g.era, input, match.index);
      if (era === undefined) return null;
      const year = nearestYear(k, era.first + 30);
      return { ...base, point: { year }, need: "none" };
    }
    return { ...base, point: {}, sexagenary: k, need: "year" };
  },
};
