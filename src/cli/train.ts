/**
 * `annals train`: trains the event typer, then the actor-role model and the date ranker on the
 * events it keeps, on the seed and dev splits of the annotated corpus, and writes their weights
 * (`data/events/model.json`, `roles.json`, `dates.json` by default). Deterministic: the same corpus and
 * settings always write the same file.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Command, InvalidArgumentError } from "commander";
import { extract } from "../extract.js";
import { AnnalsError } from "../model/index.js";
import { seeded, shuffleInPlace } from "../model/random.js";
import {
  train,
  trainRoles,
  type EventModel,
  type Example,
  type RoleCandidate,
  type RoleModel,
  type TracedCandidate,
  type TrainSettings,
  trainDates,
  type DateCandidate,
  type DateExample,
  type DateModel,
} from "../events/index.js";
import { matchEvents, type GoldEvent } from "../eval/index.js";
import { labelCandidates, labelRoles } from "../eval/index.js";
import { dataPath } from "../model/data.js";
import { readCorpus, type CorpusArticle } from "./corpus.js";
import { finiteNumber, foldCount, positiveInt } from "./load.js";
import {
  addBreakdown,
  emptyBreakdown,
  formatBreakdown,
  type Breakdown,
  type EventScore,
} from "../eval/index.js";
import { formatSplitScores, poolScores, scoreArticle, type SplitScore } from "./corpus-eval.js";
import { addConfusion, emptyConfusion, formatConfusion, type Confusion } from "./confusion.js";

/** Default training settings (changing them changes the shipped weights). */
export const TRAINING = {
  epochs: 12,
  seed: 20261206,
  shuffles: 5,
  priorWeight: 5,
  // Note: chosen on dev cross-validation (`train --cv 5 --thresholds -6,-5,-4`, 98 dev
  // articles, round 10): typed+dated 0.346 at -6, 0.344 at -5, 0.342 at -4; detection F1
  // 0.658, 0.655, 0.654 (recall 0.642 for precision 0.675 at -6, 0.625 / 0.687 at -4).
  // Issue 10s (sentence features, 5 folds, seed 20261206): -6 0.709 / 0.628, typed+dated 0.364;
  // -8 0.699 / 0.643, 0.365; -10 0.687 / 0.657, 0.364; -12 0.677 / 0.667, 0.363.
  threshold: -8,
  // Note: the rules' role starts with this weight for the same role in the role model.
  rolePrior: 3,
  // Note: how the role model's scores are read (`RoleModel`), chosen on dev 5-fold
  // cross-validation (actors F1 on typed matches, rules alone 0.534): threshold 0 0.530, 2 0.533,
  // 4 0.539, 8 0.541, 16 0.533, 32 0.484; a source floor added nothing (8 with floor 8: 0.540).
  roleThreshold: 8,
  roleFloor: null,
  // Note: the date ranker's epochs and the margin its best date must beat the rule's by, chosen
  // on dev 5-fold cross-validation of the ranker alone (the shipped typer's events held fixed;
  // held-out matched events dated right, rule 2 531 of 3 351): 10 epochs 2 510 (type-conjoined
  // features) / 2 552 (without), 5 2 552, 3 2 564, 2 2 586, 1 2 540; at 2 epochs margin 2 2 593.
  dateEpochs: 2,
  dateMargin: 2,
} as const;

/** Settings of `train` with the role model's. */
export type Settings = TrainSettings & {
  rolePrior?: number;
  roleThreshold?: number;
  roleFloor?: number | null;
  dateEpochs?: number;
  dateMargin?: number;
};

/** The labelled candidates of one corpus article, read by the rules alone (no model). */
function articleExamples(a: CorpusArticle): Example[] {
  const traced: TracedCandidate[] = [];
  extract(
    { raw: a.raw, name: a.path },
    {
      until: "events",
      events: { model: null, roles: null, dates: null, trace: (c) => traced.push(c) },
    },
  );
  return labelCandidates(traced, a.events);
}

/**
 * The labelled role candidates of one corpus article: its events as `model` keeps them, with the
 * actor rules' roles, each candidate labelled from the gold event its event matched.
 */
export function roleExamples(a: CorpusArticle, model: EventModel): Example[] {
  const candidates = new Map<number, Array<RoleCandidate & { final: string | null }>>();
  const { chronicle } = extract(
    { raw: a.raw, name: a.path },
    { events: { model, roles: null, dates: null, roleTrace: (i, c) => candidates.set(i, c) } },
  );
  return labelRoles(chronicle, { events: a.events, entities: a.entities }, candidates);
}

