import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/present-ref", () => {
  it.each([
    ["一直存在至今", ["至今=PRESENT_REF"]],
    ["停战令直到今日", ["今日=PRESENT_REF"]],
    ["迄今为止", ["迄今=PRESENT_REF"]],
    ["目前唐山是", ["目前=PRESENT_REF"]],
    ["他说：“如今我们不同了”", []],
    ["开始出现在赛场上", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "present-ref", false)).toEqual(expected);
  });
});
