import { describe, expect, it } from "vitest";
import { dateKey, dateRange, parseBound } from "./date-range.js";

describe("dateRange", () => {
  it.each([
    ["1866", "year", { year: 1866 }, { year: 1866 }],
    ["2009-12", "month", { year: 2009, month: 12 }, { year: 2009, month: 12 }],
    ["2018-06-12", "day", { year: 2018, month: 6, day: 12 }, { year: 2018, month: 6, day: 12 }],
    ["199", "decade", { year: 1990 }, { year: 1999 }],
    ["19", "century", { year: 1900 }, { year: 1999 }],
    ["2015-SP", "season", { year: 2015, month: 3 }, { year: 2015, month: 5 }],
    ["2015-WI", "season", { year: 2015, month: 12 }, { year: 2016, month: 2 }],
    ["2012-Q3", "quarter", { year: 2012, month: 7 }, { year: 2012, month: 9 }],
    ["2012-H2", "half", { year: 2012, month: 7 }, { year: 2012, month: 12 }],
    ["2021-W01", "week", { year: 2021, month: 1, day: 4 }, { year: 2021, month: 1, day: 10 }],
    ["2009-04-05TMO", "day", { year: 2009, month: 4, day: 5 }, { year: 2009, month: 4, day: 5 }],
    [
      "2018-06-12T09:05",
      "time",
      { year: 2018, month: 6, day: 12, hour: 9, minute: 5 },
      { year: 2018, month: 6, day: 12, hour: 9, minute: 5 },
    ],
    ["BC0500", "year", { year: -500 }, { year: -500 }],
  ])("%s is a %s", (value, granularity, first, last) => {
    const range = dateRange(value);
    expect(range).toMatchObject({ granularity, first, last });
    expect(range?.startKey).toBeLessThanOrEqual(range?.endKey ?? -Infinity);
  });

  it.each(["PRESENT_REF", "XXXX-06-12", "P2Y", "PT24H", "", "2009-13", "2009-02-30", "abc", null])(
    "%s cannot be placed",
    (value) => {
      expect(dateRange(value)).toBeNull();
    },
  );

  it("orders a year before its days and its days before the next year", () => {
    const y = dateRange("2009");
    const d = dateRange("2009-04-05");
    const next = dateRange("2010");
    expect(y && d && next).toBeTruthy();
    expect(y!.startKey).toBeLessThanOrEqual(d!.startKey);
    expect(d!.endKey).toBeLessThanOrEqual(y!.endKey);
    expect(y!.endKey).toBeLessThan(next!.startKey);
    expect(dateKey({ year: -500 }, "max")).toBeLessThan(dateKey({ year: -499 }, "min"));
  });
});

describe("parseBound", () => {
  it.each(["1994", "2009-04", "2009-04-05"])("accepts %s", (text) => {
    expect(parseBound(text)).not.toBeNull();
  });
  it.each(["94", "2009-4", "2009-04-31", "199", "2015-SP", "yesterday", ""])(
    "rejects %s",
    (text) => {
      expect(parseBound(text)).toBeNull();
    },
  );
});
