import { describe, expect, it } from "vitest";
import { capJobs, WORKER_BASE_MB } from "./jobs.js";
import { WORKER_HEAP_MB, workerHeapMb } from "./pool.js";

describe("capJobs", () => {
  const per = WORKER_HEAP_MB + WORKER_BASE_MB;
  it.each([
    [2, { cores: 2, freeMb: 20_000 }, 2],
    [64, { cores: 2, freeMb: 20_000 }, 2],
    [64, { cores: 32, freeMb: 10 * per }, 8],
    [4, { cores: 8, freeMb: 100 }, 1],
    [0, { cores: 2, freeMb: 20_000 }, 0],
  ])("--jobs %i on %j → %i", (requested, machine, expected) => {
    const { jobs, reason } = capJobs(requested, WORKER_HEAP_MB, machine);
    expect(jobs).toBe(expected);
    expect(reason === null).toBe(jobs === requested);
  });

  it("says why", () => {
    expect(capJobs(64, WORKER_HEAP_MB, { cores: 2, freeMb: 20_480 }).reason).toBe(
      `--jobs 64 lowered to 2 (2 cores, 20.0 GB free, up to ${per} MB per worker)`,
    );
  });
});

describe("workerHeapMb", () => {
  it.each([
    [1 << 20, WORKER_HEAP_MB],
    [8 << 20, 512],
    [16 << 20, 1024],
  ])("%i bytes → %i MB", (bytes, mb) => expect(workerHeapMb(bytes)).toBe(mb));
});
