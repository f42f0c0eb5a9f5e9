import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { AnnalsError } from "../model/index.js";
import { spawn } from "node:child_process";
import { hostList, portValue, serve, workersValue } from "./serve.js";
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

  test.each(["0", "65", "-1", "2x", ""])("--workers %j is refused", (value) => {
    expect(() => workersValue(value)).toThrow(/number of processes/);
  });

  test("--workers 2: two server processes answer on one port and stop together", async () => {
    const db = join(dir, "workers.db");
    openStore(db).close();
    const child = spawn(
      process.execPath,
      ["bin/annals.js", "serve", "--db", db, "--port", "0", "--workers", "2"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const m = /at (http:\/\/127\.0\.0\.1:\d+\/) \(2 processes\)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      for (let i = 0; i < 4; i += 1) {
        const res = await fetch(`${url}api/documents`, { headers: { connection: "close" } });
        expect(res.status).toBe(200);
      }
      // The server processes are the primary's children (Linux: read from /proc).
      if (existsSync("/proc/self/stat")) {
        const children = readdirSync("/proc").filter((p) => {
          if (!/^\d+$/.test(p)) return false;
          try {
            const stat = readFileSync(`/proc/${p}/stat`, "utf8");
            return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1] === String(child.pid);
          } catch {
            return false;
          }
        });
        expect(children).toHaveLength(2);
      }
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
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
