/**
 * Distributed ingest over PostgreSQL: `annals ingest PATH… --db postgres://… --queue` puts one
 * job per page on the queue, `annals worker --db postgres://…` (any number, on any machine)
 * extracts and writes them, `annals ingest --status --db postgres://…` counts the jobs.
 */
import { availableParallelism } from "node:os";
import { Command, InvalidArgumentError } from "commander";
import { ExtractPool, listInputs, readItems } from "../ingest-worker/index.js";
import { workerHeapMb } from "../ingest-worker/pool.js";
import { AnnalsError } from "../model/index.js";
import { hashText, isPostgresUrl, postgres } from "../store/index.js";
import { DEFAULT_MAX_BYTES, positiveInt } from "./load.js";

type PageJob = postgres.PageJob;

/** Pages per insert statement when queueing. */
const ENQUEUE_BATCH = 200;

/** Seconds between polls of an idle worker. */
const POLL_S = 2;

function requirePostgres(db: string, what: string): void {
  if (!isPostgresUrl(db)) {
    throw new AnnalsError(`${what} needs a PostgreSQL database (--db postgres://user@host/db)`, {
      file: db,
    });
  }
}

/** Parses a whole number of seconds ≥ 1. */
export function secondsValue(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected seconds ≥ 1");
  return n;
}

/** `annals ingest --status`: prints the job counts. */
export async function printQueueStatus(db: string): Promise<void> {
  requirePostgres(db, "--status");
  const s = await postgres.queueStatus(db);
  process.stdout.write(
    `queued ${s.queued}, running ${s.running}, done ${s.done}, failed ${s.failed}\n`,
  );
}

/** `annals ingest PATH… --queue`: one job per page not stored yet (or every page with force). */
export async function enqueuePaths(
  db: string,
  paths: string[],
  options: { force: boolean; maxBytes: number; leaseSeconds: number },
): Promise<void> {
  requirePostgres(db, "--queue");
  // Note: opening the store first creates its schema before any worker starts.
  const store = await postgres.PgStore.open(db);
  const boss = await postgres.openQueue(db, { leaseSeconds: options.leaseSeconds });
  let queued = 0;
  let unchanged = 0;
  let failed = 0;
  try {
    const { files, errors, warnings } = listInputs(paths);
    for (const line of warnings) process.stderr.write(`annals: warning: ${line}\n`);
    for (const line of errors) process.stderr.write(`${line}\n`);
    failed += errors.length;
    let batch: PageJob[] = [];
    const flush = async (): Promise<void> => {
      await postgres.enqueuePages(boss, batch, { leaseSeconds: options.leaseSeconds });
      queued += batch.length;
      batch = [];
    };
    for (const file of files) {
      for (const item of readItems(file, options.maxBytes)) {
        if (!item.ok) {
          process.stderr.write(`${item.label}: ${item.message}\n`);
          failed += 1;
          continue;
        }
        if (!options.force && (await store.hasHash(item.name, hashText(item.raw)))) {
          unchanged += 1;
          continue;
        }
        const job: PageJob = { name: item.name, label: item.label, raw: item.raw };
        if (item.title !== undefined) job.title = item.title;
        if (options.force) job.force = true;
        batch.push(job);
        if (batch.length >= ENQUEUE_BATCH) await flush();
      }
    }
    await flush();
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    await store.close();
  }
  process.stdout.write(
    `queued ${queued}, unchanged ${unchanged}, failed ${failed} (run \`annals worker --db …\` to ingest them)\n`,
  );
  if (failed > 0) process.exitCode = 1;
}

/** What a worker did. */
interface WorkerCounts {
  ingested: number;
  unchanged: number;
  failed: number;
}

/**
 * Takes jobs until stopped (or, with `untilEmpty`, until no job is queued or running): each
 * page is extracted on a worker thread, written in one transaction, then acknowledged.
 */
