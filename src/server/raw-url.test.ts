import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { FastifyInstance } from "fastify";
import { FakeStore } from "../../test/browser/fake-store.js";
import { RELATIONS } from "../../test/browser/fixtures.js";
import { createApp } from "./app.js";

let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  app = await createApp({ store: new FakeStore([RELATIONS]) });
  await app.listen({ port: 0, host: "127.0.0.1" });
  port = (app.server.address() as { port: number }).port;
});

afterAll(async () => {
  await app.close();
});

/** Sends a request line byte for byte (clients would percent-encode it). */
function rawGet(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(Buffer.from(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    });
    let out = "";
    socket.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    socket.on("end", () => resolve(out));
    socket.on("error", reject);
  });
}

describe("server:raw-url", () => {
  test("raw UTF-8 in the URL is a 400 in the API's shape", async () => {
    const res = await rawGet("/api/search?q=朝鮮");
    expect(res.startsWith("HTTP/1.1 400")).toBe(true);
    const body = JSON.parse(res.slice(res.indexOf("\r\n\r\n") + 4)) as Record<string, unknown>;
    expect(body).toEqual({ error: "bad request: the URL must be percent-encoded (UTF-8)" });
  });

  test("the percent-encoded URL works", async () => {
    const res = await rawGet(`/api/search?q=${encodeURIComponent("朝鮮")}`);
    expect(res.startsWith("HTTP/1.1 200")).toBe(true);
  });
});
