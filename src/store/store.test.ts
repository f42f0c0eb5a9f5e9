import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import type { EventQuery } from "../model/index.js";
import { AnnalsError } from "../model/index.js";
import {
  hashText,
  openStore,
  prepareDocument,
  SCHEMA_VERSION,
  type Extracted,
  type Store,
} from "./index.js";
import { ACTOR_ORDER_BACKFILL, MIGRATIONS, RANK_GAP } from "./migrations.js";
import {
  changedA,
  EVENTS_A,
  EVENTS_B,
  fixture,
  RAW_A_CHANGED,
  JPN,
  KOREA,
  RAW_A,
  RAW_B,
  USA,
} from "./test-fixture.js";

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "annals-store-"));
  store = openStore(join(dir, "test.db"));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function loadBoth(): { a: Extracted; b: Extracted } {
  const a = fixture("a.md", RAW_A, [KOREA, USA, JPN], EVENTS_A);
  const b = fixture("b.md", RAW_B, [KOREA, USA, JPN], EVENTS_B);
  expect(store.put(a)).toBe("inserted");
  expect(store.put(b)).toBe("inserted");
  return { a, b };
}

/** Documents by source with their ranks, and order columns that do not repeat their rank. */
function rankState(path: string): {
  ranks: Array<{ source: string; rank: number }>;
  stale: number;
} {
  const db = new Database(path, { readonly: true });
  try {
    const ranks = db
      .prepare<[], { source: string; rank: number }>(
        "SELECT source, rank FROM documents ORDER BY source",
      )
      .all();
    const { stale } = db
      .prepare<[], { stale: number }>(
        `SELECT (SELECT count(*) FROM events e JOIN documents d ON d.rowid = e.doc
                   WHERE e.doc_key IS NOT d.rank)
              + (SELECT count(*) FROM event_actors a JOIN events e ON e.rowid = a.event
                   WHERE a.doc_key IS NOT e.doc_key)
              + (SELECT count(*) FROM event_pairs p JOIN events e ON e.rowid = p.event
                   WHERE p.doc_key IS NOT e.doc_key) AS stale`,
      )
      .get() as { stale: number };
    return { ranks, stale };
  } finally {
    db.close();
  }
}

/** Whether the ranks are integers increasing with the sources. */
function increasing(ranks: Array<{ rank: number }>): boolean {
  return ranks.every(
    (x, i) => Number.isSafeInteger(x.rank) && (i === 0 || x.rank > (ranks[i - 1]?.rank ?? 0)),
  );
}

describe("store: document ranks in the order columns (migration 9)", () => {
  it("ranks follow the sources whatever the write order, renumbered when a gap is used up", () => {
    // Forty documents into one gap, the last first: each halves the room before the one after
    // it, so the 33rd finds none and every rank is numbered afresh.
    const between = Array.from({ length: 40 }, (_, i) => `m${String(39 - i).padStart(2, "0")}.md`);
    for (const name of ["a.md", "z.md", ...between]) {
      store.put(fixture(name, RAW_B, [KOREA, USA, JPN], EVENTS_B));
    }
    const { ranks, stale } = rankState(join(dir, "test.db"));
    expect(ranks).toHaveLength(42);
    expect(increasing(ranks)).toBe(true);
    expect(stale).toBe(0);
    expect(ranks.some((x) => x.rank % RANK_GAP !== 0)).toBe(true);
    // The timeline lists same-date events by source.
    const sourceOf = new Map(store.documents().map((d) => [d.id, d.source]));
    const dated = store
      .events({ limit: 500 })
      .filter((e) => e.date.value === "1995")
      .map((e) => sourceOf.get(e.doc) ?? "");
    expect(dated).toEqual([...dated].sort());
    expect(new Set(dated).size).toBe(42);
    // A replaced document takes a rank between its neighbours again.
    store.put(fixture("m05.md", RAW_A, [KOREA, USA, JPN], EVENTS_A));
    const after = rankState(join(dir, "test.db"));
    expect(increasing(after.ranks)).toBe(true);
    expect(after.stale).toBe(0);
  });

  it("migration 9 turns a version-8 store's source keys into ranks", () => {
    store.close();
    const path = join(dir, "v8.db");
    const db = new Database(path);
    db.pragma("foreign_keys = ON");
    for (const sql of MIGRATIONS.slice(0, 8)) db.exec(sql);
    db.pragma("user_version = 8");
    const doc = db.prepare(
      `INSERT INTO documents (id, source, title, hash, length, raw, text_original, text_cn,
         text_tw, text_analysis, raw_starts, raw_ends, n_timexes, n_entities, n_events, n_findings)
       VALUES (?, ?, ?, 'h', 0, '', '', '', '', '', x'', x'', 0, 0, 1, 0)`,
    );
    const event = db.prepare(
      `INSERT INTO events (doc, idx, id, type, date_inferred, summary, rule, position, sort_key,
         doc_key) VALUES (?, 0, 'e1', 'meet', 0, '', 'r', 0, '2001', ?)`,
    );
    const actor = db.prepare(
      `INSERT INTO event_actors (event, role, idx, entity) VALUES (?, 'source', ?, ?)`,
    );
    for (const source of ["c.md", "a.md", "b.md"]) {
      const d = Number(doc.run(`id-${source}`, source, source).lastInsertRowid);
      const e = Number(event.run(d, source).lastInsertRowid);
      actor.run(e, 0, "USA");
      actor.run(e, 1, "PRK");
    }
    db.exec(ACTOR_ORDER_BACKFILL);
    db.close();
    store = openStore(path);
    const { ranks, stale } = rankState(path);
    expect(ranks.map((x) => x.rank)).toEqual([1, 2, 3].map((n) => n * RANK_GAP));
    expect(stale).toBe(0);
    expect(store.events({ pair: ["USA", "PRK"] }).map((e) => e.doc)).toEqual([
      "id-a.md",
      "id-b.md",
      "id-c.md",
    ]);
    expect(store.integrityCheck()).toBe("ok");
  });
});

