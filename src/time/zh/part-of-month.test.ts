import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/part-of-month", () => {
  it.each([
    ["计划在4月中旬发射", ["4月中旬=XXXX-04@MID"]],
    ["2010年初。然而1月底，局势紧张", ["2010年初=2010@START", "1月底=2010-01@END"]],
    ["2006年底", ["2006年底=2006@END"]],
    ["2015年1月初", ["2015年1月初=2015-01@START"]],
    ["2018年上半年", ["2018年上半年=2018-H1"]],
    ["2018年中，双方", ["2018年中=2018@MID"]],
    ["2018年中国经济", []],
    ["2007年初版", []],
    ["3月中美会谈", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "part-of-month", false)).toEqual(expected);
  });
});
