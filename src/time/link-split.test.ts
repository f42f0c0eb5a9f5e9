import { describe, expect, it } from "vitest";
import { show, tagText } from "./testing.js";

const L = (t: string) => `[${t}](../Page/${t}.md "wikilink")`;

describe("time: a date across a link's edge is two expressions", () => {
  it.each([
    [
      `2012年，试验完成。${L("2013年9月")}25日，舉辦活動。`,
      ["2012年=2012", "2013年9月=2013-09", "25日=2013-09-25"],
    ],
    [
      `1905年黄兴回国。孙中山也于同年${L("孙中山")}7月19日抵达。`,
      ["1905年=1905", "同年=1905", "7月19日=1905-07-19"],
    ],
    [
      `1905年，日比谷事件。内阁亦于次年${L("桂太郎")}1月總辭。`,
      ["1905年=1905", "次年=1906", "1月=1906-01"],
    ],
    [
      `经过海上颠簸，使团终于在${L("光绪十六年")}${L("二月十六日")}抵达。`,
      ["光绪十六年=1890", "二月十六日=1890-03-06"],
    ],
    [`${L("1894年")}${L("7月25日")}，豐島海戰。`, ["1894年=1894", "7月25日=1894-07-25"]],
    // Every edge cuts (three pieces), and a yearless date splits too.
    [
      `${L("1894年")}${L("7月")}25日，豐島海戰。`,
      ["1894年=1894", "7月=1894-07", "25日=1894-07-25"],
    ],
    [`${L("9月")}25日，抵达。`, ["9月=XXXX-09", "25日=XXXX-09-25"]],
    // A lunar month before the edge has its own month's value, as unlinked (正月 → 1890-02).
    [`${L("光绪十六年正月")}初一日，抵达。`, ["光绪十六年正月=1890-02", "初一日=1890-01-21"]],
    // Not split: a link holding an era's name or 农历 alone, or a date inside one link.
    [`${L("光绪")}十四年，入京。`, [`${L("光绪").slice(1)}十四年=1888`]],
    [
      `1920年${L("农历")}十一月初七，地震。`,
      ["1920年=1920", `${L("农历").slice(1)}十一月初七=1920-12-16`],
    ],
    [`${L("1894年7月25日")}，豐島海戰。`, ["1894年7月25日=1894-07-25"]],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(tagText(text).map((t) => show({ ...t, anchor: null }))).toEqual(expected);
  });
});