export async function runWorker(
  db: string,
  options: { jobs: number; untilEmpty: boolean; maxBytes: number; signal: AbortSignal },
): Promise<WorkerCounts> {
  requirePostgres(db, "annals worker");
  const jobs = Math.max(1, options.jobs);
  const store = await postgres.PgStore.open(db, { connections: jobs * 2 + 1 });
  const boss = await postgres.openQueue(db);
  const pool = new ExtractPool(jobs, 120_000, workerHeapMb(options.maxBytes));
  const counts: WorkerCounts = { ingested: 0, unchanged: 0, failed: 0 };
  let taskId = 0;
  const sleep = (s: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, s * 1000);
      options.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), {
        once: true,
      });
    });

  // A lane takes a job only when an extraction thread is free, so a job's lease starts when
  // its extraction does (a job fetched to wait behind another could outlive a short lease on a
  // live worker and be run twice).
  let freeThreads = jobs;
  const waiting: Array<() => void> = [];
  const takeThread = async (): Promise<void> => {
    if (freeThreads > 0) freeThreads -= 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const releaseThread = (): void => {
    const next = waiting.shift();
    if (next !== undefined) next();
    else freeThreads += 1;
  };

  const extractJob = async (job: { data: PageJob }) => {
    const page = job.data;
    const task = { id: (taskId += 1), name: page.name, raw: page.raw };
    return pool.run(page.title === undefined ? task : { ...task, title: page.title });
  };

  const finish = async (
    job: { id: string; data: PageJob },
    reply: Awaited<ReturnType<typeof extractJob>>,
  ): Promise<void> => {
    const page = job.data;
    if (!reply.ok) {
      counts.failed += 1;
      process.stderr.write(`${page.label}: ${reply.message}\n`);
      await boss.fail(postgres.INGEST_QUEUE, job.id, { message: reply.message });
      return;
    }
    try {
      const outcome = await store.put(reply.extracted, { force: page.force === true });
      if (outcome === "unchanged") counts.unchanged += 1;
      else counts.ingested += 1;
    } catch (error) {
      counts.failed += 1;
      const message = (error as Error).message.split("\n")[0] ?? "";
      process.stderr.write(`${page.label}: cannot store: ${message}\n`);
      await boss.fail(postgres.INGEST_QUEUE, job.id, { message });
      return;
    }
    // Acknowledged only now that the write has committed.
    await boss.complete(postgres.INGEST_QUEUE, job.id);
  };

  const lane = async (): Promise<void> => {
    while (!options.signal.aborted) {
      await takeThread();
      let job: { id: string; data: PageJob } | undefined;
      let reply: Awaited<ReturnType<typeof extractJob>> | undefined;
      try {
        [job] = await boss.fetch<PageJob>(postgres.INGEST_QUEUE, { batchSize: 1 });
        if (job !== undefined) reply = await extractJob(job);
      } finally {
        releaseThread();
      }
      if (job !== undefined && reply !== undefined) {
        await finish(job, reply);
        continue;
      }
      if (options.untilEmpty) {
        const s = await postgres.queueStatus(db);
        if (s.queued === 0 && s.running === 0) return;
      }
      await sleep(POLL_S);
    }
  };

  try {
    // Two lanes per extraction thread: one extracts while the other writes.
    await Promise.all(Array.from({ length: jobs * 2 }, lane));
  } finally {
    await pool.close();
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    await store.close();
  }
  return counts;
}

/** Registers `annals worker`. */
export function register(program: Command): void {
  program
    .command("worker")
    .description(
      "take page jobs from a PostgreSQL queue, extract and store them (see ingest --queue)",
    )
    .requiredOption("--db <url>", "PostgreSQL database (postgres://user@host/db)")
    .option("--jobs <n>", "extraction worker threads", positiveInt, availableParallelism())
    .option("--until-empty", "exit once no job is queued or running (default: keep polling)")
    .option(
      "--max-bytes <n>",
      "refuse markdown pages larger than this",
      positiveInt,
      DEFAULT_MAX_BYTES,
    )
    .addHelpText(
      "after",
      "\nRun any number of workers, on any machines that reach the database. A job is\n" +
        "acknowledged after its page is written; a worker that dies loses nothing: its\n" +
        "jobs are retried after their lease (ingest --lease). Example:\n" +
        "  annals ingest articles/ --db postgres://annals@db-host/annals --queue\n" +
        "  annals worker --db postgres://annals@db-host/annals --jobs 2",
    )
    .action(async (opts: { db: string; jobs: number; untilEmpty?: boolean; maxBytes: number }) => {
      const controller = new AbortController();
      const onSignal = (): void => controller.abort();
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      try {
        const c = await runWorker(opts.db, {
          jobs: opts.jobs,
          untilEmpty: opts.untilEmpty === true,
          maxBytes: opts.maxBytes,
          signal: controller.signal,
        });
        process.stdout.write(
          `worker: ingested ${c.ingested}, unchanged ${c.unchanged}, failed ${c.failed}\n`,
        );
        if (c.failed > 0) process.exitCode = 1;
      } finally {
        process.removeListener("SIGINT", onSignal);
        process.removeListener("SIGTERM", onSignal);
      }
    });
}