describe("store: schema and opening", () => {
  it("the actor-order backfill of migration 8 rebuilds exactly the rows the writer writes", () => {
    loadBoth();
    store.close();
    const db = new Database(join(dir, "test.db"));
    const rows = () => ({
      actors: db.prepare("SELECT * FROM event_actors ORDER BY event, role, idx").all(),
      pairs: db.prepare("SELECT * FROM event_pairs ORDER BY a, b, event").all(),
    });
    const written = rows();
    expect(written.pairs.length).toBeGreaterThan(3);
    // What a store written before migration 8 holds: default order columns, no pairs.
    db.exec(`UPDATE event_actors SET sort_key = '~', doc_key = '', position = 0, event_idx = 0;
      DELETE FROM event_pairs;`);
    db.exec(ACTOR_ORDER_BACKFILL);
    expect(rows()).toEqual(written);
    db.close();
    store = openStore(join(dir, "test.db"));
  });

  it("migrates a new file to the current version and reopens idempotently", () => {
    store.close();
    const db = new Database(join(dir, "test.db"));
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
    store = openStore(join(dir, "test.db"));
    expect(store.counts().documents).toBe(0);
  });

  it("refuses a missing file read-only, and a file at another schema version", () => {
    expect(() => openStore(join(dir, "missing.db"), { readonly: true })).toThrow(AnnalsError);
    const other = join(dir, "other.db");
    new Database(other).close();
    expect(() => openStore(other, { readonly: true })).toThrow(/schema version 0/);
  });
});

