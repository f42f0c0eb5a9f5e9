/**
 * The store contract on every backend: the same tests through the public `Store` interface on
 * a SQLite file and (when `ANNALS_TEST_PG` names a server) on PostgreSQL, plus a cross-check
 * that both backends answer every query alike on real articles.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import { extract } from "../extract.js";
import type { EventQuery } from "../model/index.js";
import { hashText, openStore, type Extracted, type Store } from "./index.js";
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
import {
  createTestDatabase,
  dropTestDatabase,
  emptyDatabase,
  PG_SKIP_NOTE,
  sql,
  TEST_PG,
} from "../../test/pg.js";

/** One backend: where a fresh empty store lives, and raw SQL on it for the edge tests. */
interface Backend {
  name: string;
  setup(): Promise<void>;
  /** Before each test: a location holding an empty store. */
  reset(): Promise<string>;
  exec(location: string, text: string, values: unknown[]): Promise<void>;
  teardown(): Promise<void>;
}

let tmp = "";
const sqlite: Backend = {
  name: "sqlite",
  setup: async () => {
    tmp = mkdtempSync(join(tmpdir(), "annals-contract-"));
  },
  reset: async () => {
    const file = join(tmp, `s${Math.random().toString(36).slice(2)}.db`);
    return file;
  },
  exec: async (location, text, values) => {
    const db = new Database(location);
    db.prepare(text.replace(/\$\d+/g, "?")).run(...values);
    db.close();
  },
  teardown: async () => rmSync(tmp, { recursive: true, force: true }),
};

const PG_DB = `annals_contract_${process.pid}`;
let pgUrl = "";
const postgres: Backend = {
  name: "postgres",
  setup: async () => {
    pgUrl = await createTestDatabase(TEST_PG ?? "", PG_DB);
  },
  reset: async () => {
    await emptyDatabase(pgUrl);
    return pgUrl;
  },
  exec: (location, text, values) => sql(location, text, values),
  teardown: () => dropTestDatabase(TEST_PG ?? "", PG_DB),
};

const BACKENDS = TEST_PG === null ? [sqlite] : [sqlite, postgres];
if (TEST_PG === null) describe.skip(PG_SKIP_NOTE, () => it("postgres", () => undefined));

