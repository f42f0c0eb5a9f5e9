/** Paths of the in-repo test corpus (`test/corpus/`, see its README): articles and the seed with gold. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The corpus folder, laid out like the shared data folder (`articles/`, `seed/`). */
export const CORPUS = fileURLToPath(new URL("./corpus/", import.meta.url));

/** The seed's gold (`timex.json`, `events.json`, `entities.json`), in the annotated corpus. */
export const SEED_DIR = fileURLToPath(new URL("../corpus/us-dprk/", import.meta.url));

/** The seed article (美國-北韓關係), a copy of the bundled sample. */
export const SEED_ARTICLE = join(CORPUS, "seed", "us-dprk.md");

/** The folder of the other nine articles. */
export const ARTICLES_DIR = join(CORPUS, "articles");

/** Every article of `articles/`, as absolute paths in name order. */
export function articleFiles(): string[] {
  return readdirSync(ARTICLES_DIR)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => join(ARTICLES_DIR, f));
}