/** How often the gold date is among an article's candidate dates (the ranker's ceiling). */
export interface DateOracle {
  /** System events matched to a gold event (as the scorer matches) that have candidates. */
  matched: number;
  /** Of those, how many have the gold date among their candidates. */
  covered: number;
  /** Of those, how many the dating rule already dates right. */
  rule: number;
}

/**
 * The date-ranker groups of one corpus article: its events as `model` and `roles` keep them,
 * dated by the rule, each with its candidate dates, the gold date those whose value equals the
 * matched gold event's date. Events matched to no gold event give no group.
 */
export function dateExamples(
  a: CorpusArticle,
  model: EventModel,
  roles: RoleModel | null,
  oracle?: DateOracle,
): DateExample[] {
  const candidates = new Map<number, DateCandidate[]>();
  const { chronicle } = extract(
    { raw: a.raw, name: a.path },
    { events: { model, roles, dates: null, dateTrace: (i, c) => candidates.set(i, c) } },
  );
  const out: DateExample[] = [];
  for (const [i, j] of matchEvents(chronicle.events, a.events)) {
    const list = candidates.get(i);
    const gold = (a.events[j] as GoldEvent).date ?? null;
    if (!list) continue;
    const right = list.flatMap((c, k) => (c.date.value === gold ? [k] : []));
    if (oracle) {
      oracle.matched += 1;
      if (right.length > 0) oracle.covered += 1;
      if (right.includes(0)) oracle.rule += 1;
    }
    out.push({ candidates: list.map((c) => ({ features: c.features })), gold: right });
  }
  return out;
}

/** Trains the date ranker on the events `model` and `roles` keep in `articles`. */
export function trainDateModel(
  articles: readonly CorpusArticle[],
  model: EventModel,
  roles: RoleModel | null,
  options: Settings,
  oracle?: DateOracle,
): DateModel {
  const examples = articles.flatMap((a) => dateExamples(a, model, roles, oracle));
  return trainDates(examples, {
    epochs: options.dateEpochs ?? TRAINING.dateEpochs,
    seed: options.seed,
    margin: options.dateMargin ?? TRAINING.dateMargin,
  });
}

/** Trains the role model on the events `model` keeps in `articles`. */
export function trainRoleModel(
  articles: readonly CorpusArticle[],
  model: EventModel,
  options: Settings,
): { roles: RoleModel; examples: Example[] } {
  const examples = articles.flatMap((a) => roleExamples(a, model));
  return {
    roles: trainRoles(examples, {
      ...options,
      priorWeight: options.rolePrior ?? 0,
      threshold: options.roleThreshold ?? 0,
      floor: options.roleFloor ?? null,
    }),
    examples,
  };
}

/** The labelled candidates of corpus articles, read by the rules alone (no model). */
export function examplesOf(articles: readonly CorpusArticle[]): Example[] {
  return articles.flatMap(articleExamples);
}

/** What a cross-validation run varies besides the training settings. */
export interface CvOptions {
  /** Detector thresholds to score the held-out articles at (one training per fold); default the settings' own. */
  thresholds?: readonly number[];
  /** Share (0–1] of each fold's training dev articles it trains on (a learning curve); default 1. */
  fraction?: number;
  /** Where the held-out dev articles lose events (at the first threshold). */
  lost?: Breakdown | undefined;
  /** Train and apply the role model in each fold (default true); false keeps the actor rules. */
  roles?: boolean;
  /** Train and apply the date ranker in each fold (default true); false keeps the dating rule. */
  dates?: boolean;
  /** Counts, over the held-out articles, how often the gold date is among the candidates. */
  oracle?: DateOracle;
  /** The held-out type confusion of matched events (at the first threshold). */
  confusion?: Confusion | undefined;
}

/**
 * The dev articles a fold trains on when it may use `fraction` of them: a fixed seeded order of
 * all dev articles, so a smaller share is a subset of a larger one and the same in every run.
 */
export function trainingShare(
  dev: readonly CorpusArticle[],
  fraction: number,
  seed: number,
): Set<CorpusArticle> {
  const order = [...dev];
  shuffleInPlace(order, seeded(seed));
  return new Set(order.slice(0, Math.max(1, Math.round(fraction * order.length))));
}

/**
 * K-fold cross-validation over the dev articles (fold = index mod k; the seed is always in the
 * training part): each fold's articles are scored with a model trained on the rest, and the
 * scores are pooled, one row per detector threshold. An estimate on unseen text that never reads
 * the test split. With `fraction` < 1 each fold trains on that share of its training dev articles
 * (the same share of a fixed order, see `trainingShare`), so the rows read as a learning curve.
 */
