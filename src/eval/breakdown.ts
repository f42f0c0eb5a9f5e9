/**
 * Where typed+dated F1 is lost: a diagnostic over one article's event score and the candidates
 * the pipeline read. Missed gold events are split by cause (no candidate clause overlaps them; the
 * model dropped every candidate that does; only an undated bare candidate overlaps; a candidate
 * was kept but its event matched another gold event or was merged away), false positives are
 * counted by predicted type, type errors form a confusion matrix (gold → predicted), and date
 * errors of typed matches are split into no date, the time stage's value (the timex the date came
 * from reads otherwise in the gold timexes), a clock time in the gold where ours has the day,
 * another granularity (one value refines the other), a gold date relative to another act
 * (`date_basis` relative), and wrong value (another year, or the right year and another month
 * or day). Counts add up over articles (`addBreakdown`).
 */
import type { Timex } from "../model/index.js";
import {
  NONE,
  predict,
  SKIP_REASONS,
  type EventModel,
  type SkippedClause,
  type SkipReason,
  type TracedCandidate,
} from "../events/index.js";
import type { EventScore, GoldEvent } from "./events.js";
import type { GoldTimex } from "./timex.js";

/** Why a gold event has no system event. */
export const MISS_CAUSES = ["noCandidate", "rejected", "undated", "lost"] as const;
export type MissCause = (typeof MISS_CAUSES)[number];

/** Why a typed match has another date than the gold. */
export const DATE_ERRORS = [
  "noDate",
  "timeStage",
  "clock",
  "granularity",
  "relative",
  "year",
  "monthDay",
] as const;
export type DateError = (typeof DATE_ERRORS)[number];

/** Counts of where events are lost (all fields add up over articles). */
export interface Breakdown {
  gold: number;
  system: number;
  typedDated: number;
  missed: Record<MissCause, number>;
  /**
   * Of the misses with no candidate, why (the first reason of a span overlapping a mention, in
   * `SKIP_REASONS` order; `none` when no skipped span overlaps either).
   */
  unseen: Record<SkipReason | "none", number>;
  /** Unmatched system events by predicted type. */
  spurious: Record<string, number>;
  /** Matched events by gold type, then by system type (the diagonal is the typed matches). */
  confusion: Record<string, Record<string, number>>;
  /** Date errors among typed matches. */
  dates: Record<DateError, number>;
}

/** An empty breakdown. */
export function emptyBreakdown(): Breakdown {
  return {
    gold: 0,
    system: 0,
    typedDated: 0,
    missed: { noCandidate: 0, rejected: 0, undated: 0, lost: 0 },
    unseen: { block: 0, noVerb: 0, quoted: 0, attributive: 0, filtered: 0, merged: 0, none: 0 },
    spurious: {},
    confusion: {},
    dates: {
      noDate: 0,
      timeStage: 0,
      clock: 0,
      granularity: 0,
      relative: 0,
      year: 0,
      monthDay: 0,
    },
  };
}

function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** What else is known of a date error: the gold's basis, whether the time stage misread the timex. */
export interface DateContext {
  goldBasis?: string | undefined;
  /** The gold value of the timex the system date came from, when it differs from the system's. */
  misread?: boolean;
}

/** The kind of date error of a system date against the gold value. */
export function dateError(
  system: string | null,
  gold: string,
  context: DateContext = {},
): DateError {
  if (system === null) return "noDate";
  if (context.misread === true) return "timeStage";
  if (system.startsWith(gold) || gold.startsWith(system))
    return gold.includes("T") && !system.includes("T") ? "clock" : "granularity";
  if (context.goldBasis === "relative") return "relative";
  return system.slice(0, 4) === gold.slice(0, 4) ? "monthDay" : "year";
}

/**
 * Whether the time stage gave the timex `id` another value than the gold timex of the same span
 * (a date error that is the time stage's, not the event dating's).
 */
function misread(
  id: string | null | undefined,
  timexes: { system: readonly Timex[]; gold: readonly GoldTimex[] } | undefined,
): boolean {
  if (!id || !timexes) return false;
  const t = timexes.system.find((x) => x.id === id);
  const g = t && timexes.gold.find((x) => x.start === t.start && x.end === t.end);
  return g !== undefined && t !== undefined && g.value !== t.value;
}

function overlaps(c: { start: number; end: number }, g: GoldEvent): boolean {
  return g.mentions.some((m) => Math.min(c.end, m.end) > Math.max(c.start, m.start));
}

/** Why `g` was missed, given the candidates the pipeline read and the model that decided them. */
function missCause(
  g: GoldEvent,
  candidates: readonly TracedCandidate[],
  model: EventModel | null,
): MissCause {
  const near = candidates.filter((c) => overlaps(c, g));
  if (near.length === 0) return "noCandidate";
  const kept = near.filter((c) =>
    model ? predict(model, c.features).label !== NONE : c.rule !== null,
  );
  if (kept.length === 0) return "rejected";
  // Note: a bare candidate with no date is never an event (decide.ts), whatever the model says.
  if (kept.every((c) => c.rule === null && c.features.includes("date=none"))) return "undated";
  return "lost";
}

/** Why no candidate overlaps `g`: the first reason (in `SKIP_REASONS` order) of a skipped span. */
function unseenReason(g: GoldEvent, skipped: readonly SkippedClause[]): SkipReason | "none" {
  const near = new Set(skipped.filter((c) => overlaps(c, g)).map((c) => c.reason));
  return SKIP_REASONS.find((r) => near.has(r)) ?? "none";
}

