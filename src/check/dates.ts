/**
 * Calendar arithmetic on TIMEX3 date values for the checks: parse the known parts, compare
 * as intervals, replace a year, count days.
 *
 * Matches: `2009`, `2009-04`, `2009-04-05`, `2015-SP`, `2009-04-05T10:00`. Not a point: `199`
 * (a decade), `P2W`, `PRESENT_REF`.
 */

/** The known parts of a year-precise date value. */
export interface DateParts {
  year: number;
  month: number | null;
  day: number | null;
}

const VALUE = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\dW])/;

/** Parses a TIMEX3 value that names at least a year; null for decades, durations and the rest. */
export function parseDate(value: string): DateParts | null {
  const m = VALUE.exec(value);
  if (!m || m[1] === undefined) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  return { year, month, day };
}

/** The earliest and latest day (as yyyymmdd numbers) a partial date can stand for. */
export function interval(d: DateParts): { lo: number; hi: number } {
  const base = d.year * 10000;
  if (d.month === null) return { lo: base + 101, hi: base + 1231 };
  if (d.day === null) return { lo: base + d.month * 100 + 1, hi: base + d.month * 100 + 31 };
  const x = base + d.month * 100 + d.day;
  return { lo: x, hi: x };
}

/** True when `a` can be on or before `b` (their intervals allow it). */
export function notAfter(a: DateParts, b: DateParts): boolean {
  return interval(a).lo <= interval(b).hi;
}

/** True when two partial dates can denote the same day (one is a prefix of the other). */
export function compatible(a: DateParts, b: DateParts): boolean {
  if (a.year !== b.year) return false;
  if (a.month !== null && b.month !== null && a.month !== b.month) return false;
  if (a.day !== null && b.day !== null && a.day !== b.day) return false;
  return true;
}

/** The value with its year replaced (the rest of the value kept verbatim). */
export function withYear(value: string, year: number): string {
  return value.replace(/^-?\d{4}/, String(year).padStart(4, "0"));
}

/** TIMEX3 value of date parts (`2009`, `2009-04`, `2009-04-05`). */
export function formatDate(d: DateParts): string {
  const y = String(d.year).padStart(4, "0");
  if (d.month === null) return y;
  const m = `${y}-${String(d.month).padStart(2, "0")}`;
  return d.day === null ? m : `${m}-${String(d.day).padStart(2, "0")}`;
}

/** Days from the proleptic Gregorian epoch to a full date (for differences only). */
export function dayNumber(d: { year: number; month: number; day: number }): number {
  // Note: Date.UTC is pure arithmetic here (no clock is read).
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

/**
 * Typing edits between two four-digit years: differing digits, with a swap of two adjacent
 * digits (1908 → 1980) counted as one edit. A typo has one.
 */
export function digitsDiffer(a: number, b: number): number {
  const x = String(a).padStart(4, "0");
  const y = String(b).padStart(4, "0");
  const diff: number[] = [];
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) if (x[i] !== y[i]) diff.push(i);
  const [i, j] = diff;
  if (diff.length === 2 && i !== undefined && j === i + 1 && x[i] === y[j] && x[j] === y[i])
    return 1;
  return diff.length;
}

/** Approximate length in days of a TIMEX3 duration (`P2W` → 14, `P3D` → 3, `P5M` → 152); null if vague. */
export function durationDays(value: string): number | null {
  const m = /^P(\d+(?:\.\d+)?)([YMWD])$/.exec(value);
  if (!m || m[1] === undefined) return null;
  const n = Number(m[1]);
  switch (m[2]) {
    case "D":
      return n;
    case "W":
      return n * 7;
    case "M":
      return n * 30.44;
    case "Y":
      return n * 365.25;
    default:
      return null;
  }
}