export async function crossValidate(
  corpus: string,
  k: number,
  options: Settings = TRAINING,
  cv: CvOptions = {},
): Promise<SplitScore[]> {
  const articles = await readCorpus(corpus, ["seed", "dev"]);
  const examples = articles.map(articleExamples);
  const dev = articles.filter((a) => a.split === "dev");
  const share = trainingShare(dev, cv.fraction ?? 1, options.seed);
  const thresholds = cv.thresholds ?? [options.threshold ?? 0];
  const held: CorpusArticle[] = [];
  const scores: EventScore[][] = thresholds.map(() => []);
  for (let fold = 0; fold < k; fold += 1) {
    const out = (a: CorpusArticle): boolean => a.split === "dev" && dev.indexOf(a) % k === fold;
    const trains = (a: CorpusArticle): boolean => a.split === "seed" || (!out(a) && share.has(a));
    const model = train(
      examples.filter((_, i) => trains(articles[i] as CorpusArticle)).flat(),
      options,
    );
    const roles =
      cv.roles === false ? null : trainRoleModel(articles.filter(trains), model, options).roles;
    const dates =
      cv.dates === false ? null : trainDateModel(articles.filter(trains), model, roles, options);
    for (const a of articles.filter(out)) {
      held.push(a);
      if (cv.oracle) dateExamples(a, model, roles, cv.oracle);
      thresholds.forEach((threshold, t) => {
        const withBreakdown = t === 0 && cv.lost !== undefined;
        const scored = scoreArticle(
          a,
          { model: { ...model, threshold }, roles, dates },
          withBreakdown,
        );
        scores[t]?.push(scored.events);
        if (t === 0 && cv.confusion) addConfusion(cv.confusion, a.slug, scored.events.matches);
        if (withBreakdown && cv.lost && scored.breakdown) addBreakdown(cv.lost, scored.breakdown);
      });
    }
  }
  return scores.map((s) => poolScores("dev", held, s));
}

/** Trains the typer, then the role model on the events it keeps, on the seed and dev splits of `corpus`. */
export async function trainOnCorpus(
  corpus: string,
  options: Settings = TRAINING,
): Promise<{
  model: EventModel;
  examples: Example[];
  roles: RoleModel;
  roleExamples: Example[];
  dates: DateModel;
  oracle: DateOracle;
  articles: number;
}> {
  const articles = await readCorpus(corpus, ["seed", "dev"]);
  const examples = examplesOf(articles);
  const model = train(examples, options);
  const { roles, examples: roleExamples } = trainRoleModel(articles, model, options);
  const oracle: DateOracle = { matched: 0, covered: 0, rule: 0 };
  const dates = trainDateModel(articles, model, roles, options, oracle);
  return { model, examples, roles, roleExamples, dates, oracle, articles: articles.length };
}

/** The model as written to disk: one feature per line, so a retrained model diffs readably. */
export function serializeModel(model: EventModel): string {
  return `{\n  "version": 2,\n  "threshold": ${JSON.stringify(model.threshold)},\n${serializeLinear("detector", model.detector)},\n${serializeLinear("typer", model.typer)}\n}\n`;
}

/** One linear model (its labels and weights) as a named member of a model file. */
function serializeLinear(name: string, m: EventModel["detector"]): string {
  const rows = Object.entries(m.weights).map(
    ([f, w]) => `      ${JSON.stringify(f)}: ${JSON.stringify(w)}`,
  );
  return `  ${JSON.stringify(name)}: {\n    "labels": ${JSON.stringify(m.labels)},\n    "weights": {\n${rows.join(",\n")}\n    }\n  }`;
}

/** The role model as written to disk, one feature per line. */
export function serializeRoles(roles: RoleModel): string {
  const head = `"version": 1,\n  "threshold": ${JSON.stringify(roles.threshold)},\n  "floor": ${JSON.stringify(roles.floor)}`;
  return `{\n  ${head},\n${serializeLinear("roles", roles.roles)}\n}\n`;
}

/** The date ranker as written to disk, one feature per line. */
export function serializeDates(dates: DateModel): string {
  const rows = Object.entries(dates.weights).map(
    ([f, w]) => `    ${JSON.stringify(f)}: ${JSON.stringify(w)}`,
  );
  return `{\n  "version": 1,\n  "margin": ${JSON.stringify(dates.margin)},\n  "weights": {\n${rows.join(",\n")}\n  }\n}\n`;
}