describe("store: put", () => {
  it("reads a row written before the lean format (texts and offsets in their own columns)", () => {
    const { a } = loadBoth();
    const sql = new Database(join(dir, "test.db"));
    const blob = (xs: Int32Array) => Buffer.from(xs.buffer, xs.byteOffset, xs.byteLength);
    sql
      .prepare(
        `UPDATE documents SET raw = ?, text_original = ?, text_cn = ?, text_tw = ?,
           raw_starts = ?, raw_ends = ?, texts_z = NULL, offsets_z = NULL WHERE id = ?`,
      )
      .run(
        RAW_A,
        a.document.text,
        a.normalized.cn,
        a.normalized.tw,
        blob(a.document.rawStarts),
        blob(a.document.rawEnds),
        a.document.id,
      );
    sql.prepare("UPDATE sentences SET text = substr(text, 1) || ''").run();
    // Such rows kept each sentence's analysis text in the row (before migration 12).
    sql
      .prepare(
        `UPDATE sentences SET analysis = substr(?, text_start + 1, text_end - text_start)
         WHERE doc = (SELECT rowid FROM documents WHERE id = ?)`,
      )
      .run(a.normalized.analysis, a.document.id);
    sql.close();
    const stored = store.document(a.document.id);
    expect(stored?.raw).toBe(RAW_A);
    expect(stored?.text.tw).toBe(a.normalized.tw);
    expect(stored?.rawEnds).toEqual(Array.from(a.document.rawEnds));
    expect(stored?.sentences).toEqual(a.document.sentences);
    expect(store.search("框架協議")[0]?.display?.tw).toContain("框架協議");
  });

  it("reads a row written before migration 6 (structure in rows, not in structure_z)", () => {
    const { a } = loadBoth();
    const before = store.document(a.document.id);
    expect(before).not.toBeNull();
    if (before === null) return;
    const sql = new Database(join(dir, "test.db"));
    const doc = (
      sql.prepare("SELECT rowid FROM documents WHERE id = ?").get(a.document.id) as {
        rowid: number;
      }
    ).rowid;
    const insert = (table: string, row: Record<string, unknown>): void => {
      const keys = Object.keys(row);
      sql
        .prepare(
          `INSERT INTO ${table} (${keys.map((k) => `"${k}"`).join(", ")})
           VALUES (${keys.map((k) => `@${k}`).join(", ")})`,
        )
        .run(row);
    };
    const at = (x: { start: number; end: number; text: string }) => ({
      start: x.start,
      end: x.end,
      text: x.text,
    });
    before.sections.forEach((x, idx) =>
      insert("sections", {
        doc,
        idx,
        ...at(x),
        level: x.level,
        title: x.title,
        parent: x.parent,
        block: x.block,
      }),
    );
    before.blocks.forEach((x, idx) =>
      insert("blocks", {
        doc,
        idx,
        ...at(x),
        kind: x.kind,
        section: x.section,
        text_start: x.textStart,
        text_end: x.textEnd,
        table_pos: x.table ? JSON.stringify(x.table) : null,
      }),
    );
    before.links.forEach((x, idx) =>
      insert("links", {
        doc,
        idx,
        ...at(x),
        kind: x.kind,
        target: x.target,
        url: x.url,
        anchor: JSON.stringify(x.anchor),
        entity: x.entity === null ? null : JSON.stringify(x.entity),
        anchor_uncertain: x.anchorUncertain ? 1 : 0,
        block: x.block,
      }),
    );
    before.chronicle.timexes.forEach((x, idx) =>
      insert("timexes", {
        doc,
        idx,
        ...at(x),
        id: x.id,
        type: x.type,
        value: x.value,
        mod: x.mod,
        calendar: x.calendar,
        anchor: x.anchor,
        rule: x.rule,
        note: x.note ?? null,
      }),
    );
    before.chronicle.entities.forEach((x, i) => {
      const entity = (
        sql.prepare("SELECT rowid FROM entities WHERE doc = ? AND idx = ?").get(doc, i) as {
          rowid: number;
        }
      ).rowid;
      x.mentions.forEach((m, idx) => insert("entity_mentions", { entity, idx, ...at(m) }));
    });
    sql.prepare("UPDATE documents SET structure_z = NULL WHERE rowid = ?").run(doc);
    sql.close();
    expect(before.sections.length + before.chronicle.timexes.length).toBeGreaterThan(0);
    expect(before.chronicle.entities.some((x) => x.mentions.length > 0)).toBe(true);
    expect(store.document(a.document.id)).toEqual(before);
  });

  it("counts the items kept in the structure blob like rows", () => {
    const { a, b } = loadBoth();
    const counts = store.counts();
    const both = [a, b];
    const sum = (f: (x: Extracted) => number): number => both.reduce((n, x) => n + f(x), 0);
    expect(counts.sections).toBe(sum((x) => x.document.sections.length));
    expect(counts.blocks).toBe(sum((x) => x.document.blocks.length));
    expect(counts.links).toBe(sum((x) => x.document.links.length));
    expect(counts.categories).toBe(sum((x) => x.document.categories.length));
    expect(counts.timexes).toBe(sum((x) => x.chronicle.timexes.length));
    expect(counts.entity_mentions).toBe(
      sum((x) => x.chronicle.entities.reduce((n, e) => n + e.mentions.length, 0)),
    );
    expect(counts.timexes).toBeGreaterThan(0);
  });

  it("writes several documents in one transaction: all of them, or none when one fails", () => {
    const a = fixture("a.md", RAW_A, [KOREA, USA, JPN], EVENTS_A);
    const b = fixture("b.md", RAW_B, [KOREA, USA, JPN], EVENTS_B);
    const broken: Extracted = {
      ...b,
      chronicle: {
        ...b.chronicle,
        // A NOT NULL column left empty: the write fails inside the transaction.
        events: b.chronicle.events.map((x) => ({ ...x, type: null as unknown as typeof x.type })),
      },
    };
    expect(b.chronicle.events.length).toBeGreaterThan(0);
    expect(() => store.putMany([a, broken])).toThrow();
    expect(store.counts()).toMatchObject({ documents: 0, events: 0, sentences: 0 });
    expect(store.putMany([a, b])).toEqual(["inserted", "inserted"]);
    expect(store.putMany([a, b], { force: true })).toEqual(["replaced", "replaced"]);
    expect(store.putMany([b, a])).toEqual(["unchanged", "unchanged"]);
    expect(store.counts().documents).toBe(2);
    expect(store.integrityCheck()).toBe("ok");
  });

  it("stores rows prepared elsewhere (posted from a worker: structured-cloned) as put does", () => {
    const { a, b } = loadBoth();
    const expected = {
      docs: [store.document(a.document.id), store.document(b.document.id)],
      events: store.events({ limit: 100 }),
      search: store.search("朝鲜"),
    };
    const other = openStore(join(dir, "prepared.db"));
    try {
      const posted = [a, b].map((x) => structuredClone(prepareDocument(x)));
      expect(posted[0]?.texts).not.toBeInstanceOf(Buffer);
      expect(other.putPrepared?.(posted)).toEqual(["inserted", "inserted"]);
      expect(other.putPrepared?.(posted)).toEqual(["unchanged", "unchanged"]);
      expect({
        docs: [other.document(a.document.id), other.document(b.document.id)],
        events: other.events({ limit: 100 }),
        search: other.search("朝鲜"),
      }).toEqual(expected);
      expect(expected.events.length).toBeGreaterThan(0);
      expect(other.integrityCheck()).toBe("ok");
    } finally {
      other.close();
    }
  });

  it("changes its data version when any connection writes", () => {
    const { a } = loadBoth();
    const reader = openStore(join(dir, "test.db"), { readonly: true });
    try {
      const before = reader.dataVersion();
      const ownBefore = store.dataVersion();
      expect(reader.dataVersion()).toBe(before);
      store.put(a, { force: true });
      expect(reader.dataVersion()).not.toBe(before);
      expect(store.dataVersion()).not.toBe(ownBefore);
    } finally {
      reader.close();
    }
  });

  it("re-extracts a document stored by another version of the pipeline", () => {
    const { a } = loadBoth();
    expect(store.put(a)).toBe("unchanged");
    const db = new Database(join(dir, "test.db"));
    db.prepare("UPDATE documents SET pipeline = 'older' WHERE source = ?").run("a.md");
    db.close();
    expect(store.hasHash("a.md", hashText(RAW_A))).toBe(false);
    expect(store.put(a)).toBe("replaced");
    expect(store.hasHash("a.md", hashText(RAW_A))).toBe(true);
  });

  it("is a no-op for the same source and text, and replaces a changed text", () => {
    const { a } = loadBoth();
    const before = store.counts();
    expect(store.hasHash("a.md", hashText(RAW_A))).toBe(true);
    expect(store.put(a)).toBe("unchanged");
    expect(store.counts()).toEqual(before);
    expect(store.put(a, { force: true })).toBe("replaced");
    expect(store.counts()).toEqual(before);

    const changed = changedA();
    expect(store.hasHash("a.md", hashText(RAW_A_CHANGED))).toBe(false);
    expect(store.put(changed)).toBe("replaced");
    expect(store.integrityCheck()).toBe("ok");
    const after = store.counts();
    expect(after.documents).toBe(2);
    expect(after.events).toBe(EVENTS_B.length + 1);
    expect(store.document(a.document.id)).toBeNull();
    expect(store.search("框架協議")).toEqual([]);
    expect(store.search("停火协议").map((h) => h.doc)).toEqual([changed.document.id]);
    expect(store.events({ query: "框架协议" })).toEqual([]);
  });

  it("writes nothing of a document whose insert fails half-way", () => {
    const bad = fixture("bad.md", RAW_B, [KOREA], EVENTS_B);
    (bad.chronicle.events[1] as { summary: unknown }).summary = null;
    expect(() => store.put(bad)).toThrow();
    expect(store.counts()).toMatchObject({ documents: 0, sentences: 0, events: 0, timexes: 0 });
    expect(store.search("朝鲜")).toEqual([]);
  });
});

