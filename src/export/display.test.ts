import { describe, expect, it } from "vitest";
import { displaySlice, type DisplayMap } from "./display.js";

// raw:  "**美國**與[朝鮮](u)。"  display: "美國與朝鮮。"
const raw = "**美國**與[朝鮮](u)。";
const map: DisplayMap = {
  text: "美國與朝鮮。",
  rawStarts: [2, 3, 6, 8, 9, 14],
  rawEnds: [3, 4, 7, 9, 10, 15],
};

describe("displaySlice", () => {
  it.each<[number, number, string | null]>([
    [0, raw.length, "美國與朝鮮。"],
    [0, 6, "美國"],
    [2, 4, "美國"],
    [3, 4, "國"],
    [7, 14, "朝鮮"],
    [4, 6, null], // only markup
    [raw.length, raw.length, null],
  ])("[%i, %i) → %j", (start, end, expected) => {
    expect(displaySlice(map, start, end)).toBe(expected);
  });
});
