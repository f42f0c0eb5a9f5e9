/**
 * Month·day names of events, with the year from the narrative: 9·19 (9·19共同声明), 5·12,
 * 7·28.
 * Must not match: 1.75 (a decimal), 3·1 inside 13·15, 13·40 (no month 13).
 */
import type { Parser } from "../types.js";

const pattern = /(?<![\d.·])(?<m>1[0-2]|[1-9])[·・•](?<d>3[01]|[12]\d|[1-9])(?![\d.·])/g;

/** `time:zh/dotted-date`. */
export const dottedDate: Parser = {
  name: "dotted-date",
  triggers: "·・•",
  starts: "\\d",
  pattern,
  extract(match) {
    const g = match.groups ?? {};
    const month = Number.parseInt(g.m ?? "", 10);
    const day = Number.parseInt(g.d ?? "", 10);
    if (day > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!) return null;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "dotted-date",
      calendar: "gregorian",
      mod: null,
      point: { month, day },
      need: "year",
    };
  },
};
