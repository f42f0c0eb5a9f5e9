/**
 * Dates written in English, as references, captions and quoted sources give them in Chinese
 * articles: December 4, 1989 and Apr. 13, 1964 (month first), 23 December 2009 and 25 September,
 * 1993 (day first), January 1961 and Feb., 1995 (a month), Spring 1992 and Fall 2003 (a season),
 * and a day and month without a year (retrieved 4 December, May 1), which takes the narrative's
 * year — or, as the first end of a range, the second end's (May 1 - November 30, 1952). Month names and their abbreviations are `englishMonths` in
 * `data/time/lexicon.json`.
 * Must not match: a word glued to the month (Decembrist 1825, Mayday 12, 12 Mayfair), a day over
 * the month's length (31 April 1990), a number glued to more digits (December 40000), a year
 * outside 1500–2099 after a month alone (March 3000), a season before a small number (Fall 12).
 */
import type { Candidate, Parser } from "../types.js";
import { alternation, lexicon, once } from "../tables.js";
import { isValidDate } from "../value.js";

const YEAR = "(?:1[5-9]\\d{2}|20\\d{2})";
const DAY = "(?:3[01]|[12]\\d|0?[1-9])";

const pattern = once(() => {
  const months = alternation(Object.keys(lexicon().englishMonths));
  const seasons = alternation(Object.keys(lexicon().englishSeasons));
  // A month name; an abbreviation (Dec, Sept) may take a period.
  const m = (name: string) => `(?<${name}>${months})(?:(?<=(?<![A-Za-z])[A-Z][a-z]{2,3})\\.)?`;
  return new RegExp(
    "(?<![A-Za-z\\d])(?:" +
      // December 4, 1989 · Apr. 13, 1964 · May 1 (year from the narrative)
      `${m("m1")} (?<d1>${DAY})(?:st|nd|rd|th)?(?:,? (?<y1>${YEAR}))?` +
      // 23 December 2009 · 25 September, 1993 · 4 December
      `|(?<d2>${DAY}) ${m("m2")}(?:,? (?<y2>${YEAR}))?` +
      // January 1961 · Feb., 1995
      `|${m("m3")},? (?<y3>${YEAR})` +
      // Spring 1992
      `|(?<s4>${seasons}),? (?<y4>${YEAR})` +
      ")(?![A-Za-z\\d])",
    "g",
  );
});

/** The year of a range's second end (May 1 - November 30, 1952 → 1952), for a first end without one. */
const RANGE_YEAR = new RegExp(
  `^ ?[-–—~] ?(?:[A-Z][a-z]+\\.?,? )?(?:${DAY}(?:st|nd|rd|th)?,? )?(?:[A-Z][a-z]+\\.?,? )?(1[5-9]\\d{2}|20\\d{2})(?!\\d)`,
);

/** `time:zh/english-date`. */
export const englishDate: Parser = {
  name: "english-date",
  triggers: "JFMASONDW",
  starts: "\\dJFMASONDW",
  get pattern() {
    return pattern();
  },
  extract(match, input) {
    const g = match.groups ?? {};
    const text = match[0];
    const start = match.index;
    const base = {
      start,
      end: start + text.length,
      type: "DATE" as const,
      rule: "english-date",
      mod: null,
    };
    const int = (s: string | undefined) => (s === undefined ? undefined : Number.parseInt(s, 10));
    if (g.s4 !== undefined) {
      const season = lexicon().englishSeasons[g.s4];
      if (season === undefined) return null;
      return {
        ...base,
        calendar: "gregorian",
        point: { year: int(g.y4) as number, season },
        need: "none",
      } satisfies Candidate;
    }
    const name = g.m1 ?? g.m2 ?? g.m3 ?? "";
    const month = lexicon().englishMonths[name];
    if (month === undefined) return null;
    const after = input.text.slice(match.index + text.length, match.index + text.length + 32);
    const year = int(g.y1 ?? g.y2 ?? g.y3 ?? RANGE_YEAR.exec(after)?.[1]);
    const day = int(g.d1 ?? g.d2);
    if (day !== undefined && !isValidDate(year ?? 2000, month, day)) return null;
    const point = {
      ...(year !== undefined ? { year } : {}),
      month,
      ...(day !== undefined ? { day } : {}),
    };
    return {
      ...base,
      calendar: "gregorian",
      point,
      need: year === undefined ? "year" : "none",
    } satisfies Candidate;
  },
};
