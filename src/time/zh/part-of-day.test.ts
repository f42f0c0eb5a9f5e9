import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/part-of-day", () => {
  it.each([
    ["1949年10月1日上午", ["1949年10月1日上午=1949-10-01TMO"]],
    ["1949年10月1日下午", ["1949年10月1日下午=1949-10-01TAF"]],
    ["1949年10月1日傍晚", ["1949年10月1日傍晚=1949-10-01TEV"]],
    ["1949年10月1日。当天晚上", ["当天晚上=1949-10-01TNI"]],
    ["1949年10月1日。当晚", ["当晚=1949-10-01TNI"]],
    ["12月4日，举行典礼，晚间开设宴会", ["晚间=XXXX-12-04TNI"]],
    ["1884年12月4日，地震发生于凌晨", ["凌晨=1884-12-04TMO"]],
    // negatives: no day in the paragraph, a day of another paragraph, not at a clause start
    ["上午", []],
    ["晚间开设宴会", []],
    ["1884年12月4日举行典礼。\n\n晚间开设宴会", []],
    ["1884年12月4日，他每天晚上读书", []],
    ["晚年", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "part-of-day", false)).toEqual(expected);
  });
});
