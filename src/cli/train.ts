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
import { train, type EventModel, type Example, type TracedCandidate } from "../events/index.js";
import { labelCandidates } from "../eval/index.js";
import { dataPath } from "../model/data.js";
import { readCorpus, type CorpusArticle } from "./corpus.js";
import { positiveInt } from "./load.js";

/** Default training settings (changing them changes the shipped weights). */
export const TRAINING = { epochs: 12, seed: 20261206 } as const;

/** The labelled candidates of corpus articles, read by the rules alone (no model). */
export function examplesOf(articles: readonly CorpusArticle[]): Example[] {
  const out: Example[] = [];
  for (const a of articles) {
    const traced: TracedCandidate[] = [];
    extract(
      { raw: a.raw, name: a.path },
      { until: "events", events: { model: null, trace: (c) => traced.push(c) } },
    );
    out.push(...labelCandidates(traced, a.events));
  }
  return out;
}

/** Trains the typer on the seed and dev splits of `corpus`. */
export async function trainOnCorpus(
  corpus: string,
  options: { epochs: number; seed: number } = TRAINING,
): Promise<{ model: EventModel; examples: Example[]; articles: number }> {
  const articles = await readCorpus(corpus, ["seed", "dev"]);
  const examples = examplesOf(articles);
  return { model: train(examples, options), examples, articles: articles.length };
}

/** The model as written to disk: one feature per line, so a retrained model diffs readably. */
export function serializeModel(model: EventModel): string {
  const rows = Object.entries(model.weights).map(
    ([f, w]) => `    ${JSON.stringify(f)}: ${JSON.stringify(w)}`,
  );
  return `{\n  "version": 1,\n  "labels": ${JSON.stringify(model.labels)},\n  "weights": {\n${rows.join(",\n")}\n  }\n}\n`;
}

export function register(program: Command): void {
  program
    .command("train")
    .description("train the event typer on the corpus's seed and dev splits and write its weights")
    .option("--corpus <dir>", "annotated corpus folder", join(dataPath(".."), "corpus"))
    .option("--out <file>", "where to write the weights", dataPath("events/model.json"))
    .option("--epochs <n>", "perceptron epochs", positiveInt, TRAINING.epochs)
    .option("--seed <n>", "shuffle seed", positiveInt, TRAINING.seed)
    .action(async (opts: { corpus: string; out: string; epochs: number; seed: number }) => {
      const began = performance.now();
      const { model, examples, articles } = await trainOnCorpus(opts.corpus, opts);
      await writeFile(opts.out, serializeModel(model));
      const positives = examples.filter((e) => e.label !== "none").length;
      const seconds = ((performance.now() - began) / 1000).toFixed(1);
      process.stdout.write(
        `trained on ${articles} articles, ${examples.length} candidates (${positives} events), ` +
          `${Object.keys(model.weights).length} features, ${seconds} s → ${opts.out}\n`,
      );
    });
}
