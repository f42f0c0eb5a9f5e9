/**
 * `annals ingest PATH…`: extracts articles (files, folders, JSON-lines files) into a SQLite
 * store, with a progress bar on a terminal and plain periodic lines otherwise.
 */
import { availableParallelism } from "node:os";
import { Command, InvalidArgumentError } from "commander";
import cliProgress from "cli-progress";
import { ingestPaths, type IngestProgress, type IngestResult } from "../ingest-worker/index.js";
import { openStore } from "../store/index.js";
import { DEFAULT_MAX_BYTES, positiveInt } from "./load.js";
import { enqueuePaths, printQueueStatus, secondsValue } from "./worker.js";
import { AnnalsError } from "../model/index.js";
import { postgres } from "../store/index.js";

/** The database file used when `--db` is not given: `annals.db` in the current folder. */
export const DEFAULT_DB = "annals.db";

/** Seconds between plain progress lines when stderr is not a terminal. */
const PLAIN_INTERVAL_S = 2;

/** Parses a non-negative integer option value (0 = extract in the main thread). */
function jobsValue(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected an integer ≥ 0");
  return n;
}

/** `1234567` → `1.23 M`, `45678` → `45.7 k`. */
function human(x: number): string {
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)} M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)} k`;
  return x.toFixed(0);
}

/** The one-line summary printed at the end of a run. */
export function summaryLine(r: IngestResult): string {
  const s = Math.max(r.seconds, 1e-9);
  const replaced = r.replaced > 0 ? ` (${r.replaced} replaced)` : "";
  const head = r.interrupted ? "interrupted: " : "";
  return (
    `${head}ingested ${r.ingested}${replaced}, unchanged ${r.unchanged}, failed ${r.failed} ` +
    `in ${r.seconds.toFixed(1)} s (${(r.ingested / s).toFixed(1)} articles/s, ${human(r.chars / s)} chars/s)`
  );
}

/** Progress output: a cli-progress bar on a terminal, a line every few seconds otherwise. */
function progressView(total: number): {
  update: (p: IngestProgress) => void;
  log: (line: string) => void;
  stop: () => void;
} {
  if (process.stderr.isTTY === true) {
    const multi = new cliProgress.MultiBar(
      {
        stream: process.stderr,
        format:
          "ingest [{bar}] {percentage}% | {value}/{total} | {rate} articles/s | ETA {eta_formatted} | failed {failed}",
        hideCursor: true,
        etaBuffer: 50,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    const bar = multi.create(total, 0, { rate: "0.0", failed: 0 });
    return {
      update: (p) =>
        bar.update(p.done, {
          rate: (p.done / Math.max(p.seconds, 1e-9)).toFixed(1),
          failed: p.failed,
        }),
      log: (line) => multi.log(`${line}\n`),
      stop: () => multi.stop(),
    };
  }
  let last = 0;
  return {
    update: (p) => {
      if (p.seconds - last < PLAIN_INTERVAL_S || p.done === p.total) return;
      last = p.seconds;
      const rate = p.done / Math.max(p.seconds, 1e-9);
      const eta = rate > 0 ? Math.round((p.total - p.done) / rate) : 0;
      process.stderr.write(
        `ingest: ${p.done}/${p.total} (${Math.round((100 * p.done) / Math.max(p.total, 1))}%), ` +
          `${rate.toFixed(1)} articles/s, ETA ${eta} s, failed ${p.failed}\n`,
      );
    },
    log: (line) => process.stderr.write(`${line}\n`),
    stop: () => undefined,
  };
}

/** Registers the `ingest` command. */
export function register(program: Command): void {
  program
    .command("ingest")
    .description("extract articles (files, folders, JSON-lines files) into a SQLite store")
    .argument("[paths...]", "markdown files, folders or .jsonl files (- = standard input)")
    .option("--db <file>", "SQLite database file, or a postgres:// URL", DEFAULT_DB)
    .option(
      "--jobs <n>",
      "extraction worker threads (0: in the main thread)",
      jobsValue,
      availableParallelism(),
    )
    .option(
      "--force",
      "re-extract and replace articles even when unchanged (after an upgrade); write into a SQLite file that is not an annals store",
    )
    .option(
      "--max-bytes <n>",
      "refuse markdown files larger than this",
      positiveInt,
      DEFAULT_MAX_BYTES,
    )
    // Distributed ingest (PostgreSQL): see worker.ts.
    .option("--queue", "PostgreSQL: queue one job per page for `annals worker` instead")
    .option("--status", "PostgreSQL: print the queue's queued, running, done, failed counts")
    .option(
      "--lease <seconds>",
      "PostgreSQL queue: a job held this long by a silent worker is retried",
      secondsValue,
      postgres.DEFAULT_LEASE_S,
    )
    .addHelpText(
      "after",
      "\nFolders are read recursively (*.md and *.jsonl); a .jsonl file holds one\n" +
        '{"title": …, "text": …} per line. Unchanged articles are skipped by hash.\n' +
        `The database defaults to ./${DEFAULT_DB}. Exit code 1 when any article failed.\n` +
        "Example:\n  annals ingest articles/ more.jsonl --db annals.db --jobs 2",
    )
    .action(
      async (
        paths: string[],
        opts: {
          db: string;
          jobs: number;
          force?: boolean;
          maxBytes: number;
          queue?: boolean;
          status?: boolean;
          lease: number;
        },
      ) => {
        if (opts.status === true) return printQueueStatus(opts.db);
        if (paths.length === 0) throw new AnnalsError("give at least one path to ingest");
        if (opts.queue === true) {
          return enqueuePaths(opts.db, paths, {
            force: opts.force === true,
            maxBytes: opts.maxBytes,
            leaseSeconds: opts.lease,
          });
        }
        const store = openStore(opts.db, { force: opts.force === true });
        const controller = new AbortController();
        const onSignal = (): void => controller.abort();
        process.once("SIGINT", onSignal);
        process.once("SIGTERM", onSignal);
        let view: ReturnType<typeof progressView> | null = null;
        let result: IngestResult;
        try {
          // Note: `-` is read through /dev/stdin, the name it is stored under.
          result = await ingestPaths(
            store,
            paths.map((p) => (p === "-" ? "/dev/stdin" : p)),
            {
              jobs: opts.jobs,
              force: opts.force === true,
              maxBytes: opts.maxBytes,
              signal: controller.signal,
              onStart: (total) => (view = progressView(total)),
              onProgress: (p) => view?.update(p),
              onError: (line) =>
                view === null ? process.stderr.write(`${line}\n`) : view.log(line),
              onWarning: (line) => process.stderr.write(`annals: warning: ${line}\n`),
            },
          );
        } finally {
          (view as ReturnType<typeof progressView> | null)?.stop();
          process.removeListener("SIGINT", onSignal);
          process.removeListener("SIGTERM", onSignal);
          store.close();
        }
        process.stdout.write(`${summaryLine(result)}\n`);
        if (result.interrupted) process.exitCode = 130;
        else if (result.failed > 0) process.exitCode = 1;
      },
    );
}
