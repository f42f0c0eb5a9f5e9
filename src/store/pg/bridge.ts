/**
 * `openPgStore(url)`: the PostgreSQL store behind the synchronous `Store` contract that the
 * timeline command, the exports and the HTTP server use. Each call blocks its caller while a
 * worker thread (synckit: `Atomics.wait` on a shared buffer) runs it on the `pg` pool, which
 * serializes a process's queries as better-sqlite3 does; scale reads out with more processes.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createSyncFn } from "synckit";
import {
  AnnalsError,
  type DocumentSummary,
  type EntitySummary,
  type EventHit,
  type EventQuery,
  type Finding,
  type SearchHit,
  type StoredDocument,
  type TimexRef,
} from "../../model/index.js";
import type { Store } from "../store.js";
import type { Extracted, PutOptions, PutOutcome } from "../write.js";
import { redactUrl, type PgOpenOptions } from "./pg-store.js";

/** What the bridge thread answers: a value, or an error to rethrow as an `AnnalsError`. */
export type BridgeReply =
  | { ok: true; value: unknown }
  | { ok: false; message: string; file: string | null; position: string | null };

type Call = (op: string, handle: number, args: unknown[]) => BridgeReply;

/** The compiled bridge thread: beside this module in dist/, or dist/ when run from sources. */
function bridgeEntry(): URL {
  const here = new URL("./bridge-worker.js", import.meta.url);
  if (!import.meta.url.endsWith(".ts")) return here;
  // Note: under vitest this module is TypeScript; a worker thread needs the build.
  const built = new URL("../../../dist/store/pg/bridge-worker.js", import.meta.url);
  if (!existsSync(fileURLToPath(built))) {
    throw new Error("dist/store/pg/bridge-worker.js is missing: run `npm run build` first");
  }
  return built;
}

let call: Call | null = null;

/**
 * How long a read `dataVersion` is reused (ms). The server asks for it once per event it
 * returns; each ask would be a round trip. Writes through this process drop the cached value
 * at once, so only another process's write is seen up to this much later.
 */
export const DATA_VERSION_REUSE_MS = 100;

/** Writes through any PostgreSQL store of this process (invalidates cached data versions). */
let processWrites = 0;

function invoke(op: string, handle: number, args: unknown[]): unknown {
  call ??= createSyncFn(bridgeEntry()) as unknown as Call;
  const reply = call(op, handle, args);
  if (!reply.ok)
    throw new AnnalsError(reply.message, { file: reply.file, position: reply.position });
  return reply.value;
}

/** Opens the PostgreSQL database at `url` as a synchronous `Store`. */
export function openPgStore(url: string, options: PgOpenOptions = {}): Store {
  const handle = invoke("open", 0, [url, options]) as number;
  return new SyncPgStore(handle, redactUrl(url));
}

/** The synchronous facade: every method is one blocking call into the bridge thread. */
class SyncPgStore implements Store {
  private closed = false;
  private version: { value: number; at: number; writes: number } | null = null;

  constructor(
    private readonly handle: number,
    readonly path: string,
  ) {}

  private run<T>(op: string, ...args: unknown[]): T {
    return invoke(op, this.handle, args) as T;
  }

  put(extracted: Extracted, options: PutOptions = {}): PutOutcome {
    try {
      return this.run("put", extracted, options);
    } finally {
      processWrites += 1;
    }
  }
  putMany(items: readonly Extracted[], options: PutOptions = {}): PutOutcome[] {
    try {
      return this.run("putMany", items, options);
    } finally {
      processWrites += 1;
    }
  }
  hasHash(source: string, hash: string): boolean {
    return this.run("hasHash", source, hash);
  }
  remove(idOrSource: string): boolean {
    try {
      return this.run("remove", idOrSource);
    } finally {
      processWrites += 1;
    }
  }
  counts(): Record<string, number> {
    return this.run("counts");
  }
  integrityCheck(): string {
    return this.run("integrityCheck");
  }
  documents(): DocumentSummary[] {
    return this.run("documents");
  }
  document(id: string): StoredDocument | null {
    return this.run("document", id);
  }
  events(query: EventQuery): EventHit[] {
    return this.run("events", query);
  }
  entities(options?: { doc?: string; query?: string; limit?: number }): EntitySummary[] {
    return this.run("entities", options);
  }
  entity(id: string): EntitySummary | null {
    return this.run("entity", id);
  }
  findings(options?: { doc?: string }): Array<Finding & { doc: string }> {
    return this.run("findings", options);
  }
  timexFindings(refs: readonly TimexRef[]): Array<Finding & TimexRef> {
    return this.run("timexFindings", refs);
  }
  search(text: string, options?: { doc?: string; limit?: number }): SearchHit[] {
    return this.run("search", text, options);
  }
  dataVersion(): number {
    const now = performance.now();
    const v = this.version;
    if (v !== null && v.writes === processWrites && now - v.at < DATA_VERSION_REUSE_MS) {
      return v.value;
    }
    const value = this.run<number>("dataVersion");
    this.version = { value, at: now, writes: processWrites };
    return value;
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.run("close");
  }
}
