import { describe, expect, it } from "vitest";
import { show, tagText } from "../testing.js";

describe("time:zh/range-head", () => {
  it.each([
    ["事件起于1971年3-4月在日本", ["1971年3=1971-03", "4月=1971-04"]],
    ["于1946年8至12月办理", ["1946年8=1946-08", "12月=1946-12"]],
    [
      "1952年10月14日开始。16-19日双方反复争夺",
      ["1952年10月14日=1952-10-14", "16=1952-10-16", "19日=1952-10-19"],
    ],
    [
      "同治九年（1870年）4、5月间，天津发生",
      ["同治九年=1870", "1870年=1870", "4=1870-04", "5月=1870-05"],
    ],
    // Not: durations, a token, the ends in the wrong order, no such month, numbered doors.
    ["1990年，为期3-4个月", ["1990年=1990", "3=P3M", "4个月=P4M"]],
    ["型号8022-02月", []],
    ["1990年，5-3月", ["1990年=1990", "3月=1990-03"]],
    ["1990年，13-14月", ["1990年=1990"]],
    ["1994年，1、2、3号门加装了卷帘门", ["1994年=1994"]],
    // Not a 日 opening a word (日本, 日元, 日军): a score, a price, a count.
    ["1990年，中国队以1-2日本队落败", ["1990年=1990"]],
    ["1990年，价格为1-2日元", ["1990年=1990"]],
    // (4日 stays, as the day rule reads it alone.)
    ["1990年，约有3、4日军士兵", ["1990年=1990", "4日=XXXX-XX-04"]],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(tagText(text).map((t) => show({ ...t, anchor: null }))).toEqual(expected);
  });
});
