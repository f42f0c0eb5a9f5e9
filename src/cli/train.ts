/**
 * `annals train`: trains the event typer on the seed and dev splits of the annotated corpus and
 * writes its weights (`data/events/model.json` by default). Deterministic: the same corpus and
 * settings always write the same file.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Command } from "commander";
import { extract } from "../extract.js";
import {
  train,
  type EventModel,
  type Example,
  type TracedCandidate,
  type TrainSettings,
} from "../events/index.js";
import { labelCandidates } from "../eval/index.js";
import { dataPath } from "../model/data.js";
import { readCorpus, type CorpusArticle } from "./corpus.js";
import { positiveInt } from "./load.js";
import {
  addBreakdown,
  emptyBreakdown,
  formatBreakdown,
  type Breakdown,
  type EventScore,
} from "../eval/index.js";
import { formatSplitScores, poolScores, scoreArticle, type SplitScore } from "./corpus-eval.js";

/** Default training settings (changing them changes the shipped weights). */
export const TRAINING = {
  epochs: 12,
  seed: 20261206,
  shuffles: 5,
  priorWeight: 5,
  threshold: -2,
} as const;

/** The labelled candidates of one corpus article, read by the rules alone (no model). */
function articleExamples(a: CorpusArticle): Example[] {
  const traced: TracedCandidate[] = [];
  extract(
    { raw: a.raw, name: a.path },
    { until: "events", events: { model: null, trace: (c) => traced.push(c) } },
  );
  return labelCandidates(traced, a.events);
}

/** The labelled candidates of corpus articles, read by the rules alone (no model). */
export function examplesOf(articles: readonly CorpusArticle[]): Example[] {
  return articles.flatMap(articleExamples);
}

/**
 * K-fold cross-validation over the dev articles (fold = index mod k; the seed is always in the
 * training part): each fold's articles are scored with a model trained on the rest, and the
 * scores are pooled. An estimate on unseen text that never reads the test split.
 */
export async function crossValidate(
  corpus: string,
  k: number,
  options: TrainSettings = TRAINING,
  lost?: Breakdown,
): Promise<SplitScore> {
  const articles = await readCorpus(corpus, ["seed", "dev"]);
  const examples = articles.map(articleExamples);
  const dev = articles.filter((a) => a.split === "dev");
  const held: CorpusArticle[] = [];
  const scores: EventScore[] = [];
  for (let fold = 0; fold < k; fold += 1) {
    const out = (a: CorpusArticle): boolean => a.split === "dev" && dev.indexOf(a) % k === fold;
    const model = train(
      examples.filter((_, i) => !out(articles[i] as CorpusArticle)).flat(),
      options,
    );
    for (const a of articles.filter(out)) {
      held.push(a);
      const scored = scoreArticle(a, { model }, lost !== undefined);
      scores.push(scored.events);
      if (lost && scored.breakdown) addBreakdown(lost, scored.breakdown);
    }
  }
  return poolScores("dev", held, scores);
}

/** Trains the typer on the seed and dev splits of `corpus`. */
export async function trainOnCorpus(
  corpus: string,
  options: TrainSettings = TRAINING,
): Promise<{ model: EventModel; examples: Example[]; articles: number }> {
  const articles = await readCorpus(corpus, ["seed", "dev"]);
  const examples = examplesOf(articles);
  return { model: train(examples, options), examples, articles: articles.length };
}

/** The model as written to disk: one feature per line, so a retrained model diffs readably. */
export function serializeModel(model: EventModel): string {
  const part = (name: string, m: EventModel["detector"]): string => {
    const rows = Object.entries(m.weights).map(
      ([f, w]) => `      ${JSON.stringify(f)}: ${JSON.stringify(w)}`,
    );
    return `  ${JSON.stringify(name)}: {\n    "labels": ${JSON.stringify(m.labels)},\n    "weights": {\n${rows.join(",\n")}\n    }\n  }`;
  };
  return `{\n  "version": 2,\n  "threshold": ${JSON.stringify(model.threshold)},\n${part("detector", model.detector)},\n${part("typer", model.typer)}\n}\n`;
}

export function register(program: Command): void {
  program
    .command("train")
    .description("train the event typer on the corpus's seed and dev splits and write its weights")
    .option("--corpus <dir>", "annotated corpus folder", join(dataPath(".."), "corpus"))
    .option("--out <file>", "where to write the weights", dataPath("events/model.json"))
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
      Number,
      TRAINING.priorWeight,
    )
    .option(
      "--threshold <x>",
      "the detector keeps a candidate whose event score beats none by more than this",
      Number,
      TRAINING.threshold,
    )
    .option(
      "--cv <k>",
      "only report k-fold cross-validation over the training articles",
      positiveInt,
    )
    .option("--breakdown", "with --cv: where the held-out dev articles lose events")
    .action(
      async (opts: {
        corpus: string;
        out: string;
        epochs: number;
        seed: number;
        shuffles: number;
        priorWeight: number;
        threshold: number;
        cv?: number;
        breakdown?: boolean;
      }) => {
        const began = performance.now();
        if (opts.cv !== undefined) {
          const lost = opts.breakdown ? emptyBreakdown() : undefined;
          const row = await crossValidate(opts.corpus, opts.cv, opts, lost);
          process.stdout.write(
            `${opts.cv}-fold cross-validation over the dev articles (the seed always trains)\n${formatSplitScores([row])}\n`,
          );
          if (lost)
            process.stdout.write(
              `\nwhere the held-out articles lose events\n${formatBreakdown(lost)}\n`,
            );
          return;
        }
        const { model, examples, articles } = await trainOnCorpus(opts.corpus, opts);
        await writeFile(opts.out, serializeModel(model));
        const positives = examples.filter((e) => e.label !== "none").length;
        const features =
          Object.keys(model.detector.weights).length + Object.keys(model.typer.weights).length;
        const seconds = ((performance.now() - began) / 1000).toFixed(1);
        process.stdout.write(
          `trained on ${articles} articles, ${examples.length} candidates (${positives} events), ` +
            `${features} weighted features, ${seconds} s → ${opts.out}\n`,
        );
      },
    );
}
