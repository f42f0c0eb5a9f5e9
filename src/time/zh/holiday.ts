/**
 * Holidays as dates, solar and lunar, from `data/time/holidays.json`: 元旦, 国庆节, 2018年春节,
 * 中秋, 除夕, 清明节, 大年初一 (lunar 1/1), 大年初五. Without a written year the year comes from
 * the reference date, else from the narrative.
 * Must not match: 政治清明 (清明 alone needs a year or 节), 五一二 (a number), 韩国庆州 / 中国庆祝
 * (国庆 across two words: `wordAfter`); 春节联欢晚会 is still 春节 (the festival it is named after).
 */
import { alternation, holidays, once } from "../tables.js";
import type { Candidate, Parser } from "../types.js";
import { NOT_AFTER_NUMBER, YEAR, YEAR_STARTS, firstChars, lunarDay, yearOf } from "./fragments.js";

/** Every holiday name of `data/time/holidays.json`, as an alternation. */
const nameList = once(() => {
  const t = holidays();
  return [...Object.keys(t.solar), ...Object.keys(t.lunar), ...t.eve, ...Object.keys(t.terms)];
});
const names = once(() => alternation(nameList()));

const pattern = once(
  () =>
    new RegExp(
      `${NOT_AFTER_NUMBER}(?:(?<y>(?:公元|西元)?${YEAR})年)?(?:(?<name>${names()})|大年(?<d>初[一二三四五六七八九十]))(?![〇零一二三四五六七八九十])`,
      "g",
    ),
);

const starts = once(() => `${YEAR_STARTS}大${firstChars(nameList())}`);

// Every match holds a holiday's name or 大年初.
const gate = once(() => new RegExp(`${names()}|大年初`));

/** `time:zh/holiday`. */
export const holiday: Parser = {
  name: "holiday",
  triggers: "元节旦庆一夕宵秋午阳明春至诞年",
  get starts() {
    return starts();
  },
  get pattern() {
    return pattern();
  },
  get gate() {
    return gate();
  },
  extract(match) {
    const g = match.groups ?? {};
    const year = yearOf(g.y);
    const name = g.name;
    const next = match.input.charAt(match.index + match[0].length);
    if (name !== undefined && next !== "" && holidays().wordAfter[name]?.includes(next))
      return null;
    if (name !== undefined && year === undefined && holidays().needsYear.includes(name)) {
      const after = match.input.slice(match.index + match[0].length);
      if (!holidays().festiveAfter.some((w) => after.startsWith(w))) return null;
    }
    const base: Candidate = {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "holiday",
      calendar: "gregorian",
      mod: null,
      point: year !== undefined ? { year } : {},
      need: year !== undefined ? "none" : "year",
    };
    if (name === undefined) {
      const day = lunarDay(g.d);
      if (day === undefined) return null;
      return { ...base, calendar: "lunar", lunar: { month: 1, day, leap: false } };
    }
    const lunar = name in holidays().lunar || holidays().eve.includes(name);
    return { ...base, holiday: name, ...(lunar ? { calendar: "lunar" as const } : {}) };
  },
};
