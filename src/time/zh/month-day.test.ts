import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/month-day", () => {
  it.each([
    ["2017年。8月8日，朝鲜发表声明", ["8月8日=2017-08-08"]],
    ["2013年1月22日通过决议。4月，朝鲜宣布", ["4月=2013-04"]],
    ["十二月廿五日", ["十二月廿五日=XXXX-12-25"]],
    ["9月4号", ["9月4号=XXXX-09-04"]],
    ["2004年8月。八月十五，他走了", ["八月十五=2004-08-15"]],
    ["1990年。十月廿五，他抵达", ["十月廿五=1990-10-25"]],
    ["八月十五个人", ["八月=XXXX-08"]],
    // a day without 日 before a parenthesis (opium-destruction-humen's glossed lunar days)
    ["1838年。十一月十五（星期一）", ["十一月十五=1838-11-15"]],
    ["第十五", []],
    ["3个月", []],
    ["第3月", []],
    ["2018年6月12日", []],
    ["2月30日", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "month-day", false)).toEqual(expected);
  });
});

describe("time:zh/month-day with a reference date (the writer's now)", () => {
  it.each([
    // No year on the line: the reference's year.
    ["我九月三号要打游戏", "2014-08-10", ["九月三号=2014-09-03"]],
    ["十一月十日开会", "2012-08-10", ["十一月十日=2012-11-10"]],
    ["他说3月5日见", "2018-06-30T12:00", ["3月5日=2018-03-05"]],
    // A year on the line still dates it; without a reference it stays yearless.
    ["1990年。十月廿五，他抵达", "2018-06-30", ["十月廿五=1990-10-25"]],
    ["十一月十日开会", undefined, ["十一月十日=XXXX-11-10"]],
  ] as Array<[string, string | undefined, string[]]>)("%s @%s", (text, reference, expected) => {
    expect(hits(text, "month-day", false, reference)).toEqual(expected);
  });
});

describe("time:zh/month-day after a date counted from now", () => {
  it("takes the reference's year when only deictic dates precede it", () => {
    expect(hits("星期天, 二月十号", "month-day", false, "2013-02-12T04:30")).toEqual([
      "二月十号=2013-02-10",
    ]);
  });
});

describe("time:zh/month-day, a digit day sharing the next day's 日", () => {
  it.each([
    ["1895年。於1月18、19日砲擊", ["1月18=1895-01-18"]],
    ["2010年。3月5至6日举行会谈", ["3月5=2010-03-05"]],
    ["2013年。双方于7月27和28日会面", ["7月27=2013-07-27"]],
    // No 日 to share: not a day (a count or a list of numbers).
    ["2013年。1月18、19个城市", []],
    ["2013年。3月5至6次", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "month-day", false)).toEqual(expected);
  });
});

describe("time:zh/anchor: a month/day in Chinese numerals glossed by its lunar reading", () => {
  it.each([
    // opium-destruction-humen: the gloss is the lunar day's Gregorian date
    ["1839年。二月十一（1839年3月25日），義律屈服。", ["二月十一=1839-03-25"]],
    ["1858年。十月十四日（1858年11月19日）开仗。", ["十月十四日=1858-11-19"]],
    // the gloss's passage is lunar: 四月二十一日 takes its year from 1839年5月23日
    [
      "1839年。四月十一（1839年5月23日），商贩被逐。四月二十一日，林公祭海。",
      ["四月十一=1839-05-23", "四月二十一日=1839-06-02"],
    ],
    // negatives: a gloss that is no lunar reading of the day; Arabic numerals
    ["1839年。二月十一（1839年2月11日），義律屈服。", ["二月十一=1839-02-11"]],
    ["1839年。3月25日（1839年3月25日）", ["3月25日=1839-03-25"]],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "month-day", false)).toEqual(expected);
  });
});
