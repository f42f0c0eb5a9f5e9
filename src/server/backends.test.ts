/**
 * The JSON API over each store backend: the same articles in a SQLite file and (when
 * `ANNALS_TEST_PG` names a server) in PostgreSQL; every backend answers the query shapes the
 * page uses correctly, and both give the same bodies for every URL.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extract } from "../extract.js";
import { openStore, postgres } from "../store/index.js";
import { createTestDatabase, dropTestDatabase, PG_SKIP_NOTE, TEST_PG } from "../../test/pg.js";
import { createApp } from "./app.js";

const FILES = [
  "samples/us-dprk.md",
  "test/corpus/articles/07_gapsin-coup.md",
  "test/corpus/articles/09_tangshan-earthquake.md",
];
const PG_DB = `annals_api_${process.pid}`;

interface Served {
  name: string;
  close: () => unknown;
  app: FastifyInstance;
}
const served: Served[] = [];
let tmp = "";

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "annals-api-backends-"));
  const locations: Array<[string, string]> = [["sqlite", join(tmp, "api.db")]];
  if (TEST_PG !== null) locations.push(["postgres", await createTestDatabase(TEST_PG, PG_DB)]);
  const extractions = FILES.map((file) => extract({ raw: readFileSync(file, "utf8"), name: file }));
  for (const [name, location] of locations) {
    const writer = openStore(location);
    for (const x of extractions) writer.put(x);
    writer.close();
    const store = openStore(location, { readonly: true, verify: true });
    const app = await createApp({ store, staticDir: join(tmp, "none") });
    served.push({ name, close: () => store.close(), app });
  }
  if (TEST_PG !== null) {
    // What `annals serve` uses for PostgreSQL: the asynchronous store, no bridge thread.
    const location = locations[1]![1];
    const store = await postgres.PgStore.open(location, { readonly: true, connections: 3 });
    const app = await createApp({ store, staticDir: join(tmp, "none") });
    served.push({ name: "postgres (async)", close: () => store.close(), app });
  }
});
afterAll(async () => {
  for (const s of served) await s.app.close();
  for (const s of served) await s.close();
  if (TEST_PG !== null) await dropTestDatabase(TEST_PG, PG_DB);
  rmSync(tmp, { recursive: true, force: true });
});

async function get(s: Served, url: string): Promise<Record<string, unknown>> {
  const res = await s.app.inject({ method: "GET", url });
  expect(res.statusCode, `${s.name} ${url}: ${res.body.slice(0, 200)}`).toBe(200);
  return res.json();
}

interface ApiEvent {
  date: { value: string | null };
  actors: { source: string[]; target: string[]; other: string[] };
  mentions: Array<{ text: string }>;
}

const URLS = [
  "/api/documents",
  "/api/events?limit=50",
  "/api/events?pair=USA,PRK&limit=50",
  "/api/events?actor=%E6%9C%9D%E9%AE%AE&from=2000&to=2010",
  "/api/events?type=weapons_test,sanction",
  "/api/events?q=%E6%A0%B8",
  "/api/events?q=%E5%85%AD%E6%96%B9%E6%9C%83%E8%AB%87",
  "/api/search?q=%E5%85%AD%E6%96%B9%E4%BC%9A%E8%B0%88",
  "/api/search?q=%E7%BE%8E",
  "/api/entities?limit=20",
  "/api/entities/PRK",
  "/api/findings",
  "/api/pairs?a=USA&b=PRK",
];

describe("API over every store backend", () => {
  if (TEST_PG === null) it.skip(PG_SKIP_NOTE, () => undefined);

  it("serves the documents and events in timeline order", async () => {
    for (const s of served) {
      const docs = (await get(s, "/api/documents")).documents as unknown[];
      expect(docs, s.name).toHaveLength(FILES.length);
      const events = (await get(s, "/api/events?limit=50")).events as ApiEvent[];
      expect(events, s.name).toHaveLength(50);
      const dated = events.map((e) => e.date.value).filter((v) => v !== null && /^\d/.test(v));
      expect(dated, s.name).toEqual([...dated].sort());
    }
  });

  it("filters by pair, actor and dates, and by text in either script", async () => {
    for (const s of served) {
      const pair = (await get(s, "/api/events?pair=USA,PRK&limit=50")).events as ApiEvent[];
      expect(pair.length, s.name).toBeGreaterThan(5);
      for (const e of pair) {
        const parties = [...e.actors.source, ...e.actors.target];
        expect(parties, s.name).toEqual(expect.arrayContaining(["USA", "PRK"]));
      }
      const ranged = (await get(s, "/api/events?actor=%E6%9C%9D%E9%AE%AE&from=2000&to=2010"))
        .events as ApiEvent[];
      expect(ranged.length, s.name).toBeGreaterThan(0);
      for (const e of ranged)
        expect(e.date.value?.slice(0, 4) ?? "", s.name).toMatch(/^200\d|^2010/);
      const nuclear = (await get(s, "/api/events?q=%E6%A0%B8")).events as ApiEvent[];
      expect(nuclear.length, s.name).toBeGreaterThan(0);
      for (const e of nuclear)
        expect(e.mentions.map((m) => m.text).join(""), s.name).toContain("核");
      const hits = (await get(s, "/api/search?q=%E5%85%AD%E6%96%B9%E4%BC%9A%E8%B0%88"))
        .hits as Array<{
        text: string;
      }>;
      expect(hits.length, s.name).toBeGreaterThan(0);
      for (const h of hits) expect(h.text, s.name).toMatch(/六方[會会][談谈]/);
    }
  });

  it.skipIf(TEST_PG === null).each(URLS)("PostgreSQL answers %s as SQLite does", async (url) => {
    const [lite, ...others] = served;
    const expected = await get(lite!, url);
    for (const s of others) expect(await get(s, url), s.name).toEqual(expected);
  });
});
