import { describe, expect, it } from "vitest";
import { capJobs, WORKER_BASE_MB } from "./jobs.js";
import {
  ExtractPool,
  PIPELINE_CHARS,
  PIPELINE_HEAP_MB,
  WORKER_HEAP_MB,
  taskHeapMb,
  workerHeapMb,
} from "./pool.js";

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

describe("taskHeapMb (workers sized to what the article needs)", () => {
  const task = (chars: number) => ({ id: 1, name: "a.md", raw: "a".repeat(chars) });
  it.each([
    [1_000, WORKER_HEAP_MB, PIPELINE_HEAP_MB],
    [PIPELINE_CHARS, WORKER_HEAP_MB, PIPELINE_HEAP_MB],
    [PIPELINE_CHARS + 1, WORKER_HEAP_MB, WORKER_HEAP_MB],
    [PIPELINE_CHARS + 1, 1024, 1024],
    // a pool for small articles never gets more than it asked for
    [1_000, 128, 128],
  ])("%i chars, pool limit %i MB → %i MB", (chars, max, mb) =>
    expect(taskHeapMb(task(chars), max)).toBe(mb),
  );

  it("extracts a long article on a worker of its own, then ordinary ones again", async () => {
    // Note: "long" is 40 characters here, so the test extracts only small articles.
    const pool = new ExtractPool(1, 0, WORKER_HEAP_MB, 40);
    try {
      const short = "# 短文\n\n停战。\n";
      const long = `# 长文\n\n${"1953年7月27日，停战协定签订。".repeat(3)}\n`;
      expect(long.length).toBeGreaterThan(40);
      const replies = await Promise.all([
        pool.run({ id: 1, name: "a.md", raw: short }),
        pool.run({ id: 2, name: "long.md", raw: long }),
        pool.run({ id: 3, name: "b.md", raw: short }),
      ]);
      expect(replies.map((r) => [r.id, r.ok])).toEqual([
        [1, true],
        [2, true],
        [3, true],
      ]);
      const timexes = replies.map((r) => (r.ok ? r.extracted.chronicle.timexes.length : -1));
      expect(timexes).toEqual([0, 3, 0]);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
