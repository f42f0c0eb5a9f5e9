/**
 * The plans of the API's queries (EXPLAIN QUERY PLAN): no full scan of events or sentences, and
 * the timeline order served by an index (`events_order`, or for actor and pair filters
 * `event_actors_order` and `event_pairs`; no temporary B-tree for it), both for
 * the timeline walk (filters that match many events) and for candidates found by a selective
 * filter (only they are sorted). The walk must give the same events as the candidates.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventQuery } from "../model/index.js";
import { eventStatements, queryEvents } from "./events-query.js";
import { openStore } from "./index.js";
import { PAIR_DELETE_TRIGGER } from "./migrations.js";
import { registerTextFunctions, searchStatement } from "./search.js";
import { EVENTS_A, EVENTS_B, fixture, JPN, KOREA, RAW_A, RAW_B, USA } from "./test-fixture.js";

let dir: string;
let db: Database.Database;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "annals-plans-"));
  const path = join(dir, "plans.db");
  const store = openStore(path);
  store.put(fixture("a.md", RAW_A, [KOREA, USA, JPN], EVENTS_A));
  store.put(fixture("b.md", RAW_B, [KOREA, USA, JPN], EVENTS_B));
  store.close();
  db = new Database(path, { readonly: true });
  // The function search checks its candidates with (as the store registers it).
  registerTextFunctions(db);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The plan's detail lines. */
function explain(sql: string, params: unknown[]): string[] {
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((r) => r.detail);
}

// The query shapes the API sends to the store (/api/events, /api/search's events,
// /api/entities/:id, /api/pairs), with and without a limit.
const SHAPES: Array<[string, EventQuery]> = [
  ["no filter", { limit: 50 }],
  ["no limit", {}],
  ["doc", { doc: "a.md", limit: 50 }],
  ["types", { types: ["talks", "sanction"], limit: 50 }],
  ["actor id", { actor: "PRK", limit: 50 }],
  ["actor alias", { actor: "北韓", limit: 1000 }],
  ["pair", { pair: ["USA", "PRK"], limit: 5000 }],
  ["from", { from: "2009-05", limit: 50 }],
  ["to", { to: "2009", limit: 50 }],
  ["from and to", { from: "1994", to: "2009", limit: 50 }],
  ["full text, long term", { query: "發射火箭", limit: 50 }],
  ["full text, short term", { query: "制裁", limit: 50 }],
  ["everything", { actor: "USA", types: ["talks"], from: "1990", to: "1999", limit: 50 }],
  ["full text and actor", { query: "發射火箭", actor: "USA", limit: 50 }],
  ["full text and pair", { query: "朝鮮", pair: ["USA", "PRK"], limit: 50 }],
  ["after a cursor", { after: "", limit: 50 }],
];

/** A real cursor for the "after" shape: the second event of the timeline. */
function withCursor(query: EventQuery): EventQuery {
  if (query.after === undefined) return query;
  const second = queryEvents(db, { limit: 2 })[1];
  return { ...query, after: `${second?.doc}/${second?.id}` };
}

