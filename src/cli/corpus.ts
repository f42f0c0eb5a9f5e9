/**
 * Reads an annotated corpus folder (`corpus/`): `splits.json` names the articles of each split
 * (seed, dev, test); each article folder holds `meta.json`, the article (`<slug>.md`, or the path
 * in `meta.article`), `timex.json`, `events.json` and `entities.json`.
 */
import { join, resolve } from "node:path";
import type { GoldEntity, GoldEvent, GoldTimex } from "../eval/index.js";
import { loadSource, readJson } from "./load.js";

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

function json<T>(path: string): Promise<T> {
  return readJson<T>(path, "corpus file");
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
