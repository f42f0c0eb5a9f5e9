/**
 * The learned date ranker: for each event the pipeline keeps, every date it could take — the
 * dating rule's choice (`dates.ts`), each date or time of its clause, its sentence and the
 * sentence before, the first and last date of its paragraph before the act, the last date on the
 * line before it, the previous kept event's date, and no date — is described by string features
 * (where it stands, how precise it is, whether the rule chose it and on what basis…) and scored by a
 * linear model; the best-scoring value replaces the rule's when it beats the rule's by more than
 * the model's margin. Trained as a ranking perceptron on the dev gold (the candidate whose value
 * equals the gold date is the right one; `annals train`), shipped in `data/events/dates.json`.
 */
import type { Event } from "../model/index.js";
import { seeded, shuffleInPlace } from "../model/random.js";
import type { DisplayTimex } from "./dates.js";
import { lowerBound } from "./within.js";
import { loadShippedModel } from "../model/shipped-model.js";

/** The shipped date model: a weight per feature and the margin over the rule's date it must beat. */
export interface DateModel {
  version: 1;
  margin: number;
  weights: Record<string, number>;
}

/** One date an event could take, with what the ranker reads of it. */
export interface DateCandidate {
  date: Event["date"];
  features: string[];
}

/** What the candidate dates of one event are read from (analysis coordinates). */
export interface DateInput {
  text: string;
  /** The dating rule's date. */
  rule: Event["date"];
  clause: { start: number; end: number };
  /** Where the act's predicate starts. */
  head: number;
  /** The document's timexes, sorted by start (`prepareTimexes`). */
  timexes: readonly DisplayTimex[];
  /** The date of the event kept before this one, if any. */
  previous: Event["date"] | null;
  /** The section of the act's block (null: the lead). */
  section: number | null;
}

/** How many dates before the act, nearest first, are candidates on their own. */
const BACK = 8;
/** The coarser forms of a date a candidate may take: its month, its year. */
const COARSER: ReadonlyArray<readonly [string, number]> = [
  ["Month", 7],
  ["Year", 4],
];
const NO_DATE: Event["date"] = { value: null, mod: null, timex: null, inferred: true, basis: null };
const SENTENCE_END = /[。！？!?\n]/u;
const CLAUSE_BREAK = /[，；：。！？,;:、\n]/gu;

/** The precision of a calendar value (year, month, day, time; `none` for no date). */
function precision(value: string | null): string {
  if (value === null) return "none";
  if (/T/u.test(value)) return "time";
  if (/^\d{4}-\d{2}-\d{2}/u.test(value)) return "day";
  if (/^\d{4}-\d{2}/u.test(value)) return "month";
  return /^\d{4}$/u.test(value) ? "year" : "other";
}

function bucket(n: number): string {
  if (n <= 2) return String(n);
  if (n <= 5) return "3-5";
  return "6+";
}

/**
 * The longest stretch read as one sentence: a line of thousands of characters without a stop is
 * not one, and reading it whole for every act of it would make dating quadratic.
 */
const MAX_SENTENCE = 4000;

/** Where the sentence holding `at` starts (after the previous 。！？ or newline). */
function sentenceStart(text: string, at: number): number {
  const stop = Math.max(0, at - MAX_SENTENCE);
  for (let i = at - 1; i >= stop; i -= 1) if (SENTENCE_END.test(text[i] ?? "")) return i + 1;
  return stop;
}

/** Where the sentence holding `at` ends (at its 。！？ or newline, inclusive). */
function sentenceEnd(text: string, at: number): number {
  const stop = Math.min(text.length, at + MAX_SENTENCE);
  for (let i = at; i < stop; i += 1) if (SENTENCE_END.test(text[i] ?? "")) return i + 1;
  return stop;
}

/** Whether `t` may give a date value at all (a DATE or TIME with a calendar value). */
function calendar(t: DisplayTimex): boolean {
  return (t.timex.type === "DATE" || t.timex.type === "TIME") && /^\d{4}/u.test(t.timex.value);
}

/** Per document (its timex array): jumps over the timexes a scan skips, so each act's is short. */
interface TimexIndex {
  /** For each index: the nearest index at or before it whose timex is usable, else -1. */
  usableBack: Int32Array;
  /** The same for a point of the line: usable, not a flashback, a calendar value. */
  pointBack: Int32Array;
  /** For each index: the nearest index at or after it that is a point of the line, else length. */
  pointAhead: Int32Array;
  /** Each section's first usable timex (the lead's under null). */
  sectionFirst: Map<number | null, DisplayTimex>;
}