describe("store plans: events", () => {
  it.each(SHAPES)("%s: the timeline walk reads an ordered index only", (_n, q) => {
    const statements = eventStatements(db, withCursor(q), 0);
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      const plan = explain(s.sql, s.params);
      // The whole timeline, an actor's events or a pair's events, each in timeline order.
      expect(plan.join("\n")).toMatch(
        /(SCAN|SEARCH) e USING INDEX events_order|SEARCH w USING (COVERING )?INDEX event_actors_order|SEARCH w USING PRIMARY KEY \(a=\? AND b=\?/,
      );
      expect(plan.filter((d) => /^SCAN [dew]\b(?! USING)/.test(d))).toEqual([]);
      // Several ranges (a name with several ids) are each read in order up to the limit; only
      // their union, at most ranges × limit rows, is sorted.
      if (!s.sql.includes(" UNION ")) {
        expect(plan.filter((d) => /TEMP B-TREE FOR ORDER BY/.test(d))).toEqual([]);
      }
    }
  });

  it.each(SHAPES)("%s: selective filters fetch their candidates by key", (_n, q) => {
    const query = withCursor(q);
    for (const s of eventStatements(db, query)) {
      const plan = explain(s.sql, s.params);
      expect(plan.filter((d) => /^SCAN [demxy]\b(?! USING)/.test(d))).toEqual([]);
      // An actor or pair check reads the event's own rows, never an actor's or a pair's index
      // (every event of USA, for each candidate): a pair row by its whole key (migration 13).
      expect(plan.join("\n")).not.toMatch(/SEARCH x .*event_actors_order/);
      for (const d of plan.filter((x) => /SEARCH x .*PRIMARY KEY \(a=/.test(x))) {
        expect(d).toMatch(/position=\? AND event_idx=\? AND event=\?\)/);
      }
      // Candidates are looked up, never found by walking the whole timeline.
      if (s.sql.includes("c.hit")) expect(plan.join("\n")).not.toMatch(/SCAN e USING INDEX/);
      // Only candidates of a selective filter (found by rowid, or a document's) are sorted.
      if (plan.some((d) => /TEMP B-TREE FOR ORDER BY/.test(d))) {
        expect(plan.join("\n")).toMatch(
          /SEARCH e USING (INTEGER PRIMARY KEY \(rowid=\?\)|INDEX sqlite_autoindex_events_1 \(doc=\?\))/,
        );
      }
    }
  });

  it.each(SHAPES)("%s: both plans give the same events", (_n, q) => {
    const query = withCursor(q);
    const ids = (cap: number) => queryEvents(db, query, cap).map((e) => `${e.doc}/${e.id}`);
    expect(ids(0)).toEqual(ids(1_000_000));
  });

  it("a cursor continues exactly where the last page stopped", () => {
    const all = queryEvents(db, {}).map((e) => `${e.doc}/${e.id}`);
    const pages: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = queryEvents(db, { limit: 3, ...(after === undefined ? {} : { after }) });
      pages.push(...page.map((e) => `${e.doc}/${e.id}`));
      if (page.length < 3) break;
      after = pages.at(-1);
    }
    expect(pages).toEqual(all);
    expect(all.length).toBe(EVENTS_A.length + EVENTS_B.length);
  });

  it("an unknown cursor is refused in one line", () => {
    expect(() => queryEvents(db, { after: "nope/e1" })).toThrow(/^after: no stored event/);
  });
});

describe("store plans: deleting an event", () => {
  it("its pair rows are deleted by their whole key, never by a scan of the pairs", () => {
    // The trigger's statement (PAIR_DELETE_TRIGGER) with the old row's values as parameters.
    const body = /BEGIN([\s\S]*);\s*END/.exec(PAIR_DELETE_TRIGGER)?.[1] ?? "";
    const sql = body.replace(/old\.\w+/g, "?");
    expect(sql).toMatch(/^\s*DELETE FROM event_pairs/);
    const plan = explain(
      sql,
      Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 1),
    );
    expect(plan.filter((d) => /^SCAN/.test(d))).toEqual([]);
    expect(plan.join("\n")).toMatch(
      /SEARCH event_pairs USING PRIMARY KEY \(a=\? AND b=\? AND sort_key=\? AND doc_key=\? AND position=\? AND event_idx=\? AND event=\?\)/,
    );
    expect(plan.join("\n")).toMatch(/SEARCH x USING PRIMARY KEY \(event=\?\)/);
  });
});

describe("store plans: search", () => {
  it.each([
    ["long term", "發射火箭"],
    ["short term", "制裁"],
    ["mixed", "美国 框架协议"],
  ])("%s: no full scan of sentences, no sort unless few hits", (_n, text) => {
    for (const cap of [0, 1_000_000]) {
      const s = searchStatement(db, text, undefined, 100, cap);
      if (s === null) throw new Error("no statement");
      const plan = explain(s.sql, s.params);
      expect(plan.filter((d) => /^SCAN [ds]\b(?! USING)/.test(d))).toEqual([]);
      // The sentences are walked once (for the hits); the page's rows are read by rowid.
      expect(plan.filter((d) => /^SCAN s\b/.test(d)).length).toBeLessThanOrEqual(1);
      if (plan.some((d) => /TEMP B-TREE FOR ORDER BY/.test(d))) {
        expect(plan.join("\n")).toMatch(/SEARCH s USING INTEGER PRIMARY KEY/);
      }
    }
  });
});
