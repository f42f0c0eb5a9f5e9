import { describe, expect, it } from "vitest";
import type { Point } from "./types.js";
import { addDays, isValidDate, pointValue } from "./value.js";

describe("time:zh/value", () => {
  const cases: Array<[Point, string]> = [
    [{ year: 2018, month: 6, day: 12 }, "2018-06-12"],
    [{ year: 2009, month: 12 }, "2009-12"],
    [{ year: 1866 }, "1866"],
    [{ decade: 199 }, "199"],
    [{ century: 19 }, "19"],
    [{ century: -2 }, "-02"],
    [{ year: -221 }, "-0221"],
    [{ year: 2015, season: "SP" }, "2015-SP"],
    [{ year: 2015, half: 2 }, "2015-H2"],
    [{ year: 1969, month: 7, day: 20, hour: 20, minute: 17 }, "1969-07-20T20:17"],
    [
      { year: 1969, month: 7, day: 20, hour: 9, minute: 0, second: "03.497" },
      "1969-07-20T09:00:03.497",
    ],
    [{ year: 1949, month: 10, day: 1, partOfDay: "MO" }, "1949-10-01TMO"],
    [{ month: 8, day: 8 }, "XXXX-08-08"],
    [{ hour: 20, minute: 17 }, "XXXX-XX-XXT20:17"],
  ];
  it.each(cases)("value of %j is %s", (point, value) => {
    expect(pointValue(point)).toBe(value);
  });
  it("adds days across months and years", () => {
    expect(addDays(2008, 2, 25, 1)).toEqual({ year: 2008, month: 2, day: 26 });
    expect(addDays(2008, 2, 29, 1)).toEqual({ year: 2008, month: 3, day: 1 });
    expect(addDays(2010, 12, 31, 1)).toEqual({ year: 2011, month: 1, day: 1 });
    expect(addDays(2011, 1, 1, -1)).toEqual({ year: 2010, month: 12, day: 31 });
  });
  it("rejects impossible dates", () => {
    expect(isValidDate(2011, 2, 29)).toBe(false);
    expect(isValidDate(2012, 2, 29)).toBe(true);
    expect(isValidDate(2012, 13, 1)).toBe(false);
  });
});
