/**
 * Text filters over the two trigram indexes: sentences without positions (migration 11: LIKE
 * patterns, rechecked), mentions with positions (phrases). `%` and `_` inside a term stay
 * literal, ASCII case is ignored, both give the same answers, and a version-10 store (sentence
 * index with positions) migrates to the same answers.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "./index.js";
import { fixture, KOREA, USA } from "./test-fixture.js";
import { parseTextQuery } from "./text-query.js";

describe("parseTextQuery", () => {
  it.each<[string, { match: string | null; like: string[]; exact: string[]; short: string[] }]>([
    ["朝鮮 會談", { match: null, like: [], exact: [], short: ["朝鲜", "会谈"] }],
    ["框架協議", { match: '"框架协议"', like: ["%框架协议%"], exact: [], short: [] }],
    ["GDP 美", { match: '"gdp"', like: ["%gdp%"], exact: [], short: ["美"] }],
    ["100%_x", { match: '"100%_x"', like: ["%100__x%"], exact: ["100%_x"], short: [] }],
    [
      '%"% 联合国',
      { match: '"%""%" AND "联合国"', like: ['%_"_%', "%联合国%"], exact: ['%"%'], short: [] },
    ],
  ])("%j", (text, expected) => {
    expect(parseTextQuery(text)).toMatchObject(expected);
  });

  it("has no terms in white space", () => {
    expect(parseTextQuery("  \t ")).toBeNull();
  });
});

const RAW =
  "2001年美国GDP增长100%_X。2002年美国GDP增长100xyX。2003年朝鲜举行阅兵ABC。" +
  "2004年朝鲜与美国举行会谈。";

describe("text filters on both full-text indexes", () => {
  let dir: string;
  let path: string;
  let store: Store;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "annals-text-"));
    path = join(dir, "t.db");
    store = openStore(path);
    store.put(
      fixture(
        "t.md",
        RAW,
        [KOREA, USA],
        [
          { type: "other", value: "2001", mention: "2001年美国GDP增长100%_X", source: ["USA"] },
          { type: "other", value: "2002", mention: "2002年美国GDP增长100xyX", source: ["USA"] },
          { type: "other", value: "2003", mention: "2003年朝鲜举行阅兵ABC", source: ["PRK"] },
          {
            type: "talks",
            value: "2004",
            mention: "2004年朝鲜与美国举行会谈",
            source: ["PRK", "USA"],
          },
        ],
      ),
    );
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const years = (q: string) => store.events({ query: q }).map((e) => e.date?.value);
  const found = (q: string) => store.search(q).map((h) => h.text.slice(0, 4));

  it.each<[string, string[]]>([
    ["100%_x", ["2001"]],
    ["100", ["2001", "2002"]],
    ["gdp增长", ["2001", "2002"]],
    ["GDP增长100", ["2001", "2002"]],
    ["abc", ["2003"]],
    ["朝鲜举行", ["2003"]],
    ["举行 美国", ["2004"]],
    ["_x", ["2001"]],
    ["%%%", []],
  ])("%j finds the events and sentences of %j", (q, expected) => {
    expect(years(q)).toEqual(expected);
    expect(found(q)).toEqual(expected);
  });

  it("keeps the sentences' index without positions, the mentions' with them", () => {
    store.close();
    const db = new Database(path, { readonly: true });
    const sql = (name: string) =>
      db
        .prepare<[string], string>("SELECT sql FROM sqlite_schema WHERE name = ?")
        .pluck()
        .get(name);
    expect(sql("sentences_fts")).toMatch(/detail=none/);
    expect(sql("event_mentions_fts")).not.toMatch(/detail/);
    db.close();
    store = openStore(path);
  });

  it("migration 11 drops the positions of a version-10 store's sentence index, same answers", () => {
    const queries = ["100%_x", "gdp增长", "abc", "举行 美国", "朝鲜"];
    const before = queries.map((q) => [years(q), found(q)]);
    store.close();
    // Back to the sentence index of version 10: the same table with positions.
    const db = new Database(path);
    db.exec(`DROP TABLE sentences_fts;
      CREATE VIRTUAL TABLE sentences_fts USING fts5(analysis, content='sentences',
        content_rowid='rowid', tokenize='trigram', columnsize=0);
      INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');`);
    db.pragma("user_version = 10");
    db.close();
    store = openStore(path);
    expect(queries.map((q) => [years(q), found(q)])).toEqual(before);
    expect(store.integrityCheck()).toBe("ok");
  });
});
