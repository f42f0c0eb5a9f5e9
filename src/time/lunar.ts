/**
 * Lunar (农历) month/day → Gregorian, and holiday dates (solar, lunar, 除夕, solar terms), through
 * lunar-typescript (not a hand-made table).
 */
import { Lunar, LunarMonth, Solar } from "lunar-typescript";
import { holidays } from "./tables.js";
import type { LunarParts } from "./types.js";

type GregorianDay = { year: number; month: number; day: number };
type GregorianMonthOrDay = { year: number; month: number; day?: number };

/**
 * Results by key, kept for the process: lunar-typescript computes a whole lunar year (its solar
 * terms by series) for each conversion, and a corpus asks the same few years again and again.
 */
const lunarCache = new Map<string, GregorianMonthOrDay | null>();
const holidayCache = new Map<string, GregorianDay | null>();

/** The cached result for `key` (computed at first use), copied so that callers may change it. */
function cached<T extends object>(
  cache: Map<string, T | null>,
  key: string,
  compute: () => T | null,
): T | null {
  let found = cache.get(key);
  if (found === undefined) {
    found = compute();
    cache.set(key, found);
  }
  return found === null ? null : { ...found };
}

/** A Gregorian date or month for a lunar date of lunar year `year` (its Gregorian start year). */
export function lunarToGregorian(year: number, parts: LunarParts): GregorianMonthOrDay | null {
  const key = `${year}|${parts.leap ? "-" : ""}${parts.month}|${parts.day ?? ""}`;
  return cached(lunarCache, key, () => convertLunar(year, parts));
}

function convertLunar(year: number, parts: LunarParts): GregorianMonthOrDay | null {
  const month = parts.leap ? -parts.month : parts.month;
  try {
    if (LunarMonth.fromYm(year, month) === null) return null;
    if (parts.day !== undefined) {
      const solar = Lunar.fromYmd(year, month, parts.day).getSolar();
      return { year: solar.getYear(), month: solar.getMonth(), day: solar.getDay() };
    }
    // A month without a day: the Gregorian month holding most of its days.
    const length = LunarMonth.fromYm(year, month)?.getDayCount() ?? 30;
    const counts = new Map<string, number>();
    for (let d = 1; d <= length; d += 1) {
      const s = Lunar.fromYmd(year, month, d).getSolar();
      const key = `${s.getYear()}-${s.getMonth()}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    let best = "";
    let bestCount = -1;
    for (const [key, count] of counts) {
      if (count > bestCount) {
        best = key;
        bestCount = count;
      }
    }
    const [y, m] = best.split("-").map(Number);
    if (y === undefined || m === undefined) return null;
    return { year: y, month: m };
  } catch {
    return null;
  }
}

/** The Gregorian date of holiday `name` (`data/time/holidays.json`) in Gregorian year `year`. */
export function holidayDate(name: string, year: number): GregorianDay | null {
  return cached(holidayCache, `${name}|${year}`, () => computeHoliday(name, year));
}

function computeHoliday(name: string, year: number): GregorianDay | null {
  const table = holidays();
  const solar = table.solar[name];
  if (solar !== undefined) return { year, month: solar[0], day: solar[1] };
  const lunar = table.lunar[name];
  try {
    if (lunar !== undefined) {
      const s = Lunar.fromYmd(year, lunar[0], lunar[1]).getSolar();
      return { year: s.getYear(), month: s.getMonth(), day: s.getDay() };
    }
    if (table.eve.includes(name)) {
      // The day before 正月初一 of lunar year `year`, which falls in Gregorian `year`.
      const s = Lunar.fromYmd(year, 1, 1).getSolar().next(-1);
      return { year: s.getYear(), month: s.getMonth(), day: s.getDay() };
    }
    const term = table.terms[name];
    if (term === undefined) return null;
    for (const probe of [Solar.fromYmd(year, 6, 1), Solar.fromYmd(year + 1, 6, 1)]) {
      for (const s of Object.values(probe.getLunar().getJieQiTable())) {
        if (s.getYear() === year && s.getLunar().getJieQi() === term) {
          return { year, month: s.getMonth(), day: s.getDay() };
        }
      }
    }
  } catch {
    return null;
  }
  return null;
}
