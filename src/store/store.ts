/**
 * `openStore()`: one SQLite file (better-sqlite3, WAL) holding every ingested document with its
 * chronicle; the only code in annals that touches the database.
 */
import { pipelineFingerprint } from "../io/fingerprint.js";
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import {
  AnnalsError,
  type EntitySummary,
  type EventHit,
  type EventQuery,
  type Finding,
  type SearchHit,
  type StoreReader,
  type TimexRef,
  type StoredDocument,
  type DocumentSummary,
} from "../model/index.js";
import {
  readDocument,
  SUMMARY_COLUMNS,
  toFinding,
  toSummary,
  type SummaryRow,
} from "./document-query.js";
import { mergeEntityRows, type EntityRow } from "./entity-summaries.js";
import { queryEvents } from "./events-query.js";
import { structureCounts } from "./packed.js";
import { registerTextFunctions, searchSentences, textCache, withDisplay } from "./search.js";
import { migrate, SCHEMA_VERSION } from "./migrations.js";
import { parseTextQuery } from "./text-query.js";
import {
  createWriter,
  type Extracted,
  type PutOptions,
  type PutOutcome,
  type PreparedDocument,
  type WriteBatch,
  type Writer,
} from "./write.js";
import {
  checkAnnalsStore,
  folderWritable,
  guarded,
  openInMemoryCopy,
  quickCheck,
  storeError,
} from "./guard.js";

/** How to open a store. */
export interface OpenOptions {
  /**
   * Open for reading only (the file must exist and be at the current schema version). A file
   * in a folder annals cannot write is read from a copy in memory.
   */
  readonly?: boolean;
  /** Run `PRAGMA quick_check` first and refuse a damaged file (what `serve` does). */
  verify?: boolean;
  /** Write into a SQLite file that is not an annals store (adds the annals tables to it). */
  force?: boolean;
  /**
   * Tune the connection for one bulk writer (`annals ingest`): a page cache of `BULK_CACHE_KIB`
   * and no memory map, which speed up the readers' lookups but only add to the writer's
   * resident memory (the file's pages read through the map count as the process's). The rows
   * written are the same.
   */
  bulk?: boolean;
}

/** Page cache of a `bulk` connection (KiB). */
export const BULK_CACHE_KIB = 8192;

/** A store: the read contract plus the single writer's methods. */
export interface Store extends StoreReader {
  /** The database file path. */
  readonly path: string;
  /** Changes whenever any connection has written (see `StoreReader.dataVersion`). */
  dataVersion(): number;
  /**
   * Stores one extraction in one transaction: a new source is inserted, a known source with a
   * different text replaces its rows, the same text is left alone (unless `force`).
   */
  put(extracted: Extracted, options?: PutOptions): PutOutcome;
  /**
   * Stores several extractions (each as `put` would) and returns each one's outcome. SQLite
   * writes them in one transaction: all are stored, or none when one fails. PostgreSQL writes
   * each in its own transaction (see `pg/`): a failure leaves the ones before it stored.
   */
  putMany(items: readonly Extracted[], options?: PutOptions): PutOutcome[];
  /**
   * `putMany` for extractions already turned into rows by `prepareDocument` (which `annals
   * ingest` runs on its extraction workers, leaving the writer thread only the inserts).
   * SQLite only: a store without it takes extractions (`putMany`).
   */
  putPrepared?(items: readonly PreparedDocument[], options?: PutOptions): PutOutcome[];
  /**
   * Opens a write transaction that prepared documents join one at a time and that stores them
   * together on `commit` (see `WriteBatch`); `annals ingest` writes through it between two
   * worker replies. SQLite only.
   */
  begin?(): WriteBatch;
  /**
   * Whether `source` is stored with exactly this raw-text hash (see `hashText`), extracted by
   * the current pipeline (see `pipelineFingerprint`).
   */
  hasHash(source: string, hash: string): boolean;
  /** Removes a document (by id or source); true when one was there. */
  remove(idOrSource: string): boolean;
  /** Row counts of the main tables, for tests and diagnostics. */
  counts(): Record<string, number>;
  /** `PRAGMA integrity_check` plus the FTS5 index checks (when writable): "ok" when sound. */
  integrityCheck(): string;
}

