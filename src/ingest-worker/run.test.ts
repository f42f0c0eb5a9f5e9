import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, type PreparedDocument, type Store } from "../store/index.js";
import { BATCH_ARTICLES, ingestPaths } from "./run.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "annals-run-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A store that records the batches written and cannot store the article named `bad.md`; with
 * `prepared: false` it takes extractions only (as the PostgreSQL store does).
 */
function recording(store: Store, prepared = true): { store: Store; batches: string[][] } {
  const batches: string[][] = [];
  const isBad = (source: string): boolean => source.endsWith("bad.md");
  const wrapped = Object.create(store) as Store;
  const record = (sources: string[]): void => {
    batches.push(sources);
    if (sources.some(isBad)) throw new Error("disk full\nsecond line");
  };
  if (prepared) {
    wrapped.putPrepared = (items: readonly PreparedDocument[], options) => {
      record(items.map((x) => x.source));
      return inner(store).putPrepared(items, options);
    };
  } else {
    // Note: hides the inherited method (exactOptionalPropertyTypes forbids assigning undefined).
    Object.defineProperty(wrapped, "putPrepared", { value: undefined });
    wrapped.putMany = (items, options) => {
      record(items.map((x) => x.document.source));
      return store.putMany(items, options);
    };
  }
  return { store: wrapped, batches };
}

/** The store's `putPrepared`, which an SQLite store has. */
function inner(store: Store): Required<Pick<Store, "putPrepared">> {
  const put = store.putPrepared?.bind(store);
  if (put === undefined) throw new Error("an SQLite store takes prepared rows");
  return { putPrepared: put };
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
    ["prepared rows (SQLite)", true],
    ["extractions (a store without putPrepared)", false],
  ])(
    "writes %s in batches; an article that cannot be stored fails alone",
    async (_, rows) => {
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
      expect(errors).toEqual([`${join(dir, "bad.md")}: cannot store: disk full`]);
      // One batch of five, then the five one by one to find the bad one.
      expect(batches.map((b) => b.length)).toEqual([5, 1, 1, 1, 1, 1]);
      expect(inner.documents().map((d) => d.source)).not.toContain(join(dir, "bad.md"));
      expect(inner.counts().documents).toBe(4);
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
});
