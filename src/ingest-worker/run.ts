/**
 * Corpus ingest: reads inputs in the main thread, skips unchanged articles by hash, extracts
 * the rest on worker threads and writes them to the store in batches, one transaction per
 * batch (one writer). Interrupting it leaves the database consistent; running it again
 * finishes the work.
 */
import { statSync } from "node:fs";
import { setImmediate as nextTick } from "node:timers/promises";
import {
  hashText,
  type Extracted,
  type PreparedDocument,
  type PutOptions,
  type PutOutcome,
  type Store,
  type WriteBatch,
} from "../store/index.js";
import { DEFAULT_MAX_BYTES } from "../io/read.js";
import { unclosedConverters, unclosedWarning } from "../ingest/converter.js";
import { lineColumn } from "../model/index.js";
import { capJobs, type Machine } from "./jobs.js";
import { ExtractPool, WORKER_DEPTH, workerHeapMb } from "./pool.js";
import type { DumpCounters, DumpFilter } from "./dump.js";
import { countItems, listInputs, readDumpItems, readItems, type SourceItem } from "./sources.js";
import type { ExtractReply, ExtractTask, PrepareReply } from "./task.js";

/** Most articles written in one transaction. */
export const BATCH_ARTICLES = 32;
/** Most raw characters of the articles written in one transaction. */
export const BATCH_CHARS = 4_000_000;
/** Longest an extracted article waits for its batch to be written (ms). */
export const BATCH_MS = 1_000;

/** What the workers hand the writer: an article's prepared rows, or its extraction. */
type Rows = { prepared: PreparedDocument } | { extracted: Extracted };

/** Counters reported while ingesting and at the end. */
export interface IngestProgress {
  /** Articles expected (markdown files plus JSON-lines records, known before the start). */
  total: number;
  /** Articles finished so far (ingested + unchanged + failed). */
  done: number;
  /** New or replaced articles written. */
  ingested: number;
  /** Of those, articles that replaced an older text of the same source. */
  replaced: number;
  /** Articles already stored with the same text (skipped). */
  unchanged: number;
  failed: number;
  /** Raw characters of the ingested articles. */
  chars: number;
  /** Seconds since the start. */
  seconds: number;
  /** Bytes of the dumps read so far (as stored: compressed), and their total size. */
  bytes: number;
  totalBytes: number;
  /** Dump pages read, and of those skipped (redirects, other namespaces, filtered out). */
  pages: number;
  skipped: number;
}

/** The end of an ingest run. */
export interface IngestResult extends IngestProgress {
  /** True when the run was stopped by `signal` before every input was processed. */
  interrupted: boolean;
}

/** How to run an ingest. */
export interface IngestOptions {
  /** Worker threads for extraction; 0 extracts in the calling thread. */
  jobs: number;
  /** Fail an article whose extraction takes longer (workers only); default 120 s, 0 for none. */
  timeoutMs?: number;
  /** Re-extract and replace articles even when their text is unchanged. */
  force?: boolean;
  /** Size limit of one markdown file in bytes (default 8 MiB). */
  maxBytes?: number;
  /** Which pages of a dump to read (titles, categories, a limit). */
  dump?: DumpFilter;
  /** The machine `jobs` is capped for (default: this one; see `capJobs`). */
  machine?: Machine;
  /** Called once, before any work, with the number of articles expected (dumps not counted) and the dumps' bytes. */
  onStart?: (total: number, totalBytes: number) => void;
  /** Called after every finished article. */
  onProgress?: (progress: IngestProgress) => void;
  /** Called with a one-line `label: reason` for every failed input. */
  onError?: (line: string) => void;
  /**
   * Called with each one-line warning (a skipped symbolic link, a folder with no inputs, an
   * article with unclosed converter markup: `label:line:column: …`).
   */
  onWarning?: (line: string) => void;
  /** Stops dispatching new work and abandons running extractions. */
  signal?: AbortSignal;
  /** Clock in milliseconds (injected by tests); default `performance.now`. */
  now?: () => number;
}

