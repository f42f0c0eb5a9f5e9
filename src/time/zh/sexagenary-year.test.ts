import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/sexagenary-year", () => {
  it.each([
    ["1900年（庚子年）", ["庚子年=1900"]],
    ["1894年。甲午年", ["甲午年=1894"]],
    ["1900年。甲午年", ["甲午年=1894"]],
    ["光绪甲午年", ["光绪甲午年=1894"]],
    ["其后，光绪甲午年", ["光绪甲午年=1894"]],
    ["辛丑条约", []],
    ["庚子赔款", []],
    ["辛未洋扰", []],
    ["甲申政变", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "sexagenary-year", false)).toEqual(expected);
  });
});
