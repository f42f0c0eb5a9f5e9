/**
 * Drops numbers that only look like dates: ordinals (第1718号), parts of ASCII tokens (file
 * names, URLs, model numbers such as 火星-14 or 8022-02) and numbers glued to a measure unit.
 */
import { lexicon, zones } from "../tables.js";
import type { Refiner } from "../types.js";

/** The characters of an ASCII token (`[\w\-/.:#%@~]`), by UTF-16 unit: one lookup per test. */
const TOKEN = new Uint8Array(0x80);
for (const ch of "_-/.:#%@~0123456789") TOKEN[ch.charCodeAt(0)] = 1;
for (let c = 65; c <= 90; c += 1) TOKEN[c] = TOKEN[c + 32] = 1;
/** Whether `ch` (one UTF-16 unit, or "" past the text's ends) is a token's character. */
function token(ch: string): boolean {
  return ch.length === 1 && TOKEN[ch.charCodeAt(0)] === 1;
}
/** Whether `ch` is an ASCII digit (`/\d/`). */
function digit(ch: string): boolean {
  const c = ch.length === 1 ? ch.charCodeAt(0) : 0;
  return c >= 48 && c <= 57;
}
const ZONE_BEFORE = /(?:UTC|GMT)$/;

/** Whether a Latin-script zone of the zone table (UTC, GMT) starts at `at`, as a whole word. */
function zoneAfter(text: string, at: number): boolean {
  return Object.keys(zones()).some(
    (zone) =>
      /^[A-Z]/.test(zone) &&
      text.startsWith(zone, at) &&
      !/[a-z]/i.test(text.charAt(at + zone.length)),
  );
}
const RANGE_RULES = new Set(["duration", "short-year", "range-head"]);
/** What follows a 日 that opens a word rather than ends a day (日本, 日元, 日军). */
const WORD_AFTER_DAY = /^[本元圆军币语文]/;

/**
 * A period closing a sentence or a citation's field (…, 1954-06-22. ⏎, Press, 2007. pp. 160), not
 * a token's dot (1.2.3, file.jpg): followed by a space, a line break or the end of the text.
 */
function sentenceEnd(text: string, end: number): boolean {
  return text[end] === "." && /^(?:\s|$)/.test(text.slice(end + 1, end + 2));
}

/** `time:zh/drop-traps`. */
export const dropTraps: Refiner = {
  name: "drop-traps",
  refine(items, input) {
    return items.filter((item) => {
      const text = input.text;
      const first = text[item.textStart] ?? "";
      const last = text[item.textEnd - 1] ?? "";
      const before = text[item.textStart - 1] ?? "";
      const after = text[item.textEnd] ?? "";
      const beforeHyphen = text[item.textStart - 2] ?? "";
      // Note: a hyphen only glues a number to a token after a letter or digit (8022-02), not in
      // a date range after CJK text (1866年－1925年).
      // Note: a dash between a number and a duration or a two-digit year is a range (1-2天,
      // 1997-98年), not a token.
      // A range of bare years (1872-1901, 1995-1997年) as well, and a cited pair of years
      // (1989/1990, 1814/15: `citedPair` in bare-year.ts).
      const rangeEnd =
        RANGE_RULES.has(item.rule) ||
        // The second end of a range of months or days (1971年3-4月, 16-19日: `range-head.ts`);
        // not a 日 opening a word (1-2日本队, 1-2日元).
        ((item.rule === "month-day" || (item.rule === "day" && !WORD_AFTER_DAY.test(after))) &&
          /(?:^|[^\w\-/.:－])\d{1,2}[-－~～]$/.test(
            text.slice(Math.max(0, item.textStart - 4), item.textStart),
          )) ||
        ((item.rule === "bare-year" || item.rule === "full-date") &&
          /(?:1\d{3}|20\d{2})$/.test(text.slice(item.textStart - 5, item.textStart - 1))) ||
        // A range of two numeric dates (1869/09/18-1887/01/19, a ship's years of service).
        (item.rule === "iso-date" &&
          (/\d{4}([/.])\d{1,2}\1\d{1,2}$/.test(
            text.slice(item.textStart - 11, item.textStart - 1),
          ) ||
            /^-\d{4}[/.]\d/.test(text.slice(item.textEnd, item.textEnd + 7))));
      // Note: a clock time right after a zone (UTC17:54) is no token.
      if (
        item.rule === "clock-time" &&
        ZONE_BEFORE.test(text.slice(item.textStart - 3, item.textStart))
      ) {
        return true;
      }
      // Note: the one-character tests are lookups (a regex test per item was most of this pass).
      if (
        digit(first) &&
        token(before) &&
        (before !== "-" || digit(beforeHyphen) || /[A-Z]/i.test(beforeHyphen)) &&
        !(
          rangeEnd &&
          (before === "-" || before === "~" || (before === "/" && item.rule === "bare-year")) &&
          digit(beforeHyphen)
        )
      ) {
        return false;
      }
      // Note: bare-year checks its own right edge (a year may be glued to a link's text).
      // A clock time may be glued to the zone it is written in (7月20日18:11UTC; zones.ts reads it).
      if (
        digit(last) &&
        token(after) &&
        !sentenceEnd(text, item.textEnd) &&
        !(item.rule === "clock-time" && zoneAfter(text, item.textEnd)) &&
        item.rule !== "bare-year" &&
        !(rangeEnd && (after === "-" || after === "~") && digit(text[item.textEnd + 1] ?? ""))
      ) {
        return false;
      }
      const head = text.slice(Math.max(0, item.textStart - 3), item.textStart);
      if (digit(first) && lexicon().ordinalBefore.some((w) => head.endsWith(w))) return false;
      return true;
    });
  },
};