describe.each(BACKENDS)("store contract: $name", (backend) => {
  let location: string;
  let store: Store;

  beforeAll(() => backend.setup());
  afterAll(() => backend.teardown());
  beforeEach(async () => {
    location = await backend.reset();
    store = openStore(location);
  });
  afterEach(() => store.close());

  function loadBoth(): { a: Extracted; b: Extracted } {
    const a = fixture("a.md", RAW_A, [KOREA, USA, JPN], EVENTS_A);
    const b = fixture("b.md", RAW_B, [KOREA, USA, JPN], EVENTS_B);
    expect(store.put(a)).toBe("inserted");
    expect(store.put(b)).toBe("inserted");
    return { a, b };
  }

  it("round-trips a document and its chronicle", () => {
    const { a } = loadBoth();
    const stored = store.document(a.document.id);
    expect(stored?.raw).toBe(RAW_A);
    expect(stored?.text.cn).toBe(a.normalized.cn);
    expect(stored?.text.tw).toBe(a.normalized.tw);
    expect(stored?.rawStarts).toEqual(Array.from(a.document.rawStarts));
    expect(stored?.rawEnds).toEqual(Array.from(a.document.rawEnds));
    expect(stored?.sentences).toEqual(a.document.sentences);
    expect(stored?.blocks).toEqual(a.document.blocks);
    expect(stored?.chronicle).toEqual(a.chronicle);
    expect(stored?.summary.hash).toBe(hashText(RAW_A));
    expect(stored?.summary.counts).toEqual({
      timexes: a.chronicle.timexes.length,
      entities: 3,
      events: 6,
      findings: 1,
    });
    expect(store.document("a.md")?.summary.id).toBe(a.document.id);
    expect(store.document("nope")).toBeNull();
  });

  it("refuses writes through a read-only store", () => {
    loadBoth();
    const ro = openStore(location, { readonly: true });
    try {
      expect(() => ro.put(fixture("c.md", RAW_A, [], []))).toThrow(/read-only/);
      expect(ro.documents()).toHaveLength(2);
    } finally {
      ro.close();
    }
  });

  it("changes its data version when another connection writes", () => {
    const { a } = loadBoth();
    const reader = openStore(location, { readonly: true });
    try {
      const before = reader.dataVersion?.();
      expect(reader.dataVersion?.()).toBe(before);
      store.put(a, { force: true });
      expect(reader.dataVersion?.()).not.toBe(before);
    } finally {
      reader.close();
    }
  });

  it("is a no-op for the same source and text, re-extracts after a pipeline change, replaces a changed text", async () => {
    const { a } = loadBoth();
    const before = store.counts();
    expect(store.hasHash("a.md", hashText(RAW_A))).toBe(true);
    expect(store.put(a)).toBe("unchanged");
    expect(store.counts()).toEqual(before);
    expect(store.put(a, { force: true })).toBe("replaced");
    expect(store.counts()).toEqual(before);

    await backend.exec(location, "UPDATE documents SET pipeline = 'older' WHERE source = $1", [
      "a.md",
    ]);
    expect(store.hasHash("a.md", hashText(RAW_A))).toBe(false);
    expect(store.put(a)).toBe("replaced");

    const changed = changedA();
    expect(store.put(changed)).toBe("replaced");
    expect(store.integrityCheck()).toBe("ok");
    expect(store.counts()).toMatchObject({ documents: 2, events: EVENTS_B.length + 1 });
    expect(store.document(a.document.id)).toBeNull();
    expect(store.search("框架協議")).toEqual([]);
    expect(store.search("停火协议").map((h) => h.doc)).toEqual([changed.document.id]);
    expect(store.events({ query: "框架协议" })).toEqual([]);
  });

  it("writes nothing of a document whose insert fails half-way", () => {
    const bad = fixture("bad.md", RAW_B, [KOREA], EVENTS_B);
    (bad.chronicle.events[1] as { summary: unknown }).summary = null;
    (bad.chronicle.events[1] as { type: unknown }).type = null;
    expect(() => store.put(bad)).toThrow();
    expect(store.counts()).toMatchObject({ documents: 0, sentences: 0, events: 0 });
    expect(store.search("朝鲜")).toEqual([]);
  });

  it("remove() deletes every row of a document, search index included", () => {
    const { a } = loadBoth();
    expect(store.remove("a.md")).toBe(true);
    expect(store.remove("a.md")).toBe(false);
    expect(store.search("框架协议")).toEqual([]);
    expect(store.search("美")).toHaveLength(1);
    expect(store.entities({ doc: a.document.id })).toEqual([]);
    expect(store.integrityCheck()).toBe("ok");
  });

  it.each([
    ["朝鮮", 6],
    ["朝鲜", 6],
    ["框架協議", 1],
    ["会谈", 2],
    ["日本 会谈", 1],
    ["火箭 发射", 1],
    ["不存在的词", 0],
    ["美", 4],
    ["北韓", 1],
    ["  ", 0],
  ])("search(%j) finds %i sentences", (q, n) => {
    loadBoth();
    expect(store.search(q)).toHaveLength(n);
  });

  it("search limits and filters by document, returning raw spans", () => {
    const { b } = loadBoth();
    expect(store.search("朝鲜", { limit: 2 })).toHaveLength(2);
    const inB = store.search("朝鲜", { doc: "b.md" });
    expect(inB).toHaveLength(1);
    const hit = inB[0]!;
    expect(b.document.raw.slice(hit.start, hit.end)).toBe(hit.text);
    expect(hit.docTitle).toBe("b");
  });

  it.each<[string, EventQuery, string[]]>([
    ["all, undated last", {}, ["b:e2", "a:e1", "b:e1", "a:e3", "a:e2", "a:e4", "a:e5", "a:e6"]],
    ["doc by source", { doc: "b.md" }, ["b:e2", "b:e1"]],
    ["types", { types: ["talks", "sanction"] }, ["b:e1", "a:e4", "a:e5", "a:e6"]],
    ["actor id, any case", { actor: "jpn" }, ["b:e2", "a:e4", "a:e6"]],
    [
      "actor by alias",
      { actor: "北韓", doc: "a.md" },
      ["a:e1", "a:e3", "a:e2", "a:e4", "a:e5", "a:e6"],
    ],
    ["actor: unknown", { actor: "蘇聯" }, []],
    ["pair, either direction", { pair: ["朝鲜", "USA"], doc: "a.md" }, ["a:e1", "a:e3", "a:e5"]],
    ["pair: other does not count", { pair: ["JPN", "PRK"] }, ["a:e4"]],
    ["pair: same actor twice", { pair: ["PRK", "朝鮮"] }, []],
    ["from month", { from: "2009-05" }, ["a:e4", "a:e5"]],
    ["from inside a decade", { from: "1895", to: "1900" }, ["b:e2"]],
    ["from/to month window", { from: "2009-04", to: "2009-04" }, ["a:e3", "a:e2"]],
    ["to: nothing before", { to: "1800" }, []],
    ["to year", { to: "2009" }, ["b:e2", "a:e1", "b:e1", "a:e3", "a:e2", "a:e4"]],
    ["query 3+ chars", { query: "發射火箭" }, ["a:e2"]],
    ["query 2 chars", { query: "制裁" }, ["a:e5"]],
    ["query 1 char", { query: "譴" }, ["a:e3"]],
    ["query mixed", { query: "美国 框架协议" }, ["a:e1"]],
    ["query LIKE wildcards are literal", { query: "%%% __" }, []],
    ["limit", { limit: 2 }, ["b:e2", "a:e1"]],
    ["offset and limit", { offset: 2, limit: 3 }, ["b:e1", "a:e3", "a:e2"]],
    ["offset past the end", { offset: 8, limit: 3 }, []],
    ["offset without limit", { offset: 6 }, ["a:e5", "a:e6"]],
    ["offset over date parts", { from: "1895", offset: 1, limit: 2 }, ["a:e1", "b:e1"]],
    ["offset over a selective filter", { actor: "jpn", offset: 1, limit: 1 }, ["a:e4"]],
    ["filters combine", { actor: "USA", types: ["talks"], from: "1990", to: "1999" }, ["b:e1"]],
  ])("events: %s", (_name, query, expected) => {
    const { a } = loadBoth();
    const label = (doc: string) => (doc === a.document.id ? "a" : "b");
    expect(store.events(query).map((e) => `${label(e.doc)}:${e.id}`)).toEqual(expected);
  });

  it("entities, findings and documents", () => {
    const { a, b } = loadBoth();
    const prk = store.entity("PRK");
    expect(prk?.docs).toEqual([a.document.id, b.document.id]);
    expect(prk?.events).toBe(7);
    expect(prk?.names).toEqual(["朝鮮", "北韓", "朝鲜"]);
    expect(store.entity("XXX")).toBeNull();
    expect(store.entities().map((e) => e.id)).toEqual(["PRK", "USA", "JPN"]);
    expect(store.entities({ query: "北韩" }).map((e) => e.id)).toEqual(["PRK"]);
    expect(store.entities({ query: "美" }).map((e) => e.id)).toEqual(["USA"]);
    expect(store.findings()).toHaveLength(2);
    expect(store.findings({ doc: b.document.id })[0]).toMatchObject({
      doc: b.document.id,
      text: "19",
    });
    expect(store.documents().map((d) => [d.title, d.counts.events])).toEqual([
      ["a", 6],
      ["b", 2],
    ]);
  });

  it("timexFindings: the findings on exactly a timex's span, without reading documents", () => {
    const x = extract({ raw: readFileSync("samples/us-dprk.md", "utf8"), name: "us-dprk.md" });
    store.put(x);
    const doc = x.document.id;
    const { timexes, findings } = x.chronicle;
    const expected = timexes.flatMap((t) =>
      findings
        .filter((f) => f.start === t.start && f.end === t.end)
        .map((f) => ({ ...f, doc, timex: t.id })),
    );
    // The sample's chronology slips sit on timexes; the test needs some to mean anything.
    expect(expected.length).toBeGreaterThan(2);
    const refs = [
      ...timexes.map((t) => ({ doc, timex: t.id })),
      { doc, timex: timexes[0]?.id ?? "" },
      { doc, timex: "t999999" },
      { doc: "no-such-document", timex: "t1" },
    ];
    const got = store.timexFindings(refs);
    const order = (a: { timex: string; start: number }, b: { timex: string; start: number }) =>
      a.timex.localeCompare(b.timex) || a.start - b.start;
    expect([...got].sort(order)).toEqual([...expected].sort(order));
    expect(store.timexFindings([])).toEqual([]);
    expect(store.timexFindings([{ doc, timex: "t999999" }])).toEqual([]);
  });
});