/** Default number of search hits when the caller gives no limit. */
const DEFAULT_SEARCH_LIMIT = 100;

const COUNTED_TABLES = [
  "documents",
  "sections",
  "blocks",
  "sentences",
  "links",
  "categories",
  "timexes",
  "entities",
  "entity_mentions",
  "events",
  "event_actors",
  "event_mentions",
  "findings",
] as const;

/** Counted tables whose rows new documents keep in `structure_z`, with the blob's key. */
const PACKED_TABLES = [
  ["sections", "sections"],
  ["blocks", "blocks"],
  ["links", "links"],
  ["categories", "categories"],
  ["timexes", "timexes"],
  ["entity_mentions", "mentions"],
] as const;

/** The error for a SQLite store file that does not exist where a command reads it. */
function missingDatabase(path: string): AnnalsError {
  return new AnnalsError("no such database (create it with `annals ingest FILE --db …`)", {
    file: path,
  });
}

/**
 * Brings the existing SQLite store at `path` to the current schema (what a writable open
 * does) and says what it found: the schema version before and after, and how many documents
 * an older pipeline extracted (ingesting their files again re-extracts them).
 */
export function upgradeStore(path: string): { from: number; to: number; stale: number } {
  if (!existsSync(path)) {
    throw missingDatabase(path);
  }
  const peek = <T>(read: (db: Database.Database) => T): T => {
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true });
    } catch (error) {
      throw new AnnalsError(`cannot open database: ${(error as Error).message}`, { file: path });
    }
    try {
      return read(db);
    } finally {
      db.close();
    }
  };
  const from = peek((db) => db.pragma("user_version", { simple: true }) as number);
  openStore(path).close();
  const stale = peek(
    (db) =>
      db
        .prepare<[string], number>("SELECT count(*) FROM documents WHERE pipeline <> ?")
        .pluck()
        .get(pipelineFingerprint()) ?? 0,
  );
  return { from, to: SCHEMA_VERSION, stale };
}

/** Opens (creating and migrating when writable) the store in SQLite file `path`. */
export function openStore(path: string, options: OpenOptions = {}): Store {
  const readonly = options.readonly === true;
  if (readonly && !existsSync(path)) {
    throw missingDatabase(path);
  }
  let db: Database.Database;
  try {
    db =
      readonly && existsSync(path) && !folderWritable(path)
        ? openInMemoryCopy(path)
        : new Database(path, { readonly, fileMustExist: readonly });
  } catch (error) {
    if (error instanceof AnnalsError) throw error;
    throw new AnnalsError(`cannot open database: ${(error as Error).message}`, { file: path });
  }
  try {
    db.pragma("busy_timeout = 10000");
    db.pragma("foreign_keys = ON");
    // Note: a page cache of 32 MiB and reads through a memory map (no read() call and copy per
    // page) keep timeline and search queries on a large store in memory-speed lookups.
    db.pragma(`cache_size = -${options.bulk === true ? BULK_CACHE_KIB : 32768}`);
    db.pragma(`mmap_size = ${options.bulk === true ? 0 : 1073741824}`);
    if (options.verify === true) quickCheck(db, path);
    checkAnnalsStore(db, path, options.force === true && !readonly, !readonly);
    if (readonly) {
      const version = db.pragma("user_version", { simple: true }) as number;
      if (version !== SCHEMA_VERSION) {
        throw new AnnalsError(
          `database schema version ${version}, expected ${SCHEMA_VERSION} (upgrade it with \`annals ingest --db ${path}\`)`,
          { file: path },
        );
      }
    } else {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      migrate(db);
    }
  } catch (error) {
    db.close();
    const named = storeError(error, path);
    if (named instanceof AnnalsError) throw named;
    throw new AnnalsError(`cannot use database: ${(error as Error).message}`, { file: path });
  }
  return guarded(new SqliteStore(db, path, readonly), path);
}

