/** Paths of the in-repo test corpus (`test/corpus/`, see its README): articles and the seed with gold. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The corpus folder, laid out like the shared data folder (`articles/`, `seed/`). */
export const CORPUS = fileURLToPath(new URL("./corpus/", import.meta.url));

/** The seed article's folder: `us-dprk.md` and its gold (`timex.json`, `events.json`, `entities.json`). */
export const SEED_DIR = join(CORPUS, "seed");

/** The seed article (美國-北韓關係). */
export const SEED_ARTICLE = join(SEED_DIR, "us-dprk.md");

/** The folder of the other nine articles. */
export const ARTICLES_DIR = join(CORPUS, "articles");

/** Every article of `articles/`, as absolute paths in name order. */
export function articleFiles(): string[] {
  return readdirSync(ARTICLES_DIR)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => join(ARTICLES_DIR, f));
}
