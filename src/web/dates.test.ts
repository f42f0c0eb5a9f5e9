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
    // Seconds and a part of the day: values the tagger writes (嫦娥二号's 16时30分09秒, 拂晓, 晚).
    ["2012-12-13T16:30:09", "2012-12-13", null, "time"],
    ["2010-10-01T18:59:57.345", "2010-10-01", null, "time"],
    ["1905-01-29TMO", "1905-01-29", null, "part"],
    ["1971-04-03TNI", "1971-04-03", null, "part"],
    ["1870-06-21TAF", "1870-06-21", null, "part"],
    // ISO weeks: week 1 holds 4 January (2009-W01 starts on Monday 2008-12-29).
    ["2009-W01", "2008-12-29", "2009-01-05", "week"],
    ["2015-W12", "2015-03-16", "2015-03-23", "week"],
    ["2015-W12-WE", "2015-03-21", "2015-03-23", "week"],
    ["2015-W53", "2015-12-28", "2016-01-04", "week"],
  ];
  test.each(cases)("%s", (value, start, end, granularity) => {
    const range = dateRange(value);
    expect(range && iso(range.start)).toBe(start);
    expect(range && iso(range.end)).toBe(end);
    expect(range?.granularity).toBe(granularity);
  });

  test.each([
    null,
    "",
    "PRESENT_REF",
    "P2Y",
    "PXDE",
    "2009-13",
    "2009-02-32",
    "abc",
    "12345",
    "2009-06-01TXX",
    "2009-W54",
  ])("%s has no range", (value) => {
    expect(dateRange(value)).toBeNull();
  });
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