/** The better-sqlite3 implementation of `Store`. */
class SqliteStore implements Store {
  private writer: Writer | null = null;
  /** Writes through this connection (data_version only counts other connections' commits). */
  private writes = 0;
  /** Unpacked texts of documents recently hit by a search, valid at `textsVersion`. */
  private readonly texts = textCache();
  private textsVersion = -1;

  constructor(
    private readonly db: Database.Database,
    readonly path: string,
    private readonly readonly: boolean,
  ) {
    registerTextFunctions(db);
  }

  put(extracted: Extracted, options: PutOptions = {}): PutOutcome {
    return this.writable().put(extracted, options);
  }

  putMany(items: readonly Extracted[], options: PutOptions = {}): PutOutcome[] {
    return this.writable().putMany(items, options);
  }

  putPrepared(items: readonly PreparedDocument[], options: PutOptions = {}): PutOutcome[] {
    return this.writable().putPrepared(items, options);
  }

  begin(): WriteBatch {
    const batch = this.writable().begin();
    return guarded(
      {
        // Note: every step counts as a write, so this connection's searches never keep texts
        // read inside the batch (a replaced document may take the same rowid; a rolled-back
        // one is gone).
        put: (item: PreparedDocument, options?: PutOptions) => {
          this.writes += 1;
          return batch.put(item, options);
        },
        commit: () => {
          batch.commit();
          this.writes += 1;
        },
        rollback: () => {
          batch.rollback();
          this.writes += 1;
        },
      },
      this.path,
    );
  }

  /** The writer (made on first use), counting one more write. */
  private writable(): Writer {
    if (this.readonly) throw new AnnalsError("database opened read-only", { file: this.path });
    this.writer ??= createWriter(this.db);
    this.writes += 1;
    return this.writer;
  }

  hasHash(source: string, hash: string): boolean {
    return (
      this.db
        .prepare<[string, string, string], { one: number }>(
          "SELECT 1 AS one FROM documents WHERE source = ? AND hash = ? AND pipeline = ?",
        )
        .get(source, hash, pipelineFingerprint()) !== undefined
    );
  }

