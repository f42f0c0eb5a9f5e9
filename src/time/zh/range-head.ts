/**
 * The first end of a range of months or days that writes its unit once, after the second end:
 * 1971年3-4月 (`1971年3` → 1971-03, beside `4月`), 1946年8至12月 (`1946年8`), 16-19日 (`16` → the
 * line's month's 16th), 4、5月间 (`4`). Each end is its own DATE, as the guide's ranges are.
 * Dev: ping-pong-diplomacy, unrra, triangle-hill, tianjin-massacre.
 * Must not match: 8022-02月 (a token), 3-4个月 (durations: duration's range head), 5-3月 (the
 * first end after the second), 13-14月 (no month 13), 1.5-2日, 1-2日本队 / 1-2日元 / 3、4日军 (日 opening
 * a word).
 */
import type { Parser } from "../types.js";

const pattern =
  /(?<![\w\-/.:－])(?:(?<y>1\d{3}|20\d{2})年)?(?<lo>\d{1,2})(?=[-－~～至到、](?<hi>\d{1,2})(?<u>月|日(?![本元圆军币语文])))/g;

/** `time:zh/range-head`. */
export const rangeHead: Parser = {
  name: "range-head",
  triggers: "-－~～至到、",
  starts: "\\d",
  gate: /\d[-－~～至到、]\d{1,2}[月日]/,
  pattern,
  extract(match) {
    const g = match.groups ?? {};
    const lo = Number.parseInt(g.lo ?? "", 10);
    const hi = Number.parseInt(g.hi ?? "", 10);
    const month = g.u === "月";
    if (lo < 1 || lo >= hi || hi > (month ? 12 : 31)) return null;
    const year = g.y !== undefined ? Number.parseInt(g.y, 10) : undefined;
    if (!month && year !== undefined) return null;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "range-head",
      calendar: "gregorian",
      mod: null,
      point: month ? { ...(year !== undefined ? { year } : {}), month: lo } : { day: lo },
      need: month ? (year !== undefined ? "none" : "year") : "year-month",
    };
  },
};
