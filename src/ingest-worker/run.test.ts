import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, type Store, type WriteBatch } from "../store/index.js";
import { BATCH_ARTICLES, ingestPaths } from "./run.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "annals-run-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A store that records the batches written (the sources of each transaction, or of each
 * `putMany`) and cannot store the article named `bad.md`; with `prepared: false` it has no
 * `begin` and takes extractions only (as the PostgreSQL store does).
 */
function recording(store: Store, prepared = true): { store: Store; batches: string[][] } {
  const batches: string[][] = [];
  const isBad = (source: string): boolean => source.endsWith("bad.md");
  const wrapped = Object.create(store) as Store;
  if (prepared) {
    wrapped.begin = (): WriteBatch => {
      const batch = opened(store);
      const sources: string[] = [];
      batches.push(sources);
      return {
        put: (item, options) => {
          sources.push(item.source);
          if (!isBad(item.source)) return batch.put(item, options);
          // The document's row is written, then a sentence cannot be: its savepoint must undo
          // the whole article.
          const broken = item.sentences.map((row) => row.map((x, i) => (i === 3 ? {} : x)));
          return batch.put({ ...item, sentences: broken as typeof item.sentences }, options);
        },
        commit: () => batch.commit(),
        rollback: () => batch.rollback(),
      };
    };
  } else {
    // Note: hides the inherited method (exactOptionalPropertyTypes forbids assigning undefined).
    Object.defineProperty(wrapped, "begin", { value: undefined });
    wrapped.putMany = (items, options) => {
      const sources = items.map((x) => x.document.source);
      batches.push(sources);
      if (sources.some(isBad)) throw new Error("disk full\nsecond line");
      return store.putMany(items, options);
    };
  }
  return { store: wrapped, batches };
}

/** A write batch of the store, which an SQLite store opens. */
function opened(store: Store): WriteBatch {
  const batch = store.begin?.();
  if (batch === undefined) throw new Error("an SQLite store opens write batches");
  return batch;
}

const TEXTS = [
  "1950年6月25日，朝鮮人民軍越過三八線。",
  "1953年7月27日，雙方簽署停戰協定。",
  "1994年10月21日，美國與朝鮮簽署框架協議。",
  "2000年10月，美國國務卿訪問平壤。",
  "2018年6月12日，兩國領導人在新加坡會晤。",
];

describe("ingestPaths: write batches", () => {
  it.each([
    // One transaction of five articles: the bad one is undone alone.
    ["prepared rows (SQLite)", true, [5], "Too few parameter values"],
    // One batch of five, then the five one by one to find the bad one.
    ["extractions (a store without begin)", false, [5, 1, 1, 1, 1, 1], "disk full"],
  ])(
    "writes %s in batches; an article that cannot be stored fails alone",
    async (_, rows, sizes, message) => {
      TEXTS.forEach((text, i) => writeFileSync(join(dir, i === 2 ? "bad.md" : `a${i}.md`), text));
      const inner = openStore(join(dir, "x.db"));
      const { store, batches } = recording(inner, rows);
      const errors: string[] = [];
      // A clock that stands still: only the batch size or the end writes a batch.
      const r = await ingestPaths(store, [dir], {
        jobs: 0,
        now: () => 0,
        onError: (l) => errors.push(l),
      });
      expect(r).toMatchObject({ total: 5, done: 5, ingested: 4, failed: 1, interrupted: false });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(`${join(dir, "bad.md")}: cannot store: ${message}`);
      expect(batches.map((b) => b.length)).toEqual(sizes);
      expect(inner.documents().map((d) => d.source)).not.toContain(join(dir, "bad.md"));
      const counts = inner.counts();
      expect(counts.documents).toBe(4);
      // Nothing of the bad article is left: its document row was undone with it.
      expect(counts.sentences).toBe(4);
      expect(inner.integrityCheck()).toBe("ok");
      inner.close();
    },
    120_000,
  );

  it(`writes a batch as soon as it holds ${BATCH_ARTICLES} articles`, async () => {
    for (let i = 0; i < BATCH_ARTICLES + 3; i += 1) {
      writeFileSync(
        join(dir, `g${String(i).padStart(2, "0")}.md`),
        `${1900 + i}年，第${i}次會談。`,
      );
    }
    const inner = openStore(join(dir, "x.db"));
    const { store, batches } = recording(inner);
    const r = await ingestPaths(store, [dir], { jobs: 0, now: () => 0 });
    expect(r).toMatchObject({ ingested: BATCH_ARTICLES + 3, failed: 0 });
    expect(batches.map((b) => b.length)).toEqual([BATCH_ARTICLES, 3]);
    const again = await ingestPaths(store, [dir], { jobs: 0, now: () => 0 });
    expect(again).toMatchObject({ ingested: 0, unchanged: BATCH_ARTICLES + 3 });
    inner.close();
  }, 120_000);

  it("warns, with its place, about an article's unclosed converter markup, and stores it", async () => {
    writeFileSync(join(dir, "a.md"), "**甲**\n\n朝鮮 -{A 1950年，会谈。-{B");
    writeFileSync(join(dir, "b.md"), "-{朝鮮}- 1951年，会谈。");
    const store = openStore(join(dir, "x.db"));
    const warnings: string[] = [];
    const r = await ingestPaths(store, [dir], {
      jobs: 0,
      now: () => 0,
      onWarning: (line) => warnings.push(line),
    });
    expect(r).toMatchObject({ ingested: 2, failed: 0 });
    expect(warnings).toEqual([
      `${join(dir, "a.md")}:3:4: unclosed converter markup "-{" (and 1 more); kept as literal text, as MediaWiki shows it`,
    ]);
    store.close();
  }, 120_000);
});
