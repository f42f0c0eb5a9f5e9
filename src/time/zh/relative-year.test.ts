import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/relative-year", () => {
  it.each([
    ["2010年8月25日访朝。同年11月发生炮击", ["同年11月=2010-11"]],
    ["1900年。次年", ["次年=1901"]],
    ["1928年。翌年公路修通", ["翌年=1929"]],
    ["1947年12月。同年底", ["同年底=1947@END"]],
    ["1976年。去年8月6日", ["去年8月6日=1975-08-06"]],
    ["每年", []],
    ["享年", []],
    ["当年度", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "relative-year", false)).toEqual(expected);
  });

  // Seasons, quarters and halves of a year counted from the reference date.
  it.each([
    ["今年夏天很热", "2017-03-22", ["今年夏天=2017-SU"]],
    ["明年春季开学", "2018-06-30", ["明年春季=2019-SP"]],
    ["去年冬天下了大雪", "2018-06-30", ["去年冬天=2017-WI"]],
    ["今年第一季度", "2017-03-22", ["今年第一季度=2017-Q1"]],
    ["去年四季度的增长", "2018-06-30", ["去年四季度=2017-Q4"]],
    ["明年下半年", "2018-06-30", ["明年下半年=2019-H2"]],
    // negatives: a festival, a games, a bare 季度 stay outside the year
    ["今年春节回家", "2018-06-30", ["今年=2018"]],
    ["今年冬奥会", "2018-06-30", ["今年=2018"]],
    ["今年季度报告", "2018-06-30", ["今年=2018"]],
  ] as Array<[string, string, string[]]>)("%s (reference %s)", (text, reference, expected) => {
    expect(hits(text, "relative-year", false, reference)).toEqual(expected);
  });
});
