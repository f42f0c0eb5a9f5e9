/**
 * Migration 12: the full-text indexes without positions. A store written in the version-11
 * layout (external-content indexes with positions) upgrades, answers every search as before,
 * keeps its index in step through removals and new documents, and its integrity check still
 * sees an index that drifted from its rows.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchHit } from "../model/index.js";
import { openStore } from "./index.js";
import { rebuildTrigramIndex } from "./migrations.js";
import { EVENTS_A, EVENTS_B, fixture, JPN, KOREA, RAW_A, RAW_B, USA } from "./test-fixture.js";
import { EVENT_TEXTS_UNDO } from "./event-texts.js";

const QUERIES = ["框架協議", "朝鲜", "美國 發射", "日本 会谈", "發射火箭", "不存在的词"];

/** Rewrites the store at `path` into the layout of schema version 11. */
function toVersion11(path: string): void {
  const db = new Database(path);
  db.exec(rebuildTrigramIndex("sentences", "full") + rebuildTrigramIndex("event_mentions", "full"));
  // The texts as versions before 14 stored them (see event-texts.ts).
  db.exec(EVENT_TEXTS_UNDO);
  db.pragma("user_version = 11");
  db.close();
}

describe("migration 12: the full-text indexes without positions", () => {
  let dir: string;
  let path: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "annals-m12-"));
    path = join(dir, "m12.db");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("upgrades an old store, which answers as before and still checks its index", () => {
    let store = openStore(path);
    store.put(fixture("a.md", RAW_A, [KOREA, USA, JPN], EVENTS_A));
    store.put(fixture("b.md", RAW_B, [KOREA, USA, JPN], EVENTS_B));
    const before = QUERIES.map((q) => store.search(q));
    expect(before.filter((hits) => hits.length > 0).length).toBe(QUERIES.length - 1);
    store.close();

    toVersion11(path);
    store = openStore(path);
    expect(QUERIES.map((q) => store.search(q))).toEqual(before);
    expect(store.integrityCheck()).toBe("ok");
    const schema = new Database(path, { readonly: true });
    expect(
      schema.prepare("SELECT sql FROM sqlite_schema WHERE name = 'sentences_fts'").pluck().get(),
    ).toMatch(/content='sentences'.*detail=none/s);
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

    // An index entry taken out behind the triggers' back is a failed integrity check.
    const damage = new Database(path);
    const row = damage.prepare("SELECT rowid, analysis FROM sentences LIMIT 1").get() as {
      rowid: number;
      analysis: string;
    };
    damage
      .prepare("INSERT INTO sentences_fts(sentences_fts, rowid, analysis) VALUES ('delete', ?, ?)")
      .run(row.rowid, row.analysis);
    damage.close();
    store = openStore(path);
    expect(store.integrityCheck()).not.toBe("ok");
    store.close();
  });
});
