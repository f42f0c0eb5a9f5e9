import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scoreTimexes, type GoldTimex } from "../eval/index.js";
import { ingest } from "../ingest/index.js";
import { normalize } from "../normalize/index.js";
import { tagTimes } from "./index.js";
import { articleFiles, SEED_ARTICLE, SEED_DIR } from "../../test/corpus.js";

const SEED = SEED_ARTICLE;
const GOLD = join(SEED_DIR, "timex.json");
const files = [SEED, ...articleFiles()];

function tag(path: string) {
  const raw = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  const doc = ingest(raw, { name: path });
  return { doc, timexes: tagTimes(normalize(doc)) };
}

describe("time: invariants on the test corpus", () => {
  it.each(files)("%s", (path) => {
    const { doc, timexes } = tag(path);
    const ids = new Map<string, number>();
    let lastEnd = -1;
    timexes.forEach((t, i) => {
      expect(t.id).toBe(`t${i + 1}`);
      expect(doc.raw.slice(t.start, t.end)).toBe(t.text);
      expect(t.start).toBeGreaterThanOrEqual(lastEnd);
      expect(t.end).toBeGreaterThan(t.start);
      expect(t.value).not.toBe("");
      expect(t.rule).toMatch(/^time:zh\/[a-z-]+$/);
      if (t.anchor !== null) expect(ids.has(t.anchor)).toBe(true);
      lastEnd = t.end;
      ids.set(t.id, i);
    });
  });
});

describe("time: seed scores", () => {
  it("reaches value F1 ≥ 0.97 and relaxed extent F1 ≥ 0.98", () => {
    const gold = JSON.parse(readFileSync(GOLD, "utf8")) as GoldTimex[];
    const score = scoreTimexes(tag(SEED).timexes, gold);
    expect(score.relaxed.f1).toBeGreaterThanOrEqual(0.98);
    expect(score.value.f1).toBeGreaterThanOrEqual(0.97);
  });

  it("anchors underspecified dates on the gold anchor text", () => {
    const gold = JSON.parse(readFileSync(GOLD, "utf8")) as GoldTimex[];
    const { timexes } = tag(SEED);
    const byId = new Map(timexes.map((t) => [t.id, t]));
    const wrong = gold.filter((g) => {
      const t = timexes.find((s) => s.start === g.start);
      const anchor = t?.anchor ? byId.get(t.anchor)?.text : undefined;
      return anchor !== g.anchor;
    });
    expect(wrong.map((g) => g.text)).toEqual([]);
  });
});
