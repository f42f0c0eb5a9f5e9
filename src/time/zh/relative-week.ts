/**
 * Weeks and weekdays counted from the writer's now: 上周一, 下下周日, 这周末, 本周三, 上个星期五,
 * 下周, 周末. With a reference date they count from its week; without one from the narrative's
 * day (ISO weeks, Monday first).
 * Must not match: 周年, 周期, 每周一 (a set), 周边, 一周 (a duration).
 */
import type { Parser } from "../types.js";

const pattern =
  /(?<![每一二两三四五六七八九十\d几数])(?:(?<dir>上上|下下|[上下这本今])个?(?:周|星期|礼拜)(?<wd>[一二三四五六日天末])?|(?<![上下这本今每])周(?<we>末))(?![年期岁边围刊报会])/g;

const WEEKDAYS = "一二三四五六日";

const OFFSETS: Record<string, number> = { 上上: -2, 上: -1, 这: 0, 本: 0, 今: 0, 下: 1, 下下: 2 };

/** `time:zh/relative-week`. */
export const relativeWeek: Parser = {
  name: "relative-week",
  triggers: "周期拜",
  starts: "上下本这今周",
  pattern,
  extract(match) {
    const g = match.groups ?? {};
    const offset = OFFSETS[g.dir ?? "这"] ?? 0;
    const end = match.index + match[0].length;
    const wd = g.wd === "天" ? 7 : g.wd === undefined ? 0 : WEEKDAYS.indexOf(g.wd) + 1;
    const weekend = g.wd === "末" || g.dir === undefined;
    return {
      start: match.index,
      end,
      type: "DATE",
      rule: "relative-week",
      calendar: "gregorian",
      mod: null,
      point: {},
      fromNow: {
        unit: "week",
        offset,
        ...(wd > 0 ? { weekday: wd } : {}),
        ...(weekend ? { weekend: true } : {}),
        grain: wd > 0 ? "day" : "week",
      },
    };
  },
};
