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

describe("time:zh/lunar-date with a reference date", () => {
  it.each([
    // The reference's year; a day that lunar month lacks that year stays yearless.
    ["正月初一", "2017-03-22", ["正月初一=2017-01-28"]],
    ["腊月二十三", "2017-03-22", ["腊月二十三=2018-02-08"]],
    ["正月三十", "2017-03-22", ["正月三十=XXXX"]],
  ] as Array<[string, string, string[]]>)("%s @%s", (text, reference, expected) => {
    expect(hits(text, "lunar-date", false, reference)).toEqual(expected);
  });
});
