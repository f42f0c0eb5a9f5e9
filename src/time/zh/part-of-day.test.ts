import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/part-of-day", () => {
  it.each([
    ["1949年10月1日上午", ["1949年10月1日上午=1949-10-01TMO"]],
    ["1949年10月1日下午", ["1949年10月1日下午=1949-10-01TAF"]],
    ["1949年10月1日傍晚", ["1949年10月1日傍晚=1949-10-01TEV"]],
    ["1949年10月1日。当天晚上", ["当天晚上=1949-10-01TNI"]],
    ["1949年10月1日。当晚", ["当晚=1949-10-01TNI"]],
    ["12月4日，举行典礼，晚间开设宴会", ["晚间=XXXX-12-04TNI"]],
    ["1884年12月4日，地震发生于凌晨", ["凌晨=1884-12-04TMO"]],
    // negatives: no day in the paragraph, a day of another paragraph, not at a clause start
    ["上午", []],
    ["晚间开设宴会", []],
    // A paragraph or sentence it opens takes the last day of its section; a dated heading is
    // the day of its section.
    ["1884年12月4日举行典礼。\n\n晚间开设宴会", ["晚间=1884-12-04TNI"]],
    ["1945年2月19日，美军登陆。\n\n傍晚，美军已將山頭包圍", ["傍晚=1945-02-19TEV"]],
    [
      "## 战斗\n\n1952年10月\n\n### 15日\n\n天亮以后，美军投入。入夜，志愿军反击",
      ["天亮=1952-10-15TMO", "入夜=1952-10-15TNI"],
    ],
    [
      "## 战斗\n\n1952年10月\n\n### 12日\n\n早上，第9师投入战斗，第30团在上午退却",
      ["早上=1952-10-12TMO", "上午=1952-10-12TMO"],
    ],
    // Not: habitual, in a later paragraph after 在; a day of another section.
    ["1884年12月4日举行典礼。\n\n他们在晚间开设宴会", []],
    ["## 甲\n\n1884年12月4日举行典礼。\n\n## 乙\n\n晚间开设宴会", []],
    ["1884年12月4日，他每天晚上读书", []],
    // Not once a later date of the section lies between: the story has moved on.
    [
      "## 背景\n\n1884年12月4日，金玉均发动政变。\n\n1894年，东学党起义。\n\n晚上，士兵常在城中巡逻。",
      [],
    ],
    ["1884年12月4日，政变发生。1894年，东学党起义。晚上，士兵巡逻", []],
    ["1884年12月4日（星期四），政变发生。\n\n晚上，士兵巡逻", ["晚上=1884-12-04TNI"]],
    ["晚年", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "part-of-day", false)).toEqual(expected);
  });
});

describe("time:zh/part-of-day after a digit day (month and year from the narrative)", () => {
  it.each([
    ["1909年10月，他抵达。26日上午抵达哈尔滨", ["26日上午=1909-10-26TMO"]],
    ["1894年7月，舰队出发，25日拂晓离牙山返航", ["25日拂晓=1894-07-25TMO"]],
    ["1952年10月10日，战斗开始。13日晚，美军上校抵达", ["13日晚=1952-10-13TNI"]],
    ["1952年10月，在19日凌晨的反击中", ["19日凌晨=1952-10-19TMO"]],
    ["1949年11月3日，登陆。5日半夜解放军再度增援", ["5日半夜=1949-11-05TNI"]],
    ["1905年1月28日，1月29日拂晓，发起进攻", ["1月29日拂晓=1905-01-29TMO"]],
    ["1950年5月，6日黎明前，部队抵达", ["6日黎明=1950-05-06TMO"]],
    ["1894年5月25日\n晚，他离开巴黎", ["1894年5月25日\n晚=1894-05-25TNI"]],
    // negatives: days and nights counted (血战3日夜), a count of days, a digit before, a party
    ["1894年5月25日 晚会开幕", []],
    ["1949年11月，登步岛血战3日夜", []],
    ["1949年11月，历时3日下午结束", []],
    ["1949年11月，第5日晚", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "part-of-day", false)).toEqual(expected);
  });
});

describe("time:zh/part-of-day after a deictic day, with a reference date", () => {
  it.each([
    ["我大前天凌晨要打游戏", "2012-08-10", ["大前天凌晨=2012-08-07TMO"]],
    ["大后天晚上出发", "2012-08-10", ["大后天晚上=2012-08-13TNI"]],
    ["前天下午到的", "2012-08-10", ["前天下午=2012-08-08TAF"]],
    // 大 belongs to another word: only 后天 is the day (最大后天 is no 大后天).
    ["最大后天", "2012-08-10", []],
  ] as Array<[string, string, string[]]>)("%s @%s", (text, reference, expected) => {
    expect(hits(text, "part-of-day", false, reference)).toEqual(expected);
  });
});
