/**
 * The reference date (the document's now) and dates counted from it: `parseReference` reads
 * `2018-06-30` or `2018-06-30T12:00`; `fromNow` shifts a now by a `FromNow` (今天, 上周一, 三天前,
 * 2小时后, 去年) and keeps the parts its grain names, then the parts the text stated.
 */
import { AnnalsError } from "../model/errors.js";
import type { FromNow, Point } from "./types.js";
import {
  addDays,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  isoWeek,
  isoWeekday,
} from "./value.js";

const REFERENCE =
  /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?:[T ](?<h>\d{2}):(?<min>\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;

/** The calendar parts of a reference date (`2018-06-30` or `2018-06-30T12:00`); throws on anything else. */
export function parseReference(text: string): Point {
  const g = REFERENCE.exec(text.trim())?.groups;
  const point: Point = {
    year: Number(g?.y),
    month: Number(g?.m),
    day: Number(g?.d),
  };
  if (g?.h !== undefined) {
    point.hour = Number(g.h);
    point.minute = Number(g.min);
  }
  const valid =
    g !== undefined &&
    point.month! >= 1 &&
    point.month! <= 12 &&
    point.day! >= 1 &&
    addDays(point.year!, point.month!, point.day!, 0).day === point.day &&
    (point.hour ?? 0) <= 23 &&
    (point.minute ?? 0) <= 59;
  if (!valid) {
    throw new AnnalsError(
      `invalid reference date "${text}" (expected YYYY-MM-DD or YYYY-MM-DDThh:mm)`,
    );
  }
  return point;
}

function shiftMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * The point `rule` names, counted from `now` (which must have year, month and day), with the
 * parts the text stated (`stated`: 去年8月6日's month and day, 今晚's part of day) on top.
 */
export function fromNow(now: Point, rule: FromNow, stated: Point = {}): Point | undefined {
  const { year, month, day } = now;
  if (year === undefined || month === undefined || day === undefined) return undefined;
  let out: Point;
  switch (rule.unit) {
    case "year":
    case "month": {
      const shifted = shiftMonths(year, month, rule.offset * (rule.unit === "year" ? 12 : 1));
      const monthEnd = daysInMonth(shifted.year, shifted.month);
      out = { year: shifted.year, month: shifted.month, day: Math.min(day, monthEnd) };
      break;
    }
    case "week": {
      const monday = daysFromCivil(year, month, day) - isoWeekday(year, month, day) + 1;
      const start = civilFromDays(monday + 7 * rule.offset + ((rule.weekday ?? 1) - 1));
      if (rule.weekday === undefined) {
        const w = isoWeek(start.year, start.month, start.day);
        return { year: w.year, week: w.week, ...(rule.weekend === true ? { weekend: true } : {}) };
      }
      out = start;
      break;
    }
    case "day":
      out = addDays(year, month, day, rule.offset);
      break;
    case "hour":
    case "minute": {
      const minutes = (now.hour ?? 0) * 60 + (now.minute ?? 0);
      const total = minutes + rule.offset * (rule.unit === "hour" ? 60 : 1);
      const days = Math.floor(total / 1440);
      const rest = total - days * 1440;
      out = { ...addDays(year, month, day, days) };
      if (now.hour !== undefined) {
        out.hour = Math.floor(rest / 60);
        out.minute = rest % 60;
      }
      break;
    }
  }
  if (rule.grain === "year") out = { year: out.year! };
  else if (rule.grain === "quarter") out = { year: out.year!, quarter: Math.ceil(out.month! / 3) };
  else if (rule.grain === "month") out = { year: out.year!, month: out.month! };
  return { ...out, ...stated };
}