describe("store: search", () => {
  it("shows a document's new text after another connection replaces it (no stale cached texts)", () => {
    // One document: its replacement takes the same rowid (the largest is reused), the case a
    // cache keyed by rowid must not serve stale.
    store.put(fixture("a.md", RAW_A, [KOREA, USA, JPN], EVENTS_A));
    const reader = openStore(join(dir, "test.db"), { readonly: true });
    try {
      const raw = new Database(join(dir, "test.db"), { readonly: true });
      const rowid = () => raw.prepare("SELECT rowid FROM documents").pluck().all();
      const before = rowid();
      const first = reader.search("框架協議");
      expect(first.map((h) => h.display?.tw)).toEqual([expect.stringContaining("框架協議")]);
      const changed = changedA();
      expect(store.put(changed)).toBe("replaced");
      expect(rowid()).toEqual(before);
      raw.close();
      expect(reader.search("框架協議")).toEqual([]);
      const hits = reader.search("停火協議");
      expect(hits.map((h) => h.display?.tw)).toEqual([expect.stringContaining("停火協議")]);
      expect(hits.map((h) => h.text)).toEqual([expect.stringContaining("停火協議")]);
      // The same sentence, read again through the cache, gives the same hit.
      expect(reader.search("停火協議")).toEqual(hits);
    } finally {
      reader.close();
    }
  });

  it.each([
    ["朝鮮", "朝鲜"],
    ["框架協議", "框架协议"],
    ["北韓", "北韩"],
  ])("%s and %s give the same hits", (tw, cn) => {
    loadBoth();
    const hits = store.search(tw);
    expect(hits.length).toBeGreaterThan(0);
    expect(store.search(cn)).toEqual(hits);
  });

  it.each([
    ["朝鲜", 6],
    ["框架协议", 1],
    ["会谈", 2],
    ["日本 会谈", 1],
    ["火箭 发射", 1],
    ["不存在的词", 0],
    ["美", 4],
    ["  ", 0],
  ])("search(%j) finds %i sentences", (q, n) => {
    loadBoth();
    expect(store.search(q)).toHaveLength(n);
  });

  it("limits and filters by document, returning raw spans", () => {
    const { b } = loadBoth();
    expect(store.search("朝鲜", { limit: 2 })).toHaveLength(2);
    const inB = store.search("朝鲜", { doc: "b.md" });
    expect(inB).toHaveLength(1);
    const hit = inB[0]!;
    expect(b.document.raw.slice(hit.start, hit.end)).toBe(hit.text);
    expect(hit.docTitle).toBe("b");
  });
});

