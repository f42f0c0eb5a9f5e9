import { describe, expect, it } from "vitest";
import { compatible, digitsDiffer, durationDays, notAfter, parseDate, withYear } from "./dates.js";

describe("check dates", () => {
  it.each([
    ["2009", { year: 2009, month: null, day: null }],
    ["2009-04", { year: 2009, month: 4, day: null }],
    ["2009-04-05", { year: 2009, month: 4, day: 5 }],
    ["2015-SP", { year: 2015, month: null, day: null }],
    ["1976-07-28T03:42", { year: 1976, month: 7, day: 28 }],
    ["199", null],
    ["P2W", null],
    ["PRESENT_REF", null],
    ["2009-13", null],
  ])("parseDate(%s)", (value, expected) => {
    expect(parseDate(value)).toEqual(expected);
  });

  it.each([
    [2008, 2009, 1],
    [1908, 1980, 1],
    [1967, 1976, 1],
    [1998, 2009, 4],
    [2009, 2009, 0],
  ])("digitsDiffer(%i, %i) = %i", (a, b, n) => {
    expect(digitsDiffer(a, b)).toBe(n);
  });

  it("orders partial dates as intervals", () => {
    const d = (v: string) => parseDate(v) ?? { year: 0, month: null, day: null };
    expect(notAfter(d("2009"), d("2009-01-21"))).toBe(true);
    expect(notAfter(d("2009-01-21"), d("2009"))).toBe(true);
    expect(notAfter(d("2009-01-21"), d("2008-04-05"))).toBe(false);
    expect(compatible(d("2009-05"), d("2009-05-25"))).toBe(true);
    expect(compatible(d("2009-05"), d("2008-05-25"))).toBe(false);
  });

  it("replaces years and sizes durations", () => {
    expect(withYear("2008-04-05", 2009)).toBe("2009-04-05");
    expect(withYear("2008-SU", 2009)).toBe("2009-SU");
    expect(durationDays("P2W")).toBe(14);
    expect(durationDays("PXM")).toBeNull();
  });
});