const indexes = new WeakMap<readonly DisplayTimex[], TimexIndex>();

function timexIndex(timexes: readonly DisplayTimex[]): TimexIndex {
  let index = indexes.get(timexes);
  if (index) return index;
  const n = timexes.length;
  const point = (t: DisplayTimex) => t.usable && !t.flashback && calendar(t);
  const usableBack = new Int32Array(n);
  const pointBack = new Int32Array(n);
  const pointAhead = new Int32Array(n);
  const sectionFirst = new Map<number | null, DisplayTimex>();
  for (let i = 0; i < n; i += 1) {
    const t = timexes[i] as DisplayTimex;
    usableBack[i] = t.usable ? i : i > 0 ? (usableBack[i - 1] as number) : -1;
    pointBack[i] = point(t) ? i : i > 0 ? (pointBack[i - 1] as number) : -1;
    if (t.usable && !sectionFirst.has(t.section)) sectionFirst.set(t.section, t);
  }
  for (let i = n - 1; i >= 0; i -= 1)
    pointAhead[i] = point(timexes[i] as DisplayTimex)
      ? i
      : i < n - 1
        ? (pointAhead[i + 1] as number)
        : n;
  index = { usableBack, pointBack, pointAhead, sectionFirst };
  indexes.set(timexes, index);
  return index;
}

/** `jumps[i]` for `i ≥ 0`, else -1. */
function back(jumps: Int32Array, i: number): number {
  return i >= 0 ? (jumps[i] as number) : -1;
}

/**
 * The candidate dates of one event, one per distinct value, the rule's first: each carries the
 * features of every place its value was found (`s=<source>` conjoined with how it stands there).
 */
