import { describe, expect, it } from "vitest";
import {
  packOffsets,
  packStructure,
  packTexts,
  spanText,
  storedText,
  structureCounts,
  unpackOffsets,
  unpackStructure,
  unpackTexts,
  type DocumentStructure,
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

describe("store: packed structure", () => {
  const raw = '== 背景 ==\n[朝鮮](../Page/朝鮮.md "wikilink")於1950年6月25日';
  const structure: DocumentStructure = {
    sections: [
      {
        start: 0,
        end: raw.length,
        text: raw,
        id: 0,
        level: 2,
        title: "背景",
        parent: null,
        block: 0,
      },
    ],
    blocks: [
      {
        start: 9,
        end: raw.length,
        text: raw.slice(9),
        id: 0,
        kind: "paragraph",
        section: 0,
        textStart: 0,
        textEnd: 13,
      },
    ],
    links: [
      {
        start: 9,
        end: 42,
        text: raw.slice(9, 42),
        id: 0,
        kind: "internal",
        target: "朝鮮",
        url: "../Page/朝鮮.md",
        // A span whose text is not the raw text under it is kept as it is.
        anchor: { start: 10, end: 12, text: "朝鲜" },
        entity: null,
        anchorUncertain: false,
        block: 0,
      },
    ],
    categories: [],
    footnotes: [],
    references: [],
    timexes: [
      {
        start: 43,
        end: 53,
        text: raw.slice(43, 53),
        id: "t1",
        type: "DATE",
        value: "1950-06-25",
        mod: null,
        calendar: "gregorian",
        anchor: null,
        rule: "test",
      },
    ],
    // Entity 1 has no mention; an empty span text over a non-empty raw span stays empty.
    mentions: [[{ start: 10, end: 12, text: "朝鮮" }], [], [{ start: 43, end: 47, text: "" }]],
  };

  it("round-trips every part, span texts restored from the raw text", () => {
    expect(unpackStructure(raw, packStructure(raw, structure))).toEqual(structure);
  });

  it("keeps only span texts that differ from the raw text under the span", () => {
    const plain = packStructure(raw, structure);
    const other = packStructure(raw.replace("1950", "1951"), structure);
    // Against another raw text the timex and mention texts no longer match and are kept.
    expect(other.length).toBeGreaterThan(plain.length);
  });

  it("counts the items of each kind", () => {
    expect(structureCounts(packStructure(raw, structure))).toEqual({
      sections: 1,
      blocks: 1,
      links: 1,
      categories: 0,
      footnotes: 0,
      references: 0,
      timexes: 1,
      mentions: 2,
    });
  });
});
