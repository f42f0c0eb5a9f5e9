/**
 * Lunar (农历) month/day → Gregorian, through lunar-typescript (not a hand-made table).
 */
import { Lunar, LunarMonth } from "lunar-typescript";
import type { LunarParts } from "./types.js";

/** A Gregorian date or month for a lunar date of lunar year `year` (its Gregorian start year). */
export function lunarToGregorian(
  year: number,
  parts: LunarParts,
): { year: number; month: number; day?: number } | null {
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
