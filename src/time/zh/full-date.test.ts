import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/full-date", () => {
  it.each([
    ["2018年6月12日，两国会晤。", ["2018年6月12日=2018-06-12"]],
    ["2009年12月，希拉里称", ["2009年12月=2009-12"]],
    ["早在1866年", ["1866年=1866"]],
    ["一九九八年八月", ["一九九八年八月=1998-08"]],
    ["二〇一八年十二月廿五日", ["二〇一八年十二月廿五日=2018-12-25"]],
    ["2019年6月份", ["2019年6月份=2019-06"]],
    ["二零零四年八月十五，他回国", ["二零零四年八月十五=2004-08-15"]],
    ["2004年8月15，条约生效", ["2004年8月15=2004-08-15"]],
    ["2004年8月15万人", ["2004年8月=2004-08"]],
    ["1853年1月一艘船", ["1853年1月=1853-01"]],
    ["公元8年", ["公元8年=0008"]],
    ["從2016年內", ["2016年=2016"]],
    // negatives
    ["1990年代", []],
    ["建國成立70年後", []],
    ["2011年2月30日", []],
    ["享年76岁", []],
  ])("%s", (text, expected) => {
    expect(hits(text, "full-date")).toEqual(expected);
  });
});

describe("time:zh/full-date, a year told as a number with 千 before a month", () => {
  it.each([
    ["两千零四年八月十五，他走了", ["两千零四年八月十五=2004-08-15"]],
    ["两千年八月十五日", ["两千年八月十五日=2000-08-15"]],
    ["一千九百九十八年三月", ["一千九百九十八年三月=1998-03"]],
    ["二千零一十年五月一日", ["二千零一十年五月一日=2010-05-01"]],
    // No month: a span of years, not a date.
    ["两千年来的历史", []],
    ["一千九百年", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "full-date", false)).toEqual(expected);
  });
});

describe("time:zh/full-date, spaces between digits and units, ranges after a year", () => {
  it.each([
    ["2008 年 奥运会在北京举办", ["2008 年=2008"]],
    ["北京时间 2008 年 8 月 8 日 20 时", ["2008 年 8 月 8 日=2008-08-08"]],
    ["截至 2019 年 3 月，共有", ["2019 年 3 月=2019-03"]],
    ["1995-1997年的收入", ["1997年=1997"]],
    // negatives: no unit after the space, a Han numeral before it, a token's hyphen
    ["2008 奥运会", []],
    ["二〇〇八 年", []],
    ["型号ABC-2018年", []],
    ["2008年 8日", ["2008年=2008"]],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "full-date", false)).toEqual(expected);
  });
});

describe("time:zh/full-date, a three-digit year digit by digit before a month", () => {
  it.each([
    ["三六七年一月一日", ["三六七年一月一日=0367-01-01"]],
    ["唐朝建于六一八年五月", ["六一八年五月=0618-05"]],
    ["九〇七年四月，朱温称帝", ["九〇七年四月=0907-04"]],
    // No month: a count or a span, not a date.
    ["六一八年", []],
    ["三五年一月", []],
    ["三百六十七年一月", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "full-date", false)).toEqual(expected);
  });
});
