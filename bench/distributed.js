#!/usr/bin/env node
// Distributed ingest against a single-process one, same input:
//   node bench/distributed.js --pg postgres://user@host/db [--generated 200] [--lease 10]
// 1. writes N generated articles (corpus articles with their years shifted, so every one is a
//    new text with its own dates) into a temporary folder;
// 2. ingests the bundled articles (test/corpus, samples, corpus/*/*.md) plus the generated
//    ones into a SQLite file in one process (`annals ingest --jobs 1`);
// 3. queues the same input in a fresh PostgreSQL database (`annals ingest --queue`), starts
//    two workers in separate processes, kills one with SIGKILL once some pages are done and
//    starts it again;
// 4. compares `annals timeline --format csv` of both stores row for row.
// Needs the build (`npm run build`). Prints the figures; exit 0 when the CSVs are equal.
// `--small` uses test/corpus and samples only (what the test runs).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin/annals.js");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const base = arg("--pg", process.env.ANNALS_TEST_PG);
if (base === undefined) {
  process.stderr.write("usage: node bench/distributed.js --pg postgres://user@host/db\n");
  process.exit(2);
}
const generated = Number(arg("--generated", "200"));
const lease = arg("--lease", "10");
const small = process.argv.includes("--small");
const mdIn = (dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => join(dir, f));

const tmp = mkdtempSync(join(tmpdir(), "annals-distributed-"));
const bundled = [
  ...mdIn(join(root, "test/corpus/articles")),
  ...mdIn(join(root, "samples")),
  ...(small
    ? []
    : readdirSync(join(root, "corpus"), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .flatMap((d) => mdIn(join(root, "corpus", d.name)))),
];

// Generated articles: corpus articles (or the bundled ones with --small) with every year
// written as 4 digits + 年 shifted by 1–9 years.
const bases = small
  ? bundled
  : bundled.filter((f) => f.includes("/corpus/") && !f.includes("/test/"));
const genDir = join(tmp, "generated");
mkdirSync(genDir);
for (let i = 0; i < generated; i += 1) {
  const from = bases[i % bases.length];
  const shift = 1 + (Math.floor(i / bases.length) % 9);
  const text = readFileSync(from, "utf8").replace(/(1[5-9]\d\d|20[0-2]\d)(?=年)/g, (y) =>
    String(Number(y) + shift),
  );
  writeFileSync(join(genDir, `gen-${String(i).padStart(4, "0")}.md`), text);
}
const inputs = [...bundled, genDir];
const articles = bundled.length + generated;

const annals = (...args) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) {
    throw new Error(
      `annals ${args[0]} failed (${r.status}): ${r.stderr.split("\n").slice(-3).join(" ")}`,
    );
  }
  return r.stdout;
};
const seconds = (t0) => (performance.now() - t0) / 1000;

// The reference: one process, SQLite.
const refDb = join(tmp, "ref.db");
let t0 = performance.now();
annals("ingest", ...inputs, "--db", refDb, "--jobs", "1");
const refSeconds = seconds(t0);
const refCsv = annals("timeline", "--db", refDb, "--format", "csv");

// A fresh PostgreSQL database.
const name = `annals_distributed_${process.pid}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${name}"`);
const url = new URL(base);
url.pathname = `/${name}`;
const db = url.toString();

let killedAt = null;
let result;
try {
  t0 = performance.now();
  process.stdout.write(annals("ingest", ...inputs, "--db", db, "--queue", "--lease", lease));
  const worker = (label) => {
    const child = spawn(
      process.execPath,
      [bin, "worker", "--db", db, "--jobs", "1", "--until-empty"],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const done = new Promise((resolve) =>
      child.on("exit", (code, signal) => resolve({ label, code, signal, out })),
    );
    return { child, done };
  };
  // Note: what `annals ingest --status` prints, read in-process (a CLI per poll costs a core).
  const { queueStatus } = await import(join(root, "dist/store/pg/queue.js"));
  const status = async () => {
    const s = await queueStatus(db);
    return {
      ...s,
      line: `queued ${s.queued}, running ${s.running}, done ${s.done}, failed ${s.failed}`,
    };
  };
  const a = worker("A");
  const b = worker("B");
  // Kill A with SIGKILL once a quarter of the pages is done and A holds a job (B has at most 2 lanes, so 3 running means A holds one).
  let s = await status();
  while (s.done < Math.max(1, Math.floor(articles / 4)) || s.running < 3) {
    await new Promise((r) => setTimeout(r, 300));
    s = await status();
    if (s.queued === 0 && s.running === 0) break;
  }
  a.child.kill("SIGKILL");
  killedAt = s;
  const ra = await a.done;
  const a2 = worker("A2");
  const results = [ra, await b.done, await a2.done];
  const distributedSeconds = seconds(t0);
  const final = await status();
  const pgCsv = annals("timeline", "--db", db, "--format", "csv");
  const refRows = refCsv.trimEnd().split("\n");
  const pgRows = pgCsv.trimEnd().split("\n");
  const firstDiff = refRows.findIndex((row, i) => row !== pgRows[i]);
  result = {
    articles,
    generated,
    killed: `worker A (${ra.signal ?? ra.code}) at: ${killedAt.line}`,
    workers: results.map((r) => `${r.label}: ${r.signal ?? r.code} ${r.out.trim()}`),
    final: final.line,
    sqliteSingleProcessSeconds: Number(refSeconds.toFixed(1)),
    postgresTwoWorkersSeconds: Number(distributedSeconds.toFixed(1)),
    csvRows: { sqlite: refRows.length - 1, postgres: pgRows.length - 1 },
    equal: refCsv === pgCsv,
    firstDifferentRow: firstDiff < 0 && refRows.length === pgRows.length ? null : firstDiff,
  };
} finally {
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
  await admin.end();
  rmSync(tmp, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
process.exitCode = result.equal ? 0 : 1;
