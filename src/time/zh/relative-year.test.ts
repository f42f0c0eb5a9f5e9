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
});
