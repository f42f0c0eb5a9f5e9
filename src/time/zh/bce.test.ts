import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/bce", () => {
  it.each([
    ["公元前221年", ["公元前221年=-0221"]],
    ["前221年，秦统一", ["前221年=-0221"]],
    ["公元前二二一年", ["公元前二二一年=-0221"]],
    ["公元前3年5月", ["公元前3年5月=-0003-05"]],
    ["前一年", []],
    ["两年前", []],
    ["目前", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "bce", false)).toEqual(expected);
  });
});