/** How often the gold date is among the candidates, and how often the rule's is it, as a line. */
export function formatOracle(o: DateOracle): string {
  const share = (n: number): string => (o.matched === 0 ? "0.000" : (n / o.matched).toFixed(3));
  return (
    `date candidates: gold date among them for ${o.covered} of ${o.matched} matched events ` +
    `(${share(o.covered)}); the rule's date is it for ${o.rule} (${share(o.rule)})`
  );
}

function numberList(value: string): number[] {
  const list = value.split(",").map(Number);
  if (list.length === 0 || list.some((x) => !Number.isFinite(x)))
    throw new InvalidArgumentError("expected comma-separated numbers");
  return list;
}

function share(value: string): number {
  const x = Number(value);
  if (!(x > 0 && x <= 1)) throw new InvalidArgumentError("expected a number in (0, 1]");
  return x;
}

/** The precision of detection a chosen operating point must reach. */
export const MIN_PRECISION = 0.75;

/**
 * The cross-validated scores at each detector threshold, one row each, the row with the best
 * typed+dated F1 among those whose detection precision reaches `MIN_PRECISION` marked `*`.
 */
export function formatCurve(thresholds: readonly number[], rows: readonly SplitScore[]): string {
  const f = (x: number): string => x.toFixed(3);
  let chosen = -1;
  rows.forEach((r, i) => {
    const best = rows[chosen];
    if (r.scores.detection.precision < MIN_PRECISION) return;
    if (!best || r.scores.typedDated.f1 > best.scores.typedDated.f1) chosen = i;
  });
  const lines = rows.map((r, i) => {
    const s = r.scores;
    return [
      `${i === chosen ? "*" : " "}${String(thresholds[i]).padStart(9)}`,
      `  ${f(s.detection.precision)} / ${f(s.detection.recall)} / ${f(s.detection.f1)}`,
      f(s.typed.f1).padStart(9),
      f(s.typedDated.f1).padStart(15),
      f(s.actors.f1).padStart(10),
    ].join(" ");
  });
  const note =
    chosen < 0
      ? `no threshold reaches detection precision ${MIN_PRECISION}`
      : `* best typed+dated F1 at detection precision >= ${MIN_PRECISION}`;
  return [
    " threshold  detect P / R / F1      typed F1  typed+dated F1  actors F1",
    ...lines,
    note,
  ].join("\n");
}

