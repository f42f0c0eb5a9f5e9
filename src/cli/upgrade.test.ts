import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { openStore, SCHEMA_VERSION } from "../store/index.js";
import { EVENTS_A, fixture, JPN, KOREA, RAW_A, USA } from "../store/test-fixture.js";
import { main } from "./index.js";

const dir = mkdtempSync(join(tmpdir(), "annals-upgrade-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
  const code = await main(["node", "annals", ...args]);
  vi.restoreAllMocks();
  return { code, out: out.join(""), err: err.join("") };
}

describe("annals ingest --db FILE with no paths: upgrading a store", () => {
  it("an older store is refused read-only with the command that upgrades it, which works", async () => {
    const path = join(dir, "old.db");
    const store = openStore(path);
    store.put(fixture("a.md", RAW_A, [KOREA, USA, JPN], EVENTS_A));
    store.close();
    // An older annals wrote it: one schema version back, another pipeline.
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    db.prepare("UPDATE documents SET pipeline = 'older'").run();
    db.close();

    const refused = await run("timeline", "--db", path);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`(upgrade it with \`annals ingest --db ${path}\`)`);

    const upgraded = await run("ingest", "--db", path);
    expect(upgraded.code).toBe(0);
    expect(upgraded.out).toBe(
      `annals: ${path}: store upgraded from schema version ${SCHEMA_VERSION - 1} to ${SCHEMA_VERSION}; ` +
        "1 document was extracted by an older annals: ingest their files again to re-extract them\n",
    );
    expect((await run("timeline", "--db", path)).code).toBe(0);
    expect((await run("ingest", "--db", path)).out).toContain(
      `store at schema version ${SCHEMA_VERSION};`,
    );
  });

  it("without --db, or with a missing file, it is still an error", async () => {
    expect((await run("ingest")).err).toContain("give at least one path to ingest");
    const missing = await run("ingest", "--db", join(dir, "missing.db"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/missing\.db: no such database/);
  });
});
