import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { Prf } from "../eval/index.js";
import type { CorpusArticle } from "./corpus.js";
import type { SplitScore } from "./corpus-eval.js";
import { main } from "./index.js";
import { formatCurve, trainingShare } from "./train.js";

const prf = (precision: number, recall = 0.5, f1 = 0.5): Prf => ({
  precision,
  recall,
  f1,
  tp: 0,
  system: 0,
  gold: 0,
});

function row(precision: number, typedDated: number): SplitScore {
  return {
    split: "dev",
    articles: 1,
    events: 1,
    scores: {
      timexValue: prf(0),
      detection: prf(precision),
      typed: prf(0),
      typedDated: prf(0, 0, typedDated),
      actors: prf(0),
    },
  };
}

describe("train:cross-validation curve", () => {
  it("marks the best typed+dated F1 among the rows with detection precision >= 0.75", () => {
    const text = formatCurve(
      [0, 2, 4, 6],
      [row(0.7, 0.4), row(0.76, 0.3), row(0.8, 0.35), row(0.9, 0.2)],
    );
    const marked = text.split("\n").filter((l) => l.startsWith("*"));
    expect(marked).toHaveLength(2);
    expect(marked[0]).toMatch(/^\*\s+4\s/u);
  });

  it("says so when no row reaches the precision", () => {
    const text = formatCurve([0, 2], [row(0.6, 0.4), row(0.7, 0.3)]);
    expect(text.split("\n").some((l) => /^\*\s+\d/u.test(l))).toBe(false);
    expect(text).toContain("no threshold reaches detection precision 0.75");
  });
});

describe("train:learning-curve share", () => {
  const dev = Array.from({ length: 20 }, (_, i) => ({ slug: `a${i}` }) as unknown as CorpusArticle);

  it("takes the given share, a smaller share inside a larger one, the same for the same seed", () => {
    const half = trainingShare(dev, 0.5, 7);
    const most = trainingShare(dev, 0.75, 7);
    expect(half.size).toBe(10);
    expect(most.size).toBe(15);
    for (const a of half) expect(most.has(a)).toBe(true);
    expect([...trainingShare(dev, 0.5, 7)]).toEqual([...half]);
    expect(trainingShare(dev, 1, 7).size).toBe(20);
    // Another seed picks another half.
    expect([...trainingShare(dev, 0.5, 8)]).not.toEqual([...half]);
  });
});

describe("annals train: options that need --cv", () => {
  it.each([
    [["--confusion"], "--confusion only works with --cv K"],
    [["--breakdown", "--no-roles"], "--breakdown, --no-roles only work with --cv K"],
  ])("refuses %j without --cv and trains nothing", async (args, message) => {
    // Note: without the check, a plain retrain ran and overwrote the shipped models (review).
    const out = join(mkdtempSync(join(tmpdir(), "annals-train-")), "model.json");
    const err: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
    try {
      expect(await main(["node", "annals", "train", "--out", out, ...args])).toBe(2);
    } finally {
      vi.restoreAllMocks();
      process.exitCode = undefined;
    }
    expect(err.join("")).toContain(message);
    expect(existsSync(out)).toBe(false);
  });
});
