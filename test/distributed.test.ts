/**
 * Distributed ingest end to end (needs `ANNALS_TEST_PG` and the build): two worker processes,
 * one killed with SIGKILL mid-way and restarted, ingest the bundled articles plus generated
 * ones into PostgreSQL; the timeline CSV equals a single-process SQLite ingest row for row.
 * `bench/distributed.js` runs the same at scale (corpus plus 200+ generated articles).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PG_SKIP_NOTE, TEST_PG } from "./pg.js";

describe("distributed ingest", () => {
  if (TEST_PG === null) it.skip(PG_SKIP_NOTE, () => undefined);

  it.skipIf(TEST_PG === null)(
    "two workers, one killed and restarted, store what one process stores",
    () => {
      const run = spawnSync(
        process.execPath,
        [
          "bench/distributed.js",
          "--pg",
          TEST_PG ?? "",
          "--small",
          "--generated",
          "6",
          "--lease",
          "5",
        ],
        { encoding: "utf8", timeout: 600_000 },
      );
      expect(run.status, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout.slice(run.stdout.indexOf("{"))) as {
        equal: boolean;
        killed: string;
        final: string;
        csvRows: { sqlite: number; postgres: number };
      };
      expect(result.killed).toMatch(/SIGKILL/);
      expect(result.final).toMatch(/queued 0, running 0, done 16, failed 0/);
      expect(result.csvRows.sqlite).toBeGreaterThan(100);
      expect(result.csvRows.postgres).toBe(result.csvRows.sqlite);
      expect(result.equal).toBe(true);
    },
    600_000,
  );
});
