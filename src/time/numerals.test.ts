import { describe, expect, it } from "vitest";
import { isDigitString, parseNumber } from "./numerals.js";

describe("time:zh/numerals", () => {
  const cases: Array<[string, number | null]> = [
    ["2018", 2018],
    ["06", 6],
    ["一九九八", 1998],
    ["二〇一八", 2018],
    ["二零一八", 2018],
    ["十二", 12],
    ["十", 10],
    ["二十五", 25],
    ["廿五", 25],
    ["卅", 30],
    ["三十九", 39],
    ["两", 2],
    ["两百", 200],
    ["一百零五", 105],
    ["元", 1],
    // negatives
    ["", null],
    ["年", null],
    ["三四", 34],
    ["五五五五五", 55555],
  ];
  it.each(cases)("parses %s", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
  it("rejects a mixed string", () => {
    expect(parseNumber("二x")).toBeNull();
  });
  it("knows digit strings", () => {
    expect(isDigitString("一九九八", 4)).toBe(true);
    expect(isDigitString("三十九", 3)).toBe(false);
  });
});
