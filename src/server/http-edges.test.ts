import { execFile } from "node:child_process";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { FastifyInstance } from "fastify";
import { FakeStore } from "../../test/browser/fake-store.js";
import { RELATIONS } from "../../test/browser/fixtures.js";
import { createApp } from "./app.js";
import { SECURITY_HEADERS } from "./security.js";

let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  app = await createApp({ store: new FakeStore([RELATIONS]), allowedHosts: ["annals.lan"] });
  await app.listen({ port: 0, host: "127.0.0.1" });
  port = (app.server.address() as { port: number }).port;
});

afterAll(async () => {
  await app.close();
});

/** Sends a request head byte for byte; resolves with the status, headers and body. */
function raw(
  head: string,
): Promise<{ status: number; headers: Map<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(Buffer.from(head)));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const [top = "", ...rest] = text.split("\r\n\r\n");
      const [statusLine = "", ...lines] = top.split("\r\n");
      const headers = new Map(
        lines.map((l) => [
          l.slice(0, l.indexOf(":")).toLowerCase(),
          l.slice(l.indexOf(":") + 1).trim(),
        ]),
      );
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: rest.join("\r\n\r\n") });
    });
    socket.on("error", reject);
  });
}

const get = (path: string, host = "127.0.0.1") =>
  raw(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

function expectSecurityHeaders(headers: Map<string, string>): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(headers.get(name)).toBe(value);
}

describe("server:raw-url", () => {
  test("raw UTF-8 in the URL is answered like the percent-encoded URL", async () => {
    const rawRes = await get("/api/search?q=朝鮮");
    const encoded = await get(`/api/search?q=${encodeURIComponent("朝鮮")}`);
    expect(rawRes.status).toBe(200);
    expect(JSON.parse(rawRes.body)).toEqual(JSON.parse(encoded.body));
    expect((JSON.parse(rawRes.body) as { hits: unknown[] }).hits.length).toBeGreaterThan(0);
    expectSecurityHeaders(rawRes.headers);
  });

  test("curl sending raw UTF-8 gets its answer", async () => {
    const out = await new Promise<string>((resolve, reject) =>
      execFile("curl", ["-s", `http://127.0.0.1:${port}/api/search?q=朝鮮`], (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      ),
    );
    expect((JSON.parse(out) as { q: string }).q).toBe("朝鮮");
  });

  test("raw UTF-8 still passes the Host check", async () => {
    expect((await get("/api/search?q=朝鮮", "evil.example")).status).toBe(403);
  });
});

describe("server:hosts", () => {
  test.each(["127.0.0.1", `127.0.0.1:${4173}`, "localhost:4173", "[::1]:4173", "annals.lan:80"])(
    "Host %s is served",
    async (host) => {
      expect((await get("/api/documents", host)).status).toBe(200);
    },
  );

  test.each(["evil.example", "evil.example:4173", "127.0.0.1.evil.example", "localhost.evil"])(
    "Host %s gets 403 with the security headers (DNS rebinding)",
    async (host) => {
      const res = await get("/api/documents", host);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toEqual({ error: expect.stringMatching(/is not served/) });
      expectSecurityHeaders(res.headers);
    },
  );

  test("a request without Host gets 403", async () => {
    const res = await raw("GET /api/documents HTTP/1.0\r\n\r\n");
    expect(res.status).toBe(403);
  });
});

describe("server:control-characters", () => {
  test.each(["q=%00", "q=a%00b", "q=a%01b", "q=%7F", "q=a%0Ab"])(
    "/api/search?%s → 400 naming the parameter",
    async (query) => {
      const res = await get(`/api/search?${query}`);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({ error: "q must not contain control characters" });
      expectSecurityHeaders(res.headers);
    },
  );

  test("in a path id too", async () => {
    expect((await get("/api/entities/US%00A")).status).toBe(400);
  });
});

describe("server:framework-errors carry the security headers", () => {
  test("bad percent-encoding in the query is read leniently, never a 500", async () => {
    const res = await get("/api/search?q=%E6%9C");
    expect(res.status).toBeLessThan(500);
    expectSecurityHeaders(res.headers);
  });

  test("bad percent-encoding in the query → 400, not a literal search", async () => {
    for (const query of ["q=%ZZ", "q=%E6%9C", "limit=5&actor=%"]) {
      const res = await get(`/api/events?${query}`);
      expect(res.status).toBe(400);
      expectSecurityHeaders(res.headers);
    }
    expect((await get("/api/events?q=%E6%9C%9D&limit=1")).status).toBe(200);
  });

  test("bad percent-encoding in the path → 400", async () => {
    const res = await get("/api/entities/%E6%9C");
    expect(res.status).toBe(400);
    expectSecurityHeaders(res.headers);
  });

  test("header overflow → 431", async () => {
    const res = await raw(
      `GET /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
    );
    expect(res.status).toBe(431);
    // A reader's message, not the parser's code (HPE_HEADER_OVERFLOW; tester finding).
    expect(res.body).toContain("too large");
    expect(res.body).not.toContain("HPE_");
    expectSecurityHeaders(res.headers);
  });

  test("a malformed method → 400", async () => {
    const res = await raw("G@T /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    expect(res.status).toBe(400);
    expectSecurityHeaders(res.headers);
  });

  test("another method on a known path → 405 with Allow", async () => {
    for (const path of ["/api/documents", "/api/documents/x", "/api/events?limit=1"]) {
      const res = await raw(
        `DELETE ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
      );
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toContain("GET");
      expectSecurityHeaders(res.headers);
    }
  });

  test("an unknown API path → 404, whatever the method", async () => {
    for (const method of ["GET", "DELETE"]) {
      const res = await raw(
        `${method} /api/nothing HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
      );
      expect(res.status).toBe(404);
    }
  });
});
