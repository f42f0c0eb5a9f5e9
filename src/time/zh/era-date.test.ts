import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/era-date", () => {
  it.each([
    ["光绪二十一年三月二十三日", ["光绪二十一年三月二十三日=1895-04-17"]],
    ["光绪二十六年闰八月初三", ["光绪二十六年闰八月初三=1900-09-26"]],
    ["光绪二十一年三月", ["光绪二十一年三月=1895-04"]],
    ["民国38年10月1日", ["民国38年10月1日=1949-10-01"]],
    ["明治35年2月7日", ["明治35年2月7日=1902-02-07"]],
    ["光绪二十一年", []],
    ["宋太宗三年五月", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "era-date", false)).toEqual(expected);
  });
});
