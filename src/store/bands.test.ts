/**
 * Timeline bands: mention rowids grouped by their event's decade, so a text filter alone reads
 * the full-text hits band by band (events-query.ts `banded`) and gets the same page as sorting
 * every hit.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extract } from "../extract.js";
import type { EventQuery } from "../model/index.js";
import { BAND_SPAN, timelineBand, timelineBandSql, UNDATED_BAND } from "./derived-keys.js";
import { openStore, type Store } from "./index.js";
import { MENTION_TRIGGERS } from "./migrations.js";
import { EVENT_TEXTS_UNDO } from "./event-texts.js";

// Events from the 1860s to the 2010s.
const FILES = [
  "samples/us-dprk.md",
  "test/corpus/articles/09_tangshan-earthquake.md",
  "test/corpus/articles/13_dotnet-core.md",
];

describe("timeline bands", () => {
  it.each<[string, number]>([
    ["1994-05-12", 199],
    ["1994", 199],
    ["199", 199],
    ["19", 190],
    ["2", 200],
    ["0800", 80],
    ["1866-W05", 186],
    ["2018-06-12T09:00", 201],
    ["~", UNDATED_BAND],
  ])("band of %j is %i, in TypeScript and in SQL", (key, band) => {
    expect(timelineBand(key)).toBe(band);
    const db = new Database(":memory:");
    const sql = db.prepare(`SELECT ${timelineBandSql("?")} AS band`);
    expect((sql.get(key, key, key, key, key, key) as { band: number }).band).toBe(band);
    db.close();
  });

  it("never decrease along the timeline order (byte order of sort keys)", () => {
    const keys = ["0800", "1", "18", "1866-05", "19", "190", "1900", "1949-10-01", "199", "2", "~"];
    const sorted = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    const bands = sorted.map(timelineBand);
    expect(bands).toEqual([...bands].sort((a, b) => a - b));
  });
});

describe("a text filter read band by band", () => {
  const dir = mkdtempSync(join(tmpdir(), "annals-bands-"));
  const path = join(dir, "bands.db");
  let store: Store;
  beforeAll(() => {
    store = openStore(path);
    for (const file of FILES) store.put(extract({ raw: readFileSync(file, "utf8"), name: file }));
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every mention's rowid lies in its event's band; how many bands are in use. */
  const bandsInUse = (): number => {
    const db = new Database(path, { readonly: true });
    const rows = db
      .prepare<[], { rowid: number; key: string }>(
        `SELECT m.rowid, e.sort_key AS key FROM event_mentions m JOIN events e ON e.rowid = m.event`,
      )
      .all();
    db.close();
    for (const r of rows) expect(Math.floor(r.rowid / BAND_SPAN)).toBe(timelineBand(r.key));
    return new Set(rows.map((r) => timelineBand(r.key))).size;
  };

  const pages: EventQuery[] = [
    { query: "朝鲜", limit: 5 },
    { query: "朝鲜", limit: 5, offset: 5 },
    { query: "美国", limit: 1 },
    { query: "美國", limit: 30, offset: 12 },
    { query: "六方会谈", limit: 3 },
    { query: "核试验", limit: 2, offset: 1 },
    { query: "美国 朝鲜", limit: 7, offset: 3 },
    { query: "没有这个词", limit: 5 },
  ];

  it("keeps every mention in its event's band", () => {
    expect(bandsInUse()).toBeGreaterThan(5);
  });

  it.each(pages)("events(%j) is the page of all the matches in timeline order", (query) => {
    const { limit = 0, offset = 0, ...all } = query;
    const expected = store.events(all).slice(offset, offset + limit);
    expect(store.events(query)).toEqual(expected);
  });

  it.each(["朝鲜", "美國", "六方会谈", "核试验 美国", "没有这个词"])(
    "search(%j): the first hits by rowid are the first in document order",
    (q) => {
      const all = store.search(q, { limit: 100_000 });
      for (const n of [1, 3, 20]) expect(store.search(q, { limit: n })).toEqual(all.slice(0, n));
    },
  );

  it("keeps sentence rowids in document order through replacements and removals", () => {
    const [first, second] = FILES as [string, string];
    const raw = readFileSync(first, "utf8");
    store.put(extract({ raw: `${raw}\n\n2019年，美国与朝鲜再次会谈。\n`, name: first }));
    store.remove(second);
    store.put(extract({ raw: readFileSync(second, "utf8"), name: second }));
    const db = new Database(path, { readonly: true });
    const rows = db
      .prepare<[], { doc: number; idx: number }>("SELECT doc, idx FROM sentences ORDER BY rowid")
      .all();
    db.close();
    const sorted = [...rows].sort((a, b) => a.doc - b.doc || a.idx - b.idx);
    expect(rows).toEqual(sorted);
    expect(bandsInUse()).toBeGreaterThan(5);
    for (const query of pages) {
      const { limit = 0, offset = 0, ...all } = query;
      expect(store.events(query)).toEqual(store.events(all).slice(offset, offset + limit));
    }
  });

  it("migration 10 renumbers the mentions of a version-9 store into bands", () => {
    const before = pages.map((q) => store.events(q));
    store.close();
    // Back to the layout of version 9: mention rowids in insertion order, index rebuilt.
    const db = new Database(path);
    db.exec(`
      DROP TRIGGER event_mentions_ai;
      DROP TRIGGER event_mentions_ad;
      CREATE TABLE renumbered AS SELECT row_number() OVER (ORDER BY event, idx) AS rowid_new, *
        FROM event_mentions;
      DELETE FROM event_mentions;
      INSERT INTO event_mentions (rowid, event, idx, start, "end", text, analysis)
        SELECT rowid_new, event, idx, start, "end", text, analysis FROM renumbered;
      DROP TABLE renumbered;
      INSERT INTO event_mentions_fts(event_mentions_fts) VALUES ('rebuild');
      ${MENTION_TRIGGERS}
    `);
    expect(
      (db.prepare("SELECT max(rowid) AS n FROM event_mentions").get() as { n: number }).n,
    ).toBeLessThan(BAND_SPAN);
    // The texts as versions before 14 stored them (see event-texts.ts).
    db.exec(EVENT_TEXTS_UNDO);
    db.pragma("user_version = 9");
    db.close();
    store = openStore(path);
    expect(bandsInUse()).toBeGreaterThan(5);
    expect(pages.map((q) => store.events(q))).toEqual(before);
    expect(store.integrityCheck()).toBe("ok");
  });
});
