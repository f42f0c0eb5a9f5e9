/**
 * `annals eval --corpus DIR`: scores every article of an annotated corpus and prints one table of
 * pooled scores per split (seed, dev, test): timex value F1, event detection P/R/F1, typed F1,
 * typed+dated F1 and actor F1. Differences are listed for dev articles only, on request: the
 * test split is read for its scores alone.
 */
import { extract } from "../extract.js";
import {
  loadEventModel,
  type EventOptions,
  type SkippedClause,
  type TracedCandidate,
} from "../events/index.js";
import {
  addBreakdown,
  breakdown,
  emptyBreakdown,
  formatBreakdown,
  formatEventScore,
  scoreEvents,
  scoreTimexes,
  type Breakdown,
  type EventScore,
  type Prf,
} from "../eval/index.js";
import { readCorpus, SPLITS, type CorpusArticle, type Split } from "./corpus.js";

/** Pooled counts of one measure. */
interface Pool {
  tp: number;
  system: number;
  gold: number;
}

const MEASURES = ["timexValue", "detection", "typed", "typedDated", "actors"] as const;
type Measure = (typeof MEASURES)[number];

/** Pooled scores of one split. */
export interface SplitScore {
  split: Split;
  articles: number;
  events: number;
  scores: Record<Measure, Prf>;
}

function add(pool: Pool, prf: Prf): void {
  pool.tp += prf.tp;
  pool.system += prf.system;
  pool.gold += prf.gold;
}

function toPrf(p: Pool): Prf {
  const precision = p.system === 0 ? 0 : p.tp / p.system;
  const recall = p.gold === 0 ? 0 : p.tp / p.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, ...p };
}

/**
 * The timex and event scores of one article, extracted with the given event options; with
 * `breakdown`, also where its typed+dated events were lost (`eval/breakdown.ts`).
 */
export function scoreArticle(
  a: CorpusArticle,
  events: EventOptions = {},
  withBreakdown = false,
): { timex: Prf; events: EventScore; breakdown: Breakdown | null } {
  const traced: TracedCandidate[] = [];
  const skipped: SkippedClause[] = [];
  const options = withBreakdown
    ? {
        ...events,
        trace: (c: TracedCandidate) => traced.push(c),
        skipped: (c: SkippedClause) => skipped.push(c),
      }
    : events;
  const { chronicle } = extract({ raw: a.raw, name: a.path }, { events: options });
  const score = scoreEvents(chronicle, { events: a.events, entities: a.entities });
  const model = events.model === undefined ? loadEventModel() : events.model;
  return {
    timex: scoreTimexes(chronicle.timexes, a.timex).value,
    events: score,
    breakdown: withBreakdown
      ? breakdown(
          score,
          a.events,
          traced,
          model,
          { system: chronicle.timexes, gold: a.timex },
          skipped,
        )
      : null,
  };
}

/** Pools the scores of a split's articles (`timex` may be left out: its F1 then reads 0). */
export function poolScores(
  split: Split,
  articles: readonly CorpusArticle[],
  events: readonly EventScore[],
  timex: readonly Prf[] = [],
): SplitScore {
  const pools = Object.fromEntries(
    MEASURES.map((m) => [m, { tp: 0, system: 0, gold: 0 }]),
  ) as Record<Measure, Pool>;
  for (const t of timex) add(pools.timexValue, t);
  for (const ev of events) {
    add(pools.detection, ev.detection);
    add(pools.typed, ev.typed);
    add(pools.typedDated, ev.typedDated);
    add(pools.actors, ev.actors);
  }
  return {
    split,
    articles: articles.length,
    events: articles.reduce((n, a) => n + a.events.length, 0),
    scores: Object.fromEntries(MEASURES.map((m) => [m, toPrf(pools[m])])) as Record<Measure, Prf>,
  };
}

/**
 * Scores the corpus's articles; `onArticle` sees each article's event score as it is made, and
 * its breakdown for the dev articles when `breakdown` is set (never for test articles).
 */
export function scoreCorpus(
  articles: readonly CorpusArticle[],
  onArticle?: (a: CorpusArticle, score: EventScore, breakdown: Breakdown | null) => void,
  events: EventOptions = {},
  withBreakdown = false,
): SplitScore[] {
  const out: SplitScore[] = [];
  for (const split of SPLITS) {
    const mine = articles.filter((a) => a.split === split);
    if (mine.length === 0) continue;
    const scores = mine.map((a) => scoreArticle(a, events, withBreakdown && split === "dev"));
    scores.forEach((s, i) => onArticle?.(mine[i] as CorpusArticle, s.events, s.breakdown));
    out.push(
      poolScores(
        split,
        mine,
        scores.map((s) => s.events),
        scores.map((s) => s.timex),
      ),
    );
  }
  return out;
}

const f = (x: number): string => x.toFixed(3);

/**
 * The table of split scores, one row per split. `timex: false` (cross-validation, which scores
 * events only) prints — for the timex column instead of a 0.000 nobody measured.
 */
export function formatSplitScores(
  rows: readonly SplitScore[],
  { timex = true }: { timex?: boolean } = {},
): string {
  const head =
    "split  articles  events  timex value F1  detect P / R / F1      typed F1  typed+dated F1  actors F1";
  const lines = rows.map((r) => {
    const s = r.scores;
    return [
      r.split.padEnd(5),
      String(r.articles).padStart(9),
      String(r.events).padStart(7),
      (timex ? f(s.timexValue.f1) : "—").padStart(15),
      `  ${f(s.detection.precision)} / ${f(s.detection.recall)} / ${f(s.detection.f1)}`,
      f(s.typed.f1).padStart(10),
      f(s.typedDated.f1).padStart(15),
      f(s.actors.f1).padStart(10),
    ].join(" ");
  });
  return [head, ...lines].join("\n");
}

/** Runs the corpus evaluation and prints it. */
export async function evalCorpus(
  dir: string,
  opts: { format: "text" | "json"; errors?: boolean; rulesOnly?: boolean; breakdown?: boolean },
): Promise<void> {
  const articles = await readCorpus(dir);
  const lost = emptyBreakdown();
  const perArticle: Array<{ slug: string; split: Split; typedDated: number; detection: number }> =
    [];
  const rows = scoreCorpus(
    articles,
    (a, score, b) => {
      if (b) addBreakdown(lost, b);
      perArticle.push({
        slug: a.slug,
        split: a.split,
        typedDated: score.typedDated.f1,
        detection: score.detection.f1,
      });
      if (opts.errors && opts.format === "text" && a.split === "dev")
        process.stdout.write(`\n## ${a.slug} (dev)\n${formatEventScore(score, true)}\n`);
    },
    opts.rulesOnly ? { model: null, roles: null, dates: null } : {},
    opts.breakdown === true,
  );
  if (opts.format === "json") {
    const extra = opts.breakdown ? { breakdown: lost } : {};
    process.stdout.write(
      `${JSON.stringify({ splits: rows, articles: perArticle, ...extra }, null, 2)}\n`,
    );
    return;
  }
  const list = perArticle
    .map(
      (p) =>
        `  ${p.split.padEnd(5)} ${p.slug.padEnd(40)} detect ${f(p.detection)}  typed+dated ${f(p.typedDated)}`,
    )
    .join("\n");
  process.stdout.write(`${list}\n\n${formatSplitScores(rows)}\n`);
  if (opts.breakdown)
    process.stdout.write(`\nwhere the dev split loses events\n${formatBreakdown(lost)}\n`);
}
