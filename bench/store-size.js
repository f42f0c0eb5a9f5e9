#!/usr/bin/env node
// Where a store's bytes go: `node bench/store-size.js --db FILE [--columns] [--no-vacuum]`.
// Prints the file size and KiB per document (documents rows), raw and after VACUUM (a
// vacuumed copy, `VACUUM INTO` a temporary file, so FILE is not touched), then every table and
// index by its pages in the vacuumed copy (the `dbstat` virtual table: FTS5 shadow tables
// grouped under their index), in KiB per document and share of the file, largest first.
// --columns adds each column's stored payload (bytes of its values as SQLite stores them:
// text as UTF-8, blobs, 1–8 bytes for an integer, 8 for a real) in KiB per document: what
// dropping or recoding a column could save at most (record headers and page slack are not
// counted). Read-only; asserts nothing.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { printUsage } from "./usage.js";

const argv = process.argv.slice(2);
if (argv.includes("--help")) printUsage(import.meta.url);
const dbAt = argv.indexOf("--db");
const file = dbAt >= 0 ? argv[dbAt + 1] : undefined;
if (file === undefined) {
  console.error("store-size: give the store with --db FILE (see --help)");
  process.exit(2);
}
const columns = argv.includes("--columns");
const vacuum = !argv.includes("--no-vacuum");

const kib = (bytes, docs) => (bytes / 1024 / docs).toFixed(1).padStart(7);
const source = new Database(file, { readonly: true, fileMustExist: true });
const docs = source.prepare("SELECT count(*) FROM documents").pluck().get();
if (docs === 0) {
  console.error("store-size: the store holds no documents");
  process.exit(2);
}
const rawBytes = statSync(file).size;
let db = source;
let dir = null;
if (vacuum) {
  dir = mkdtempSync(join(tmpdir(), "annals-size-"));
  const copy = join(dir, "vacuumed.db");
  source.prepare("VACUUM INTO ?").run(copy);
  db = new Database(copy, { readonly: true });
}
const fileBytes = vacuum ? statSync(join(dir, "vacuumed.db")).size : rawBytes;
console.log(
  `${file}: ${docs} documents, schema version ${source.pragma("user_version", { simple: true })}`,
);
console.log(
  `file ${(rawBytes / 1024).toFixed(0)} KiB = ${kib(rawBytes, docs).trim()} KiB per document`,
);
if (vacuum) {
  console.log(
    `vacuumed ${(fileBytes / 1024).toFixed(0)} KiB = ${kib(fileBytes, docs).trim()} KiB per document`,
  );
}

// FTS5 keeps an index X in shadow tables X_data, X_idx, X_config (X_content, X_docsize when
// it has them): they count as X.
const indexes = new Set(
  db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%USING fts5%'")
    .pluck()
    .all(),
);
const owner = (name) => {
  for (const fts of indexes) if (name.startsWith(`${fts}_`)) return fts;
  return name;
};
const objects = new Map();
for (const r of db.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name").all()) {
  const name = owner(r.name);
  objects.set(name, (objects.get(name) ?? 0) + r.bytes);
}
const kinds = new Map(
  db
    .prepare("SELECT name, type, tbl_name FROM sqlite_schema")
    .all()
    .map((r) => [r.name, r]),
);
const label = (name) => {
  const k = kinds.get(name);
  if (k === undefined) return `${name} (internal)`;
  if (indexes.has(name)) return `${name} (full-text index)`;
  return k.type === "index" ? `${name} (index on ${k.tbl_name})` : name;
};
console.log(`\n${"KiB/doc".padStart(7)}  share  table or index (${vacuum ? "vacuumed" : "as is"})`);
for (const [name, bytes] of [...objects].sort((a, b) => b[1] - a[1])) {
  if (bytes === 0) continue;
  const share = `${((100 * bytes) / fileBytes).toFixed(1)}%`.padStart(6);
  console.log(`${kib(bytes, docs)} ${share}  ${label(name)}`);
}

if (columns) {
  console.log(`\n${"KiB/doc".padStart(7)}  column payload (values only)`);
  const out = [];
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND sql NOT LIKE '%USING fts5%'`,
    )
    .pluck()
    .all()
    .filter((t) => owner(t) === t);
  for (const table of tables) {
    for (const c of db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table)) {
      // Note: an integer takes 0–8 bytes in a record; counted by its magnitude.
      const bytes = db
        .prepare(
          `SELECT coalesce(sum(CASE typeof("${c}")
             WHEN 'integer' THEN CASE WHEN "${c}" IN (0, 1) THEN 0
               WHEN abs("${c}") < 128 THEN 1 WHEN abs("${c}") < 32768 THEN 2
               WHEN abs("${c}") < 8388608 THEN 3 WHEN abs("${c}") < 2147483648 THEN 4
               WHEN abs("${c}") < 140737488355328 THEN 6 ELSE 8 END
             WHEN 'real' THEN 8 WHEN 'null' THEN 0
             ELSE length(CAST("${c}" AS BLOB)) END), 0) FROM "${table}"`,
        )
        .pluck()
        .get();
      if (bytes > 0) out.push([`${table}.${c}`, bytes]);
    }
  }
  for (const [name, bytes] of out.sort((a, b) => b[1] - a[1])) {
    if (bytes / 1024 / docs >= 0.05) console.log(`${kib(bytes, docs)}  ${name}`);
  }
}

db.close();
if (db !== source) source.close();
if (dir !== null) rmSync(dir, { recursive: true, force: true });
