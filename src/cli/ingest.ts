/**
 * `annals ingest PATH…`: extracts articles (files, folders, JSON-lines files) into a SQLite
 * store, with a progress bar on a terminal and plain periodic lines otherwise.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Command, InvalidArgumentError } from "commander";
import cliProgress from "cli-progress";
import { ingestPaths, type IngestProgress, type IngestResult } from "../ingest-worker/index.js";
import { titleKey, type DumpFilter } from "../ingest-worker/dump.js";
import { AnnalsError } from "../model/index.js";
import { isPostgresUrl, openStore, upgradeStore } from "../store/index.js";
import { DEFAULT_MAX_BYTES, positiveInt } from "./load.js";
import { enqueuePaths, printQueueStatus, secondsValue } from "./worker.js";
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
    `in ${r.seconds.toFixed(1)} s (${(r.ingested / s).toFixed(1)} articles/s, ${human(r.chars / s)} chars/s)` +
    (r.pages > 0
      ? `; dump: ${r.pages} pages read (${r.skipped} skipped), ${mb(r.bytes)} MB ` +
        `(${(r.pages / s).toFixed(1)} pages/s, ${mb(r.bytes / s)} MB/s)`
      : "")
  );
}

/** Bytes as megabytes with two decimals. */
function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(2);
}

/** Collects a repeatable option's values. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The dump filter of the command-line options (titles from `--title` and `--title-file`). */
export function dumpFilter(opts: {
  title: string[];
  titleFile?: string;
  category: string[];
  limit?: number;
}): DumpFilter {
  const filter: DumpFilter = {};
  const titles = [...opts.title];
  if (opts.titleFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(opts.titleFile, "utf8");
    } catch {
      throw new AnnalsError("cannot read the title file", { file: opts.titleFile });
    }
    titles.push(...text.split(/\r?\n/).filter((line) => line.trim() !== ""));
  }
  if (titles.length > 0) filter.titles = new Set(titles.map(titleKey));
  if (opts.category.length > 0) filter.categories = new Set(opts.category.map(titleKey));
  if (opts.limit !== undefined) filter.limit = opts.limit;
  return filter;
}

/** Progress output: a cli-progress bar on a terminal, a line every few seconds otherwise. */
function progressView(
  total: number,
  totalBytes: number,
): {
  update: (p: IngestProgress) => void;
  log: (line: string) => void;
  stop: () => void;
} {
  if (process.stderr.isTTY === true && totalBytes > 0) {
    // A dump: the bar runs over its bytes; pages are counted beside it.
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format:
          "ingest [{bar}] {percentage}% | {mb}/{totalMb} MB | {pages} pages, {done} articles | {rate} pages/s | ETA {eta_formatted} | failed {failed}",
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(totalBytes, 0, {
      mb: "0.00",
      totalMb: mb(totalBytes),
      pages: 0,
      done: 0,
      rate: "0.0",
      failed: 0,
    });
    return {
      update: (p) =>
        bar.update(p.bytes, {
          mb: mb(p.bytes),
          pages: p.pages,
          done: p.done,
          rate: (p.pages / Math.max(p.seconds, 1e-9)).toFixed(1),
          failed: p.failed,
        }),
      log: (line) => process.stderr.write(`\n${line}\n`),
      stop: () => bar.stop(),
    };
  }
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
      if (p.seconds - last < PLAIN_INTERVAL_S || (p.done === p.total && totalBytes === 0)) return;
      last = p.seconds;
      if (totalBytes > 0) {
        process.stderr.write(
          `ingest: ${mb(p.bytes)}/${mb(totalBytes)} MB (${Math.round((100 * p.bytes) / totalBytes)}%), ` +
            `${p.pages} pages (${(p.pages / Math.max(p.seconds, 1e-9)).toFixed(1)} pages/s), ` +
            `${p.done} articles, failed ${p.failed}\n`,
        );
        return;
      }
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
    .description(
      "extract articles (files, folders, JSON-lines files, MediaWiki XML dumps) into a store (SQLite or PostgreSQL)",
    )
    .argument(
      "[paths...]",
      "markdown or wikitext files, folders, .jsonl files, dumps (.xml[.bz2|.gz]) (- = standard input)",
    )
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
    .option("--title <title>", "dumps: read only this page (repeatable)", collect, [])
    .option("--title-file <file>", "dumps: read only the pages named in this file, one per line")
    .option(
      "--category <name>",
      "dumps: read only pages in this category, as written in the page (repeatable)",
      collect,
      [],
    )
    .option("--limit <n>", "dumps: stop after this many articles", positiveInt)
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
      "\nFolders are read recursively (*.md, *.wiki, *.wikitext, *.jsonl, *.xml[.bz2|.gz]); in an\n" +
        "annotated corpus (splits.json, meta.json per folder) only each folder's article is read.\n" +
        'A .jsonl file holds one {"title": …, "text": …} per line. Unchanged articles are skipped by hash.\n' +
        "A dump (MediaWiki export, plain, bzip2 or gzip) is streamed: only articles (namespace 0,\n" +
        "no redirects) are read, each stored as wiki:page-id with its revision time as its now;\n" +
        "a newer dump re-extracts only the pages whose text changed.\n" +
        `The database defaults to ./${DEFAULT_DB}. Exit code 1 when any article failed.\n` +
        "With --db FILE and no paths, upgrades the SQLite store FILE to this version's schema.\n" +
        "Examples:\n  annals ingest articles/ more.jsonl --db annals.db --jobs 2\n" +
        "  annals ingest zhwiki-20250101-pages-articles.xml.bz2 --category 朝美關係 --limit 100",
    )
    .action(
      async (
        paths: string[],
        opts: {
          db: string;
          jobs: number;
          force?: boolean;
          maxBytes: number;
          title: string[];
          titleFile?: string;
          category: string[];
          limit?: number;
          queue?: boolean;
          status?: boolean;
          lease: number;
        },
        command: Command,
      ) => {
        if (opts.status === true) return printQueueStatus(opts.db);
        if (paths.length === 0) {
          // `annals ingest --db FILE` alone upgrades an existing store to this version's schema.
          if (command.getOptionValueSource("db") !== "cli" || isPostgresUrl(opts.db)) {
            throw new AnnalsError("give at least one path to ingest");
          }
          const { from, to, stale } = upgradeStore(opts.db);
          const what =
            from === to
              ? `at schema version ${to}`
              : `upgraded from schema version ${from} to ${to}`;
          const again =
            stale === 0
              ? ""
              : `; ${stale} document${stale === 1 ? " was" : "s were"} extracted by an older annals: ingest their files again to re-extract them`;
          process.stdout.write(`annals: ${opts.db}: store ${what}${again}\n`);
          return;
        }
        if (opts.queue === true) {
          return enqueuePaths(opts.db, paths, {
            force: opts.force === true,
            maxBytes: opts.maxBytes,
            leaseSeconds: opts.lease,
          });
        }
        const dump = dumpFilter(opts);
        const store = openStore(opts.db, { force: opts.force === true, bulk: true });
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
              dump,
              signal: controller.signal,
              onStart: (total, totalBytes) => (view = progressView(total, totalBytes)),
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
