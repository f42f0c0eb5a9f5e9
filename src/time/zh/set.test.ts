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
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "set", false)).toEqual(expected);
  });
});
