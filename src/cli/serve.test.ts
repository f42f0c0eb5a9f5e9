import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { AnnalsError } from "../model/index.js";
import { hostList, portValue, serve } from "./serve.js";
import { openStore } from "../store/index.js";

const dir = mkdtempSync(join(tmpdir(), "annals-serve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("cli:serve", () => {
  test.each([
    ["0", 0],
    ["8080", 8080],
    ["65535", 65535],
  ])("port %s is accepted", (value, port) => {
    expect(portValue(value)).toBe(port);
  });

  test.each(["-1", "65536", "80a", "", "1e3", " 80"])("port %j is refused", (value) => {
    expect(() => portValue(value)).toThrow(/port number/);
  });

  test("a missing database is a one-line user error", async () => {
    await expect(serve({ db: join(dir, "none.db"), port: 0 })).rejects.toBeInstanceOf(AnnalsError);
  });

  test("listens on loopback by default and answers the API", async () => {
    const db = join(dir, "empty.db");
    openStore(db).close();
    const serving = await serve({ db, port: 0 });
    try {
      expect(serving.host).toBe("127.0.0.1");
      expect(serving.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const res = await fetch(`${serving.url}api/documents`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ total: 0, count: 0, documents: [] });
    } finally {
      await serving.close();
    }
  });

  test("--allow-host adds names to the loopback ones; other Host headers get 403", async () => {
    const db = join(dir, "hosts.db");
    openStore(db).close();
    const serving = await serve({ db, port: 0, allowHosts: hostList("annals.lan, box") });
    const status = async (host: string): Promise<number> =>
      (await serving.app.inject({ method: "GET", url: "/api/documents", headers: { host } }))
        .statusCode;
    try {
      expect(await status(`127.0.0.1:${serving.port}`)).toBe(200);
      expect(await status(`localhost:${serving.port}`)).toBe(200);
      expect(await status("annals.lan:8080")).toBe(200);
      expect(await status("box")).toBe(200);
      expect(await status("attacker.example")).toBe(403);
    } finally {
      await serving.close();
    }
  });
});
