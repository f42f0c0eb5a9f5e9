/**
 * Migration 14: mention texts and summaries equal to an analysis text stored as ''. The rows
 * are checked as stored (so the saving is real) and as read (the same events as extracted),
 * for new rows and for rows a version-13 store wrote, which the migration rewrites.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EVENT_TEXTS_UNDO, readAs, storedAs } from "./event-texts.js";
import { openStore, type Extracted } from "./index.js";
import { EVENTS_A, EVENTS_B, fixture, JPN, KOREA, RAW_A, RAW_B, USA } from "./test-fixture.js";

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "annals-texts-"));
  path = join(dir, "test.db");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The fixtures: b.md is Simplified (texts equal their analysis), a.md Traditional (not). */
function fixtures(): Extracted[] {
  const a = fixture("a.md", RAW_A, [KOREA, USA, JPN], EVENTS_A);
  const b = fixture("b.md", RAW_B, [KOREA, USA, JPN], EVENTS_B);
  // An event whose summary and first mention text are really empty, over a non-empty span.
  const first = a.chronicle.events[0];
  if (first === undefined) throw new Error("no event");
  a.chronicle.events[0] = {
    ...first,
    summary: "",
    mentions: first.mentions.map((m, i) => (i === 0 ? { ...m, text: "" } : m)),
  };
  return [a, b];
}

/** The stored texts of every mention and summary. */
function storedTexts(file: string): { mentions: string[]; summaries: string[] } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      mentions: db
        .prepare("SELECT text FROM event_mentions ORDER BY event, idx")
        .pluck()
        .all() as string[],
      summaries: db.prepare("SELECT summary FROM events ORDER BY rowid").pluck().all() as string[],
    };
  } finally {
    db.close();
  }
}

describe("event texts stored once (migration 14)", () => {
  it("stores '' for a text equal to the one it reads from, NUL for a text that is ''", () => {
    expect(storedAs("朝鲜", "朝鲜")).toBe("");
    expect(storedAs("朝鮮", "朝鲜")).toBe("朝鮮");
    expect(storedAs("", "朝鲜")).toBe("\u0000");
    expect(storedAs("", "")).toBe("");
    for (const [text, from] of [
      ["朝鲜", "朝鲜"],
      ["朝鮮", "朝鲜"],
      ["", "朝鲜"],
      ["", ""],
      ["朝鲜", ""],
    ] as const) {
      expect(readAs(storedAs(text, from), from)).toBe(text);
    }
  });

  it("writes the short form and reads every event as extracted", () => {
    const [a, b] = fixtures();
    const store = openStore(path);
    store.put(a!);
    store.put(b!);
    const read = store.events({});
    store.close();
    // Each extracted event, as the store reads it back (the timeline order aside).
    for (const x of [a!, b!]) {
      for (const e of x.chronicle.events) {
        const got = read.find((r) => r.doc === x.document.id && r.id === e.id);
        expect({ summary: got?.summary, mentions: got?.mentions }).toEqual({
          summary: e.summary,
          mentions: e.mentions,
        });
      }
    }
    const stored = storedTexts(path);
    // b.md's mentions and summaries are all stored as ''; a.md's Traditional ones are kept.
    expect(stored.mentions.filter((t) => t === "")).toHaveLength(EVENTS_B.length);
    expect(stored.summaries.filter((t) => t === "")).toHaveLength(EVENTS_B.length);
    expect(stored.mentions.filter((t) => t === "\u0000")).toHaveLength(1);
    expect(stored.summaries.filter((t) => t === "\u0000")).toHaveLength(1);
  });

  it("upgrades a version-13 store's rows, which read as before", () => {
    const [a, b] = fixtures();
    let store = openStore(path);
    store.put(a!);
    store.put(b!);
    const before = store.events({});
    const shortForm = storedTexts(path);
    store.close();
    // What the writer of version 13 stored: every text as it is.
    const db = new Database(path);
    db.exec(EVENT_TEXTS_UNDO);
    db.pragma("user_version = 13");
    db.close();
    expect(storedTexts(path).mentions.filter((t) => t === "")).toHaveLength(1);
    store = openStore(path);
    expect(storedTexts(path)).toEqual(shortForm);
    expect(store.events({})).toEqual(before);
    expect(store.integrityCheck()).toBe("ok");
    store.close();
  });
});
