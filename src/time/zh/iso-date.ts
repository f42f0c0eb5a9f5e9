/**
 * Numeric dates with separators, as in references and tables: 2018-06-12, 2018/6/12,
 * 2018.06.12, with a clock time after T or spaces, a line break among them (2012-03-16 10:58,
 * 2013-08-26⏎    09:56 → TIME 2012-03-16T10:58);
 * with spaces and two-digit month and day (2010 01 29).
 * A period closing the sentence or a reference's field may follow (人民日报, 1954-06-22.); two
 * slashed or dotted dates may form a range (1869/09/18-1887/01/19).
 * Must not match: 8022-02, 1.75, 2018-13-01, version numbers like 2.1.0, 3.1-preview, a row of
 * figures (2010 01 29 35, 2010 1 29).
 */
import type { Parser } from "../types.js";

// Note: with spaces between the parts (2010 01 29), month and day are two digits and no number
// follows (a row of figures is no date).
const pattern =
  /(?<![\w./]|(?<![/.]\d{1,2})-)(?:(?<y>1[5-9]\d{2}|20\d{2})(?<sep>[-/.])(?<m>0?[1-9]|1[0-2])\k<sep>(?<d>0?[1-9]|[12]\d|3[01])(?:(?:T|\s{1,8})(?<h>[01]?\d|2[0-3]):(?<mi>[0-5]\d)(?::(?<s>[0-5]\d))?)?|(?<y2>1[5-9]\d{2}|20\d{2}) (?<m2>0[1-9]|1[0-2]) (?<d2>0[1-9]|[12]\d|3[01])(?! ?\d))(?![\w/:]|-(?!(?:1[5-9]|20)\d{2}[/.])|\.(?!\s|$))/g;

/** `time:zh/iso-date`. */
export const isoDate: Parser = {
  name: "iso-date",
  triggers: "-/. ",
  starts: "12",
  pattern,
  extract(match) {
    const g = match.groups ?? {};
    const year = Number.parseInt(g.y ?? g.y2 ?? "", 10);
    const month = Number.parseInt(g.m ?? g.m2 ?? "", 10);
    const day = Number.parseInt(g.d ?? g.d2 ?? "", 10);
    if (day > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!) return null;
    const clock =
      g.h === undefined
        ? {}
        : {
            hour: Number.parseInt(g.h, 10),
            minute: Number.parseInt(g.mi ?? "", 10),
            ...(g.s !== undefined ? { second: g.s } : {}),
          };
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: g.h === undefined ? "DATE" : "TIME",
      rule: "iso-date",
      calendar: "gregorian",
      mod: null,
      point: { year, month, day, ...clock },
      need: "none",
    };
  },
};
