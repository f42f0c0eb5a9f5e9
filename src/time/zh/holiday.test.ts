import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

const REF = "2018-06-30";

describe("time:zh/holiday", () => {
  it.each([
    ["元旦放假", ["元旦=2018-01-01"], REF],
    ["春节回家", ["春节=2018-02-16"], REF],
    ["除夕夜", ["除夕=2018-02-15"], REF],
    ["大年初一拜年", ["大年初一=2018-02-16"], REF],
    ["大年初五", ["大年初五=2018-02-20"], REF],
    ["清明节扫墓", ["清明节=2018-04-05"], REF],
    ["端午节", ["端午节=2018-06-18"], REF],
    ["中秋节", ["中秋节=2018-09-24"], REF],
    ["国庆节", ["国庆节=2018-10-01"], REF],
    ["国庆期间", ["国庆=2018-10-01"], REF],
    ["马朝旭在韩国庆州会谈", [], REF],
    ["中国庆祝建国六十周年", [], REF],
    ["全国庆贺", [], REF],
    ["五一放假", ["五一=2018-05-01"], REF],
    ["2008年春节", ["2008年春节=2008-02-07"], undefined],
    ["2015年清明", ["2015年清明=2015-04-05"], undefined],
    // without a reference date the narrative gives the year
    ["1990年，中秋", ["中秋=1990-10-03"], undefined],
    // negatives: 清明 as an adjective, 五一 as a number, no year at all
    ["政治清明", [], REF],
    ["五一二号", [], REF],
    ["春节", [], undefined],
  ] as Array<[string, string[], string | undefined]>)("%s", (text, expected, ref) => {
    expect(hits(text, "holiday", false, ref)).toEqual(expected);
  });
});