describe("store: events", () => {
  const ids = (q: EventQuery) =>
    store
      .events(q)
      .map((e) => `${e.doc === store.document("a.md")?.summary.id ? "a" : "b"}:${e.id}`);

  it.each<[string, EventQuery, string[]]>([
    [
      "all, by date then position, undated last",
      {},
      ["b:e2", "a:e1", "b:e1", "a:e3", "a:e2", "a:e4", "a:e5", "a:e6"],
    ],
    ["doc by source", { doc: "b.md" }, ["b:e2", "b:e1"]],
    ["types", { types: ["talks", "sanction"] }, ["b:e1", "a:e4", "a:e5", "a:e6"]],
    ["types: none match", { types: ["aid"] }, []],
    ["actor by id", { actor: "JPN" }, ["b:e2", "a:e4", "a:e6"]],
    ["actor id, any case", { actor: "jpn" }, ["b:e2", "a:e4", "a:e6"]],
    [
      "actor by Traditional alias",
      { actor: "北韓", doc: "a.md" },
      ["a:e1", "a:e3", "a:e2", "a:e4", "a:e5", "a:e6"],
    ],
    [
      "actor by Simplified alias",
      { actor: "北韩", doc: "a.md" },
      ["a:e1", "a:e3", "a:e2", "a:e4", "a:e5", "a:e6"],
    ],
    ["actor: unknown", { actor: "蘇聯" }, []],
    ["pair source→target", { pair: ["美國", "PRK"], doc: "a.md" }, ["a:e1", "a:e3", "a:e5"]],
    ["pair, other direction", { pair: ["朝鲜", "USA"], doc: "a.md" }, ["a:e1", "a:e3", "a:e5"]],
    ["pair: a third party (other) does not count", { pair: ["JPN", "PRK"] }, ["a:e4"]],
    ["pair: same actor twice", { pair: ["PRK", "朝鮮"] }, []],
    ["from year", { from: "2009" }, ["a:e3", "a:e2", "a:e4", "a:e5"]],
    ["from month excludes earlier months", { from: "2009-05" }, ["a:e4", "a:e5"]],
    ["from inside a decade keeps the decade", { from: "1895", to: "1900" }, ["b:e2"]],
    [
      "to year includes its last day",
      { to: "2009" },
      ["b:e2", "a:e1", "b:e1", "a:e3", "a:e2", "a:e4"],
    ],
    ["from/to month window", { from: "2009-04", to: "2009-04" }, ["a:e3", "a:e2"]],
    ["to: nothing before", { to: "1800" }, []],
    ["query, FTS (3+ chars), Traditional", { query: "發射火箭" }, ["a:e2"]],
    ["query, short fallback", { query: "制裁" }, ["a:e5"]],
    ["query, mixed terms", { query: "美国 框架协议" }, ["a:e1"]],
    ["query: no match", { query: "地震" }, []],
    ["limit", { limit: 2 }, ["b:e2", "a:e1"]],
    ["filters combine", { actor: "USA", types: ["talks"], from: "1990", to: "1999" }, ["b:e1"]],
  ])("%s", (_name, query, expected) => {
    loadBoth();
    expect(ids(query)).toEqual(expected);
  });

  it.each<[string, EventQuery, string[]]>([
    ["alias only one document writes finds both", { actor: "北韓" }, ["c:e1", "d:e1"]],
    ["alias in Simplified", { actor: "北韩" }, ["c:e1", "d:e1"]],
    ["alias restricted to the other document", { actor: "北韓", doc: "d.md" }, ["d:e1"]],
    ["pair by alias across documents", { pair: ["北韓", "美國"] }, ["c:e1", "d:e1"]],
    ["a name no document uses", { actor: "蘇聯" }, []],
  ])("actor alias across documents: %s", (_name, query, expected) => {
    const c = fixture(
      "c.md",
      "2006年北韓與美國會談。",
      [KOREA, USA],
      [{ type: "talks", value: "2006", mention: "2006年北韓與美國會談", source: ["PRK", "USA"] }],
    );
    const d = fixture(
      "d.md",
      "2007年朝鲜与美国会谈。",
      [{ id: "PRK", names: ["朝鲜"] }, USA],
      [{ type: "talks", value: "2007", mention: "2007年朝鲜与美国会谈", source: ["PRK", "USA"] }],
    );
    store.put(c);
    store.put(d);
    const label = (doc: string) => (doc === c.document.id ? "c" : "d");
    expect(store.events(query).map((e) => `${label(e.doc)}:${e.id}`)).toEqual(expected);
  });

  it("returns whole events with their document", () => {
    const { a } = loadBoth();
    const [hit] = store.events({ types: ["condemnation"] });
    expect(hit).toMatchObject({
      doc: a.document.id,
      docTitle: "a",
      actors: { source: ["USA"], target: ["PRK"], other: [] },
      date: { value: "2009-04", inferred: false, basis: "explicit" },
      score: -1.5,
    });
    expect(hit?.mentions[0]?.text).toBe("美國譴責朝鮮的發射");
  });
});