export function dateCandidates(input: DateInput): DateCandidate[] {
  const { text, rule, clause, head, timexes } = input;
  const sStart = sentenceStart(text, head);
  const sEnd = sentenceEnd(text, head);
  const pStart = sStart > 0 ? sentenceStart(text, sStart - 1) : sStart;
  const para = text.lastIndexOf("\n", head - 1) + 1;
  const index = timexIndex(timexes);
  let ownDate = false;
  for (let i = lowerBound(timexes, sStart); i < timexes.length && !ownDate; i += 1) {
    const t = timexes[i] as DisplayTimex;
    if (t.start >= sEnd) break;
    ownDate = t.usable && t.end <= sEnd;
  }
  const rb = rule.basis ?? "null";
  const byValue = new Map<string, { date: Event["date"]; features: Set<string> }>();
  const add = (date: Event["date"], source: string, marks: readonly string[]): void => {
    const key = date.value ?? "";
    let c = byValue.get(key);
    if (!c) {
      c = { date, features: new Set() };
      byValue.set(key, c);
    }
    const f = c.features;
    f.add(`s=${source}`);
    f.add(`s=${source}|rb=${rb}`);
    f.add(`s=${source}|own=${ownDate}`);
    for (const m of marks) {
      f.add(`s=${source}|${m}`);
    }
  };
  const fromTimex = (t: DisplayTimex, inferred: boolean, basis: "explicit" | "narrative") => ({
    value: t.timex.value,
    mod: t.timex.mod,
    timex: t.timex.id,
    inferred,
    basis,
  });
  /** How `t` stands relative to the act: before/after, clause breaks between, its marks. */
  const marks = (t: DisplayTimex, previous: DisplayTimex | undefined): string[] => {
    const [a, b] = t.end <= head ? [t.end, head] : [head, t.start];
    const breaks = (text.slice(a, b).match(CLAUSE_BREAK) ?? []).length;
    const out = [
      t.end <= head ? "before" : "after",
      `brk=${bucket(breaks)}`,
      `p=${precision(t.timex.value)}`,
    ];
    if (/^[的之]/u.test(text.slice(t.end, t.end + 1))) out.push("de");
    if (/[（(]$/u.test(text.slice(Math.max(0, t.start - 1), t.start))) out.push("paren");
    if (/[到至]了?$/u.test(text.slice(Math.max(0, t.start - 2), t.start))) out.push("until");
    if (previous?.timex.rangeHead === true) out.push("rangeEnd");
    if (t.timex.rangeHead === true) out.push("rangeHead");
    if (t.timex.aside) out.push(`aside=${t.timex.aside}`);
    if (t.flashback) out.push("flashback");
    if (t.opening) out.push("opening");
    if (!t.usable) out.push("unusable");
    return out;
  };
  add(rule, "rule", [`p=${precision(rule.value)}`, `mod=${rule.mod ?? "none"}`]);
  // Each date or time of the sentence before, the sentence and the clause.
  let firstInPara: DisplayTimex | undefined;
  let lastBefore: DisplayTimex | undefined;
  for (let i = Math.max(0, lowerBound(timexes, pStart)); i < timexes.length; i += 1) {
    const t = timexes[i] as DisplayTimex;
    if (t.start >= sEnd) break;
    if (t.start < pStart || !calendar(t)) continue;
    const source =
      t.start >= clause.start && t.end <= clause.end
        ? "clause"
        : t.start >= sStart
          ? "sent"
          : "prevsent";
    const m = marks(t, timexes[i - 1]);
    add(fromTimex(t, source !== "clause", "explicit"), source, m);
    // A time of day told outside the clause may date the act by its day alone.
    if (source !== "clause" && precision(t.timex.value) === "time")
      add(
        { ...fromTimex(t, true, "narrative"), value: t.timex.value.replace(/T.*$/u, "") },
        `${source}Day`,
        m,
      );
  }
  // The paragraph's first and last dates before the act, and the line's last date before it.
  for (let i = back(index.pointBack, lowerBound(timexes, head) - 1); i >= 0;) {
    const t = timexes[i] as DisplayTimex;
    if (t.end <= head) {
      lastBefore ??= t;
      if (t.start < para) break;
      firstInPara = t;
      // Note: the paragraph's first point is found by a jump, not by walking its points.
      const first = index.pointAhead[lowerBound(timexes, para)] ?? timexes.length;
      const f = timexes[first];
      if (first < i && f !== undefined && f.end <= head) {
        firstInPara = f;
        break;
      }
    }
    i = back(index.pointBack, i - 1);
  }
  if (firstInPara) add(dayOf(fromTimex(firstInPara, true, "narrative")), "paraFirst", []);
  if (lastBefore) {
    const inPara = lastBefore.start >= para;
    add(dayOf(fromTimex(lastBefore, true, "narrative")), "line", [`para=${inPara}`]);
    if (inPara && firstInPara !== lastBefore)
      add(dayOf(fromTimex(lastBefore, true, "narrative")), "paraLast", []);
  }
  if (input.previous?.value) add({ ...input.previous }, "prevEvent", []);
  // Further back on the line: the last dates before the act, nearest first, at full precision
  // and by their day (a story told over several paragraphs of one day or one clock time).
  for (
    let i = back(index.usableBack, lowerBound(timexes, head) - 1), rank = 0;
    i >= 0 && rank < BACK;
    i = back(index.usableBack, i - 1)
  ) {
    const t = timexes[i] as DisplayTimex;
    if (t.end > head) continue;
    const m = [
      `r=${bucket(rank)}`,
      `p=${precision(t.timex.value)}`,
      `sec=${t.section === input.section}`,
      `para=${t.start >= para}`,
    ];
    if (t.flashback) m.push("flashback");
    if (t.opening) m.push("opening");
    add(fromTimex(t, true, "narrative"), "back", m);
    if (precision(t.timex.value) === "time")
      add(dayOf(fromTimex(t, true, "narrative")), "backDay", m);
    rank += 1;
  }
  // The section's first date and the lead's (the date of the whole story), and coarser forms
  // of the lead's and the rule's dates (an act the gold dates by its month or year alone).
  const sectionFirst = index.sectionFirst.get(input.section);
  if (sectionFirst && sectionFirst.start < head)
    add(dayOf(fromTimex(sectionFirst, true, "narrative")), "secFirst", []);
  const lead = index.sectionFirst.get(null);
  if (lead) {
    const d = fromTimex(lead, true, "narrative");
    add(dayOf(d), "lead", [`p=${precision(lead.timex.value)}`]);
    for (const [name, n] of COARSER)
      if (d.value && d.value.length > n)
        add({ ...d, value: d.value.slice(0, n) }, `lead${name}`, []);
  }
  for (const [name, n] of COARSER)
    if (rule.value && rule.value.length > n && /^\d{4}-/u.test(rule.value))
      add({ ...rule, value: rule.value.slice(0, n), inferred: true }, `rule${name}`, [`rb=${rb}`]);
  add(NO_DATE, "none", []);
  return [...byValue.values()].map(({ date, features }) => {
    const f = [...features];
    const p = precision(date.value);
    f.push(`prec=${p}`);
    if (date.value === rule.value) f.push("agree", `agree|rb=${rb}`);
    else if (date.value !== null && rule.value !== null) {
      if (date.value.startsWith(rule.value)) f.push("finer", `finer|rb=${rb}`);
      else if (rule.value.startsWith(date.value)) f.push("coarser", `coarser|rb=${rb}`);
      else f.push(`other|rb=${rb}`);
    }
    return { date, features: f };
  });
}

/** A date inferred from the line keeps the day, not the clock (as `dates.ts` does). */
function dayOf(date: Event["date"]): Event["date"] {
  return { ...date, value: date.value === null ? null : date.value.replace(/T.*$/u, "") };
}

/** The score of a candidate under `weights`. */
function score(weights: Readonly<Record<string, number>>, features: readonly string[]): number {
  let s = 0;
  for (const f of features) s += weights[f] ?? 0;
  return s;
}

/**
 * The date `model` gives an event: the best-scoring candidate when it beats the rule's (the first
 * candidate) by more than the margin, else the rule's.
 */
export function rankDate(model: DateModel, candidates: readonly DateCandidate[]): Event["date"] {
  const [rule] = candidates;
  if (!rule) return NO_DATE;
  const base = score(model.weights, rule.features);
  let chosen = rule;
  let top = base;
  for (const c of candidates.slice(1)) {
    const s = score(model.weights, c.features);
    if (s > top) {
      top = s;
      chosen = c;
    }
  }
  return top - base > model.margin ? chosen.date : rule.date;
}

/** One training group: an event's candidates and which of them carry the gold date. */
export interface DateExample {
  candidates: ReadonlyArray<{ features: readonly string[] }>;
  gold: readonly number[];
}

/**
 * Trains an averaged ranking perceptron: for each group whose best candidate is not a gold one,
 * the gold candidate scoring highest gains its features and the wrong choice loses its own. The
 * groups are read in a seeded order each epoch, so the same data always gives the same weights
 * (rounded to 0.001, zeros left out, features sorted).
 */
export function trainDates(
  examples: readonly DateExample[],
  options: { epochs: number; seed: number; margin?: number },
): DateModel {
  const w = new Map<string, number>();
  const sum = new Map<string, number>();
  const at = new Map<string, number>();
  let clock = 1;
  const bump = (f: string, d: number): void => {
    const old = w.get(f) ?? 0;
    sum.set(f, (sum.get(f) ?? 0) + (clock - (at.get(f) ?? 0)) * old);
    at.set(f, clock);
    w.set(f, old + d);
  };
  const usable = examples.filter((e) => e.gold.length > 0 && e.candidates.length > 1);
  const order = [...usable];
  const next = seeded(options.seed);
  const s = (features: readonly string[]): number => {
    let x = 0;
    for (const f of features) x += w.get(f) ?? 0;
    return x;
  };
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    shuffleInPlace(order, next);
    for (const e of order) {
      const scored = e.candidates.map((c) => s(c.features));
      let best = 0;
      scored.forEach((x, i) => {
        if (x > (scored[best] ?? 0)) best = i;
      });
      if (!e.gold.includes(best)) {
        let right = e.gold[0] as number;
        for (const g of e.gold) if ((scored[g] ?? 0) > (scored[right] ?? 0)) right = g;
        for (const f of e.candidates[right]?.features ?? []) bump(f, 1);
        for (const f of e.candidates[best]?.features ?? []) bump(f, -1);
      }
      clock += 1;
    }
  }
  const weights: Record<string, number> = {};
  for (const f of [...w.keys()].sort()) {
    const total = (sum.get(f) ?? 0) + (clock - (at.get(f) ?? 0)) * (w.get(f) ?? 0);
    const x = Math.round((total / clock) * 1000) / 1000;
    if (x !== 0) weights[f] = x;
  }
  return { version: 1, margin: options.margin ?? 0, weights };
}

let shipped: DateModel | null | undefined;

/** The shipped date model (`data/events/dates.json`), loaded once; null when none is shipped. */
export function loadDateModel(): DateModel | null {
  if (shipped === undefined)
    shipped = loadShippedModel<DateModel>("events/dates.json", 1, "date model");
  return shipped;
}
