import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/relative-month", () => {
  it.each([
    ["2010年8月25日。同月28日", ["同月28日=2010-08-28"]],
    ["2010年12月5日。次月", ["次月=2011-01"]],
    ["2010年8月25日。当月底", ["当月底=2010-08@END"]],
    ["每月", []],
    ["本月", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "relative-month", false)).toEqual(expected);
  });
});
