/**
 * TIMEX3 values from calendar parts, and the day arithmetic relative dates need
 * (pure integer arithmetic on the proleptic Gregorian calendar; no Date objects).
 */
import type { Point } from "./types.js";

/** `00`…`99`: the two-digit parts (months, days, hours, minutes) looked up, not padded. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, "0"));

function pad(n: number, width: number): string {
  if (width === 2 && Number.isInteger(n) && n >= 0 && n < 100) return TWO_DIGITS[n]!;
  return String(n).padStart(width, "0");
}

/** TIMEX3 year: four digits, BCE as `-0221` (historical numbering, no year 0). */
export function yearValue(year: number): string {
  return year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
}

/** The TIMEX3 value of a point (`2018-06-12`, `199`, `2015-SP`, `1969-07-20T20:17`, `XXXX-08-08`). */
export function pointValue(p: Point): string {
  if (p.century !== undefined) {
    return p.century < 0 ? `-${pad(-p.century, 2)}` : pad(p.century, 2);
  }
  if (p.decade !== undefined) return String(p.decade);
  if (p.week !== undefined && p.year !== undefined) {
    return `${yearValue(p.year)}-W${pad(p.week, 2)}${p.weekend === true ? "-WE" : ""}`;
  }
  let date = p.year !== undefined ? yearValue(p.year) : "XXXX";
  if (p.month !== undefined) {
    date += `-${pad(p.month, 2)}`;
    if (p.day !== undefined) date += `-${pad(p.day, 2)}`;
  } else if (p.day !== undefined) {
    date += `-XX-${pad(p.day, 2)}`;
  } else if (p.season !== undefined) {
    date += `-${p.season}`;
  } else if (p.half !== undefined) {
    date += `-H${p.half}`;
  } else if (p.quarter !== undefined) {
    date += `-Q${p.quarter}`;
  }
  if (p.hour !== undefined) {
    if (p.month === undefined) date += p.day === undefined ? "-XX-XX" : "";
    else if (p.day === undefined) date += "-XX";
    let time = `T${pad(p.hour, 2)}:${pad(p.minute ?? 0, 2)}`;
    if (p.second !== undefined) time += `:${p.second.length === 1 ? `0${p.second}` : p.second}`;
    return date + time;
  }
  if (p.partOfDay !== undefined) {
    if (p.month === undefined) date += p.day === undefined ? "-XX-XX" : "";
    else if (p.day === undefined) date += "-XX";
    return `${date}T${p.partOfDay}`;
  }
  return date;
}

/** Whether a year is a Gregorian leap year (proleptic; BCE years use astronomical numbering). */
function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a Gregorian month. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether year/month/day is a real Gregorian date. */
export function isValidDate(year: number | undefined, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year ?? 2000, month);
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (days since 1970-01-01). */
export function civilFromDays(z: number): { year: number; month: number; day: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** The date `days` days after year/month/day. */
export function addDays(
  year: number,
  month: number,
  day: number,
  days: number,
): { year: number; month: number; day: number } {
  return civilFromDays(daysFromCivil(year, month, day) + days);
}

/** ISO weekday of a date, 1 (Monday) … 7 (Sunday). */
export function isoWeekday(year: number, month: number, day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((daysFromCivil(year, month, day) + 3) % 7) + 7) % 7) + 1;
}

/** ISO week-year and week number of a date. */
export function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const days = daysFromCivil(year, month, day);
  const thursday = civilFromDays(days - isoWeekday(year, month, day) + 4);
  const jan1 = daysFromCivil(thursday.year, 1, 1);
  return {
    year: thursday.year,
    week: Math.floor((days - isoWeekday(year, month, day) + 4 - jan1) / 7) + 1,
  };
}
