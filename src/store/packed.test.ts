import { describe, expect, it } from "vitest";
import {
  packOffsets,
  packTexts,
  spanText,
  storedText,
  unpackOffsets,
  unpackTexts,
} from "./packed.js";

describe("store: packed texts and offsets", () => {
  it("round-trips the four texts, astral characters and quotes included", () => {
    const texts = {
      raw: '**朝鮮**「𠀀」\n"x"',
      original: "朝鮮「𠀀」",
      cn: "朝鲜「𠀀」",
      tw: "朝鮮「𠀀」",
    };
    expect(unpackTexts(packTexts(texts))).toEqual(texts);
  });

  it.each([
    ["identity", [0, 1, 2, 3], [1, 2, 3, 4]],
    ["markup skipped", [2, 3, 9, 10], [3, 4, 10, 12]],
    ["not monotonic (a moved footnote)", [5, 6, 0, 1], [6, 7, 1, 2]],
    ["empty", [], []],
  ])("round-trips offset maps: %s", (_name, starts, ends) => {
    const back = unpackOffsets(packOffsets(Int32Array.from(starts), Int32Array.from(ends)));
    expect(Array.from(back.rawStarts)).toEqual(starts);
    expect(Array.from(back.rawEnds)).toEqual(ends);
  });

  it("compresses a long article's offsets to a small fraction of 8 bytes per character", () => {
    const n = 20_000;
    const starts = Int32Array.from({ length: n }, (_, i) => i + 2 * Math.floor(i / 50));
    const ends = starts.map((s) => s + 1);
    expect(packOffsets(starts, ends).length).toBeLessThan(n * 8 * 0.05);
  });

  it.each([
    [
      "the raw text under the span is stored as ''",
      "ab朝鮮cd",
      { start: 2, end: 4, text: "朝鮮" },
      "",
    ],
    ["another text is stored as it is", "ab朝鮮cd", { start: 2, end: 4, text: "朝鲜" }, "朝鲜"],
    ["an empty span", "abc", { start: 1, end: 1, text: "" }, ""],
    ["an empty text over a non-empty span", "abc", { start: 0, end: 2, text: "" }, "\u0000"],
  ])("span texts: %s", (_name, raw, span, stored) => {
    expect(storedText(raw, span)).toBe(stored);
    expect(spanText(raw, span.start, span.end, stored)).toBe(span.text);
  });
});
