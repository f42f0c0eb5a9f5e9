/**
 * Migration 12: the sentences' full-text index without content or positions. A store written
 * in the version-11 layout (each sentence's analysis text in its row, an external-content
 * index with positions, document texts packed without the analysis text) upgrades, answers
 * every search as before, and keeps its index in step through removals and new documents.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchHit } from "../model/index.js";
import { openStore } from "./index.js";
import { packTexts, unpackTexts } from "./packed.js";
import { EVENTS_A, EVENTS_B, fixture, JPN, KOREA, RAW_A, RAW_B, USA } from "./test-fixture.js";

const QUERIES = ["框架協議", "朝鲜", "美國 發射", "日本 会谈", "發射火箭", "不存在的词"];

/** Rewrites the store at `path` into the layout of schema version 11. */
function toVersion11(path: string): void {
  const db = new Database(path);
  const docs = db
    .prepare<[], { rowid: number; texts_z: Buffer }>("SELECT rowid, texts_z FROM documents")
    .all();
  const sentence = db.prepare<[string, number]>(
    "UPDATE sentences SET analysis = ? WHERE rowid = ?",
  );
  for (const d of docs) {
    const { analysis, ...texts } = unpackTexts(d.texts_z);
    if (analysis === undefined) throw new Error("no analysis text");
    const rows = db
      .prepare<[number], { rowid: number; text_start: number; text_end: number }>(
        "SELECT rowid, text_start, text_end FROM sentences WHERE doc = ?",
      )
      .all(d.rowid);
    for (const r of rows) sentence.run(analysis.slice(r.text_start, r.text_end), r.rowid);
    db.prepare("UPDATE documents SET texts_z = ? WHERE rowid = ?").run(packTexts(texts), d.rowid);
  }
  db.exec(`
    DROP TRIGGER sentences_ai;
    DROP TRIGGER sentences_ad;
    DROP TABLE sentences_fts;
    CREATE VIRTUAL TABLE sentences_fts USING fts5(
      analysis, content='sentences', content_rowid='rowid', tokenize='trigram', columnsize=0
    );
    INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');
    CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
      INSERT INTO sentences_fts(rowid, analysis) VALUES (new.rowid, new.analysis);
    END;
    CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
      INSERT INTO sentences_fts(sentences_fts, rowid, analysis) VALUES ('delete', old.rowid, old.analysis);
    END;
  `);
  db.pragma("user_version = 11");
  db.close();
}

describe("migration 12: the sentences' index without content or positions", () => {
  let dir: string;
  let path: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "annals-m12-"));
    path = join(dir, "m12.db");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("stores no analysis text in new sentence rows, and an old store upgrades", () => {
    let store = openStore(path);
    store.put(fixture("a.md", RAW_A, [KOREA, USA, JPN], EVENTS_A));
    store.put(fixture("b.md", RAW_B, [KOREA, USA, JPN], EVENTS_B));
    const before = QUERIES.map((q) => store.search(q));
    expect(before.filter((hits) => hits.length > 0).length).toBe(QUERIES.length - 1);
    store.close();
    const check = new Database(path, { readonly: true });
    expect(check.prepare("SELECT count(*) FROM sentences WHERE analysis <> ''").pluck().get()).toBe(
      0,
    );
    check.close();

    toVersion11(path);
    store = openStore(path);
    expect(QUERIES.map((q) => store.search(q))).toEqual(before);
    expect(store.integrityCheck()).toBe("ok");
    const schema = new Database(path, { readonly: true });
    expect(
      schema.prepare("SELECT sql FROM sqlite_schema WHERE name = 'sentences_fts'").pluck().get(),
    ).toMatch(/content='', contentless_delete=1, tokenize='trigram', detail=none/);
    schema.close();

    // Removing an upgraded document takes its sentences out of the index; a new one goes in.
    expect(store.remove("a.md")).toBe(true);
    expect(store.search("框架協議")).toEqual([]);
    const b = before[1]?.filter((h) => h.text.includes("1995")) ?? [];
    expect(b.length).toBe(1);
    expect(store.search("朝鲜")).toEqual(b);
    store.put(fixture("a.md", RAW_A, [KOREA, USA, JPN], EVENTS_A));
    // (a.md now comes after b.md in rowid order, the order of search hits)
    const sorted = (hits: SearchHit[]) =>
      [...hits].sort((x, y) => x.doc.localeCompare(y.doc) || x.start - y.start);
    expect(QUERIES.map((q) => sorted(store.search(q)))).toEqual(before.map(sorted));
    expect(store.integrityCheck()).toBe("ok");
    store.close();
  });
});
