import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/era-year", () => {
  it.each([
    ["光绪二十一年", ["光绪二十一年=1895"]],
    ["民國38年", ["民國38年=1949"]],
    ["民国元年", ["民国元年=1912"]],
    ["昭和20年", ["昭和20年=1945"]],
    ["明治27年", ["明治27年=1894"]],
    ["朝鲜世宗二十五年", ["世宗二十五年=1443"]],
    ["世宗大王创制训民正音，时为世宗二十五年", ["世宗二十五年=1443"]],
    ["# 朝鲜王朝\n\n世宗二十五年，创制训民正音", ["世宗二十五年=1443"]],
    // negatives: Chinese rulers with the same temple names, and no Korean context at all
    ["唐高宗三年", []],
    ["明朝太祖三年", []],
    ["宋朝太宗二年，辽军南下", []],
    ["世宗二十五年", []],
    ["明治维新", []],
    ["民国时期", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "era-year", false)).toEqual(expected);
  });
});

describe("time:zh/era-year — a reign year told without its era", () => {
  it.each([
    // a Gregorian gloss gives the year
    [
      "光緒十六年（1890年），再任大臣。十八年（1892年），任光祿寺卿",
      ["光緒十六年=1890", "十八年=1892"],
    ],
    ["道光二十九年（1849年）生", ["道光二十九年=1849"]],
    ["同治七年进士。九年（1870年），天津教案发生", ["同治七年=1868", "九年=1870"]],
    // a sentence start counting on from the block's last era year
    ["光绪六年，诏使日本。十年，出使法德意和奥五国大臣", ["光绪六年=1880", "十年=1884"]],
    ["乾隆五十年，入京；五十三年，调任两广总督", ["乾隆五十年=1785", "五十三年=1788"]],
    // negatives: spans, a count before it, no era in the block, counting back, mid-sentence
    ["光绪六年，诏使日本。十年后，出使法国", ["光绪六年=1880"]],
    ["光绪二十年，战事起。十年前，他曾出使", ["光绪二十年=1894"]],
    ["十年，出使法德意和奥五国大臣", []],
    ["光绪六年，他历时十年修成此书", ["光绪六年=1880"]],
    ["建立孟加拉國後一年（1972年）", []],
    ["光绪六年，设学堂。八年制课程", ["光绪六年=1880"]],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "era-year", false)).toEqual(expected);
  });
});
