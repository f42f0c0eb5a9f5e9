/**
 * The event typer: two averaged perceptrons over string features. A detector decides, for each
 * candidate clause, "event" or "none"; a typer, trained on the events alone, gives the type of
 * those it keeps (measured by cross-validation: one multi-class model with "none" among the
 * types lets the large "none" class swallow the rarer types). Training is deterministic (a seeded
 * shuffle), so the same examples always give the same weights; the shipped weights are data
 * (`data/events/model.json`, written by `npm run train`).
 */
import { loadDataJson } from "../model/data.js";
import { seeded, shuffleInPlace } from "../model/random.js";

/** The label for "not an event". */
export const NONE = "none";

/** The label the detector gives a candidate it keeps. */
export const EVENT = "event";

/** One trained perceptron: for each feature, its weight per label (absent labels weigh 0). */
export interface Linear {
  labels: string[];
  /** feature → [label index, weight, label index, weight, …] (sparse, weights rounded). */
  weights: Record<string, number[]>;
}

/** The shipped typer: a detector (none / event) and a typer over the event types. */
export interface EventModel {
  version: 2;
  /** The detector keeps a candidate when its event score exceeds its none score by this. */
  threshold: number;
  detector: Linear;
  typer: Linear;
}

/** One training example. */
export interface Example {
  features: string[];
  label: string;
}

/** Training settings. */
export interface TrainOptions {
  epochs: number;
  seed: number;
  /** How many perceptrons, each on its own shuffle of the examples, are averaged (default 1). */
  shuffles?: number;
  /** Starting weights (feature → label → weight) that training corrects rather than learns. */
  prior?: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** Each model's weights as a Map of packed rows (label index, weight, …), built on first use. */
const packed = new WeakMap<Linear, Map<string, Float64Array>>();

// Note: a Map of typed arrays, built once per model, reads faster than the parsed JSON object
// (a dictionary of holey arrays); the additions keep their order, so the sums are the same.
function rowsOf(model: Linear): Map<string, Float64Array> {
  let rows = packed.get(model);
  if (rows === undefined) {
    rows = new Map();
    for (const [f, row] of Object.entries(model.weights))
      rows.set(f, Float64Array.from(row.length % 2 === 0 ? row : row.slice(0, -1)));
    packed.set(model, rows);
  }
  return rows;
}

/** The label scores of `features` under `model`, indexed like `model.labels`. */
export function scores(model: Linear, features: readonly string[]): Float64Array {
  const out = new Float64Array(model.labels.length);
  const rows = rowsOf(model);
  for (const f of features) {
    const row = rows.get(f);
    if (row === undefined) continue;
    for (let i = 0; i < row.length; i += 2) {
      const c = row[i] as number;
      out[c] = (out[c] as number) + (row[i + 1] as number);
    }
  }
  return out;
}

/** The best label of `features` and its margin over the runner-up (ties go to the earlier label). */
export function best(
  model: Linear,
  features: readonly string[],
): { label: string; margin: number } {
  const s = scores(model, features);
  let best = 0;
  for (let i = 1; i < s.length; i += 1) if ((s[i] ?? 0) > (s[best] ?? 0)) best = i;
  let second = -Infinity;
  for (let i = 0; i < s.length; i += 1) if (i !== best) second = Math.max(second, s[i] ?? 0);
  return { label: model.labels[best] ?? NONE, margin: (s[best] ?? 0) - second };
}

/** The labels of `examples`, `none` first and the others sorted (independent of their order). */
function labelsOf(examples: readonly Example[]): string[] {
  const labels = [...new Set(examples.map((e) => e.label))].filter((l) => l !== NONE).sort();
  return [NONE, ...labels];
}

/** Dense weights as stored: features sorted, weights rounded to 0.001, zeros left out. */
function sparseWeights(dense: ReadonlyMap<string, Float64Array>): Record<string, number[]> {
  const weights: Record<string, number[]> = {};
  for (const f of [...dense.keys()].sort()) {
    const sparse: number[] = [];
    (dense.get(f) as Float64Array).forEach((x, c) => {
      const rounded = Math.round(x * 1000) / 1000;
      if (rounded !== 0) sparse.push(c, rounded);
    });
    if (sparse.length > 0) weights[f] = sparse;
  }
  return weights;
}

/**
 * One averaged perceptron (Collins 2002) over `examples` with labels indexed by `index`: each
 * epoch visits them in an order shuffled by `seed` and moves the weights of a wrong prediction
 * towards the gold label. Returns the averaged dense weights.
 */
function averagedRun(
  examples: readonly Example[],
  index: ReadonlyMap<string, number>,
  options: TrainOptions,
  seed: number,
): Map<string, Float64Array> {
  const k = index.size;
  // Current weights, their running sums for averaging, and when each was last updated.
  const w = new Map<string, Float64Array>();
  const total = new Map<string, Float64Array>();
  const stamp = new Map<string, Float64Array>();
  const row = (f: string): [Float64Array, Float64Array, Float64Array] => {
    let a = w.get(f);
    if (!a) {
      a = new Float64Array(k);
      w.set(f, a);
      total.set(f, new Float64Array(k));
      stamp.set(f, new Float64Array(k));
    }
    return [a, total.get(f) as Float64Array, stamp.get(f) as Float64Array];
  };
  for (const [f, byLabel] of options.prior ?? [])
    for (const [label, weight] of byLabel) {
      const c = index.get(label);
      if (c !== undefined) row(f)[0][c] = weight;
    }
  const order = examples.map((_, i) => i);
  const next = seeded(seed);
  let clock = 0;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    shuffleInPlace(order, next);
    for (const n of order) {
      clock += 1;
      const ex = examples[n] as Example;
      const gold = index.get(ex.label) ?? 0;
      const s = new Float64Array(k);
      for (const f of ex.features) {
        const a = w.get(f);
        if (a) for (let c = 0; c < k; c += 1) s[c] = (s[c] ?? 0) + (a[c] ?? 0);
      }
      let guess = 0;
      for (let c = 1; c < k; c += 1) if ((s[c] ?? 0) > (s[guess] ?? 0)) guess = c;
      if (guess === gold) continue;
      for (const f of new Set(ex.features)) {
        const [a, sum, at] = row(f);
        for (const [c, delta] of [
          [gold, 1],
          [guess, -1],
        ] as const) {
          sum[c] = (sum[c] ?? 0) + (clock - (at[c] ?? 0)) * (a[c] ?? 0);
          at[c] = clock;
          a[c] = (a[c] ?? 0) + delta;
        }
      }
    }
  }
  const averaged = new Map<string, Float64Array>();
  for (const [f, a] of w) {
    const sum = total.get(f) as Float64Array;
    const at = stamp.get(f) as Float64Array;
    averaged.set(
      f,
      a.map((x, c) => ((sum[c] ?? 0) + (clock - (at[c] ?? 0)) * x) / clock),
    );
  }
  return averaged;
}

