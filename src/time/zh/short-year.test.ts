import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/short-year", () => {
  it.each([
    ["2007年3月。07年8月他回国", ["07年8月=2007-08"]],
    ["九七年七月一日香港回归", ["九七年七月一日=1997-07-01"]],
    ["'98年3月", ["'98年3月=1998-03"]],
    ["’98世界杯", ["’98=1998"]],
    ["1898年春。98年6月11日，光绪帝下诏", ["98年6月11日=1898-06-11"]],
    ["07年至08年赛季", ["07年=2007", "08年=2008"]],
    ["97至98年", ["97=1997", "98年=1998"]],
    ["1997-98年", ["98年=1998"]],
    ["5年来", []],
    ["服刑10年", []],
    ["10至15年", []],
    ["30年代", []],
    ["07年度", []],
    ["二三年", []],
    // A leading zero: a year on its own (no count is written so).
    ["08年奥运会在北京举办", ["08年=2008"]],
    ["零八年的那场雪", ["零八年=2008"]],
    ["他07年以后就没再来过", ["07年=2007"]],
    ["他07 年以前就毕业了", ["07 年=2007"]],
    ["我们98 年8月认识", ["98 年8月=1998-08"]],
    ["共07 个", []],
    ["〇五年毕业", ["〇五年=2005"]],
    ["18年后", []],
    ["八年抗战", []],
    ["07年代", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "short-year", false)).toEqual(expected);
  });

  it("takes the century nearest the reference date without a narrative year", () => {
    expect(hits("29年5月", "short-year", false, "1950-01-01")).toEqual(["29年5月=1929-05"]);
    expect(hits("29年5月", "short-year", false)).toEqual(["29年5月=2029-05"]);
    expect(hits("30年5月", "short-year", false)).toEqual(["30年5月=1930-05"]);
  });
});
