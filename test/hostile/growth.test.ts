/**
 * Every stage stays linear on pathological input: each stage is timed at two sizes (n and 4n)
 * of the same document and the cost per character may not grow more than 2× (a quadratic stage
 * grows 4×). A ratio of process CPU times, not a wall-clock limit. Against noise from other processes: the two sizes
 * are timed in turn, best of two; a stage that looks grown is timed for up to three more rounds
 * (the fastest time counts); a smaller size counts as at least `FLOOR_MS` (garbage collection
 * and warm-up dominate below), and a stage under `TOO_FAST_MS` at the larger size passes.
 */
import { describe, expect, it } from "vitest";
import { PATHOLOGICAL, STAGES, timeStages } from "./inputs.js";

type Stage = (typeof STAGES)[number];
type Times = Record<Stage, number>;
const SMALL = 10_000;
const LARGE = 4 * SMALL;
const TOO_FAST_MS = 60;
const FLOOR_MS = 30;
const ROUNDS = 4;

function fold(into: Times | null, t: Times): Times {
  if (into === null) return { ...t };
  for (const stage of STAGES) into[stage] = Math.min(into[stage], t[stage]);
  return into;
}

function grown(a: Times, b: Times, small: number, large: number): Stage[] {
  return STAGES.filter(
    (s) => b[s] >= TOO_FAST_MS && b[s] / large / (Math.max(a[s], FLOOR_MS) / small) > 2,
  );
}

describe("growth: cost per character on pathological input", () => {
  timeStages(PATHOLOGICAL["dated sentences on one line"]!(SMALL)); // warm up tables and JIT
  for (const [name, make] of Object.entries(PATHOLOGICAL)) {
    it(
      name,
      () => {
        const small = make(SMALL);
        const large = make(LARGE);
        let a: Times | null = null;
        let b: Times | null = null;
        for (let round = 0; round < ROUNDS; round += 1) {
          for (let k = 0; k < 2; k += 1) {
            a = fold(a, timeStages(small));
            b = fold(b, timeStages(large));
          }
          if (grown(a!, b!, small.length, large.length).length === 0) break;
        }
        const report = grown(a!, b!, small.length, large.length).map(
          (s) => `${s} ${a![s].toFixed(0)} → ${b![s].toFixed(0)} ms`,
        );
        expect(
          report,
          `cost per character grew > 2× (${small.length} → ${large.length} chars)`,
        ).toEqual([]);
      },
      120_000,
    );
  }
});
