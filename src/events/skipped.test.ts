import { describe, expect, it } from "vitest";
import { findEntities } from "../entities/index.js";
import { ingest } from "../ingest/index.js";
import { normalize } from "../normalize/index.js";
import { tagTimes } from "../time/index.js";
import { extractEvents, type SkippedClause } from "./index.js";

function skippedOf(markdown: string): Array<[string, string]> {
  const norm = normalize(ingest(markdown, { name: "snippet.md" }));
  const timexes = tagTimes(norm);
  const out: SkippedClause[] = [];
  extractEvents(norm, timexes, findEntities(norm, { timexes }), {
    model: null,
    skipped: (c) => out.push(c),
  });
  // Note: raw offsets: the text each span names is the source's own.
  return out.map((c) => [markdown.slice(c.start, c.end), c.reason]);
}

describe("events:skipped", () => {
  it("reports the spans that give the typer no candidate, with why", () => {
    const skipped = skippedOf("## 生平\n\n1929年至1932年，再次任驻英公使。双方的关系。");
    expect(skipped).toContainEqual(["生平", "block"]);
    expect(skipped).toContainEqual(["1929年至1932年", "noVerb"]);
    expect(skipped).toContainEqual(["双方的关系", "noVerb"]);
    // The glued verb (任驻 → 任) heads its clause: a candidate, not skipped.
    expect(skipped.map(([text]) => text)).not.toContain("再次任驻英公使");
  });
});
