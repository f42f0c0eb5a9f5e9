import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/bare-year", () => {
  it.each([
    ["| 1990 |\n| --- |\n| x |", ["1990=1990"]],
    ["（1855－1911）", ["1855=1855", "1911=1911"]],
    ["1968普韦布洛号事件", ["1968=1968"]],
    ["1995 - 1997年", ["1995=1995"]],
    ["1995-98年", ["1995=1995"]],
    ["1995至1997年间", ["1995=1995"]],
    ["1995个", []],
    ["概念计划8022-02", []],
    ["第1718号决议", []],
    ["5015行动计划", []],
    ["8000根", []],
    ["2000多人", []],
    ["SPGs-195105.jpg", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "bare-year", false)).toEqual(expected);
  });
});
