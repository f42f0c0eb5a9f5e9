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
