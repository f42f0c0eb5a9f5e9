import { describe, expect, it } from "vitest";
import { displayWidth, padEnd, truncate } from "./width.js";

describe("displayWidth", () => {
  it.each([
    ["abc", 3],
    ["朝鲜", 4],
    ["美國-北韓", 9],
    ["，。", 4],
    ["ＡＢ", 4],
    ["한국", 4],
    ["a\u200bb", 2],
    ["e\u0301", 1],
    ["\t", 0],
    ["", 0],
  ])("%j takes %i columns", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe("truncate", () => {
  it.each([
    ["朝鲜进行了核试验", 8, "朝鲜进…"],
    ["朝鲜进行了核试验", 16, "朝鲜进行了核试验"],
    ["朝鲜进行了核试验", 9, "朝鲜进行…"],
    ["abcdef", 4, "abc…"],
    ["abc", 0, ""],
  ])("%j in %i columns → %j", (text, columns, expected) => {
    const out = truncate(text, columns);
    expect(out).toBe(expected);
    expect(displayWidth(out)).toBeLessThanOrEqual(columns);
  });
});

describe("padEnd", () => {
  it("pads by display width, never cuts", () => {
    expect(padEnd("朝鲜", 6)).toBe("朝鲜  ");
    expect(padEnd("朝鲜", 2)).toBe("朝鲜");
  });
});
