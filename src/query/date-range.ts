/**
 * TIMEX3 date values as calendar intervals, for sorting, range filters and timeline exports.
 *
 * Matches: `2018-06-12`, `2009-12`, `1866`, `199` (the 1990s), `19` (1900–1999), `2015-SP`,
 * `2012-Q3`, `2012-H1`, `2012-W05`, `2009-04-05TMO`, `2018-06-12T09:00`, `BC0500`.
 * Not placeable (null): `PRESENT_REF`, `XXXX-06-12`, `P2Y`, `PT24H`, `P1Y` (sets).
 */

/** Calendar parts of a date; only the parts that are known are present. */
export interface DateParts {
  /** Astronomical-free signed year: 500 BCE is -500. */
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
}

/** How precise a TIMEX3 date value is. */
export type DateGranularity =
  "century" | "decade" | "year" | "half" | "quarter" | "season" | "month" | "week" | "day" | "time";

/** A TIMEX3 date value read as the closed interval `[first, last]` of the calendar. */
export interface DateRange {
  value: string;
  granularity: DateGranularity;
  /** Known parts of the interval's first point (a decade `199` starts at `{ year: 1990 }`). */
  first: DateParts;
  /** Known parts of the interval's last point (equal to `first` for a single year, month or day). */
  last: DateParts;
  /** Sortable key of the earliest instant covered (see `dateKey`). */
  startKey: number;
  /** Sortable key of the latest instant covered (inclusive). */
  endKey: number;
}

/** Season codes of TIMEX3 and the months they span (winter runs into the next year). */
const SEASONS: Record<string, [number, number]> = {
  SP: [3, 5],
  SU: [6, 8],
  FA: [9, 11],
  AU: [9, 11],
  WI: [12, 14],
};

/**
 * A number that orders instants: missing parts are filled with their minimum (`fill: "min"`)
 * or maximum (`fill: "max"`), so a year's min key precedes every day of it and its max key follows.
 */
export function dateKey(parts: DateParts, fill: "min" | "max"): number {
  const min = fill === "min";
  const month = parts.month ?? (min ? 1 : 12);
  const day = parts.day ?? (min ? 1 : 31);
  const hour = parts.hour ?? (min ? 0 : 23);
  const minute = parts.minute ?? (min ? 0 : 59);
  return (((parts.year * 100 + month) * 100 + day) * 100 + hour) * 100 + minute;
}

const DATE =
  /^(BC|-)?(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::[\d.]+)?|T(?:MO|MI|AF|EV|NI|DT))?)?)?$/;
const COARSE = /^(BC|-)?(\d{2,3})$/;
const PART = /^(BC|-)?(\d{4})-(SP|SU|FA|AU|WI|Q[1-4]|H[12]|W\d{2})$/;

/** Reads a TIMEX3 date value as an interval, or null when it cannot be placed on a calendar. */
export function dateRange(value: string | null | undefined): DateRange | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  const date = DATE.exec(v);
  if (date) return fromDate(v, date);
  const coarse = COARSE.exec(v);
  if (coarse) {
    const digits = coarse[2] ?? "";
    const sign = coarse[1] ? -1 : 1;
    const span = digits.length === 3 ? 10 : 100;
    const base = Number(digits) * span * sign;
    // Note: for BCE the interval runs from the more negative year up.
    const [lo, hi] = sign > 0 ? [base, base + span - 1] : [base - span + 1, base];
    return make(v, digits.length === 3 ? "decade" : "century", { year: lo }, { year: hi });
  }
  const part = PART.exec(v);
  if (part) return fromPart(v, part);
  return null;
}

function fromDate(value: string, m: RegExpExecArray): DateRange | null {
  const year = Number(m[2]) * (m[1] ? -1 : 1);
  if (m[3] === undefined) return make(value, "year", { year }, { year });
  const month = Number(m[3]);
  if (month < 1 || month > 12) return null;
  if (m[4] === undefined) return make(value, "month", { year, month }, { year, month });
  const day = Number(m[4]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (m[5] === undefined || m[6] === undefined) {
    return make(value, "day", { year, month, day }, { year, month, day });
  }
  const hour = Number(m[5]);
  const minute = Number(m[6]);
  if (hour > 24 || minute > 59) return null;
  const at = { year, month, day, hour, minute };
  return make(value, "time", at, at);
}

function fromPart(value: string, m: RegExpExecArray): DateRange | null {
  const year = Number(m[2]) * (m[1] ? -1 : 1);
  const code = m[3] ?? "";
  const season = SEASONS[code];
  if (season) {
    const [from, to] = season;
    const last = to > 12 ? { year: year + 1, month: to - 12 } : { year, month: to };
    return make(value, "season", { year, month: from }, last);
  }
  const n = Number(code.slice(1));
  if (code.startsWith("Q")) {
    return make(value, "quarter", { year, month: n * 3 - 2 }, { year, month: n * 3 });
  }
  if (code.startsWith("H")) {
    return make(value, "half", { year, month: n * 6 - 5 }, { year, month: n * 6 });
  }
  // ISO week: week 1 holds the year's first Thursday.
  if (n < 1 || n > 53) return null;
  const jan4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
  const first = partsOf(mondayOfWeek1 + (n - 1) * 7 * 86_400_000);
  const last = partsOf(mondayOfWeek1 + ((n - 1) * 7 + 6) * 86_400_000);
  return make(value, "week", first, last);
}

function partsOf(ms: number): DateParts {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function make(
  value: string,
  granularity: DateGranularity,
  first: DateParts,
  last: DateParts,
): DateRange {
  return {
    value,
    granularity,
    first,
    last,
    startKey: dateKey(first, "min"),
    endKey: dateKey(last, "max"),
  };
}

/** Days in a Gregorian month (proleptic). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const BOUND = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/**
 * Parses a user's date bound (`1994`, `2009-04`, `2009-04-05`) into the interval it names,
 * or null when it is not a valid calendar prefix.
 */
export function parseBound(text: string): DateRange | null {
  if (!BOUND.test(text.trim())) return null;
  return dateRange(text.trim());
}