/**
 * The breakdown of one article's score (`model` as used for the extraction, or null; `timexes`,
 * the system's and the gold's, tell the time stage's value errors apart).
 */
export function breakdown(
  score: EventScore,
  gold: readonly GoldEvent[],
  candidates: readonly TracedCandidate[],
  model: EventModel | null,
  timexes?: { system: readonly Timex[]; gold: readonly GoldTimex[] },
  skipped: readonly SkippedClause[] = [],
): Breakdown {
  const out = emptyBreakdown();
  out.gold = score.detection.gold;
  out.system = score.detection.system;
  out.typedDated = score.typedDated.tp;
  const byId = new Map(gold.map((g) => [g.id, g]));
  for (const m of score.misses) {
    const g = m.gold && byId.get(m.gold.id);
    if (!g) continue;
    const cause = missCause(g, candidates, model);
    bump(out.missed, cause);
    if (cause === "noCandidate") bump(out.unseen, unseenReason(g, skipped));
  }
  for (const s of score.spurious) if (s.system) bump(out.spurious, s.system.type);
  for (const { gold: g, system: s } of score.matches) {
    if (!g || !s) continue;
    bump((out.confusion[g.type] ??= {}), s.type);
    if (g.type !== s.type || s.date === g.date) continue;
    const basis = byId.get(g.id)?.date_basis;
    bump(
      out.dates,
      dateError(s.date, g.date, { goldBasis: basis, misread: misread(s.timex, timexes) }),
    );
  }
  return out;
}

/** Adds `b` into `a`. */
export function addBreakdown(a: Breakdown, b: Breakdown): Breakdown {
  a.gold += b.gold;
  a.system += b.system;
  a.typedDated += b.typedDated;
  for (const k of MISS_CAUSES) a.missed[k] += b.missed[k];
  for (const k of UNSEEN) a.unseen[k] += b.unseen[k];
  for (const k of DATE_ERRORS) a.dates[k] += b.dates[k];
  for (const [t, n] of Object.entries(b.spurious)) bump(a.spurious, t, n);
  for (const [g, row] of Object.entries(b.confusion))
    for (const [s, n] of Object.entries(row)) bump((a.confusion[g] ??= {}), s, n);
  return a;
}

const MISS_LABELS: Record<MissCause, string> = {
  noCandidate: "no candidate clause overlaps it",
  rejected: "every overlapping candidate typed none by the model",
  undated: "only an undated bare candidate kept",
  lost: "a kept candidate matched another gold event or was merged",
};

const UNSEEN = [...SKIP_REASONS, "none"] as const;

const UNSEEN_LABELS: Record<SkipReason | "none", string> = {
  block: "outside the body blocks (a heading, an infobox row)",
  noVerb: "no verb: jieba tags no word a verb and the lexicon lists none",
  quoted: "its predicates all inside quotes or a title",
  attributive: "its predicates all attributive (…的)",
  filtered: "a rule act dropped by a hand filter",
  merged: "folded into another act of its sentence",
  none: "no clause of ours overlaps it",
};

const DATE_LABELS: Record<DateError, string> = {
  noDate: "no date",
  timeStage: "the time stage's value (its timex reads otherwise in the gold timexes)",
  clock: "a clock time in the gold, the day in ours",
  granularity: "granularity (one value refines the other)",
  relative: "gold dated relative to another act (date_basis relative)",
  year: "another year",
  monthDay: "right year, another month or day",
};

function sorted(counts: Record<string, number>): Array<[string, number]> {
  return Object.entries(counts).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
}

/** The breakdown as a plain-text report. */
export function formatBreakdown(b: Breakdown): string {
  const sum = (r: Record<string, number>): number => Object.values(r).reduce((n, x) => n + x, 0);
  const matched = sum(Object.fromEntries(Object.entries(b.confusion).map(([g, r]) => [g, sum(r)])));
  const typed = Object.entries(b.confusion).reduce((n, [g, r]) => n + (r[g] ?? 0), 0);
  const lines = [
    `gold ${b.gold}, system ${b.system}, matched ${matched}, typed ${typed}, typed+dated ${b.typedDated}`,
    `missed gold events (${b.gold - matched}):`,
    ...MISS_CAUSES.flatMap((k) => [
      `  ${String(b.missed[k]).padStart(5)}  ${MISS_LABELS[k]}`,
      ...(k === "noCandidate"
        ? UNSEEN.filter((u) => b.unseen[u] > 0).map(
            (u) => `  ${String(b.unseen[u]).padStart(9)}  ${UNSEEN_LABELS[u]}`,
          )
        : []),
    ]),
    `false positives by predicted type (${b.system - matched}):`,
    `  ${sorted(b.spurious)
      .map(([t, n]) => `${t} ${n}`)
      .join(", ")}`,
    `date errors among typed matches (${typed - b.typedDated}):`,
    ...DATE_ERRORS.map((k) => `  ${String(b.dates[k]).padStart(5)}  ${DATE_LABELS[k]}`),
    "type confusions among matches (gold → system: count; right / matched per gold type):",
  ];
  for (const [g, row] of Object.entries(b.confusion).sort((x, y) => sum(y[1]) - sum(x[1]))) {
    const wrong = sorted(row)
      .filter(([s]) => s !== g)
      .map(([s, n]) => `${s} ${n}`);
    lines.push(
      `  ${g.padEnd(16)} ${String(row[g] ?? 0).padStart(3)} / ${String(sum(row)).padEnd(4)} ${wrong.length > 0 ? `→ ${wrong.join(", ")}` : ""}`.trimEnd(),
    );
  }
  return lines.join("\n");
}
