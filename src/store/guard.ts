/**
 * The store's edges: is a SQLite file an annals store, is it sound (`quick_check`), can it be
 * read in a folder we may not write, and SQLite failures as one-line errors naming the file.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { AnnalsError } from "../model/index.js";

/** SQLite result codes that mean the file itself is damaged. */
const DAMAGED = /^SQLITE_CORRUPT/;
/** The SQLite result code of a file that is no database at all (a text or binary file). */
const NOT_A_DATABASE = /^SQLITE_NOTADB/;

/** A thrown SQLite error as an `AnnalsError` naming the database file (others pass through). */
export function storeError(error: unknown, path: string): unknown {
  if (error instanceof AnnalsError || !(error instanceof Database.SqliteError)) return error;
  const message = error.message.split("\n")[0] ?? "";
  const hint = DAMAGED.test(error.code)
    ? " (the database file is damaged: restore it or rebuild it with `annals ingest`)"
    : NOT_A_DATABASE.test(error.code)
      ? " (this file is not a SQLite database: name an annals store; `annals ingest` creates one)"
      : "";
  return new AnnalsError(`database error: ${message}${hint}`, { file: path });
}

/**
 * `target` with every method's SQLite errors turned into one-line `AnnalsError`s naming `path`.
 * Note: a proxy rather than a try/catch in each of the store's methods.
 */
export function guarded<T extends object>(target: T, path: string): T {
  return new Proxy(target, {
    get(t, key) {
      const value: unknown = Reflect.get(t, key, t);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        try {
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        } catch (error) {
          throw storeError(error, path);
        }
      };
    },
  });
}

/** Throws unless `PRAGMA quick_check` finds the file sound. */
export function quickCheck(db: Database.Database, path: string): void {
  const rows = db.pragma("quick_check") as Array<{ quick_check: string }>;
  const result = rows.map((r) => r.quick_check);
  if (result.length === 1 && result[0] === "ok") return;
  throw new AnnalsError(
    `database fails its quick check (${result.slice(0, 2).join("; ")}${result.length > 2 ? "; …" : ""}): restore it or rebuild it with \`annals ingest\``,
    { file: path },
  );
}

/**
 * Whether the open file is an annals store: a new empty database, or one holding the
 * `documents` table at a schema version annals wrote (1 or more).
 */
export function isAnnalsStore(db: Database.Database): boolean {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
    .all()
    .map((r) => r.name);
  if (tables.length === 0) return true;
  const version = db.pragma("user_version", { simple: true }) as number;
  return version > 0 && tables.includes("documents") && tables.includes("timexes");
}

/**
 * Throws unless the open file is an annals store (see `isAnnalsStore`) or `force` is set. The
 * message offers `--force` only where the command can write (`writable`: ingest, not serve).
 */
export function checkAnnalsStore(
  db: Database.Database,
  path: string,
  force: boolean,
  writable = true,
): void {
  if (force || isAnnalsStore(db)) return;
  throw new AnnalsError(
    `not an annals store (another program's SQLite file?); use another --db${
      writable ? ", or --force to add the annals tables to it" : ""
    }`,
    { file: path },
  );
}

/** Whether the folder holding `path` lets us create files (SQLite's -wal and -shm). */
export function folderWritable(path: string): boolean {
  try {
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A read-only copy in memory of a database in a folder we cannot write: SQLite cannot make
 * the shared-memory file a WAL database needs there. Only a cleanly closed file is complete
 * on its own, so one with a non-empty `-wal` beside it is refused.
 */
export function openInMemoryCopy(path: string): Database.Database {
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new AnnalsError(
      "the database has unfinished writes (a -wal file) in a folder annals cannot write; copy the folder somewhere writable",
      { file: path },
    );
  }
  const bytes = readFileSync(path);
  // Note: header bytes 18–19 say "WAL"; an in-memory copy reads as a rollback-journal file.
  if (bytes.length >= 20 && bytes[18] === 2) bytes[18] = bytes[19] = 1;
  return new Database(bytes, { readonly: true });
}
