/**
 * A reign year told without its era across blocks: a count of years in Chinese numerals that opens
 * a sentence or clause (二十六年，高層主事者…, ，十九年調內閣學士, 二十年五月，朝鲜政府…) after the
 * narrative has stated a year of an era (光緒二十四年 in an earlier paragraph) is that era's year
 * counted on, not a duration, when it lies at or after the era year stated and at or after the
 * line's last year, and within `REACH` years of them (dev: zhang-yinhuan, toyoshima, xu-jingcheng).
 * The in-block form with a gloss or after a sentence end is `zh/era-year`'s `eraContinued`.
 * Must not change: 十年后/三年间 (no clause opening or a span word after), a count smaller than the
 * era year stated (光绪二十年…。三年，), a count far past the line's year (1950年…。十年，).
 */
import { num } from "../zh/fragments.js";
import type { Placed, Refiner } from "../types.js";

/** The farthest a counted-on year may lie past the era year stated and the line's year. */
const REACH = 10;

const COUNT = /^(?<n>元|[一二三四五六七八九十廿]{1,3})年$/u;
/** A sentence, clause or block opening before the count. */
const OPENS = /(?:^|[。；，\n])\s{0,3}$/u;
/** What follows a year in a clause: a comma, a month, a verb; not a span word (十年后, 三年间). */
const SPAN_AFTER = /^[代级度后後前来來间間内內多余餘半以的制期之左上中裡里]/u;

/** `time:zh/era-year` (counted on across blocks). */
export const eraCounted: Refiner = {
  name: "era-counted",
  refine(items, input) {
    /** The eras stated so far, latest first: first year and the count stated. */
    const eras: Array<{ first: number; n: number; lunar: boolean }> = [];
    let lineYear: number | undefined;
    const merged = new Set<Placed>();
    for (let i = 0; i < items.length; i += 1) {
      const item = items[i]!;
      if (
        item.rule === "era-year" &&
        item.eraFirst !== undefined &&
        item.point?.year !== undefined
      ) {
        const n = item.point.year - item.eraFirst + 1;
        const at = eras.findIndex((e) => e.first === item.eraFirst);
        if (at >= 0) eras.splice(at, 1);
        eras.unshift({ first: item.eraFirst, n, lunar: item.lunarNumerals === true });
      }
      if (item.type === "DATE" && item.need === "none" && item.point?.year !== undefined) {
        lineYear = item.point.year;
        continue;
      }
      if (item.type !== "DURATION" || item.rule !== "duration" || eras.length === 0) continue;
      const told = input.text.slice(item.textStart, item.textEnd);
      const n = num(COUNT.exec(told)?.groups?.n);
      if (n === undefined) continue;
      const before = input.text.slice(
        Math.max(item.block.textStart, item.textStart - 4),
        item.textStart,
      );
      if (!OPENS.test(before) && item.textStart !== item.block.textStart) continue;
      if (SPAN_AFTER.test(input.text.slice(item.textEnd, item.textEnd + 1))) continue;
      const era = eras.find((e) => {
        const year = e.first + n - 1;
        return (
          n >= e.n &&
          n - e.n <= REACH &&
          (lineYear === undefined || (year >= lineYear && year - lineYear <= REACH))
        );
      });
      if (era === undefined) continue;
      const year = era.first + n - 1;
      toEraYear(item, year, era.first, era.lunar);
      lineYear = year;
      // The month told right after it is one date with it (二十年五月 → 1894-06, lunar).
      const next = items[i + 1];
      if (next !== undefined && withMonth(item, next, input.text)) merged.add(next);
    }
    return merged.size === 0 ? items : items.filter((item) => !merged.has(item));
  },
};

/**
 * Takes the month-day right after an era year into it (二十年五月): lunar when the era's months are
 * (its month and day then converted by the anchoring), else as written. False when `next` is not
 * a month-day starting where the year ends.
 */
function withMonth(item: Placed, next: Placed, text: string): boolean {
  if (
    next.rule !== "month-day" ||
    next.textStart !== item.textEnd ||
    next.point?.month === undefined
  )
    return false;
  const { month, day } = next.point;
  if (item.lunarNumerals === true && !/\d/u.test(text.slice(next.textStart, next.textEnd))) {
    item.lunar = { month, leap: false, ...(day !== undefined ? { day } : {}) };
    item.calendar = "lunar";
  } else {
    item.point = { ...item.point, month, ...(day !== undefined ? { day } : {}) };
  }
  item.end = next.end;
  item.textEnd = next.textEnd;
  return true;
}

/** Turns a duration candidate into the era year it is. */
function toEraYear(item: Placed, year: number, first: number, lunar: boolean): void {
  item.type = "DATE";
  item.rule = "era-year";
  item.calendar = "era";
  item.point = { year };
  item.need = "none";
  item.eraFirst = first;
  delete item.value;
  if (lunar) item.lunarNumerals = true;
}
