import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/sexagenary-year", () => {
  it.each([
    ["1900年（庚子年）", ["庚子年=1900"]],
    ["1894年。甲午年", ["甲午年=1894"]],
    ["1900年。甲午年", ["甲午年=1894"]],
    ["光绪甲午年", ["光绪甲午年=1894"]],
    // a month/day after a sexagenary year is lunar
    ["1901年，辛丑年七月二十五日签约", ["辛丑年七月二十五日=1901-09-07"]],
    ["1882年，阴历壬午年五月", ["阴历壬午年五月=1882-06"]],
    ["1901年，辛丑条约七月签订", []],
    ["其后，光绪甲午年", ["光绪甲午年=1894"]],
    ["辛丑条约", []],
    ["庚子赔款", []],
    ["辛未洋扰", []],
    ["甲申政变", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "sexagenary-year", false)).toEqual(expected);
  });
});
