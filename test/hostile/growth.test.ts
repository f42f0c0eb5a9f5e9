/**
 * Every stage stays linear on pathological input: each stage is timed at two sizes (n and 4n)
 * of the same document, best of three, and the cost per character may not grow more than 2×
 * (a quadratic stage grows 4×). A ratio, not a wall-clock limit: a stage that looks grown is
 * measured twice more before it fails (noise from other processes), and stages that take only
 * a few milliseconds at the larger size are too fast to measure and pass.
 */
import { describe, expect, it } from "vitest";
import { PATHOLOGICAL, STAGES, timeStages } from "./inputs.js";

type Stage = (typeof STAGES)[number];
const SMALL = 5_000;
const LARGE = 4 * SMALL;
const TOO_FAST_MS = 20;
/** Timings below this are mostly noise (a garbage collection): the smaller size counts at least this. */
const FLOOR_MS = 5;

/** Per stage, the fastest of `runs` timings of `raw`, folded into `into`. */
function fastest(raw: string, runs: number, into?: Record<Stage, number>): Record<Stage, number> {
  const out = into ?? timeStages(raw);
  for (let k = into === undefined ? 1 : 0; k < runs; k += 1) {
    const t = timeStages(raw);
    for (const stage of STAGES) out[stage] = Math.min(out[stage], t[stage]);
  }
  return out;
}

function grown(a: Record<Stage, number>, b: Record<Stage, number>, small: number, large: number) {
  return STAGES.filter(
    (stage) =>
      b[stage] >= TOO_FAST_MS && b[stage] / large / (Math.max(a[stage], FLOOR_MS) / small) > 2,
  );
}

describe("growth: cost per character on pathological input", () => {
  timeStages(PATHOLOGICAL["dated sentences on one line"]!(SMALL)); // warm up tables and JIT
  for (const [name, make] of Object.entries(PATHOLOGICAL)) {
    it(name, () => {
      const small = make(SMALL);
      const large = make(LARGE);
      const a = fastest(small, 3);
      const b = fastest(large, 3);
      if (grown(a, b, small.length, large.length).length > 0) {
        fastest(small, 2, a);
        fastest(large, 2, b);
      }
      const report = grown(a, b, small.length, large.length).map(
        (s) => `${s} ${a[s].toFixed(0)} → ${b[s].toFixed(0)} ms`,
      );
      expect(
        report,
        `cost per character grew > 2× (${small.length} → ${large.length} chars)`,
      ).toEqual([]);
    });
  }
});
