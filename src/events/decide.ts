/**
 * The typer's decision over the candidates of a document: every act the trigger rules proposed
 * and every other clause with an action predicate is read by the model (`model.ts`), which keeps
 * it with a type or drops it. With no model, the rules' acts stand and bare clauses are dropped
 * (how the training data is read, so that the model learns when to trust the rules).
 */
import type { Document, Event } from "../model/index.js";
import { rawSpan } from "../model/index.js";
import type { Actors } from "./actors.js";
import type { Clause } from "./clauses.js";
import { candidateFeatures, sentenceFeatures, type Candidate } from "./features.js";
import type { Draft } from "./merge.js";
import { NONE, predict, type EventModel } from "./model.js";
import type { EventTables } from "./tables.js";

/** A clause with an action predicate that the rules left alone. */
export interface BareCandidate {
  candidate: Candidate;
  clause: Clause;
  sentence: number;
}

/** A candidate as the trainer sees it: its features, raw span and the rules' reading. */
export interface TracedCandidate {
  features: string[];
  start: number;
  end: number;
  /** Raw offset of the head predicate, or null. */
  head: number | null;
  rule: Event["type"] | null;
}

/** Why a clause gave the typer no candidate (for the loss breakdown, `eval/breakdown.ts`). */
export const SKIP_REASONS = [
  "block",
  "noVerb",
  "quoted",
  "attributive",
  "filtered",
  "merged",
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/**
 * A raw span the typer read no candidate of, and why: a sentence outside the body blocks
 * (`block`: headings, infobox rows), a clause with no main predicate (`noVerb`, `quoted`,
 * `attributive`: `whyNoHead`), a rule act a hand filter dropped (`filtered`: an agreement of one
 * party, an unnamed public, a speakerless statement, an undated opinion…), or an act folded into
 * another of its sentence (`merged`: its span is a later range of that event, not traced).
 */
export interface SkippedClause {
  start: number;
  end: number;
  reason: SkipReason;
}

/** What `decide` needs besides the candidates. */
export interface DecideContext<B extends BareCandidate> {
  model: EventModel | null;
  tables: EventTables;
  doc: Document;
  trace: ((c: TracedCandidate) => void) | undefined;
  /** The actors of a bare candidate typed `type`. */
  build: (bare: B, type: Event["type"]) => Actors;
}

/** The score of an event type in a clause (default of the type, or a documented adjustment). */
export function scoreOf(tables: EventTables, type: Event["type"], clause: string): number | null {
  for (const a of tables.adjustments) if (a.type === type && clause.includes(a.cue)) return a.score;
  return tables.scores.get(type) ?? null;
}

function headAt(doc: Document, c: Candidate): number | null {
  return c.head ? rawSpan(doc, c.head.start, c.head.end).start : null;
}

/**
 * The sentence features of every candidate (`sentenceFeatures`): the rules' acts and the bare
 * clauses grouped by sentence, in text order (by clause, then head).
 */
function sentenceContext(
  drafts: readonly Draft[],
  bare: readonly BareCandidate[],
): Map<Candidate, string[]> {
  const groups = new Map<number, Set<Candidate>>();
  const add = (sentence: number, c: Candidate): void => {
    const g = groups.get(sentence) ?? new Set<Candidate>();
    g.add(c);
    groups.set(sentence, g);
  };
  for (const d of drafts) if (d.candidate) add(d.sentence, d.candidate);
  for (const b of bare) add(b.sentence, b.candidate);
  const out = new Map<Candidate, string[]>();
  for (const g of groups.values()) {
    const order = [...g].sort(
      (a, b) =>
        a.clause.start - b.clause.start ||
        (a.head?.start ?? a.clause.start) - (b.head?.start ?? b.clause.start),
    );
    sentenceFeatures(order).forEach((f, i) => out.set(order[i] as Candidate, f));
  }
  return out;
}

/** The drafts that stand after the typer has read every candidate. */
export function decide<B extends BareCandidate>(
  drafts: Draft[],
  bare: B[],
  ctx: DecideContext<B>,
): Draft[] {
  const { model, tables, doc, trace } = ctx;
  const out: Draft[] = [];
  const seen = new Map<Candidate, string>();
  const together = sentenceContext(drafts, bare);
  const featuresOf = (c: Candidate): string[] => [
    ...candidateFeatures(c, tables),
    ...(together.get(c) ?? []),
  ];
  for (const d of drafts) {
    const c = d.candidate;
    if (!c) {
      out.push(d);
      continue;
    }
    // Note: the copies of a collective mention share one candidate and one decision.
    let label = seen.get(c);
    if (label === undefined) {
      const features = featuresOf(c);
      const r = d.ranges[0] ?? [c.clause.start, c.clause.end];
      const span = rawSpan(doc, r[0], r[1]);
      trace?.({ features, ...span, head: headAt(doc, c), rule: d.event.type });
      label = model ? predict(model, features).label : d.event.type;
      seen.set(c, label);
    }
    if (label === NONE) continue;
    if (label !== d.event.type) {
      const type = label as Event["type"];
      const clauseText = c.text.slice(c.clause.start, c.clause.end);
      d.event = { ...d.event, type, score: scoreOf(tables, type, clauseText) };
      d.event.rule = `${d.event.rule}>model/${type}`;
    }
    out.push(d);
  }
  for (const b of bare) {
    const c = b.candidate;
    const features = featuresOf(c);
    const span = rawSpan(doc, b.clause.start, b.clause.end);
    trace?.({ features, ...span, head: headAt(doc, c), rule: null });
    if (!model || c.date.value === null || !c.head) continue;
    const { label } = predict(model, features);
    if (label === NONE) continue;
    const type = label as Event["type"];
    const clauseText = c.text.slice(c.clause.start, c.clause.end);
    out.push({
      event: {
        id: "",
        type,
        date: c.dated ?? c.date,
        actors: ctx.build(b, type),
        score: scoreOf(tables, type, clauseText),
        summary: doc.text.slice(b.clause.start, b.clause.end),
        rule: `events:model/${c.text.slice(c.head.start, c.head.end)}`,
        mentions: [],
      },
      ranges: [[b.clause.start, b.clause.end]],
      trigger: c.text.slice(c.head.start, c.head.end),
      role: "act",
      sentence: b.sentence,
      viaSpeech: false,
      candidate: c,
    });
  }
  return out.sort((a, b) => (a.ranges[0]?.[0] ?? 0) - (b.ranges[0]?.[0] ?? 0));
}
