import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/part-of-day", () => {
  it.each([
    ["1949年10月1日上午", ["1949年10月1日上午=1949-10-01TMO"]],
    ["1949年10月1日下午", ["1949年10月1日下午=1949-10-01TAF"]],
    ["1949年10月1日傍晚", ["1949年10月1日傍晚=1949-10-01TEV"]],
    ["1949年10月1日。当天晚上", ["当天晚上=1949-10-01TNI"]],
    ["1949年10月1日。当晚", ["当晚=1949-10-01TNI"]],
    ["上午", []],
    ["晚年", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "part-of-day", false)).toEqual(expected);
  });
});
