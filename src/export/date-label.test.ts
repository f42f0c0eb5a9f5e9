import { describe, expect, it } from "vitest";
import type { TimexMod } from "../model/index.js";
import { dateLabelZh } from "./date-label.js";
import { TIMEX_CODE } from "./testing.js";

describe("dateLabelZh", () => {
  it.each<[string | null, TimexMod | null, string | null]>([
    // day and time
    ["2018-06-12", null, "2018年6月12日"],
    ["2018-06-12", "APPROX", "约2018年6月12日"],
    ["2018-06-12", "BEFORE", "2018年6月12日以前"],
    ["2018-06-12", "AFTER", "2018年6月12日以后"],
    ["2018-06-12", "START", "2018年6月12日"],
    ["2009-04-05TAF", null, "2009年4月5日下午"],
    ["2003-10-15T09:00", null, "2003年10月15日9时"],
    ["2018-06-12T09:05", null, "2018年6月12日9时5分"],
    ["2018-06-12T00:30", "APPROX", "约2018年6月12日0时30分"],
    // month
    ["2009-12", null, "2009年12月"],
    ["1993-05", "START", "1993年5月初"],
    ["2012-04", "MID", "2012年4月中旬"],
    ["2009-12", "END", "2009年12月底"],
    ["2009-12", "APPROX", "约2009年12月"],
    ["2009-12", "BEFORE", "2009年12月以前"],
    ["2009-12", "AFTER", "2009年12月以后"],
    ["2009-12", "MORE_THAN", "2009年12月"],
    // season
    ["1923-FA", null, "1923年秋"],
    ["2015-SP", "START", "2015年初春"],
    ["2015-SU", "MID", "2015年仲夏"],
    ["2015-WI", "END", "2015年冬末"],
    ["2015-AU", "APPROX", "约2015年秋"],
    ["2015-SP", "AFTER", "2015年春以后"],
    // quarter, half, week
    ["2012-Q3", null, "2012年第3季度"],
    ["2012-Q3", "END", "2012年第3季度末"],
    ["2012-H1", null, "2012年上半年"],
    ["2012-H2", "START", "2012年下半年初"],
    ["2012-W05", null, "2012年第5周"],
    // year
    ["1866", null, "1866年"],
    ["1866", "APPROX", "约1866年"],
    ["2015", "START", "2015年初"],
    ["1923", "MID", "1923年年中"],
    ["2015", "END", "2015年底"],
    ["1970", "AFTER", "1970年后"],
    ["1970", "BEFORE", "1970年前"],
    ["1970", "LESS_THAN", "1970年"],
    ["BC0221", null, "公元前221年"],
    // decade
    ["199", null, "1990年代"],
    ["199", "START", "1990年代初"],
    ["196", "MID", "1960年代中期"],
    ["199", "END", "1990年代末"],
    ["199", "APPROX", "约1990年代"],
    ["197", "AFTER", "1970年代以后"],
    // century
    ["19", null, "20世纪"],
    ["18", "START", "19世纪初"],
    ["18", "MID", "19世纪中叶"],
    ["18", "END", "19世纪末"],
    ["18", "BEFORE", "19世纪以前"],
    // not a placeable date
    ["PRESENT_REF", null, null],
    ["P2Y", null, null],
    ["XXXX-06", null, null],
    [null, null, null],
  ])("%s %s → %s", (value, mod, expected) => {
    const label = dateLabelZh(value, mod);
    expect(label).toBe(expected);
    if (label !== null) expect(label).not.toMatch(TIMEX_CODE);
  });

  it.each([
    "1923-FA",
    "~18 MID",
    "~1993-05 START",
    "~1970 AFTER",
    "2018-06-12T09:05",
    "~199",
    "2012-Q3",
  ])("the code pattern recognizes %s", (code) => expect(code).toMatch(TIMEX_CODE));
});

describe("TIMEX_CODE", () => {
  it.each([
    "1993年5月初",
    "19世纪中叶",
    "公元前221年",
    "2018年6月12日9时5分",
    "20世纪",
    "1990年代末",
  ])("does not take the label %s for a code", (label) => expect(label).not.toMatch(TIMEX_CODE));
});