  remove(idOrSource: string): boolean {
    this.writes += 1;
    const result = this.db
      .prepare<[string, string]>("DELETE FROM documents WHERE id = ? OR source = ?")
      .run(idOrSource, idOrSource);
    return result.changes > 0;
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      out[table] = (
        this.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get() ?? { n: 0 }
      ).n;
    }
    // Documents written since migration 6 keep these in their structure blob, not in rows.
    const blobs = this.db
      .prepare<[], Buffer>("SELECT structure_z FROM documents WHERE structure_z IS NOT NULL")
      .pluck()
      .iterate();
    for (const blob of blobs) {
      const n = structureCounts(blob);
      for (const [table, key] of PACKED_TABLES) out[table] = (out[table] ?? 0) + n[key];
    }
    return out;
  }

  integrityCheck(): string {
    const result = this.db
      .prepare<[], { integrity_check: string }>("PRAGMA integrity_check")
      .all()
      .map((r) => r.integrity_check)
      .join("; ");
    if (result !== "ok" || this.readonly) return result;
    // The full-text indexes must agree with the rows they index (FTS5 'integrity-check').
    for (const fts of ["sentences_fts", "event_mentions_fts"]) {
      try {
        this.db.prepare(`INSERT INTO ${fts}(${fts}, rank) VALUES ('integrity-check', 1)`).run();
      } catch (error) {
        return `${fts}: ${(error as Error).message}`;
      }
    }
    return "ok";
  }

  documents(): DocumentSummary[] {
    return this.db
      .prepare<[], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM documents ORDER BY title, source`)
      .all()
      .map(toSummary);
  }

  document(id: string): StoredDocument | null {
    return readDocument(this.db, id);
  }

  events(query: EventQuery): EventHit[] {
    return queryEvents(this.db, query);
  }

  entities(options: { doc?: string; query?: string; limit?: number } = {}): EntitySummary[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.doc !== undefined) {
      where.push("(d.id = ? OR d.source = ?)");
      params.push(options.doc, options.doc);
    }
    if (options.query !== undefined && options.query.trim() !== "") {
      for (const term of parseTextQuery(options.query)?.terms ?? []) {
        where.push("n.rowid IN (SELECT entity FROM entity_names WHERE instr(lower(name), ?) > 0)");
        params.push(term);
      }
    }
    const summaries = this.aggregateEntities(where, params);
    summaries.sort((a, b) => b.events - a.events || a.id.localeCompare(b.id));
    return options.limit === undefined ? summaries : summaries.slice(0, Math.max(0, options.limit));
  }

  entity(id: string): EntitySummary | null {
    return this.aggregateEntities(["n.id = ?"], [id])[0] ?? null;
  }

  findings(options: { doc?: string } = {}): Array<Finding & { doc: string }> {
    const filter = options.doc === undefined ? "" : "WHERE d.id = ? OR d.source = ?";
    const params = options.doc === undefined ? [] : [options.doc, options.doc];
    return this.db
      .prepare<unknown[], Record<string, unknown>>(
        `SELECT f.*, d.id AS doc_id FROM findings f JOIN documents d ON d.rowid = f.doc
         ${filter} ORDER BY f.doc, f.start, f.idx`,
      )
      .all(...params)
      .map((r) => ({ ...toFinding(r), doc: r.doc_id as string }));
  }

  timexFindings(refs: readonly TimexRef[]): Array<Finding & TimexRef> {
    if (refs.length === 0) return [];
    // Note: a document's few findings are read by its key and checked for the timex.
    return this.db
      .prepare<[string], Record<string, unknown>>(
        `SELECT f.*, d.id AS ref_doc, f.timex AS ref_timex
         FROM (SELECT DISTINCT value ->> 0 AS doc, value ->> 1 AS timex FROM json_each(?)) r
         JOIN documents d ON d.id = r.doc
         JOIN findings f ON f.doc = d.rowid AND f.timex = r.timex
         ORDER BY d.id, f.timex, f.idx`,
      )
      .all(JSON.stringify(refs.map((r) => [r.doc, r.timex])))
      .map((r) => ({ ...toFinding(r), doc: r.ref_doc as string, timex: r.ref_timex as string }));
  }

  search(text: string, options: { doc?: string; limit?: number } = {}): SearchHit[] {
    const rows = searchSentences(this.db, text, options.doc, options.limit ?? DEFAULT_SEARCH_LIMIT);
    const version = this.dataVersion();
    if (version !== this.textsVersion) {
      this.texts.clear();
      this.textsVersion = version;
    }
    return withDisplay(this.db, rows, this.texts);
  }

  dataVersion(): number {
    // Note: SQLite's data_version changes when another connection commits; add our own writes.
    return (this.db.pragma("data_version", { simple: true }) as number) * 1_000_000 + this.writes;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Entity rows matching `where`, merged by entity id across documents. */
  private aggregateEntities(where: string[], params: unknown[]): EntitySummary[] {
    const rows = this.db
      .prepare<unknown[], EntityRow>(
        `SELECT n.rowid, n.id, n.kind, n.name, n.names, n.wiki, n.rule, n.doc, d.id AS doc_id,
           (SELECT count(DISTINCT a.event) FROM event_actors a JOIN events e ON e.rowid = a.event
            WHERE e.doc = n.doc AND a.entity = n.id) AS n_events
         FROM entities n JOIN documents d ON d.rowid = n.doc
         ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
         ORDER BY n.id, n.doc`,
      )
      .all(...params);
    return mergeEntityRows(rows);
  }
}
