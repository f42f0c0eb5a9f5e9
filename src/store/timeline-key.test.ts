import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EventQuery } from "../model/index.js";
import { timelineKey, timelineKeySql } from "./derived-keys.js";
import { MIGRATIONS } from "./migrations.js";
import { openStore, type Store } from "./store.js";
import { fixture, KOREA, USA } from "./test-fixture.js";
import { EVENT_TEXTS_UNDO } from "./event-texts.js";

describe("timelineKey: parts of a year and weeks sort at their start", () => {
  const cases: Array<[string | null, string | null]> = [
    ["2015-Q1", "2015-01"],
    ["2015-Q2", "2015-04"],
    ["2015-Q3", "2015-07"],
    ["2015-Q4", "2015-10"],
    ["2015-H1", "2015-01"],
    ["2015-H2", "2015-07"],
    ["1923-SP", "1923-03"],
    ["1923-SU", "1923-06"],
    ["1923-FA", "1923-09"],
    ["1923-WI", "1923-12"],
    ["2015-W01", "2014-12-29"],
    ["2015-W23", "2015-06-01"],
    ["2021-W01", "2021-01-04"],
    ["2015-04-02", "2015-04-02"],
    ["2015-04-02T10:00", "2015-04-02T10:00"],
    ["1953-07-17TMO", "1953-07-17TMO"],
    ["199", "199"],
    ["18", "18"],
    ["XXXX-06-03", null],
    ["PRESENT_REF", null],
    [null, null],
  ];
  it.each(cases)("%s → %s", (value, key) => {
    expect(timelineKey(value)).toBe(key);
  });

  it("is computed alike in SQL (the migration) and in code (the writer)", () => {
    const db = new Database(":memory:");
    const read = db.prepare<{ v: string }, { k: string }>(`SELECT ${timelineKeySql(":v")} AS k`);
    for (const [value, key] of cases) {
      if (value === null || key === null) continue;
      expect(read.get({ v: value })?.k, value).toBe(key);
    }
    db.close();
  });
});

describe("store: a quarter, a half and a season on the timeline", () => {
  let dir: string;
  let store: Store;
  const raw = "2015年3月10日甲。2015年第二季度乙。2015年12月31日丙。2015年上半年丁。2015年夏天戊。";
  const events = [
    ["2015-03-10", "2015年3月10日甲"],
    ["2015-Q2", "2015年第二季度乙"],
    ["2015-12-31", "2015年12月31日丙"],
    ["2015-H1", "2015年上半年丁"],
    ["2015-SU", "2015年夏天戊"],
  ] as const;
  const extracted = () =>
    fixture(
      "q.md",
      raw,
      [KOREA, USA],
      events.map(([value, mention]) => ({ type: "talks", value, mention, source: ["PRK", "USA"] })),
    );
  const values = (q: EventQuery = {}) => store.events(q).map((e) => e.date.value);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "annals-quarter-"));
    store = openStore(join(dir, "q.db"));
    store.put(extracted());
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each<[string, EventQuery, string[]]>([
    ["timeline order", {}, ["2015-H1", "2015-03-10", "2015-Q2", "2015-SU", "2015-12-31"]],
    [
      "to a month keeps the quarter that starts before it",
      { to: "2015-06" },
      ["2015-H1", "2015-03-10", "2015-Q2", "2015-SU"],
    ],
    ["from a month drops the half and the quarter before it", { from: "2015-07" }, ["2015-12-31"]],
    [
      "to the year keeps them all",
      { to: "2015" },
      ["2015-H1", "2015-03-10", "2015-Q2", "2015-SU", "2015-12-31"],
    ],
    [
      "an actor's walk in the same order",
      { actor: "USA" },
      ["2015-H1", "2015-03-10", "2015-Q2", "2015-SU", "2015-12-31"],
    ],
    [
      "a pair's walk in the same order",
      { pair: ["USA", "PRK"] },
      ["2015-H1", "2015-03-10", "2015-Q2", "2015-SU", "2015-12-31"],
    ],
  ])("%s", (_name, query, expected) => {
    expect(values(query)).toEqual(expected);
  });

  it("migration 11 re-keys the rows a version-10 store wrote", () => {
    store.close();
    const db = new Database(join(dir, "q.db"));
    // What the writer of version 10 stored: the value itself as the key, in every copy.
    for (const table of ["events", "event_actors", "event_pairs"]) {
      const keyOf =
        table === "events" ? "date_key" : "(SELECT date_key FROM events e WHERE e.rowid = event)";
      db.exec(`UPDATE ${table} SET sort_key = ${keyOf}`);
    }
    // The texts as versions before 14 stored them (see event-texts.ts).
    db.exec(EVENT_TEXTS_UNDO);
    db.pragma("user_version = 10");
    db.close();
    store = openStore(join(dir, "q.db"));
    expect(values()).toEqual(["2015-H1", "2015-03-10", "2015-Q2", "2015-SU", "2015-12-31"]);
    expect(values({ actor: "USA" })).toEqual(values());
    expect(values({ pair: ["USA", "PRK"] })).toEqual(values());
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(11);
  });
});
