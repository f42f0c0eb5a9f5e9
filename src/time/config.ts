/**
 * The time grammar as configuration: the ordered parser list (earlier wins a tie between equal
 * spans) and the ordered refiner list. Adding a form is one file, one test and one line here.
 */
import type { Parser, Refiner } from "./types.js";
import { eraDate } from "./zh/era-date.js";
import { eraContinued, eraYear } from "./zh/era-year.js";
import { eraStart } from "./zh/era-start.js";
import { lunarDate } from "./zh/lunar-date.js";
import { sexagenaryYear } from "./zh/sexagenary-year.js";
import { bce } from "./zh/bce.js";
import { clockTime } from "./zh/clock-time.js";
import { partOfDayParser } from "./zh/part-of-day.js";
import { fullDate } from "./zh/full-date.js";
import { isoDate } from "./zh/iso-date.js";
import { decade } from "./zh/decade.js";
import { century } from "./zh/century.js";
import { season } from "./zh/season.js";
import { partOfMonth } from "./zh/part-of-month.js";
import { quarter } from "./zh/quarter.js";
import { relativeYear } from "./zh/relative-year.js";
import { relativeMonth } from "./zh/relative-month.js";
import { relativeDay } from "./zh/relative-day.js";
import { monthDay } from "./zh/month-day.js";
import { dottedDate } from "./zh/dotted-date.js";
import { day } from "./zh/day.js";
import { rangeHead } from "./zh/range-head.js";
import { bareYear } from "./zh/bare-year.js";
import { presentRef } from "./zh/present-ref.js";
import { set } from "./zh/set.js";
import { duration, durationRangeHead } from "./zh/duration.js";
import { shortYear } from "./zh/short-year.js";
import { numericDate } from "./zh/numeric-date.js";
import { englishDate } from "./zh/english-date.js";
import { weekday } from "./zh/weekday.js";
import { holiday } from "./zh/holiday.js";
import { deicticDay } from "./zh/deictic-day.js";
import { relativeWeek } from "./zh/relative-week.js";
import { fromNowParser } from "./zh/from-now.js";
import { dropTraps } from "./refiners/drop-traps.js";
import { titles } from "./refiners/titles.js";
import { eraCounted } from "./refiners/era-counted.js";
import { resolveOverlaps } from "./refiners/resolve-overlaps.js";
import { modifiers } from "./refiners/modifiers.js";
import { ranges } from "./refiners/ranges.js";
import { asides } from "./refiners/asides.js";
import { anchor } from "./refiners/anchor.js";
import { timeZones } from "./refiners/zones.js";

/** Parsers in priority order. */
export const PARSERS: readonly Parser[] = [
  eraDate,
  eraYear,
  eraContinued,
  eraStart,
  lunarDate,
  sexagenaryYear,
  bce,
  clockTime,
  partOfDayParser,
  fullDate,
  shortYear,
  isoDate,
  numericDate,
  englishDate,
  decade,
  century,
  season,
  partOfMonth,
  quarter,
  relativeYear,
  relativeMonth,
  fromNowParser,
  relativeDay,
  deicticDay,
  relativeWeek,
  holiday,
  monthDay,
  dottedDate,
  day,
  rangeHead,
  bareYear,
  presentRef,
  set,
  duration,
  durationRangeHead,
  weekday,
];

/** Refiners in the order they run. */
export const REFINERS: readonly Refiner[] = [
  dropTraps,
  titles,
  resolveOverlaps,
  eraCounted,
  modifiers,
  ranges,
  asides,
  anchor,
  timeZones,
];
