/**
 * A text filter alone reads its matches band by band (migration 6) and falls back to the
 * timeline walk for common terms: both paths give the SQLite store's answer, page for page.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extract } from "../../extract.js";
import type { EventQuery } from "../../model/index.js";
import { openStore, type Store } from "../index.js";
import { PgStore } from "./pg-store.js";
import { createTestDatabase, dropTestDatabase, TEST_PG } from "../../../test/pg.js";

// Events from the 1860s to the 2010s: many bands.
const FILES = [
  "samples/us-dprk.md",
  "test/corpus/articles/09_tangshan-earthquake.md",
  "test/corpus/articles/13_dotnet-core.md",
];

const QUERIES: EventQuery[] = [
  { query: "朝鲜", limit: 5 },
  { query: "朝鲜", limit: 5, offset: 5 },
  { query: "美国", limit: 1 },
  { query: "美国", limit: 30, offset: 12 },
  { query: "會談", limit: 4 },
  { query: "核", limit: 3, offset: 40 },
  { query: "六方会谈", limit: 50 },
  { query: "美国 朝鲜", limit: 7, offset: 3 },
  { query: "地震", limit: 2 },
  { query: "没有这个词", limit: 5 },
  { query: "年", limit: 0 },
];

describe.skipIf(TEST_PG === null)("PostgreSQL text filter by bands", () => {
  const tmp = mkdtempSync(join(tmpdir(), "annals-bands-"));
  const name = `annals_bands_${process.pid}`;
  let lite: Store;
  let url = "";
  const stores: Array<[string, PgStore]> = [];

  beforeAll(async () => {
    lite = openStore(join(tmp, "bands.db"));
    url = await createTestDatabase(TEST_PG ?? "", name);
    const writer = await PgStore.open(url);
    for (const file of FILES) {
      const x = extract({ raw: readFileSync(file, "utf8"), name: file });
      lite.put(x);
      await writer.put(x);
    }
    await writer.close();
    // The default reads bands; a cap of 2 sends every term with more matches to the walk.
    for (const cap of [undefined, 2]) {
      stores.push([
        `cap ${cap ?? "default"}`,
        await PgStore.open(url, cap === undefined ? {} : { textBandCap: cap }),
      ]);
    }
  });
  afterAll(async () => {
    lite.close();
    for (const [, store] of stores) await store.close();
    await dropTestDatabase(TEST_PG ?? "", name);
    rmSync(tmp, { recursive: true, force: true });
  });

  it("has mentions in several bands", async () => {
    const bands: number[] = [];
    const client = await import("pg");
    const c = new client.default.Client({ connectionString: url });
    await c.connect();
    for (const r of (await c.query<{ band: number }>("SELECT band FROM event_bands ORDER BY band"))
      .rows)
      bands.push(r.band);
    await c.end();
    expect(bands.length).toBeGreaterThan(5);
    expect(bands).toEqual([...bands].sort((a, b) => a - b));
  });

  it.each(QUERIES)("events(%j) equals SQLite on both paths", async (query) => {
    const expected = lite.events(query);
    for (const [, store] of stores) expect(await store.events(query)).toEqual(expected);
  });

  it.each<[string, number]>([
    ["朝鲜", 5],
    ["美國", 1],
    ["六方会谈", 20],
    ["核 美国", 7],
    ["地震", 3],
    ["没有这个词", 5],
  ])("search(%j, limit %i) equals SQLite on both paths", async (text, limit) => {
    const expected = lite.search(text, { limit });
    for (const [, store] of stores) expect(await store.search(text, { limit })).toEqual(expected);
  });

  it("settles a page of a rare term by bands, and walks the timeline for a common one", async () => {
    // Statements each store sends for one query: the band read alone, or then the walk.
    const sent = async (store: PgStore, query: EventQuery) => {
      const spy = store as unknown as { query: (...args: unknown[]) => Promise<unknown> };
      const original = spy.query.bind(store);
      let n = 0;
      spy.query = (...args) => {
        n += 1;
        return original(...args);
      };
      await store.events(query);
      spy.query = original;
      return n;
    };
    const [, banded] = stores[0] ?? [];
    const [, capped] = stores[1] ?? [];
    if (banded === undefined || capped === undefined) throw new Error("stores not opened");
    expect(await sent(banded, { query: "六方会谈", limit: 5 })).toBe(1);
    expect(await sent(capped, { query: "六方会谈", limit: 5 })).toBe(2);
  });

  it("a band added by a later write is walked too", async () => {
    const writer = await PgStore.open(url);
    const raw = "1620年3月1日，美国与朝鲜在汉城举行会谈。\n";
    const x = extract({ raw, name: "bands-extra.md" });
    expect(x.chronicle.events.map((e) => e.date.value)).toContain("1620-03-01");
    lite.put(x);
    await writer.put(x);
    await writer.close();
    for (const query of QUERIES) {
      const expected = lite.events(query);
      for (const [, store] of stores) expect(await store.events(query)).toEqual(expected);
    }
  });
});
