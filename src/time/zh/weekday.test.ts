import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/weekday", () => {
  it.each([
    ["1949年10月1日（三）", ["（三）=1949-10-01"]],
    ["2019年3月5日星期二", ["星期二=2019-03-05"]],
    ["（三）", []],
    ["周年纪念", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "weekday", false)).toEqual(expected);
  });
});