describe("store: entities and findings", () => {
  it("aggregates entities over documents", () => {
    const { a, b } = loadBoth();
    const prk = store.entity("PRK");
    expect(prk?.docs).toEqual([a.document.id, b.document.id]);
    expect(prk?.events).toBe(7);
    expect(prk?.names).toEqual(["朝鮮", "北韓", "朝鲜"]);
    expect(store.entity("XXX")).toBeNull();
    expect(store.entities().map((e) => e.id)).toEqual(["PRK", "USA", "JPN"]);
    expect(store.entities({ doc: "b.md" }).map((e) => [e.id, e.events])).toEqual([
      ["JPN", 1],
      ["PRK", 1],
      ["USA", 1],
    ]);
    expect(store.entities({ doc: "b.md", limit: 1 })).toHaveLength(1);
    expect(store.entities({ query: "北韩" }).map((e) => e.id)).toEqual(["PRK"]);
    expect(store.entities({ query: "美" }).map((e) => e.id)).toEqual(["USA"]);
    expect(store.entities({ query: "法国" })).toEqual([]);
  });

  it("lists findings with their document", () => {
    const { b } = loadBoth();
    expect(store.findings()).toHaveLength(2);
    const inB = store.findings({ doc: b.document.id });
    expect(inB).toHaveLength(1);
    expect(inB[0]).toMatchObject({ doc: b.document.id, kind: "year-out-of-sequence", text: "19" });
  });

  it("summarises documents", () => {
    loadBoth();
    expect(store.documents().map((d) => [d.title, d.counts.events])).toEqual([
      ["a", 6],
      ["b", 2],
    ]);
  });
});