/**
 * Trains an averaged perceptron on `examples`; with `shuffles` > 1, that many, each on its own
 * seeded order (seed, seed + 1, …), and stores the mean of their weights: one linear model that
 * depends less on the order of the examples (measured: the typer's accuracy on held-out dev
 * folds rose by about three points with five). Labels are sorted with `none` first, so the
 * result does not depend on the order labels first appear.
 */
export function perceptron(examples: readonly Example[], options: TrainOptions): Linear {
  const labels = labelsOf(examples);
  const index = new Map(labels.map((l, i) => [l, i]));
  const runs = Math.max(1, options.shuffles ?? 1);
  const mean = new Map<string, Float64Array>();
  for (let r = 0; r < runs; r += 1)
    for (const [f, a] of averagedRun(examples, index, options, options.seed + r)) {
      const m = mean.get(f) ?? new Float64Array(labels.length);
      a.forEach((x, c) => (m[c] = (m[c] ?? 0) + x / runs));
      mean.set(f, m);
    }
  return { labels, weights: sparseWeights(mean) };
}

/**
 * The typer's starting weights: the trigger rules' type and the head's lexicon class each vote
 * for their type with `weight` (the lexicon a little less), so training corrects the tables'
 * reading where the data disagree instead of relearning it from few examples.
 */
export function tablePrior(
  labels: readonly string[],
  weight: number,
): Map<string, Map<string, number>> {
  const prior = new Map<string, Map<string, number>>();
  for (const t of labels) {
    if (t === NONE) continue;
    prior.set(`rule=${t}`, new Map([[t, weight]]));
    prior.set(`hlex=${t}`, new Map([[t, weight * 0.8]]));
  }
  return prior;
}

/** Settings of `train`: the perceptrons' and the tables' prior weight and detector threshold. */
export type TrainSettings = TrainOptions & {
  priorWeight?: number;
  threshold?: number;
};

/**
 * The features the typer reads: all but the context of a clause (`ctx:…`, its sentence and
 * section), which tells whether a clause is an event rather than which type (`features.ts`).
 */
function typerFeatures(features: readonly string[]): string[] {
  return features.filter((f) => !f.startsWith("ctx:"));
}

/** Trains the detector on every example and the typer on the events among them. */
export function train(examples: readonly Example[], options: TrainSettings): EventModel {
  const detector = perceptron(
    examples.map((e) => ({ ...e, label: e.label === NONE ? NONE : EVENT })),
    options,
  );
  const events = examples
    .filter((e) => e.label !== NONE)
    .map((e) => ({ ...e, features: typerFeatures(e.features) }));
  const typer = perceptron(events, {
    ...options,
    prior: tablePrior([...new Set(events.map((e) => e.label))], options.priorWeight ?? 0),
  });
  return { version: 2, threshold: options.threshold ?? 0, detector, typer };
}

/** The type of a candidate, or `none` when the detector does not keep it. */
export function predict(
  model: EventModel,
  features: readonly string[],
): { label: string; margin: number } {
  const s = scores(model.detector, features);
  const margin = (s[model.detector.labels.indexOf(EVENT)] ?? 0) - (s[0] ?? 0);
  if (margin <= model.threshold) return { label: NONE, margin: model.threshold - margin };
  return best(model.typer, typerFeatures(features));
}

let shipped: EventModel | null = null;

/** The shipped model (`data/events/model.json`), loaded once. */
export function loadEventModel(): EventModel {
  shipped ??= loadDataJson<EventModel>("events/model.json");
  return shipped;
}
