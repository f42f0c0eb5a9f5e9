import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/relative-day", () => {
  it.each([
    ["2011年4月18日，中国提出建议。同日，奥巴马签署", ["同日=2011-04-18"]],
    ["2008年2月25日出席。一天后", ["一天后=2008-02-26"]],
    ["2008年2月29日。次日", ["次日=2008-03-01"]],
    ["2010年12月31日。翌日", ["翌日=2011-01-01"]],
    ["2010年1月1日。前一天", ["前一天=2009-12-31"]],
    ["2010年1月10日。三天前", ["三天前=2010-01-07"]],
    ["几天后", []],
    ["今天", []],
    ["每天", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "relative-day", false)).toEqual(expected);
  });
});
