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
    ["从香港赴芝罘（今[烟台](x)）", ["今=PRESENT_REF"]],
    ["割让新安县（今香港界限街）", ["今=PRESENT_REF"]],
    ["镇南关（现名友谊关）", ["现=PRESENT_REF"]],
    ["原件现藏于台北故宫", ["现=PRESENT_REF"]],
    ["现时两国已签订条约", ["现时=PRESENT_REF"]],
    ["近年来的媒体多引用这个数字", ["近年=PAST_REF"]],
    ["（今天是星期一）", []],
    ["（现代汉语）", []],
    ["（现金支付）", []],
    ["发现时已经晚了", []],
    ["表现时好时坏", []],
    ["接近年底时", []],
    ["临近年关", []],
    ["近年底时", []],
    ["我今年二十岁", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "present-ref", false)).toEqual(expected);
  });
});