describe.skipIf(TEST_PG === null)(
  "store contract: PostgreSQL answers as SQLite on real articles",
  () => {
    // Relations, a disaster, a company and software: four kinds of article.
    const files = [
      "samples/us-dprk.md",
      "test/corpus/articles/09_tangshan-earthquake.md",
      "test/corpus/articles/10_lee-rubber-group.md",
      "test/corpus/articles/13_dotnet-core.md",
    ];
    let lite: Store;
    let pgStore: Store;
    const name = `annals_cross_${process.pid}`;
    beforeAll(async () => {
      await sqlite.setup();
      lite = openStore(join(tmp, "cross.db"));
      pgStore = openStore(await createTestDatabase(TEST_PG ?? "", name));
      for (const file of files) {
        const x = extract({ raw: readFileSync(file, "utf8"), name: file });
        lite.put(x);
        pgStore.put(x);
      }
    });
    afterAll(async () => {
      lite.close();
      pgStore.close();
      await dropTestDatabase(TEST_PG ?? "", name);
      await sqlite.teardown();
    });

    it("documents and whole stored documents", () => {
      expect(pgStore.documents()).toEqual(lite.documents());
      for (const d of lite.documents()) expect(pgStore.document(d.id)).toEqual(lite.document(d.id));
    });

    it.each<EventQuery>([
      {},
      { limit: 7 },
      { actor: "PRK" },
      { actor: "美國" },
      { pair: ["USA", "PRK"] },
      { from: "2000", to: "2009-06" },
      { types: ["talks", "sanction", "weapons_test"] },
      { query: "核" },
      { query: "核武" },
      { query: "六方會談" },
      { query: "核", from: "2003", to: "2009", limit: 5 },
      { query: "美国", types: ["talks", "statement"], limit: 10 },
      { query: "核", actor: "PRK", limit: 10 },
      { query: "朝鲜", limit: 3, offset: 2 },
    ])("events(%j)", (query) => {
      expect(pgStore.events(query)).toEqual(lite.events(query));
    });

    it.each(["朝鲜", "美", "核试验", "1994", "联合国 安理会"])("search(%j)", (q) => {
      expect(pgStore.search(q)).toEqual(lite.search(q));
    });

    it("entities and findings", () => {
      expect(pgStore.entities()).toEqual(lite.entities());
      expect(pgStore.entities({ query: "朝" })).toEqual(lite.entities({ query: "朝" }));
      expect(pgStore.findings()).toEqual(lite.findings());
      const refs = lite
        .documents()
        .flatMap((d) =>
          (lite.document(d.id)?.chronicle.timexes ?? []).map((t) => ({ doc: d.id, timex: t.id })),
        );
      expect(pgStore.timexFindings(refs)).toEqual(lite.timexFindings(refs));
    });
  },
);
