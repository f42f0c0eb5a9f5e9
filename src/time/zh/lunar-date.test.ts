import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/lunar-date", () => {
  it.each([
    ["1866年，农历九月六日", ["农历九月六日=1866-10-14"]],
    ["1900年。正月初一", ["正月初一=1900-01-31"]],
    ["1900年。腊月廿三", ["腊月廿三=1901-02-11"]],
    ["农历1895年三月二十三日", ["农历1895年三月二十三日=1895-04-17"]],
    ["九月六日", []],
    ["一月", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "lunar-date", false)).toEqual(expected);
  });
});
