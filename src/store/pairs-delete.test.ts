/**
 * Migration 13: the pair rows without an event index and without a foreign key. An event's
 * pair rows go with it through a trigger (PAIR_DELETE_TRIGGER); these tests hold the rows to
 * what the writer (or the backfill) would write for the events left, through replacements and
 * removals, and a version-12 store upgraded in place.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "./index.js";
import { ACTOR_ORDER_BACKFILL, MIGRATIONS, PAIR_BACKFILL } from "./migrations.js";
import {
  changedA,
  EVENTS_A,
  EVENTS_B,
  fixture,
  JPN,
  KOREA,
  RAW_A,
  RAW_B,
  USA,
} from "./test-fixture.js";

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "annals-pairs-"));
  path = join(dir, "test.db");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const PAIR_ROWS = "SELECT * FROM event_pairs ORDER BY a, b, sort_key, doc_key, position, event";

/** The pair rows as stored, and as the backfill derives them from the events left. */
function pairState(file: string): { stored: unknown[]; derived: unknown[]; orphans: number } {
  const db = new Database(file);
  try {
    const stored = db.prepare(PAIR_ROWS).all();
    const orphans = db
      .prepare<[], number>(
        `SELECT count(*) FROM event_pairs p WHERE NOT EXISTS (SELECT 1 FROM events e
           WHERE e.rowid = p.event AND e.sort_key = p.sort_key AND e.doc_key = p.doc_key
             AND e.position = p.position AND e.idx = p.event_idx)`,
      )
      .pluck()
      .get() as number;
    db.exec("BEGIN");
    db.exec("DELETE FROM event_pairs");
    db.exec(PAIR_BACKFILL);
    const derived = db.prepare(PAIR_ROWS).all();
    db.exec("ROLLBACK");
    return { stored, derived, orphans };
  } finally {
    db.close();
  }
}

describe("store: pair rows without an event index (migration 13)", () => {
  it("a replaced or removed document takes its pair rows with it, and only its own", () => {
    let store: Store = openStore(path);
    store.put(fixture("a.md", RAW_A, [KOREA, USA, JPN], EVENTS_A));
    store.put(fixture("b.md", RAW_B, [KOREA, USA, JPN], EVENTS_B));
    store.close();
    const before = pairState(path);
    expect(before.stored.length).toBeGreaterThan(3);
    expect(before.stored).toEqual(before.derived);

    store = openStore(path);
    expect(store.put(changedA())).toBe("replaced");
    store.close();
    const replaced = pairState(path);
    expect(replaced.orphans).toBe(0);
    expect(replaced.stored).toEqual(replaced.derived);

    store = openStore(path);
    const usaPrk = store.events({ pair: ["USA", "PRK"] }).length;
    expect(store.remove("b.md")).toBe(true);
    expect(store.events({ pair: ["USA", "PRK"] }).length).toBeLessThan(usaPrk);
    expect(store.integrityCheck()).toBe("ok");
    store.close();
    const removed = pairState(path);
    expect(removed.orphans).toBe(0);
    expect(removed.stored).toEqual(removed.derived);
    expect(removed.stored.length).toBeGreaterThan(0);

    store = openStore(path);
    store.remove("a.md");
    store.close();
    expect(pairState(path).stored).toEqual([]);
  });

  it("upgrades a version-12 store: the same pair rows, no event index, deletes by trigger", () => {
    const db = new Database(path);
    db.pragma("foreign_keys = ON");
    for (const sql of MIGRATIONS.slice(0, 12)) db.exec(sql);
    db.pragma("user_version = 12");
    const doc = db.prepare(
      `INSERT INTO documents (id, source, title, hash, length, raw, text_original, text_cn,
         text_tw, text_analysis, raw_starts, raw_ends, n_timexes, n_entities, n_events,
         n_findings, rank) VALUES (?, ?, ?, 'h', 0, '', '', '', '', '', x'', x'', 0, 0, 1, 0, ?)`,
    );
    const event = db.prepare(
      `INSERT INTO events (doc, idx, id, type, date_inferred, summary, rule, position, sort_key,
         doc_key) VALUES (?, ?, ?, 'meet', 0, '', 'r', ?, '2001', ?)`,
    );
    const actor = db.prepare(
      `INSERT INTO event_actors (event, role, idx, entity) VALUES (?, ?, ?, ?)`,
    );
    ["a.md", "b.md", "c.md"].forEach((source, i) => {
      const d = Number(doc.run(`id-${source}`, source, source, i + 1).lastInsertRowid);
      for (const idx of [0, 1]) {
        const e = Number(event.run(d, idx, `e${idx}`, 10 * idx, i + 1).lastInsertRowid);
        actor.run(e, "source", 0, "USA");
        actor.run(e, idx === 0 ? "target" : "source", 1, "PRK");
        actor.run(e, "other", 0, "JPN");
      }
    });
    db.exec(ACTOR_ORDER_BACKFILL);
    const written = db.prepare(PAIR_ROWS).all();
    expect(written).toHaveLength(6);
    db.close();

    const store = openStore(path);
    const upgraded = new Database(path, { readonly: true });
    expect(upgraded.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(upgraded.prepare(PAIR_ROWS).all()).toEqual(written);
    const indexes = upgraded
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'event_pairs'")
      .pluck()
      .all();
    expect(indexes).not.toContain("event_pairs_event");
    upgraded.close();
    expect(store.events({ pair: ["PRK", "USA"] }).map((e) => `${e.doc}/${e.id}`)).toEqual([
      "id-a.md/e0",
      "id-a.md/e1",
      "id-b.md/e0",
      "id-b.md/e1",
      "id-c.md/e0",
      "id-c.md/e1",
    ]);
    expect(store.remove("id-b.md")).toBe(true);
    expect(store.events({ pair: ["PRK", "USA"] }).map((e) => e.doc)).toEqual([
      "id-a.md",
      "id-a.md",
      "id-c.md",
      "id-c.md",
    ]);
    expect(store.integrityCheck()).toBe("ok");
    store.close();
    const state = pairState(path);
    expect(state.orphans).toBe(0);
    expect(state.stored).toEqual(state.derived);
    expect(state.stored).toHaveLength(4);
  });
});
