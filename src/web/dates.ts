/**
 * TIMEX3 date values as time ranges for the timeline: a day is a point, a month a month-long
 * range, a year a year-long range, a decade (`199`) ten years, a century (`19`) a hundred.
 */

/** Where an event sits on the timeline. */
export interface DateRange {
  start: Date;
  /** Exclusive end; null for a point (day or time precision). */
  end: Date | null;
  /** The value's granularity. */
  granularity:
    | "time"
    | "part"
    | "day"
    | "week"
    | "month"
    | "season"
    | "quarter"
    | "half"
    | "year"
    | "decade"
    | "century";
}

/** The hour a part of the day (TIMEX3 `TMO`, `TMI`, `TAF`, `TEV`, `TNI`, `TDT`) is placed at. */
const PART_HOURS: Record<string, number> = { MO: 8, MI: 12, AF: 15, DT: 12, EV: 19, NI: 22 };

const SEASONS: Record<string, [number, number]> = {
  SP: [2, 5],
  SU: [5, 8],
  FA: [8, 11],
  AU: [8, 11],
  WI: [11, 14],
};

function at(year: number, month = 0, day = 1, hour = 0, minute = 0): Date {
  const date = new Date(2000, 0, 1, 0, 0, 0, 0);
  date.setFullYear(year, month, day);
  date.setHours(hour, minute, 0, 0);
  return date;
}

/** The week `week` of ISO year `year` (`2009-W12`), or its weekend (`-WE`). */
function isoWeek(year: number, week: number, weekend: boolean): DateRange | null {
  if (week < 1 || week > 53) return null;
  // Note: ISO week 1 is the week (Monday first) that holds 4 January.
  const jan4 = at(year, 0, 4);
  const monday = 4 - ((jan4.getDay() + 6) % 7);
  const first = monday + 7 * (week - 1) + (weekend ? 5 : 0);
  // A year has week 53 only when that week's Thursday still falls in the year.
  if (week === 53 && at(year, 0, monday + 7 * 52 + 3).getFullYear() !== year) return null;
  return {
    start: at(year, 0, first),
    end: at(year, 0, first + (weekend ? 2 : 7)),
    granularity: "week",
  };
}

/** The range of a TIMEX3 date value, or null for values with no place on a calendar (PRESENT_REF, P2Y, null). */
export function dateRange(value: string | null | undefined): DateRange | null {
  if (!value) return null;
  const week = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (week) return isoWeek(Number(week[1]), Number(week[2]), week[3] !== undefined);
  const m =
    /^(-?\d{2,4})(?:-(\d{2}|SP|SU|FA|AU|WI|Q[1-4]|H[12])(?:-(\d{2})(?:T(?:(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?|(MO|MI|AF|EV|NI|DT)))?)?)?$/.exec(
      value,
    );
  if (!m?.[1]) return null;
  const digits = m[1].replace("-", "");
  const sign = m[1].startsWith("-") ? -1 : 1;
  if (digits.length === 2 && !m[2]) {
    const from = sign * Number(digits) * 100;
    return { start: at(from), end: at(from + 100), granularity: "century" };
  }
  if (digits.length === 3 && !m[2]) {
    const from = sign * Number(digits) * 10;
    return { start: at(from), end: at(from + 10), granularity: "decade" };
  }
  if (digits.length !== 4) return null;
  const year = sign * Number(digits);
  const part = m[2];
  if (part === undefined) return { start: at(year), end: at(year + 1), granularity: "year" };
  const season = SEASONS[part];
  if (season)
    return { start: at(year, season[0]), end: at(year, season[1]), granularity: "season" };
  if (part.startsWith("Q")) {
    const q = Number(part.slice(1)) - 1;
    return { start: at(year, q * 3), end: at(year, q * 3 + 3), granularity: "quarter" };
  }
  if (part.startsWith("H")) {
    const h = Number(part.slice(1)) - 1;
    return { start: at(year, h * 6), end: at(year, h * 6 + 6), granularity: "half" };
  }
  const month = Number(part) - 1;
  if (month < 0 || month > 11) return null;
  if (m[3] === undefined)
    return { start: at(year, month), end: at(year, month + 1), granularity: "month" };
  const day = Number(m[3]);
  if (day < 1 || day > 31) return null;
  if (m[4] !== undefined) {
    return {
      start: at(year, month, day, Number(m[4]), Number(m[5])),
      end: null,
      granularity: "time",
    };
  }
  if (m[6] !== undefined) {
    return { start: at(year, month, day, PART_HOURS[m[6]] ?? 12), end: null, granularity: "part" };
  }
  return { start: at(year, month, day), end: null, granularity: "day" };
}

/** A timeline axis label in Chinese for a vis-timeline scale (`1月`, `2009年`, `2009年4月`). */
export function axisLabel(when: Date | number, scale: string, major: boolean): string {
  const d = new Date(when.valueOf());
  const y = `${d.getFullYear()}年`;
  const mo = `${d.getMonth() + 1}月`;
  const day = `${d.getDate()}日`;
  const hm = `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
  if (major) {
    if (scale === "year") return "";
    if (scale === "month") return y;
    if (scale === "week" || scale === "day" || scale === "weekday") return `${y}${mo}`;
    return `${y}${mo}${day}`;
  }
  if (scale === "year") return String(d.getFullYear());
  if (scale === "month") return mo;
  if (scale === "week" || scale === "day" || scale === "weekday") return day;
  return hm;
}
