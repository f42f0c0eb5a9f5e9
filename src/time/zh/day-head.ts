/**
 * The date part in front of a time of day (shared by clock-time and part-of-day):
 * 1969年7月20日, 7月20日, a digit day (26日上午, 6日3時: month and year from the narrative), 当天,
 * 次日, 前一天, 当 (当晚), 今天, 明天 (counted from now).
 */
import { lexicon } from "../tables.js";
import type { FromNow, Need, PartOfDay, Point, Relative } from "../types.js";
import { DAY, MONTH, NOT_AFTER_NUMBER, YEAR, ymd } from "./fragments.js";

/** Regex source of an optional date head (groups y, m, d, r). */
export const DAY_HEAD = `${NOT_AFTER_NUMBER}(?:(?:(?<y>(?:公元|西元)?${YEAR})年)?(?<m>${MONTH})月(?<d>${DAY})[日号](?:[ \\t]*\\n?[ \\t]*(?=[\\d\\u4e00-\\u9fff]))?|(?<bd>3[01]|[12]\\d|0?[1-9])日|(?<r>当天|当日|同日|同一天|次日|翌日|隔日|隔天|第二天|前一天|前一日)|(?<now>大前天|大后天|今天|明天|昨天|前天|(?<![先天])后天|[今昨明](?=[晚夜])))?`;

/** What a DAY_HEAD (a date, 当天/次日…, 今天/明天…) starts with (a parser's `starts`). */
export const DAY_HEAD_STARTS = "\\d〇零一二三四五六七八九十公西当同次翌隔第前今明昨后大";

const NOW_OFFSETS: Record<string, number> = {
  大前天: -3,
  // 今/昨/明 before 晚/夜 (昨晚8点, 今夜11时): the night's day.
  今: 0,
  昨: -1,
  明: 1,
  大后天: 3,
  前天: -2,
  昨天: -1,
  今天: 0,
  明天: 1,
  后天: 2,
};

const OFFSETS: Record<string, number> = {
  当天: 0,
  当日: 0,
  同日: 0,
  同一天: 0,
  当: 0,
  次日: 1,
  翌日: 1,
  隔日: 1,
  隔天: 1,
  第二天: 1,
  前一天: -1,
  前一日: -1,
};

/** The date part of a match with groups y, m, d, r: point, need and relative offset. */
export function dayHead(
  g: Record<string, string | undefined>,
):
  { point: Point; need: Need; relative?: Relative; fromNow?: FromNow; dated: boolean } | undefined {
  if (g.now !== undefined) {
    const offset = NOW_OFFSETS[g.now] ?? 0;
    return {
      point: {},
      need: "date",
      relative: { unit: "day", offset, deictic: true },
      fromNow: { unit: "day", offset, grain: "day" },
      dated: true,
    };
  }
  if (g.r !== undefined) {
    const offset = OFFSETS[g.r];
    if (offset === undefined) return undefined;
    return { point: {}, need: "date", relative: { unit: "day", offset }, dated: true };
  }
  if (g.bd !== undefined) {
    return { point: { day: Number.parseInt(g.bd, 10) }, need: "year-month", dated: true };
  }
  if (g.m === undefined) {
    // Note: a bare time of day is on the narrative's day, else on the reference day.
    const fromNow: FromNow = { unit: "day", offset: 0, grain: "day", narrativeFirst: true };
    return { point: {}, need: "date", fromNow, dated: false };
  }
  const point = ymd(g);
  if (point === undefined) return undefined;
  return { point, need: point.year === undefined ? "year" : "none", dated: true };
}

/** The part-of-day code of a word and whether it shifts clock hours to the afternoon. */
export function partOfDay(word: string | undefined): { code: PartOfDay; pm: boolean } | undefined {
  if (word === undefined) return undefined;
  return lexicon().partsOfDay[word];
}
