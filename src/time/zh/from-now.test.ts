import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

const REF = "2018-06-30T12:00";

describe("time:zh/from-now", () => {
  it.each([
    ["三天前", ["三天前=2018-06-27"], REF],
    ["2小时后出发", ["2小时后=2018-06-30T14:00"], REF],
    ["5年前", ["5年前=2013-06-30"], REF],
    ["三个月后", ["三个月后=2018-09-30"], REF],
    ["半年前", ["半年前=2017-12-30"], REF],
    ["两周之后", ["两周之后=2018-07-14"], REF],
    ["十分钟以前", ["十分钟以前=2018-06-30T11:50"], REF],
    ["两天过后再说", ["两天过后=2018-07-02"], REF],
    ["5分钟过后出门", ["5分钟过后=2018-06-30T12:05"], REF],
    ["三个月过后", ["三个月过后=2018-09-30"], REF],
    // negatives: vague counts, ordinals, no reference date (a duration then)
    ["几天前", [], REF],
    ["第三天后", [], REF],
    ["仅两周后", [], undefined],
    ["两天过后", [], undefined],
    ["过后", [], REF],
    ["他07年以后就没再来过", [], REF],
    ["零八年后", [], REF],
  ] as Array<[string, string[], string | undefined]>)("%s", (text, expected, ref) => {
    expect(hits(text, "from-now", false, ref)).toEqual(expected);
  });
});
