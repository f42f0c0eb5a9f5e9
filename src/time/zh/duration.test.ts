import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/duration", () => {
  it.each([
    ["两年", ["两年=P2Y"]],
    ["经过一年多的谈判", ["一年多=P1Y@MORE_THAN"]],
    ["任职不到两年", ["两年=P2Y@LESS_THAN"]],
    ["5个月", ["5个月=P5M"]],
    ["仅两周后", ["两周=P2W"]],
    ["24小时", ["24小时=PT24H"]],
    ["8天3小时18分", ["8天3小时18分=P8DT3H18M"]],
    ["数十年来", ["数十年=PXDE"]],
    ["再有几个月", ["几个月=PXM"]],
    ["几分钟", ["几分钟=PTXM"]],
    ["多年", ["多年=PXY"]],
    ["几百年", ["几百年=PXCE"]],
    ["半年", ["半年=P6M"]],
    ["十余年", ["十余年=P10Y@MORE_THAN"]],
    ["约10秒", ["10秒=PT10S@APPROX"]],
    ["1999年", []],
    ["三年级", []],
    ["70周年", []],
    ["两次", []],
    ["享年76岁", []],
    ["8角1分", []],
    ["最后一天", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "duration", false)).toEqual(expected);
  });
});
