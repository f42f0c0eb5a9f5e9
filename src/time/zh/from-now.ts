/**
 * "N units ago / later" as a date counted from the reference date: 三天前, 2小时后, 5年前,
 * 三个月后, 半年前, 十分钟之后, 两天过后. Only with a reference date: without one these stay durations
 * (仅两周后 → 两周, P2W; see the TIMEX guide) or narrative days (一天后).
 * Must not match: 几天前 (vague), 第三天后, 70周年前, 07年以后 (a year: no count has a leading zero).
 */
import type { FromNow, Parser } from "../types.js";
import { COUNT, LEADING_ZERO, num } from "./fragments.js";

const pattern = new RegExp(
  `(?<![\\d.第每几数周])(?<n>${COUNT}|半)(?<u>个?月|个?小时|个?钟头|分钟|年|个?星期|个?礼拜|周|天|日)(?<half>半)?(?:之|以|过)?(?<dir>前|后)`,
  "g",
);

const UNITS: [RegExp, FromNow["unit"], number][] = [
  [/月$/, "month", 1],
  [/(?:小时|钟头)$/, "minute", 60],
  [/分钟$/, "minute", 1],
  [/年$/, "month", 12],
  [/(?:星期|礼拜|周)$/, "day", 7],
  [/[天日]$/, "day", 1],
];

/** `time:zh/from-now`. */
export const fromNowParser: Parser = {
  name: "from-now",
  triggers: "前后",
  starts: "\\d〇零一二两三四五六七八九十百千万廿卅半",
  // Every match ends in a unit's last character (or 半), 之/以/过, then 前/后.
  gate: /[月时头钟年期拜周天日半][之以过]?[前后]/,
  pattern,
  extract(match, input) {
    if (input.reference === undefined) return null;
    const g = match.groups ?? {};
    if (LEADING_ZERO.test(g.n ?? "")) return null;
    const n = g.n === "半" ? 0.5 : num(g.n);
    if (n === undefined || n === 0) return null;
    const unitRow = UNITS.find(([re]) => re.test(g.u ?? ""));
    if (unitRow === undefined) return null;
    const [, unit, factor] = unitRow;
    const amount = (n + (g.half !== undefined ? 0.5 : 0)) * factor;
    if (!Number.isInteger(amount)) return null;
    const offset = g.dir === "前" ? -amount : amount;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: unit === "minute" ? "TIME" : "DATE",
      rule: "from-now",
      calendar: "gregorian",
      mod: null,
      point: {},
      fromNow: { unit, offset, grain: unit === "minute" ? "minute" : "day" },
    };
  },
};
