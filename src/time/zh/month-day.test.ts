import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/month-day", () => {
  it.each([
    ["2017年。8月8日，朝鲜发表声明", ["8月8日=2017-08-08"]],
    ["2013年1月22日通过决议。4月，朝鲜宣布", ["4月=2013-04"]],
    ["十二月廿五日", ["十二月廿五日=XXXX-12-25"]],
    ["9月4号", ["9月4号=XXXX-09-04"]],
    ["2004年8月。八月十五，他走了", ["八月十五=2004-08-15"]],
    ["1990年。十月廿五，他抵达", ["十月廿五=1990-10-25"]],
    ["八月十五个人", ["八月=XXXX-08"]],
    ["第十五", []],
    ["3个月", []],
    ["第3月", []],
    ["2018年6月12日", []],
    ["2月30日", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "month-day", false)).toEqual(expected);
  });
});
