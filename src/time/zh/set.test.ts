import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/set", () => {
  it.each([
    ["每年提供", ["每年=P1Y"]],
    ["每两年", ["每两年=P2Y"]],
    ["年度联合军事演习", ["年度=P1Y"]],
    ["一年一度", ["一年一度=P1Y"]],
    ["每天", ["每天=P1D"]],
    ["2017年度", []],
    ["本年度", []],
    ["每次", []],
    ["年度报告", []],
    ["南益黄梨年出口量", ["年=P1Y"]],
    ["胶业年贸易量", ["年=P1Y"]],
    // negatives: words ending in 年, dates, 每年 already a set
    ["青年出口", []],
    ["全年产量", []],
    ["1990年出口量", []],
    ["每年出口", ["每年=P1Y"]],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "set", false)).toEqual(expected);
  });
});
