import { describe, expect, it } from "vitest";
import { lunarToGregorian } from "./lunar.js";

describe("time:zh/lunar", () => {
  it.each([
    [1895, { month: 3, day: 23, leap: false }, { year: 1895, month: 4, day: 17 }],
    [1866, { month: 9, day: 6, leap: false }, { year: 1866, month: 10, day: 14 }],
    [1895, { month: 5, day: 1, leap: true }, { year: 1895, month: 6, day: 23 }],
    [1900, { month: 12, day: 25, leap: false }, { year: 1901, month: 2, day: 13 }],
  ])("converts %i %j", (year, parts, expected) => {
    expect(lunarToGregorian(year, parts)).toEqual(expected);
  });
  it("gives the Gregorian month holding most of a lunar month", () => {
    expect(lunarToGregorian(1895, { month: 3, leap: false })).toEqual({ year: 1895, month: 4 });
  });
  it("rejects a leap month that year does not have", () => {
    expect(lunarToGregorian(1895, { month: 3, day: 1, leap: true })).toBeNull();
  });
});
