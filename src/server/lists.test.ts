import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeStore } from "../../test/browser/fake-store.js";
import { HOSTILE, RELATIONS } from "../../test/browser/fixtures.js";
import { createApp } from "./app.js";
import { relativeSources } from "./sources.js";

let app: FastifyInstance;

beforeAll(async () => {
  const store = new FakeStore([
    { ...RELATIONS, source: "/srv/annals/corpus/relations.md" },
    { ...HOSTILE, source: "/srv/annals/corpus/more/hostile.md" },
  ]);
  app = await createApp({ store });
});

afterAll(async () => {
  await app.close();
});

async function json(url: string): Promise<Record<string, unknown>> {
  const res = await app.inject({ method: "GET", url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Ids (or another key) of the list under `key` of `url`'s reply. */
async function ids(url: string, key: string, field = "id"): Promise<unknown[]> {
  const list = (await json(url))[key] as Array<Record<string, unknown>>;
  return list.map((item) => (field === "" ? item : item[field]));
}

describe("server: every list endpoint takes limit and offset", () => {
  test.each([
    ["/api/documents", "documents", "id"],
    ["/api/events", "events", "id"],
    ["/api/entities", "entities", "id"],
    ["/api/findings", "findings", "kind"],
    [`/api/search?q=${encodeURIComponent("朝鮮")}`, "hits", "start"],
    ["/api/pairs?a=USA&b=PRK", "events", "id"],
    ["/api/entities/USA", "events", "id"],
  ])("%s (%s)", async (url, key, field) => {
    const join = url.includes("?") ? "&" : "?";
    const all = await ids(url, key, field);
    expect(all.length).toBeGreaterThan(1);
    expect(await ids(`${url}${join}limit=1`, key, field)).toEqual(all.slice(0, 1));
    expect(await ids(`${url}${join}offset=1`, key, field)).toEqual(all.slice(1));
    expect(await ids(`${url}${join}limit=1&offset=1`, key, field)).toEqual(all.slice(1, 2));
  });

  test.each(["limit=0", "limit=x", "offset=-1", "offset=1.5", "offset=99999999"])(
    "/api/events?%s → 400",
    async (query) => {
      const res = await app.inject({ method: "GET", url: `/api/events?${query}` });
      expect(res.statusCode).toBe(400);
    },
  );
});

describe("server: sources relative to the ingest root", () => {
  test("/api/documents and /api/documents/:id never show the server's folders", async () => {
    const list = await json("/api/documents");
    const docs = list.documents as Array<{ id: string; source: string }>;
    expect(docs.map((d) => d.source).sort()).toEqual(["more/hostile.md", "relations.md"]);
    for (const doc of docs) {
      const one = await json(`/api/documents/${encodeURIComponent(doc.id)}`);
      expect((one.document as { summary: { source: string } }).summary.source).toBe(doc.source);
    }
  });

  test.each([
    [
      ["/a/b/x.md", "/a/b/c/y.md"],
      ["x.md", "c/y.md"],
    ],
    [["/a/b/x.md"], ["x.md"]],
    [
      ["/a/x.md", "/b/y.md"],
      ["a/x.md", "b/y.md"],
    ],
    [
      ["<stdin>", "/a/b/x.md"],
      ["<stdin>", "x.md"],
    ],
    [["/a/b/f.jsonl#标题"], ["f.jsonl#标题"]],
  ])("%j → %j", (sources, shown) => {
    expect(sources.map(relativeSources(sources))).toEqual(shown);
  });
});

describe("server: pairs resolve actors exactly", () => {
  test.each([
    ["a=USA&b=PRK", "USA", "PRK"],
    [`a=${encodeURIComponent("美國")}&b=${encodeURIComponent("朝鲜")}`, "USA", "PRK"],
    [`a=${encodeURIComponent("美国")}&b=${encodeURIComponent("北韓")}`, "USA", "PRK"],
  ])("%s → %s, %s", async (query, a, b) => {
    const pair = await json(`/api/pairs?${query}`);
    expect([(pair.a as { id: string }).id, (pair.b as { id: string }).id]).toEqual([a, b]);
  });

  test.each(["a=0&b=USA", "a=US&b=PRK", `a=${encodeURIComponent("聯合國")}&b=USA`])(
    "%s → 404 (no match by part of a name)",
    async (query) => {
      const res = await app.inject({ method: "GET", url: `/api/pairs?${query}` });
      expect(res.statusCode).toBe(404);
    },
  );
});

describe("server: keyset paging of /api/events (after=, next)", () => {
  test("following next walks every event once, in order", async () => {
    const all = await ids("/api/events", "events");
    const seen: unknown[] = [];
    let url = "/api/events?limit=1";
    for (let i = 0; i <= all.length; i += 1) {
      const reply = await json(url);
      seen.push(...(reply.events as Array<{ id: string }>).map((e) => e.id));
      if (reply.next === null) break;
      expect(reply.next).toMatch(/^.+\/[^/]+$/);
      url = `/api/events?limit=1&after=${encodeURIComponent(String(reply.next))}`;
    }
    expect(seen).toEqual(all);
  });

  test("a page that is not full has no next; a bad cursor is a 400", async () => {
    expect((await json("/api/events?limit=1000")).next).toBeNull();
    for (const after of ["nope/e1", "no-slash"]) {
      const res = await app.inject({ method: "GET", url: `/api/events?after=${after}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatch(/^after/);
    }
  });
});
