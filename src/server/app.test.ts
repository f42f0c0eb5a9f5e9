import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeStore } from "../../test/browser/fake-store.js";
import { HOSTILE, RELATIONS } from "../../test/browser/fixtures.js";
import { createApp } from "./app.js";
import { EVENT_TYPES } from "../model/index.js";

let app: FastifyInstance;
let store: FakeStore;
let root: string;
let docId: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "annals-server-"));
  mkdirSync(join(root, "web", "assets"), { recursive: true });
  writeFileSync(join(root, "web", "index.html"), "<!doctype html><title>annals</title>");
  writeFileSync(join(root, "web", "assets", "app.js"), "console.log(1)");
  writeFileSync(join(root, "secret.txt"), "TOP-SECRET");
  store = new FakeStore([RELATIONS, HOSTILE]);
  docId = store.documents()[0]?.id ?? "";
  app = await createApp({ store, staticDir: join(root, "web") });
});

afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

async function get(url: string) {
  const res = await app.inject({ method: "GET", url });
  return {
    status: res.statusCode,
    headers: res.headers,
    body: res.body,
    json: () => res.json() as Record<string, unknown>,
  };
}

describe("server:api/ok", () => {
  test("documents lists every document with both-script titles", async () => {
    const res = await get("/api/documents");
    expect(res.status).toBe(200);
    const docs = res.json().documents as Array<{ id: string; display: { cn: string; tw: string } }>;
    expect(docs.map((d) => d.id)).toEqual(store.documents().map((d) => d.id));
    expect(docs[0]?.display.cn).toBe("美国-北韩关系");
  });

  test("document view places every annotation on the display text", async () => {
    const res = await get(`/api/documents/${docId}`);
    expect(res.status).toBe(200);
    const doc = res.json().document as {
      text: { original: string; cn: string; tw: string };
      marks: Array<{
        kind: string;
        id: string;
        textStart: number;
        textEnd: number;
        url?: string | null;
      }>;
      events: Array<{ id: string; ranges: Array<{ textStart: number; textEnd: number }> }>;
      footnotes: Array<{ n: number; at: number; reference: number | null }>;
      references: Array<{ n: number; text: string; urls: string[] }>;
    };
    expect(doc.text.cn.length).toBe(doc.text.original.length);
    expect(doc.text.tw.length).toBe(doc.text.original.length);
    const timex = doc.marks.find((m) => m.kind === "timex" && m.id === "t2");
    expect(timex && doc.text.original.slice(timex.textStart, timex.textEnd)).toBe("1994年10月");
    const e3 = doc.events.find((e) => e.id === "e3");
    const range = e3?.ranges[0];
    expect(range && doc.text.original.slice(range.textStart, range.textEnd)).toBe(
      "2006年10月9日朝鮮進行了一次地下核試驗。",
    );
    // Footnote [1] follows the sentence ending in 》。
    const fn = doc.footnotes.find((f) => f.n === 1);
    expect(fn && doc.text.original.slice(fn.at - 2, fn.at)).toBe("》。");
    expect(fn?.reference).toBe(1);
    expect(doc.references[1]?.urls).toEqual(["https://example.org/res1718"]);
  });

  test("events: filters by type, actor (alias, either script), pair, period, text and limit", async () => {
    const count = async (q: string) =>
      ((await get(`/api/events?${q}`)).json().events as unknown[]).length;
    expect(await count("")).toBe(11);
    expect(await count(`doc=${docId}`)).toBe(8);
    expect(await count("type=weapons_test")).toBe(2);
    expect(await count("type=weapons_test,sanction")).toBe(3);
    expect(await count("actor=UNSC")).toBe(1);
    expect(await count(`doc=${docId}&actor=${encodeURIComponent("朝鲜")}`)).toBe(8);
    expect(await count("pair=USA,PRK")).toBe(5);
    expect(await count("pair=PRK,USA")).toBe(5);
    expect(await count("from=2006&to=2006")).toBe(2);
    expect(await count("from=2006-10-10&to=2009")).toBe(2);
    expect(await count(`q=${encodeURIComponent("核试验")}`)).toBe(1);
    expect(await count("limit=3")).toBe(3);
    const first = (await get("/api/events?type=talks")).json().events as Array<{
      display: { cn: string; tw: string };
      doc: string;
    }>;
    expect(first[0]?.display.tw).toBe("美朝首腦在新加坡會談");
    expect(first[0]?.doc).toBe(docId);
  });

  test("entities: list, filter, one entity with its events and counterparts", async () => {
    const list = (await get("/api/entities")).json().entities as Array<{ id: string }>;
    expect(list.map((e) => e.id)).toContain("PRK");
    const q = (await get(`/api/entities?q=${encodeURIComponent("北韓")}`)).json()
      .entities as Array<{ id: string }>;
    expect(q.map((e) => e.id)).toEqual(["PRK"]);
    const one = (await get("/api/entities/UNSC")).json() as {
      entity: { id: string };
      events: Array<{ id: string }>;
      counterparts: Array<{ id: string; events: number }>;
    };
    expect(one.entity.id).toBe("UNSC");
    expect(one.events.map((e) => e.id)).toEqual(["e4"]);
    expect(one.counterparts).toEqual([
      expect.objectContaining({ id: "PRK", events: 1, score: -6 }),
    ]);
  });

  test("findings, search (both scripts) and pairs", async () => {
    const findings = (await get(`/api/findings?doc=${docId}`)).json().findings as Array<{
      kind: string;
      doc: string;
    }>;
    expect(findings).toEqual([
      expect.objectContaining({ kind: "year-out-of-sequence", doc: docId }),
      expect.objectContaining({ kind: "doubtful-anchor", doc: docId, confidence: 0.3 }),
    ]);
    expect(findings[0]).toEqual(
      expect.objectContaining({ display: { cn: "2009年4月5日", tw: "2009年4月5日" } }),
    );
    const simplified = (await get(`/api/search?q=${encodeURIComponent("核试验")}`)).json();
    const traditional = (await get(`/api/search?q=${encodeURIComponent("核試驗")}`)).json();
    expect((simplified.hits as unknown[]).length).toBe(1);
    expect(traditional.hits).toEqual(simplified.hits);
    const linked = (await get(`/api/search?q=${encodeURIComponent("朝鮮")}`)).json().hits as Array<{
      text: string;
      display: { cn: string; tw: string } | null;
      match: { start: number; end: number } | null;
    }>;
    const hit = linked.find((h) => h.text.includes("wikilink"));
    expect(hit?.display?.cn).not.toContain("wikilink");
    expect(hit?.display?.cn).not.toContain("](");
    const match = hit?.match;
    expect(match && hit.display?.cn.slice(match.start, match.end)).toBe("朝鲜");
    expect(match && hit.display?.tw.slice(match.start, match.end)).toBe("朝鮮");
    const pairs = (await get("/api/pairs?a=USA&b=PRK")).json() as {
      a: { id: string };
      years: Array<{ year: number; sum: number; count: number }>;
      unscored: number;
      undated: number;
    };
    expect(pairs.a.id).toBe("USA");
    expect(pairs.years.map((y) => [y.year, y.sum, y.count])).toEqual([
      [1994, 6.5, 1],
      [2002, -2.5, 1],
      [2018, 3.5, 1],
      [2019, -2.5, 1],
    ]);
    expect(pairs.unscored).toBe(1);
  });

  test("openapi describes every endpoint and every event type", async () => {
    const spec = (await get("/api/openapi.json")).json() as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: { Event: { properties: { type: { enum: string[] } } } } };
    };
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths).sort()).toEqual(
      [
        "/api/documents",
        "/api/documents/{id}",
        "/api/entities",
        "/api/entities/{id}",
        "/api/events",
        "/api/findings",
        "/api/openapi.json",
        "/api/pairs",
        "/api/search",
      ].sort(),
    );
    expect(spec.components.schemas.Event.properties.type.enum).toEqual([...EVENT_TYPES]);
  });

  test("security headers on API and static replies", async () => {
    for (const url of ["/api/documents", "/", "/nope"]) {
      const res = await get(url);
      expect(res.headers["content-security-policy"]).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    }
    const index = await get("/");
    expect(index.status).toBe(200);
    expect(index.body).toContain("<title>annals</title>");
    expect((await get("/assets/app.js")).status).toBe(200);
  });
});

