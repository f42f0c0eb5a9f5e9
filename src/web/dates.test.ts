import { describe, expect, test } from "vitest";
import { axisLabel, dateRange } from "./dates.js";

const iso = (d: Date | null) =>
  d === null
    ? null
    : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

describe("web:dates", () => {
  const cases: Array<[string, string | null, string | null, string]> = [
    ["2006-10-09", "2006-10-09", null, "day"],
    ["2009-12", "2009-12-01", "2010-01-01", "month"],
    ["1866", "1866-01-01", "1867-01-01", "year"],
    ["199", "1990-01-01", "2000-01-01", "decade"],
    ["19", "1900-01-01", "2000-01-01", "century"],
    ["2015-SP", "2015-03-01", "2015-06-01", "season"],
    ["2015-WI", "2015-12-01", "2016-03-01", "season"],
    ["2018-Q2", "2018-04-01", "2018-07-01", "quarter"],
    ["2018-06-12T09:30", "2018-06-12", null, "time"],
  ];
  test.each(cases)("%s", (value, start, end, granularity) => {
    const range = dateRange(value);
    expect(range && iso(range.start)).toBe(start);
    expect(range && iso(range.end)).toBe(end);
    expect(range?.granularity).toBe(granularity);
  });

  test.each([null, "", "PRESENT_REF", "P2Y", "PXDE", "2009-13", "2009-02-32", "abc", "12345"])(
    "%s has no range",
    (value) => {
      expect(dateRange(value)).toBeNull();
    },
  );
});

describe("web:axisLabel", () => {
  const d = new Date(2009, 3, 5, 14, 30);
  const cases: Array<[string, boolean, string]> = [
    ["year", false, "2009"],
    ["year", true, ""],
    ["month", false, "4月"],
    ["month", true, "2009年"],
    ["day", false, "5日"],
    ["day", true, "2009年4月"],
    ["hour", false, "14:30"],
  ];
  test.each(cases)("%s major=%s → %s", (scale, major, text) => {
    expect(axisLabel(d, scale, major)).toBe(text);
  });
  test("no English month names", () => {
    expect(axisLabel(d, "month", false)).not.toMatch(/[a-z]/i);
  });
});
