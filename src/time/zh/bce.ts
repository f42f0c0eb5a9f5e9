/**
 * Years before the common era: 公元前221年 (-0221), 前221年, 公元前3年5月, 公元前二二一年.
 * TIMEX3 has no single BCE convention; we write the historical year negated with four digits
 * (`-0221` = 221 BC, no year 0), as HeidelTime's "BC" years do without the prefix.
 * Must not match: 前一年 (relative), 两年前 (a relative duration), 目前.
 */
import type { Parser } from "../types.js";
import { CN_NUM_CHAR } from "../numerals.js";
import { DAY, MONTH, num, ymd } from "./fragments.js";

const pattern = new RegExp(
  `(?:公元前|西元前)(?<n>\\d{1,4}|${CN_NUM_CHAR}{1,5})年(?:(?<m>${MONTH})月(?:(?<d>${DAY})日)?)?` +
    `|(?<=^|[，。；、：（(\\s在于至到约—–\\-－~～])前(?<n2>\\d{2,4})年(?:(?<m2>${MONTH})月(?:(?<d2>${DAY})日)?)?`,
  "g",
);

/** `time:zh/bce`. */
export const bce: Parser = {
  name: "bce",
  triggers: "前",
  starts: "公西前",
  // Every match holds 公元前/西元前, or 前 before two digits.
  gate: /[公西]元前|前\d\d/,
  pattern,
  extract(match) {
    const g = match.groups ?? {};
    const n = num(g.n ?? g.n2);
    if (n === undefined || n < 1) return null;
    const point = ymd({ m: g.m ?? g.m2, d: g.d ?? g.d2 });
    if (point === undefined) return null;
    point.year = -n;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "bce",
      calendar: "gregorian",
      mod: null,
      point,
      need: "none",
    };
  },
};