describe("server:methods with the page served", () => {
  test("another method on an API path → 405 with Allow; unknown paths and files stay 404", async () => {
    const known = await app.inject({ method: "DELETE", url: "/api/events?limit=1" });
    expect(known.statusCode).toBe(405);
    expect(known.headers["allow"]).toContain("GET");
    for (const [method, url] of [
      ["DELETE", "/api/nothing"],
      ["POST", "/nothing.html"],
      ["GET", "/nothing.html"],
    ] as const) {
      expect((await app.inject({ method, url })).statusCode).toBe(404);
    }
  });
});

describe("server:api/bad-input", () => {
  const cases: Array<[string, number, RegExp]> = [
    ["/api/events?type=bogus", 400, /unknown event type 'bogus'/],
    ["/api/events?type=talks,,bogus", 400, /unknown event type 'bogus'/],
    ["/api/events?type=", 400, /type must name at least one event type/],
    ["/api/events?from=2009-13", 400, /from must be a date/],
    ["/api/events?from=yesterday", 400, /from must be a date/],
    ["/api/events?to=2009-02-32", 400, /to must be a date/],
    ["/api/events?to=2009-02-30", 400, /to must be a day the calendar has/],
    ["/api/events?from=2010-04-31", 400, /from must be a day the calendar has/],
    ["/api/events?from=2010&to=2009", 400, /from must not be later than to/],
    ["/api/events?limit=0", 400, /limit must be a whole number/],
    ["/api/events?limit=-1", 400, /limit must be a whole number/],
    ["/api/events?limit=abc", 400, /limit must be a whole number/],
    ["/api/events?limit=99999", 400, /limit must be a whole number/],
    ["/api/events?limit=1&limit=2", 400, /limit/],
    ["/api/events?pair=USA", 400, /pair must be two actors/],
    ["/api/events?pair=USA,PRK,CHN", 400, /pair must be two actors/],
    ["/api/events?pair=,PRK", 400, /pair must be two actors/],
    ["/api/events?actor=", 400, /actor must not be empty/],
    ["/api/events?colour=red", 400, /unknown parameter 'colour'/],
    ["/api/events?doc=nope", 404, /unknown document 'nope'/],
    ["/api/documents/nope", 404, /unknown document 'nope'/],
    ["/api/documents?x=1", 400, /unknown parameter 'x'/],
    ["/api/entities/NOPE", 404, /unknown entity 'NOPE'/],
    ["/api/entities?limit=x", 400, /limit/],
    ["/api/entities?doc=nope", 404, /unknown document/],
    ["/api/findings?doc=nope", 404, /unknown document/],
    ["/api/search", 400, /q is required/],
    ["/api/search?q=", 400, /q must not be empty/],
    ["/api/pairs?a=USA", 400, /b is required/],
    ["/api/pairs?a=USA&b=USA", 400, /two different actors/],
    ["/api/pairs?a=USA&b=NOPE", 404, /unknown actor 'NOPE'/],
    ["/api/nothing-here", 404, /not found/],
    ["/api/documents/%zz", 400, /bad request/],
  ];
  test.each(cases)("%s → %i", async (url, status, message) => {
    const res = await get(url);
    expect(res.status).toBe(status);
    expect(res.headers["content-type"]).toMatch(/application\/json/);
    expect(String(res.json().error)).toMatch(message);
  });

  test("every event type is accepted", async () => {
    const res = await get(`/api/events?type=${EVENT_TYPES.join(",")}`);
    expect(res.status).toBe(200);
  });
});

describe("server:static/traversal", () => {
  const attempts = [
    "/../secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e/secret.txt",
    "/%2e%2e%2fsecret.txt",
    "/assets/../../secret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
    "/%252e%252e%252fsecret.txt",
    "/..%5csecret.txt",
    "/.%2e/secret.txt",
  ];
  test.each(attempts)("%s does not leave the static folder", async (url) => {
    const res = await get(url);
    expect(res.body).not.toContain("TOP-SECRET");
    expect([400, 403, 404]).toContain(res.status);
  });

  test("the control: a file inside the folder is served", async () => {
    expect((await get("/index.html")).status).toBe(200);
  });
});
