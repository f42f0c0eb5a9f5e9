import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/day", () => {
  it.each([
    ["2009年12月8日至10日", ["10日=2009-12-10"]],
    ["2011年7月28日至29日", ["29日=2011-07-29"]],
    ["2011年10月24日会谈。25日，双方发表声明", ["25日=2011-10-25"]],
    ["4月6日至七日", ["七日=XXXX-04-07"]],
    ["甲申事变，三日天下", []],
    ["3日内完成", []],
    ["今日", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "day", false)).toEqual(expected);
  });
});
