import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ExtractPool, PIPELINE_CHARS, PIPELINE_HEAP_MB, WORKER_HEAP_MB } from "./pool.js";

const dir = join(import.meta.dirname, "../../test/corpus/articles");

/**
 * An article of at most `chars` UTF-16 units (and more than 90% of them) made of the bundled test
 * articles' paragraphs, repeated in order with a title of its own: real prose, tables, lists and
 * links, so every stage (and the shipped event model) does its ordinary work on it.
 */
function largeArticle(chars: number): string {
  const paragraphs = readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .flatMap((name) => readFileSync(join(dir, name), "utf8").split(/\n{2,}/u))
    .filter((p) => p.trim() !== "" && !p.startsWith("# "));
  let text = "# 长文\n\n";
  for (let i = 0; ; i += 1) {
    const next = `${paragraphs[i % paragraphs.length]}\n\n`;
    if (text.length + next.length > chars) break;
    text += next;
  }
  return text;
}

describe("an ingest worker's heap (PIPELINE_HEAP_MB)", () => {
  // Note: the pool's ordinary worker is the one `annals ingest` runs: an old generation of
  // PIPELINE_HEAP_MB and a young one of PIPELINE_YOUNG_MB (V8's resource limits, the worker
  // equivalent of --max-old-space-size). It loads the shipped model, opencc, jieba and the
  // gazetteer, then extracts and prepares the longest article it admits, twice (the second
  // with the first one's garbage and caches still around). A model or a pipeline that no
  // longer fits kills the worker (ERR_WORKER_OUT_OF_MEMORY) and the reply is a failure.
  it("holds the loaded pipeline and the longest ordinary article", async () => {
    const raw = largeArticle(PIPELINE_CHARS);
    expect(raw.length).toBeLessThanOrEqual(PIPELINE_CHARS);
    expect(raw.length).toBeGreaterThan(0.9 * PIPELINE_CHARS);
    const pool = new ExtractPool(1, 0, WORKER_HEAP_MB);
    try {
      for (const id of [1, 2]) {
        const reply = await pool.prepare({ id, name: "long.md", raw });
        expect(reply.ok ? "ok" : reply.message).toBe("ok");
      }
    } finally {
      await pool.close();
    }
    expect(PIPELINE_HEAP_MB).toBeLessThan(WORKER_HEAP_MB);
  }, 300_000);
});
