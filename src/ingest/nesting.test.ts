import { describe, expect, it } from "vitest";
import { AnnalsError } from "../model/index.js";
import { ingest } from "./index.js";
import { MAX_NESTING, lineNesting } from "./nesting.js";

describe("ingest: nesting depth of a line", () => {
  const cases: Array<[string, number]> = [
    ["> > x", 2],
    ["- - x", 2],
    ["1. - x", 2],
    ["      - x", 4],
    [">>>", 3],
    ["-1", 0],
    ["**bold**", 0],
    ["        code", 0],
    ["2001年3月5日", 0],
  ];
  for (const [line, depth] of cases) {
    it(JSON.stringify(line), () => expect(lineNesting(line, 0, line.length)).toBe(depth));
  }
});

describe("ingest: deep nesting is refused in one line, not a stack overflow", () => {
  for (const raw of [
    ">".repeat(4000),
    "- ".repeat(4000),
    "intro\n\n" + "> ".repeat(MAX_NESTING + 1),
  ]) {
    it(`${JSON.stringify(raw.slice(0, 12))}… (${raw.length} chars)`, () => {
      let error: unknown;
      try {
        ingest(raw, { name: "deep.md" });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AnnalsError);
      expect((error as AnnalsError).format()).toMatch(/^deep\.md:\d+:1: .*nested more than 100/);
    });
  }
  it(`${MAX_NESTING} levels still parse`, () => {
    const doc = ingest("> ".repeat(MAX_NESTING) + "1999年", { name: "ok.md" });
    expect(doc.text).toContain("1999年");
  });
});
