/**
 * A date with only a part of the day (TIME): 1949年10月1日上午 (1949-10-01TMO), 10月1日下午
 * (TAF), 当天晚上 (TNI), 当晚, 次日凌晨, 同日傍晚 (TEV), a digit day's 26日上午, 25日拂晓, 13日晚. A bare two-character part of day that
 * opens a clause (12月4日，举行典礼，晚间开设宴会) is the evening of the narrative's day, kept only
 * when a day of the same paragraph anchors it.
 * Must not match: 上午 alone (no day in its paragraph), 晚年, 每天晚上 (not at a clause start),
 * 3日夜 (血战3日夜: days and nights), 历时3日下午 (a count of days).
 */
import type { Parser } from "../types.js";
import { DAY_HEAD, DAY_HEAD_STARTS, dayHead, partOfDay } from "./day-head.js";
import { once } from "../tables.js";
import { dayLeftOk } from "./day.js";
import { partOfDayStarts, partOfDayWords } from "./fragments.js";

const pattern = once(
  () => new RegExp(`(?:${DAY_HEAD}|(?<r2>当))(?<pod>${partOfDayWords()})(?![年饭餐会报])`, "g"),
);

const gate = once(() => new RegExp(partOfDayWords()));

const CLAUSE_START = /^[，。；：、！？,;:于在]?$/u;

/** Whether a bare part-of-day word of two or more characters opens a clause. */
function opensClause(text: string, at: number, word: string): boolean {
  return word.length >= 2 && CLAUSE_START.test(text.slice(Math.max(0, at - 1), at));
}

// A match starts at its day head, at 当 (当晚) or at its part of day.
const starts = once(() => `${DAY_HEAD_STARTS}${partOfDayStarts()}`);

/** `time:zh/part-of-day`. */
export const partOfDayParser: Parser = {
  name: "part-of-day",
  triggers: "晨上午晚昏夜晓明",
  get starts() {
    return starts();
  },
  // Every match holds a part of day (上 alone, in 以上 or 上海, does not).
  get gate() {
    return gate();
  },
  get pattern() {
    return pattern();
  },
  extract(match) {
    const g = match.groups ?? {};
    // Note: 今晚/昨夜 alone are deictic-day's; a clock time after them is clock-time's.
    if (g.now !== undefined && g.now.length === 1) return null;
    // Note: a digit day stands where a date may; 3日夜 (血战3日夜) is three days and nights.
    if (g.bd !== undefined && (!dayLeftOk(match.input, match.index) || g.pod === "夜")) return null;
    const head = dayHead(g.r2 !== undefined ? { r: "当" } : g);
    const pod = partOfDay(g.pod);
    if (head === undefined || pod === undefined) return null;
    const bare = !head.dated;
    if (bare && !opensClause(match.input, match.index, g.pod ?? "")) return null;
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
      ...(bare ? { sameBlockAnchor: true } : {}),
      ...(head.relative !== undefined ? { relative: head.relative } : {}),
      ...(head.fromNow !== undefined ? { fromNow: head.fromNow } : {}),
    };
  },
};
