import { describe, expect, it } from "vitest";
import { show, tagText } from "../testing.js";

describe("time: Julian dates", () => {
  it.each([
    ["签约日期为俄历一九〇五年八月二十三日。", ["一九〇五年八月二十三日=1905-09-05"]],
    [
      '1914年6月28日（[儒略历](../Page/儒略历.md "wikilink")6月15日）是圣维特节。',
      ["1914年6月28日=1914-06-28", "6月15日=1914-06-28"],
    ],
    [
      "1858年5月28日（儒略历1858年5月16日）签订。",
      ["1858年5月28日=1858-05-28", "1858年5月16日=1858-05-28"],
    ],
    // Before the Gregorian 1700 leap day the calendars are 10 days apart.
    ["俄历1700年2月19日", ["1700年2月19日=1700-03-01"]],
    // Before the Gregorian reform (1582) a Julian date is kept as written.
    ["儒略历1453年5月29日", ["1453年5月29日=1453-05-29"]],
    ["（儒略历1556年1月23日）", ["1556年1月23日=1556-01-23"]],
    // A later 次日 counts from the Gregorian day; a range's second end is Julian too.
    [
      "1917年，俄历1917年10月25日，布尔什维克起义。次日，列宁发表讲话。",
      ["1917年=1917", "1917年10月25日=1917-11-07", "次日=1917-11-08"],
    ],
    ["俄历1917年10月25日至26日", ["1917年10月25日=1917-11-07", "26日=1917-11-08"]],
    ["1917年10月25日至26日", ["1917年10月25日=1917-10-25", "26日=1917-10-26"]],
    // Not Julian: 旧历 is the lunar calendar, a month without a day stays, no cue.
    ["1905年，旧历八月十五日", ["1905年=1905", "旧历八月十五日=1905-09-13"]],
    ["俄历1905年8月", ["1905年8月=1905-08"]],
    ["1905年8月23日，俄国签约。", ["1905年8月23日=1905-08-23"]],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(tagText(text).map((t) => show({ ...t, anchor: null }))).toEqual(expected);
  });
});