/** Ingests every article under `paths` into `store`; resolves when done or interrupted. */
export async function ingestPaths(
  store: Store,
  paths: string[],
  options: IngestOptions,
): Promise<IngestResult> {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const { files, errors, warnings } = listInputs(paths);
  for (const line of warnings) options.onWarning?.(line);
  const heapMb = workerHeapMb(options.maxBytes ?? DEFAULT_MAX_BYTES);
  const { jobs, reason } = capJobs(options.jobs, heapMb, options.machine);
  if (reason !== null) options.onWarning?.(reason);
  const progress: IngestProgress = {
    total: errors.length + files.reduce((n, f) => n + countItems(f), 0),
    done: 0,
    ingested: 0,
    replaced: 0,
    unchanged: 0,
    failed: 0,
    chars: 0,
    seconds: 0,
    bytes: 0,
    totalBytes: files.reduce((n, f) => n + (f.kind === "dump" ? sizeOf(f.path) : 0), 0),
    pages: 0,
    skipped: 0,
  };
  const counters: DumpCounters = { bytes: 0, pages: 0, skipped: 0 };
  const report = (): void => {
    progress.seconds = (now() - t0) / 1000;
    progress.bytes = counters.bytes;
    progress.pages = counters.pages;
    progress.skipped = counters.skipped;
    options.onProgress?.({ ...progress });
  };
  const fail = (line: string): void => {
    progress.failed += 1;
    progress.done += 1;
    options.onError?.(line);
    report();
  };
  options.onStart?.(progress.total, progress.totalBytes);
  for (const line of errors) fail(line);

  // Note: workers start on the first article that needs extracting (none when all are
  // unchanged); the pipeline is loaded in this thread only when it extracts here (jobs 0).
  const workers: { pool: ExtractPool | null } = { pool: null };
  // Note: a store that takes prepared rows in an open transaction (SQLite) gets them from the
  // workers, so the one writer thread only inserts; others (PostgreSQL) take the extractions.
  const begin = store.begin?.bind(store);
  const inThread = jobs > 0 ? null : (await import("./task.js")).runTask;
  const extractOne = (task: ExtractTask): Promise<ExtractReply | PrepareReply> => {
    if (begin !== undefined) task.prepare = true;
    if (inThread !== null) return Promise.resolve(inThread(task));
    workers.pool ??= new ExtractPool(jobs, options.timeoutMs ?? 120_000, heapMb);
    return task.prepare === true ? workers.pool.prepare(task) : workers.pool.run(task);
  };
  const stored = (item: SourceItem & { ok: true }, outcome: PutOutcome): void => {
    if (outcome === "unchanged") progress.unchanged += 1;
    else {
      progress.ingested += 1;
      progress.chars += item.raw.length;
      if (outcome === "replaced") progress.replaced += 1;
    }
    progress.done += 1;
    report();
  };
  const cannotStore = (item: SourceItem & { ok: true }, error: unknown): void =>
    fail(`${item.label}: cannot store: ${(error as Error).message.split("\n")[0]}`);
  const putOptions = { force: options.force === true };
  const writer =
    begin !== undefined
      ? openBatches(begin, putOptions, stored, cannotStore)
      : listBatches(store, putOptions, stored, cannotStore);
  // Extracted articles join a batch written in one transaction when it holds BATCH_ARTICLES
  // articles or BATCH_CHARS characters, or its first one has waited BATCH_MS (so progress and a
  // resumed run see them soon), and at the end.
  let batchSince = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    writer.flush();
  };
  const write = (item: SourceItem & { ok: true }, reply: ExtractReply | PrepareReply): void => {
    if (options.signal?.aborted === true) return;
    if (!reply.ok) return fail(`${item.label}: ${reply.message}`);
    if (writer.size() === 0) {
      batchSince = now();
      // Note: checked against `now` when it fires, so a clock that stands still never fires it.
      timer = setTimeout(() => {
        if (now() - batchSince >= BATCH_MS) flush();
      }, BATCH_MS);
      timer.unref();
    }
    writer.add(item, "prepared" in reply ? { prepared: reply.prepared } : reply);
    if (
      writer.size() >= BATCH_ARTICLES ||
      writer.chars() >= BATCH_CHARS ||
      now() - batchSince >= BATCH_MS
    ) {
      flush();
    }
  };

  const inflight = new Set<Promise<void>>();
  // Note: one more per worker than the pool posts to them, so a worker that replies gets its
  // next article from the pool's queue at once, before this loop has read another.
  const limit = Math.max(1, jobs) * (WORKER_DEPTH + 1);
  let taskId = 0;
  let sinceYield = 0;
  let interrupted = false;
  try {
    outer: for (const file of files) {
      const items =
        file.kind === "dump"
          ? readDumpItems(file, options.dump ?? {}, counters, options.maxBytes)
          : readItems(file, options.maxBytes);
      for await (const item of items) {
        // Note: a dump's articles are counted as they are found (its size is not known ahead).
        if (file.kind === "dump") progress.total += 1;
        if (options.signal?.aborted === true) {
          interrupted = true;
          break outer;
        }
        if (!item.ok) {
          fail(`${item.label}: ${item.message}`);
          continue;
        }
        if (options.force !== true && store.hasHash(item.name, hashText(item.raw))) {
          progress.unchanged += 1;
          progress.done += 1;
          report();
          // Note: let timers (progress output, signals) run during long runs of skipped files.
          if ((sinceYield += 1) >= 64) {
            sinceYield = 0;
            await nextTick();
          }
          continue;
        }
        const unclosed = unclosedConverters(item.raw);
        if (unclosed[0] !== undefined) {
          const { line, column } = lineColumn(item.raw, unclosed[0]);
          options.onWarning?.(
            `${item.label}:${line}:${column}: ${unclosedWarning(unclosed.length)}`,
          );
        }
        const task: ExtractTask = { id: (taskId += 1), name: item.name, raw: item.raw };
        if (item.title !== undefined) task.title = item.title;
        if (item.format !== undefined) task.format = item.format;
        if (item.page !== undefined) task.page = item.page;
        if (item.referenceDate !== undefined) task.referenceDate = item.referenceDate;
        const pending: Promise<void> = extractOne(task)
          .then((reply) => write(item, reply))
          .finally(() => inflight.delete(pending));
        inflight.add(pending);
        if (inflight.size >= limit) await Promise.race(inflight);
        else if (inThread !== null) await nextTick();
      }
    }
    if (options.signal?.aborted === true) {
      interrupted = true;
      await workers.pool?.close();
    }
    await Promise.all(inflight);
  } finally {
    // Note: articles extracted before an interrupt are complete; they are stored too.
    flush();
    await workers.pool?.close();
  }
  progress.seconds = (now() - t0) / 1000;
  progress.bytes = counters.bytes;
  progress.pages = counters.pages;
  progress.skipped = counters.skipped;
  return { ...progress, interrupted: interrupted || options.signal?.aborted === true };
}

