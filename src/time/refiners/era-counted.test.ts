import { describe, expect, it } from "vitest";
import { show, tagText } from "../testing.js";

/** Every timex of a snippet as `text=value` (anchors left out). */
function values(text: string): string[] {
  return tagText(text).map((t) => show({ ...t, anchor: null }));
}

describe("time:zh/era-year counted on across blocks (refiners/era-counted)", () => {
  it.each([
    // zhang-yinhuan: the era stated in an earlier paragraph
    ["光緒二十四年，他入京。\n\n二十六年，高層主事者矯詔論斬。", "二十六年=1900"],
    // xu-jingcheng: after a comma, counting on from a glossed era year
    ["光绪十六年（1890年），再任大臣。十八年（1892年），任卿，十九年调内阁学士。", "十九年=1893"],
    // toyoshima: a month right after it is one lunar date with it
    ["光绪二十年，战争爆发。\n\n### 背景\n\n二十年五月，朝鲜请求协助。", "二十年五月=1894-06"],
    // counting on from a continued year of the block (十年（1884年）, whose era is 光绪's)
    ["光绪元年，他入京。十年（1884年），任大臣。\n\n十五年，他回国。", "十五年=1889"],
    // the latest era whose count fits: 明治27年 does not take 二十年 (1887, before the line)
    ["光绪二十年，明治27年，战争爆发。\n\n二十年五月，朝鲜请求协助。", "二十年五月=1894-06"],
  ] as Array<[string, string]>)("%s", (text, expected) => {
    expect(values(text)).toContain(expected);
  });

  it.each([
    // a count smaller than the era year stated is a span
    ["光绪二十年，战争爆发。\n\n三年，他回国。", "三年=P3Y"],
    // far past the line's year: 1950 is after 光绪
    ["光绪二十年，战争爆发。1950年，他去世。\n\n二十五年，他回国。", "二十五年=P25Y"],
    // not opening a clause, or a span word after it
    ["光绪二十年，战争爆发。他住了二十二年。", "二十二年=P22Y"],
    ["光绪二十年，战争爆发。\n\n二十二年间，他回国。", "二十二年=P22Y"],
    // no era stated before
    ["1894年，战争爆发。\n\n二十年，他回国。", "二十年=P20Y"],
  ] as Array<[string, string]>)("negative: %s", (text, expected) => {
    expect(values(text)).toContain(expected);
  });
});

describe("time:zh/anchor: month/days in Chinese numerals after a Qing reign year are lunar", () => {
  it.each([
    // battle-of-sanhe: also after the reign year's Gregorian gloss
    ["咸丰八年（1858年）8月，陈玉成集会。九月廿八日湘军逼近三河。", "九月廿八日=1858-11-03"],
    // opium-destruction-humen
    ["道光十八年，林则徐入京。十一月十五日抵京。", "十一月十五日=1838-12-31"],
    // siege-of-albazin: a month alone → the Gregorian month holding most of it
    ["康熙二十四年，清军回防。八月俄军重返。", "八月=1685-09"],
    // battle-of-sanhe (a tester finding): a part of a lunar month is the Gregorian month it
    // falls in, as its days are (十月初九 → 1858-11-14), so the two keep their order
    ["咸丰八年（1858年）九月廿八日逼近三河。十月初陳玉成部亦抵三河。", "十月初=1858-11@START"],
    ["道光十八年，林则徐入京。十一月底抵京。", "十一月底=1839-01@END"],
  ] as Array<[string, string]>)("%s", (text, expected) => {
    expect(values(text)).toContain(expected);
  });

  it.each([
    // tamsui: month/days in Arabic numerals stay Gregorian
    ["光绪十年，法军来犯。10月2日炮击。", "10月2日=1884-10-02"],
    // the Republic's years are Gregorian
    ["民国十年，他回国。九月一日到京。", "九月一日=1921-09-01"],
    // after a Gregorian year glossed by the era: the year's own reading
    ["1908年（光绪三十四年）7月11日", "7月11日=1908-07-11"],
  ] as Array<[string, string]>)("negative: %s", (text, expected) => {
    expect(values(text)).toContain(expected);
  });
});
