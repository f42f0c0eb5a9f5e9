/**
 * Scores system timexes against gold timexes: extent (strict and relaxed), type and value.
 */
import type { Timex } from "../model/index.js";

/** A gold timex as in `timex.json` (TIMEX-GUIDE.md). */
export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  mod?: string | null;
  anchor?: string;
  note?: string;
}

/** Precision, recall and F1 with the counts behind them. */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  system: number;
  gold: number;
}

/** One item of a difference list: where, what the text says, what each side gave. */
export interface TimexDiff {
  start: number;
  end: number;
  text: string;
  gold?: { text: string; type: string; value: string; mod: string | null };
  system?: { text: string; type: string; value: string; mod: string | null; rule: string };
}

/** The full timex score. */
export interface TimexScore {
  strict: Prf;
  relaxed: Prf;
  /** Relaxed matches whose type equals the gold's, over relaxed matches. */
  typeAccuracy: number;
  /** Relaxed matches whose value and mod equal the gold's, over relaxed matches. */
  valueAccuracy: number;
  /** Relaxed extent AND equal value and mod. */
  value: Prf;
  misses: TimexDiff[];
  spurious: TimexDiff[];
  wrongValues: TimexDiff[];
  wrongTypes: TimexDiff[];
}

/** P/R/F1 from counts (0 when undefined). */
export function prf(tp: number, system: number, gold: number): Prf {
  const precision = system === 0 ? 0 : tp / system;
  const recall = gold === 0 ? 0 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, system, gold };
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * One-to-one pairs from scored candidates `[systemIndex, goldIndex, score]`: the best scores
 * first (ties: earlier system, then earlier gold), each side used once. Sorted by gold index.
 */
export function oneToOne(candidates: Array<[number, number, number]>): Array<[number, number]> {
  const sorted = [...candidates].sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const usedS = new Set<number>();
  const usedG = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const [i, j] of sorted) {
    if (usedS.has(i) || usedG.has(j)) continue;
    usedS.add(i);
    usedG.add(j);
    pairs.push([i, j]);
  }
  return pairs.sort((a, b) => a[1] - b[1]);
}

/**
 * One-to-one pairs of overlapping spans, the largest overlaps first (ties: earlier first).
 * Returns pairs of indices [systemIndex, goldIndex].
 */
export function matchOverlaps(
  system: ReadonlyArray<{ start: number; end: number }>,
  gold: ReadonlyArray<{ start: number; end: number }>,
): Array<[number, number]> {
  const candidates: Array<[number, number, number]> = [];
  system.forEach((s, i) =>
    gold.forEach((g, j) => {
      const o = overlap(s, g);
      if (o > 0) candidates.push([i, j, o]);
    }),
  );
  return oneToOne(candidates);
}

function goldView(g: GoldTimex): NonNullable<TimexDiff["gold"]> {
  return { text: g.text, type: g.type, value: g.value, mod: g.mod ?? null };
}

function systemView(s: Timex): NonNullable<TimexDiff["system"]> {
  return { text: s.text, type: s.type, value: s.value, mod: s.mod, rule: s.rule };
}

/** Scores `system` against `gold` (both over the same raw text). */
export function scoreTimexes(system: readonly Timex[], gold: readonly GoldTimex[]): TimexScore {
  const strictKeys = new Set(gold.map((g) => `${g.start}:${g.end}`));
  const strictTp = system.filter((s) => strictKeys.has(`${s.start}:${s.end}`)).length;
  const pairs = matchOverlaps(system, gold);
  let typeOk = 0;
  let valueOk = 0;
  const wrongValues: TimexDiff[] = [];
  const wrongTypes: TimexDiff[] = [];
  for (const [i, j] of pairs) {
    const s = system[i] as Timex;
    const g = gold[j] as GoldTimex;
    if (s.type === g.type) typeOk += 1;
    else
      wrongTypes.push({
        start: g.start,
        end: g.end,
        text: g.text,
        gold: goldView(g),
        system: systemView(s),
      });
    if (s.value === g.value && (s.mod ?? null) === (g.mod ?? null)) valueOk += 1;
    else
      wrongValues.push({
        start: g.start,
        end: g.end,
        text: g.text,
        gold: goldView(g),
        system: systemView(s),
      });
  }
  const matchedS = new Set(pairs.map((p) => p[0]));
  const matchedG = new Set(pairs.map((p) => p[1]));
  const misses = gold
    .filter((_, j) => !matchedG.has(j))
    .map((g) => ({ start: g.start, end: g.end, text: g.text, gold: goldView(g) }));
  const spurious = system
    .filter((_, i) => !matchedS.has(i))
    .map((s) => ({ start: s.start, end: s.end, text: s.text, system: systemView(s) }));
  return {
    strict: prf(strictTp, system.length, gold.length),
    relaxed: prf(pairs.length, system.length, gold.length),
    typeAccuracy: pairs.length === 0 ? 0 : typeOk / pairs.length,
    valueAccuracy: pairs.length === 0 ? 0 : valueOk / pairs.length,
    value: prf(valueOk, system.length, gold.length),
    misses,
    spurious,
    wrongValues,
    wrongTypes,
  };
}
