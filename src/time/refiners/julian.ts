/**
 * Julian dates: a day written right after 俄历 / 儒略历 (the Old Style calendar of Russia until
 * 1918 and of other Orthodox countries: 俄历一九〇五年八月二十三日, （儒略历6月15日）,
 * [儒略历](…)1858年5月16日) is converted to the Gregorian date the guide's values use
 * (1905-09-05, 1914-06-28, 1858-05-28), with the written value kept in `note`; the second end
 * of a range under the same cue (俄历1917年10月25日至26日) is Julian too. Not before 1582
 * (儒略历1556年1月23日 stays 1556-01-23). The anchoring converts each date as it resolves it: a bare
 * month/day takes its year from the line first, and a later 次日 counts from the Gregorian day.
 * 旧历 is the lunar calendar, not this one. Dev: portsmouth, sarajevo-assassination,
 * treaty-of-aigun.
 */
import type { Placed, Point } from "../types.js";
import { addDays, pointValue } from "../value.js";

const JULIAN_BEFORE = /(?:俄历|儒略历)[\s（(]*$/;

/**
 * The first year converted. Note: the guide keeps dates before the Gregorian reform (October
 * 1582) as written, Julian being then the only calendar; the cue matters only after it.
 */
const GREGORIAN_REFORM = 1582;

/** Days to add to a Julian date of this year and month to get the Gregorian date. */
function julianShift(year: number, month: number): number {
  // Note: the gap between the calendars is the Julian calendar's extra century leap days.
  const y = month <= 2 ? year - 1 : year;
  const c = Math.floor(y / 100);
  return c - Math.floor(c / 4) - 2;
}

/**
 * Whether a date or time is written in the Julian calendar: right after the cue, or the second
 * end of a range whose first end was converted.
 */
export function writtenJulian(item: Placed, text: string, head: Placed | undefined): boolean {
  if ((item.type !== "DATE" && item.type !== "TIME") || item.calendar === "lunar") return false;
  if (head !== undefined && head.julian !== undefined) return true;
  const before = text.slice(Math.max(item.block.textStart, item.textStart - 6), item.textStart);
  // Note: both cues end in 历; the pattern runs only where one may stand (asked for every date).
  return before.includes("历") && JULIAN_BEFORE.test(before);
}

/**
 * `time:zh/julian`: the Gregorian day of a Julian day (from 1582 on), with the written value as a
 * note on `item`; other points unchanged.
 */
export function fromJulian(item: Placed, point: Point): Point {
  if (point.year === undefined || point.month === undefined || point.day === undefined) {
    return point;
  }
  if (point.year < GREGORIAN_REFORM) return point;
  const date = addDays(point.year, point.month, point.day, julianShift(point.year, point.month));
  item.julian = point;
  item.note = `written as ${pointValue(point)} in the Julian calendar`;
  return { ...point, ...date };
}