/** An input read well. */
type Article = SourceItem & { ok: true };

/** Where extracted articles wait for their transaction (`openBatches`, `listBatches`). */
interface Batches {
  add(item: Article, rows: Rows): void;
  /** Articles in the current batch. */
  size(): number;
  /** Raw characters of the articles in the current batch. */
  chars(): number;
  /** Stores the batch, reports each of its articles as stored or failed, and starts another. */
  flush(): void;
}

/** What a batch reports of an article: stored (with the outcome), or why it was not. */
type Stored = (item: Article, outcome: PutOutcome) => void;
type Failed = (item: Article, error: unknown) => void;

/**
 * Batches of a store with `begin` (SQLite): each article is written as it arrives, in a
 * transaction left open until `flush` commits it, so the writer never holds the thread for a
 * whole batch (the workers' replies are taken, and their next articles handed out, between two
 * articles). An article that cannot be stored is undone alone (its savepoint); a commit that
 * fails fails every article of the batch.
 */
function openBatches(
  begin: () => WriteBatch,
  putOptions: PutOptions,
  stored: Stored,
  failed: Failed,
): Batches {
  let open: WriteBatch | null = null;
  let written: Array<{ item: Article; outcome: PutOutcome }> = [];
  let count = 0;
  let chars = 0;
  return {
    add(item, rows) {
      count += 1;
      chars += item.raw.length;
      try {
        if (!("prepared" in rows)) throw new Error("the worker sent no prepared rows");
        open ??= begin();
        written.push({ item, outcome: open.put(rows.prepared, putOptions) });
      } catch (error) {
        failed(item, error);
      }
    },
    size: () => count,
    chars: () => chars,
    flush() {
      const batch = open;
      const items = written;
      open = null;
      written = [];
      count = 0;
      chars = 0;
      if (batch === null) return;
      try {
        batch.commit();
      } catch (error) {
        batch.rollback();
        for (const x of items) failed(x.item, error);
        return;
      }
      for (const x of items) stored(x.item, x.outcome);
    },
  };
}

/**
 * Batches of a store without `begin` (PostgreSQL): the extractions wait in a list and are
 * written with one `putMany`; a batch that fails is written again article by article, so one
 * bad article fails alone.
 */
function listBatches(
  store: Store,
  putOptions: PutOptions,
  stored: Stored,
  failed: Failed,
): Batches {
  let batch: Array<{ item: Article; rows: Rows }> = [];
  let chars = 0;
  const put = (items: ReadonlyArray<{ rows: Rows }>): PutOutcome[] =>
    store.putMany(
      items.flatMap((x) => ("extracted" in x.rows ? [x.rows.extracted] : [])),
      putOptions,
    );
  return {
    add(item, rows) {
      batch.push({ item, rows });
      chars += item.raw.length;
    },
    size: () => batch.length,
    chars: () => chars,
    flush() {
      const items = batch;
      batch = [];
      chars = 0;
      if (items.length === 0) return;
      let outcomes: PutOutcome[] | null = null;
      try {
        outcomes = put(items);
      } catch {
        // Note: one bad article fails its whole batch; write them one by one to find it.
      }
      items.forEach((x, i) => {
        let outcome = outcomes?.[i];
        if (outcome === undefined) {
          try {
            outcome = put([x])[0];
            if (outcome === undefined) throw new Error("the store sent no outcome");
          } catch (error) {
            return failed(x.item, error);
          }
        }
        stored(x.item, outcome);
      });
    },
  };
}

/** A file's size in bytes, 0 when it cannot be read (the read reports the error). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
