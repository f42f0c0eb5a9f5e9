/**
 * Clock times, alone or with their date (one TIME span): 1969年7月20日20时17分
 * (1969-07-20T20:17), 下午3时 (T15:00), 晚上8点半, 凌晨4点, 9时许, 20:17:40, 次日凌晨2时.
 * Must not match: 3小时 (a duration), 当时, 三点建议 (no time-of-day context), 比分21:15.
 */
import type { Parser } from "../types.js";
import { CN_NUM_CHAR } from "../numerals.js";
import { DAY_HEAD, dayHead, partOfDay } from "./day-head.js";
import { once } from "../tables.js";
import { partOfDayWords, num } from "./fragments.js";

const H = `(?:\\d{1,2}|${CN_NUM_CHAR}{1,3})`;
const pattern = once(
  () =>
    new RegExp(
      `${DAY_HEAD}(?<pod>${partOfDayWords()})?(?:` +
        `(?<h>${H})[时点](?:(?<min>${H})分(?:(?<s>\\d{1,2}(?:\\.\\d+)?)秒)?|(?<half>半)|(?<q>[一三])刻|(?<whole>整))?` +
        `|(?<h2>\\d{1,2}):(?<min2>\\d{2})(?::(?<s2>\\d{2}(?:\\.\\d+)?))?(?!\\d))`,
      "g",
    ),
);

/** `time:zh/clock-time`. */
export const clockTime: Parser = {
  name: "clock-time",
  triggers: "时点:",
  get pattern() {
    return pattern();
  },
  extract(match, input) {
    const g = match.groups ?? {};
    const head = dayHead(g);
    if (head === undefined) return null;
    const pod = partOfDay(g.pod);
    let hour = num(g.h ?? g.h2);
    if (hour === undefined || hour > 24) return null;
    let minute = num(g.min ?? g.min2);
    if (g.half !== undefined) minute = 30;
    if (g.q !== undefined) minute = g.q === "一" ? 15 : 45;
    if (minute !== undefined && minute > 59) return null;
    const second = g.s ?? g.s2;
    const colon = g.h2 !== undefined;
    const arabic = g.h !== undefined && /^\d+$/.test(g.h);
    const after = input.text.slice(
      match.index + match[0].length,
      match.index + match[0].length + 2,
    );
    const context = head.dated || pod !== undefined;
    // Note: a bare clock needs minutes, or (Arabic 时 only) an approximation or 整 after it.
    if (!context) {
      if (colon) return null;
      if (
        minute === undefined &&
        !(arabic && /时$/.test(match[0]) && /^(?:许|左右)/.test(after)) &&
        g.whole === undefined
      ) {
        return null;
      }
    }
    if (pod !== undefined) {
      if (pod.pm && hour < 12 && !(pod.code === "MI" && hour >= 10)) hour += 12;
      if (!pod.pm && hour === 12 && g.pod !== "上午") hour = 0;
    }
    const point = {
      ...head.point,
      hour,
      minute: minute ?? 0,
      ...(second !== undefined ? { second } : {}),
    };
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "TIME",
      rule: "clock-time",
      calendar: "gregorian",
      mod: null,
      point,
      need: head.need,
      ...(head.relative !== undefined ? { relative: head.relative } : {}),
      ...(head.fromNow !== undefined ? { fromNow: head.fromNow } : {}),
    };
  },
};
