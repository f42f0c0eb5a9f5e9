/**
 * Narrative anchoring: fills the missing parts of underspecified dates from the narrative line
 * and resolves every value. Bare months/days and 同年 take the year of the last expression that
 * stated a year; bare days the month of the last dated month; 同日/次日/一天后 and bare clock
 * times the last day; range endpoints their first endpoint. Asides resolve but do not move the
 * line; each reference item has a line of its own. A bare month/day whose year comes from a
 * pre-1873 Japanese era year (or its Gregorian gloss) is lunisolar: 安政2年（1855年）9月16日 →
 * 1855-10-26 (see `traditionalMonthDays` in data/time/eras.json).
 */
import { lunarToGregorian } from "../lunar.js";
import { nearestYear } from "../zh/sexagenary-year.js";
import type { Placed, Point, Refiner } from "../types.js";
import { addDays, pointValue } from "../value.js";

function resolveFrom(item: Placed, anchor: Placed | undefined): Point | undefined {
  const point: Point = { ...(item.point ?? {}) };
  const from = anchor?.resolvedPoint;
  const rel = item.relative;
  if (item.need === "year" || item.need === undefined) {
    if (item.sexagenary !== undefined) {
      if (from?.year === undefined) return point;
      point.year = nearestYear(item.sexagenary, from.year);
      return point;
    }
    if (from?.year !== undefined && point.year === undefined) {
      point.year = from.year + (rel?.unit === "year" ? rel.offset : 0);
    }
  } else if (item.need === "year-month") {
    if (from?.month === undefined) return point;
    let month = from.month + (rel?.unit === "month" ? rel.offset : 0);
    let year = from.year;
    if (month > 12) {
      month -= 12;
      if (year !== undefined) year += 1;
    }
    if (year !== undefined) point.year = year;
    point.month = month;
  } else if (item.need === "date") {
    if (from?.day === undefined || from.month === undefined) return point;
    const offset = rel?.unit === "day" ? rel.offset : 0;
    if (from.year !== undefined) {
      const d = addDays(from.year, from.month, from.day, offset);
      point.year = d.year;
      point.month = d.month;
      point.day = d.day;
    } else if (offset === 0) {
      point.month = from.month;
      point.day = from.day;
    }
  }
  return point;
}

const GLOSS = /^\s*[（(]\s*$/;

/** `time:zh/anchor`. */
export const anchor: Refiner = {
  name: "anchor",
  refine(items, input) {
    let lastYear: number | undefined;
    let lastMonth: number | undefined;
    let lastDay: number | undefined;
    let referenceBlock: number | undefined;
    const out: Placed[] = [];
    const indexOf = new Map<Placed, number>();
    for (let i = 0; i < items.length; i += 1) {
      const item: Placed = { ...items[i]! };
      // Each reference item starts an empty line of its own.
      if (item.block.kind === "reference" && item.block.id !== referenceBlock) {
        referenceBlock = item.block.id;
        lastYear = lastMonth = lastDay = undefined;
      }
      if (item.value !== undefined) {
        item.resolved = item.value;
        out.push(item);
        indexOf.set(items[i]!, out.length - 1);
        continue;
      }
      const prevOut = out[out.length - 1];
      if (
        prevOut?.traditionalMonths === true &&
        item.need === "none" &&
        item.point?.month === undefined &&
        item.point?.year === prevOut.resolvedPoint?.year &&
        GLOSS.test(input.text.slice(prevOut.textEnd, item.textStart))
      ) {
        // The Gregorian gloss of a traditional-calendar era year: 安政2年（1855年）.
        item.traditionalMonths = true;
      }
      let anchorAt: number | undefined;
      if (item.note === "weekday") {
        const prev = out[out.length - 1];
        if (
          prev === undefined ||
          prev.resolvedPoint?.day === undefined ||
          item.textStart - prev.textEnd > 1
        )
          continue;
        anchorAt = out.length - 1;
      } else if (item.head !== undefined && item.need !== "none") {
        anchorAt = indexOf.get(items[item.head]!);
      } else if (item.need === "year") {
        anchorAt = lastYear;
      } else if (item.need === "year-month") {
        anchorAt = lastMonth;
      } else if (item.need === "date") {
        anchorAt = lastDay;
      }
      const anchorItem = anchorAt !== undefined ? out[anchorAt] : undefined;
      if (item.sameBlockAnchor === true && anchorItem?.block !== item.block) continue;
      let point = item.need === "none" ? { ...(item.point ?? {}) } : resolveFrom(item, anchorItem);
      if (point === undefined) continue;
      if (
        item.rule === "month-day" &&
        item.need === "year" &&
        anchorItem?.traditionalMonths === true &&
        point.year !== undefined &&
        point.month !== undefined
      ) {
        const { year, month, day } = point;
        const solar = lunarToGregorian(year, { month, leap: false, ...(day ? { day } : {}) });
        if (solar !== null) {
          point = { ...solar };
          item.calendar = "lunar";
        }
      }
      if (item.lunar !== undefined) {
        if (point.year === undefined) point = {};
        else {
          const solar = lunarToGregorian(point.year, item.lunar);
          if (solar === null) continue;
          point = { ...solar };
        }
      }
      item.resolvedPoint = point;
      item.resolved = pointValue(point);
      if (anchorItem !== undefined && anchorAt !== undefined && item.need !== "none")
        item.anchor = anchorAt;
      out.push(item);
      const at = out.length - 1;
      indexOf.set(items[i]!, at);
      // Note: 去年/明年 are told from a speaker's now; the narrative stays where it was.
      if (item.aside === true || item.note === "weekday" || item.relative?.deictic === true) {
        continue;
      }
      const statesYear =
        point.year !== undefined &&
        (item.need === "none" || (item.relative?.unit === "year" && item.relative.offset !== 0));
      if (statesYear) lastYear = at;
      if (point.month !== undefined && point.year !== undefined) lastMonth = at;
      if (point.day !== undefined && point.month !== undefined) lastDay = at;
      if (statesYear && item.block.kind === "heading") {
        // A heading with a year starts a new line.
        if (point.month === undefined) lastMonth = undefined;
        if (point.day === undefined) lastDay = undefined;
      }
    }
    return out;
  },
};
