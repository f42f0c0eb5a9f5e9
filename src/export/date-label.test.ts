import { describe, expect, it } from "vitest";
import type { TimexMod } from "../model/index.js";
import { dateLabelZh } from "./date-label.js";

describe("dateLabelZh", () => {
  it.each<[string | null, TimexMod | null, string | null]>([
    ["2018-06-12", null, "2018年6月12日"],
    ["2009-12", null, "2009年12月"],
    ["2009-12", "END", "2009年12月底"],
    ["2012-04", "MID", "2012年4月中旬"],
    ["1866", null, "1866年"],
    ["2015", "START", "2015年初"],
    ["199", null, "1990年代"],
    ["199", "START", "1990年代初"],
    ["199", "END", "1990年代末"],
    ["19", null, "20世纪"],
    ["2015-SP", null, "2015年春"],
    ["2012-H1", null, "2012年上半年"],
    ["2009-04-05TAF", null, "2009年4月5日下午"],
    ["2018-06-12T09:05", null, "2018年6月12日 09:05"],
    ["BC0221", null, "公元前221年"],
    ["PRESENT_REF", null, null],
    ["P2Y", null, null],
    [null, null, null],
  ])("%s %s → %s", (value, mod, expected) => {
    expect(dateLabelZh(value, mod)).toBe(expected);
  });
});
