/**
 * Julian dates: a day written right after 俄历 / 儒略历 (the Old Style calendar of Russia until
 * 1918 and of other Orthodox countries: 俄历一九〇五年八月二十三日, （儒略历6月15日）,
 * [儒略历](…)1858年5月16日) is converted to the Gregorian date the guide's values use
 * (1905-09-05, 1914-06-28, 1858-05-28), with the written value kept in `note`. Runs after the
 * anchoring: a bare month/day takes its year from the line first. 旧历 is the lunar calendar,
 * not this one. Dev: portsmouth, sarajevo-assassination, treaty-of-aigun.
 */
import type { Placed, Refiner } from "../types.js";
import { addDays, pointValue } from "../value.js";

const JULIAN_BEFORE = /(?:俄历|儒略历)[\s（(]*$/;

/** Days to add to a Julian date of this year and month to get the Gregorian date. */
function julianShift(year: number, month: number): number {
  // Note: the gap between the calendars is the Julian calendar's extra century leap days.
  const y = month <= 2 ? year - 1 : year;
  const c = Math.floor(y / 100);
  return c - Math.floor(c / 4) - 2;
}

/** `time:zh/julian`. */
export const julian: Refiner = {
  name: "julian",
  refine(items, input) {
    const text = input.text;
    return items.map((item): Placed => {
      const point = item.resolvedPoint;
      if (
        (item.type !== "DATE" && item.type !== "TIME") ||
        point?.year === undefined ||
        point.month === undefined ||
        point.day === undefined ||
        item.calendar === "lunar"
      ) {
        return item;
      }
      const before = text.slice(Math.max(item.block.textStart, item.textStart - 6), item.textStart);
      if (!JULIAN_BEFORE.test(before)) return item;
      const date = addDays(
        point.year,
        point.month,
        point.day,
        julianShift(point.year, point.month),
      );
      const gregorian = { ...point, ...date };
      return {
        ...item,
        resolvedPoint: gregorian,
        resolved: pointValue(gregorian),
        note: `written as ${item.resolved ?? pointValue(point)} in the Julian calendar`,
      };
    });
  },
};
