/**
 * Reads an annotated corpus folder (`corpus/`): `splits.json` names the articles of each split
 * (seed, dev, test); each article folder holds `meta.json`, the article (`<slug>.md`, or the path
 * in `meta.article`), `timex.json`, `events.json` and `entities.json`.
 */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { AnnalsError } from "../model/index.js";
import type { GoldEntity, GoldEvent, GoldTimex } from "../eval/index.js";
import { loadSource } from "./load.js";

/** The splits of the corpus, in the order they are reported. */
export const SPLITS = ["seed", "dev", "test"] as const;
/** A split name. */
export type Split = (typeof SPLITS)[number];

/** One annotated article of the corpus. */
export interface CorpusArticle {
  slug: string;
  split: Split;
  /** Path of the article file. */
  path: string;
  raw: string;
  meta: { title?: string; kind?: string; script?: string; article?: string };
  timex: GoldTimex[];
  events: GoldEvent[];
  entities: GoldEntity[];
}

async function json<T>(path: string): Promise<T> {
  const text = await readFile(path, "utf8").catch(() => {
    throw new AnnalsError("cannot read corpus file", { file: path });
  });
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new AnnalsError(`invalid JSON (${(error as Error).message})`, { file: path });
  }
}

/** The articles of `dir` in the given splits (all by default), in the order of `splits.json`. */
export async function readCorpus(
  dir: string,
  splits: readonly Split[] = SPLITS,
): Promise<CorpusArticle[]> {
  const table = await json<Partial<Record<Split, string[]>>>(join(dir, "splits.json"));
  const out: CorpusArticle[] = [];
  for (const split of splits)
    for (const slug of table[split] ?? []) {
      const folder = join(dir, slug);
      const meta = await json<CorpusArticle["meta"]>(join(folder, "meta.json"));
      const path = resolve(folder, meta.article ?? `${slug}.md`);
      const { raw } = await loadSource(path);
      out.push({
        slug,
        split,
        path,
        raw,
        meta,
        timex: await json<GoldTimex[]>(join(folder, "timex.json")),
        events: await json<GoldEvent[]>(join(folder, "events.json")),
        entities: await json<GoldEntity[]>(join(folder, "entities.json")),
      });
    }
  return out;
}