export function register(program: Command): void {
  program
    .command("train")
    .description(
      "train the event typer, the actor-role model and the date ranker on the corpus's seed and dev splits and write their weights",
    )
    .option("--corpus <dir>", "annotated corpus folder", join(dataPath(".."), "corpus"))
    .option("--out <file>", "where to write the weights", dataPath("events/model.json"))
    .option(
      "--roles-out <file>",
      "where to write the actor-role model's weights",
      dataPath("events/roles.json"),
    )
    .option(
      "--role-prior <w>",
      "weight of the actor rules' role in the role model's starting weights",
      finiteNumber,
      TRAINING.rolePrior,
    )
    .option(
      "--role-threshold <x>",
      "the role model gives a party source or target when its score comes within this of none's",
      finiteNumber,
      TRAINING.roleThreshold,
    )
    .option(
      "--role-floor <x>",
      "an event with no source takes the party whose source score comes within this of none's",
      finiteNumber,
    )
    .option("--no-roles", "with --cv: keep the actor rules' roles (no role model in the folds)")
    .option(
      "--dates-out <file>",
      "where to write the date ranker's weights",
      dataPath("events/dates.json"),
    )
    .option("--no-dates", "with --cv: keep the dating rule's dates (no date ranker in the folds)")
    .option(
      "--date-margin <x>",
      "the date ranker replaces the rule's date when its best date scores more than this above it",
      finiteNumber,
      TRAINING.dateMargin,
    )
    .option(
      "--date-epochs <n>",
      "the date ranker's perceptron epochs",
      positiveInt,
      TRAINING.dateEpochs,
    )
    .option("--epochs <n>", "perceptron epochs", positiveInt, TRAINING.epochs)
    .option("--seed <n>", "shuffle seed", positiveInt, TRAINING.seed)
    .option(
      "--shuffles <n>",
      "perceptrons averaged, each on its own shuffle (seed, seed + 1, …)",
      positiveInt,
      TRAINING.shuffles,
    )
    .option(
      "--prior-weight <w>",
      "weight of the tables' type in the typer's starting weights",
      finiteNumber,
      TRAINING.priorWeight,
    )
    .option(
      "--threshold <x>",
      "the detector keeps a candidate whose event score beats none by more than this",
      finiteNumber,
      TRAINING.threshold,
    )
    .option(
      "--cv <k>",
      "only report k-fold cross-validation over the training articles (k ≥ 2)",
      foldCount,
    )
    .option("--breakdown", "with --cv: where the held-out dev articles lose events")
    .option(
      "--confusion",
      "with --cv: the held-out type confusion matrix of matched events and the top confused pairs with examples",
    )
    .option(
      "--thresholds <list>",
      "with --cv: score the held-out articles at each of these detector thresholds (comma-separated)",
      numberList,
    )
    .option(
      "--fraction <x>",
      "with --cv: train each fold on this share (0–1] of its dev articles (a learning curve)",
      share,
    )
    .action(
      async (opts: {
        corpus: string;
        out: string;
        rolesOut: string;
        rolePrior: number;
        roleThreshold: number;
        roleFloor?: number;
        roles: boolean;
        datesOut: string;
        dates: boolean;
        dateMargin: number;
        dateEpochs: number;
        epochs: number;
        seed: number;
        shuffles: number;
        priorWeight: number;
        threshold: number;
        cv?: number;
        breakdown?: boolean;
        confusion?: boolean;
        thresholds?: number[];
        fraction?: number;
      }) => {
        // Note: an option that only means something with --cv is refused without it, rather than
        // letting a plain retrain overwrite the shipped models.
        const cvOnly = [
          ["--breakdown", opts.breakdown === true],
          ["--confusion", opts.confusion === true],
          ["--thresholds", opts.thresholds !== undefined],
          ["--fraction", opts.fraction !== undefined],
          ["--no-roles", opts.roles === false],
          ["--no-dates", opts.dates === false],
        ].filter(([, given]) => given);
        if (opts.cv === undefined && cvOnly.length > 0) {
          throw new AnnalsError(
            `${cvOnly.map(([name]) => name).join(", ")} only work${cvOnly.length === 1 ? "s" : ""} with --cv K (nothing was trained)`,
          );
        }
        const began = performance.now();
        const settings: Settings = { ...opts, roleFloor: opts.roleFloor ?? TRAINING.roleFloor };
        if (opts.cv !== undefined) {
          const lost = opts.breakdown ? emptyBreakdown() : undefined;
          const oracle: DateOracle = { matched: 0, covered: 0, rule: 0 };
          const confusion = opts.confusion ? emptyConfusion() : undefined;
          const thresholds = opts.thresholds ?? [opts.threshold];
          const rows = await crossValidate(opts.corpus, opts.cv, settings, {
            thresholds,
            fraction: opts.fraction ?? 1,
            lost,
            roles: opts.roles,
            dates: opts.dates,
            oracle,
            confusion,
          });
          const share =
            opts.fraction === undefined ? "" : `, ${opts.fraction} of their dev articles`;
          process.stdout.write(
            `${opts.cv}-fold cross-validation over the dev articles (the seed always trains${share})\n` +
              (opts.thresholds
                ? formatCurve(thresholds, rows)
                : formatSplitScores(rows, { timex: false })) +
              `\nheld-out ${formatOracle(oracle)}\n`,
          );
          if (lost)
            process.stdout.write(
              `\nwhere the held-out articles lose events\n${formatBreakdown(lost)}\n`,
            );
          if (confusion) process.stdout.write(`\n${formatConfusion(confusion)}\n`);
          return;
        }
        const { model, examples, roles, roleExamples, dates, oracle, articles } =
          await trainOnCorpus(opts.corpus, settings);
        await writeFile(opts.out, serializeModel(model));
        await writeFile(opts.rolesOut, serializeRoles(roles));
        await writeFile(opts.datesOut, serializeDates(dates));
        const positives = examples.filter((e) => e.label !== "none").length;
        const features =
          Object.keys(model.detector.weights).length + Object.keys(model.typer.weights).length;
        const seconds = ((performance.now() - began) / 1000).toFixed(1);
        process.stdout.write(
          `trained on ${articles} articles, ${examples.length} candidates (${positives} events), ` +
            `${features} weighted features, ${seconds} s → ${opts.out}\n` +
            `role model: ${roleExamples.length} candidates, ` +
            `${Object.keys(roles.roles.weights).length} weighted features → ${opts.rolesOut}\n` +
            `date ranker: ${Object.keys(dates.weights).length} weighted features → ${opts.datesOut}; ` +
            `${formatOracle(oracle)}\n`,
        );
      },
    );
}
