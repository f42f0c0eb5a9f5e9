import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/numeric-date", () => {
  it.each([
    ["3/3/2015", ["3/3/2015=2015-03-03"]],
    ["于12/25/2015发布", ["12/25/2015=2015-12-25"]],
    ["25/12/2015", ["25/12/2015=2015-12-25"]],
    ["13.5.2015", ["13.5.2015=2015-05-13"]],
    ["1.10.2015", ["1.10.2015=2015-10-01"]],
    ["5.13.2015", ["5.13.2015=2015-05-13"]],
    ["于20240307发布", ["20240307=2024-03-07"]],
    ["（19491001）", ["19491001=1949-10-01"]],
    ["电话13812345678", []],
    ["电话20240307", []],
    ["20240307号文件", []],
    ["20241307", []],
    ["31/2/2015", []],
    ["版本1.2.3", []],
    ["比分3/5", []],
    ["ISBN 978-7-108-01234-5", []],
    ["1.2.2015.3", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "numeric-date", false)).toEqual(expected);
  });
});

describe("time:zh/numeric-date, slashed dates with a two-digit year", () => {
  it.each([
    // The century nearest the narrative's year, else the reference year's (less 20).
    ["1990年。会议定于10/31/74", undefined, ["10/31/74=1974-10-31"]],
    ["你05/05/89有时间吗", "2016-11-07", ["05/05/89=1989-05-05"]],
    ["截止日期3/3/15", "2013-02-12", ["3/3/15=2015-03-03"]],
    ["他于25/12/98抵达", "2016-11-07", ["25/12/98=1998-12-25"]],
    // Not a date: no such month/day, a page or a count after it, dots (a version number).
    ["13/13/15", "2016-11-07", []],
    ["见3/5/15页", "2016-11-07", []],
    ["版本1.2.15", "2016-11-07", []],
  ] as Array<[string, string | undefined, string[]]>)("%s @%s", (text, reference, expected) => {
    expect(hits(text, "numeric-date", false, reference)).toEqual(expected);
  });
});
