import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/quarter", () => {
  it.each([
    ["2015年第一季度，销量上升", undefined, ["2015年第一季度=2015-Q1"]],
    ["该公司2019年三季度亏损", undefined, ["2019年三季度=2019-Q3"]],
    ["2015年度第四季度报告", undefined, ["2015年度第四季度=2015-Q4"]],
    ["1998年4月，第二季度的产量", undefined, ["第二季度=1998-Q2"]],
    ["本季度的销量", "2018-06-30", ["本季度=2018-Q2"]],
    ["这个季度完成", "2018-01-05", ["这个季度=2018-Q1"]],
    ["上季度亏损", "2018-02-10", ["上季度=2017-Q4"]],
    ["上个季度", "2018-08-10", ["上个季度=2018-Q2"]],
    ["下个季度上市", "2018-11-30", ["下个季度=2019-Q1"]],
    // negatives: sets, durations, counts of quarters, a series' season, no number
    ["每季度发布", "2018-06-30", []],
    ["一个季度后", "2018-06-30", []],
    ["三个季度", "2018-06-30", []],
    ["前三季度的营收", "2018-06-30", []],
    ["该剧第三季", "2018-06-30", []],
    ["以上季度数据", "2018-06-30", []],
    ["季度报告", "2018-06-30", []],
  ] as Array<[string, string | undefined, string[]]>)("%s", (text, reference, expected) => {
    expect(hits(text, "quarter", false, reference)).toEqual(expected);
  });
});
