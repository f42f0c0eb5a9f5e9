/**
 * Parsing in pieces (`ingest/parse.ts`) gives the tree of one parse: the bundled article and
 * 1 500 malformed documents, cut at every safe boundary.
 */
import { readFileSync } from "node:fs";
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { parsePieces, pieceStarts } from "../../src/ingest/parse.js";
import { malformed, seeded } from "./inputs.js";

const processor = unified().use(remarkParse).use(remarkGfm);
const parse = (text: string) => processor.parse(text) as Root;

describe("ingest: parsing in pieces", () => {
  it("the bundled article: same tree in 36 pieces", () => {
    const raw = readFileSync(new URL("../../samples/us-dprk.md", import.meta.url), "utf8");
    expect(pieceStarts(raw, 1).length).toBeGreaterThan(30);
    expect(parsePieces(parse, raw, 1)).toEqual(parse(raw));
  });

  it("1 500 malformed documents (seed 15): same tree", () => {
    const random = seeded(15);
    let cut = 0;
    for (let n = 0; n < 1_500; n += 1) {
      // Blank lines between pieces give the cutter boundaries to find.
      const raw = [malformed(random, 20), malformed(random, 20), malformed(random, 20)].join(
        "\n\n",
      );
      if (pieceStarts(raw, 1).length > 1) cut += 1;
      expect(parsePieces(parse, raw, 1), JSON.stringify(raw)).toEqual(parse(raw));
    }
    expect(cut).toBeGreaterThan(300);
  }, 120_000);
});
