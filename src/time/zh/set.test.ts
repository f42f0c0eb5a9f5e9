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
    // quarters and weekly clock times
    ["公司每季度公布一次财报", ["每季度=P3M"]],
    ["每两个季度评估", ["每两个季度=P6M"]],
    ["会议每周一下午八点举行", ["每周一下午八点=XXXX-WXX-1T20:00"]],
    ["每周三上午10点半开放", ["每周三上午10点半=XXXX-WXX-3T10:30"]],
    ["每星期五晚上7点", ["每星期五晚上7点=XXXX-WXX-5T19:00"]],
    ["每周一开会", ["每周一=XXXX-WXX-1"]],
    // negatives: a count of times is no weekday
    ["每周一次", ["每周=P1W"]],
    ["每周三次训练", ["每周=P1W"]],
    ["年度财务报告", []],
    ["季度报告", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "set", false)).toEqual(expected);
  });
});
