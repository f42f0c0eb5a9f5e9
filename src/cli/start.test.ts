import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const tmp = mkdtempSync(join(tmpdir(), "annals-start-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Starts `npm start` on a free port; resolves with the child and the URL it prints. */
function npmStart(): Promise<{ child: ReturnType<typeof spawn>; url: string }> {
  const child = spawn(
    "npm",
    ["start", "--silent", "--", "--port", "0", "--db", join(tmp, "s.db")],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const url = /open (http:\/\/\S+)/.exec(out)?.[1];
      if (url !== undefined) resolve({ child, url });
    });
    child.on("exit", (code) => reject(new Error(`npm start exited ${code}: ${out}`)));
  });
}

describe("cli:start", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "npm start passes %s on: the server stops with npm",
    async (signal) => {
      const { child, url } = await npmStart();
      expect((await fetch(`${url}api/documents`)).status).toBe(200);
      const exited = new Promise((resolve) => child.on("exit", resolve));
      child.kill(signal);
      await exited;
      await expect(fetch(`${url}api/documents`)).rejects.toThrow();
    },
    60_000,
  );
});
