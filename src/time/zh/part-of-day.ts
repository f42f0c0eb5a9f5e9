/**
 * A date with only a part of the day (TIME): 1949年10月1日上午 (1949-10-01TMO), 10月1日下午
 * (TAF), 当天晚上 (TNI), 当晚, 次日凌晨, 同日傍晚 (TEV).
 * Must not match: 上午 alone, 晚上 alone (no date), 晚年.
 */
import type { Parser } from "../types.js";
import { DAY_HEAD, dayHead, partOfDay } from "./day-head.js";
import { once } from "../tables.js";
import { partOfDayWords } from "./fragments.js";

const pattern = once(
  () => new RegExp(`(?:${DAY_HEAD}|(?<r2>当))(?<pod>${partOfDayWords()})(?![年饭餐会报])`, "g"),
);

/** `time:zh/part-of-day`. */
export const partOfDayParser: Parser = {
  name: "part-of-day",
  triggers: "晨上午晚昏夜",
  get pattern() {
    return pattern();
  },
  extract(match) {
    const g = match.groups ?? {};
    const head = dayHead(g.r2 !== undefined ? { r: "当" } : g);
    const pod = partOfDay(g.pod);
    if (head === undefined || pod === undefined || !head.dated) return null;
    if (g.r2 !== undefined && !/^[晚夜]$/.test(g.pod ?? "")) return null;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "TIME",
      rule: "part-of-day",
      calendar: "gregorian",
      mod: null,
      point: { ...head.point, partOfDay: pod.code },
      need: head.need,
      ...(head.relative !== undefined ? { relative: head.relative } : {}),
    };
  },
};
