#!/usr/bin/env node
// Distributed ingest against a single-process one, same input:
//   node bench/distributed.js --pg postgres://user@host/db [--generated 200] [--lease 10]
//        [--shared DIR] [--concurrent]
// 1. writes N generated articles (corpus articles with their years shifted, so every one is a
//    new text with its own dates) into a temporary folder;
// 2. ingests the shared articles (`--shared DIR`, default ../shared/data/articles beside the
//    repo when it exists), the bundled articles (test/corpus, samples, corpus/*/*.md) and the
//    generated ones into a SQLite file in one process (`annals ingest --jobs 1`);
// 3. queues the same input in a fresh PostgreSQL database (`annals ingest --queue`), starts
//    two workers in separate processes, kills one with SIGKILL once some pages are done and
//    starts it again;
// 4. compares `annals timeline --format csv` of both stores row for row.
// Needs the build (`npm run build`). Prints the figures; exit 0 when the CSVs are equal.
// `--small` uses test/corpus and samples only (what the test runs; no shared articles unless
// `--shared DIR` names them). `--concurrent` runs the SQLite reference at the same time as the
// PostgreSQL side instead of before it (both then share the machine: half the wall time).
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
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
const concurrent = process.argv.includes("--concurrent");
const sharedDefault = join(root, "../shared/data/articles");
const sharedDir = arg("--shared", small || !existsSync(sharedDefault) ? undefined : sharedDefault);
const log = (line) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const mdIn = (dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => join(dir, f));

const tmp = mkdtempSync(join(tmpdir(), "annals-distributed-"));
const shared = sharedDir === undefined ? [] : mdIn(sharedDir);
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
const inputs = [...shared, ...bundled, genDir];
const articles = shared.length + bundled.length + generated;
const input = `${shared.length} shared (${sharedDir ?? "none"}), ${bundled.length} bundled, ${generated} generated`;
log(`input: ${articles} articles: ${input}`);

// Runs the CLI without blocking this process (the status polls go on meanwhile).
const annals = (...args) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    let err = "";
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => (err = (err + d).slice(-4000)));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
      else
        reject(
          new Error(`annals ${args[0]} failed (${code}): ${err.split("\n").slice(-3).join(" ")}`),
        );
    });
  });
const seconds = (t0) => (performance.now() - t0) / 1000;

// The reference: one process, SQLite.
const refDb = join(tmp, "ref.db");
const reference = async () => {
  const t = performance.now();
  log("SQLite reference: ingest --jobs 1 started");
  await annals("ingest", ...inputs, "--db", refDb, "--jobs", "1");
  const took = seconds(t);
  log(`SQLite reference: ingest done in ${took.toFixed(1)} s`);
  return { took, csv: await annals("timeline", "--db", refDb, "--format", "csv") };
};
const refRun = reference();
refRun.catch(() => undefined); // awaited below; this only keeps a failure from being unhandled meanwhile
if (!concurrent) await refRun;

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
  const t0 = performance.now();
  log("PostgreSQL: queueing");
  process.stdout.write(await annals("ingest", ...inputs, "--db", db, "--queue", "--lease", lease));
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
  log(`worker A killed (SIGKILL) at: ${s.line}`);
  const ra = await a.done;
  const a2 = worker("A2");
  log("worker A2 started");
  let finished = false;
  const settled = Promise.all([b.done, a2.done]).then((r) => {
    finished = true;
    return r;
  });
  while (!finished) {
    await Promise.race([settled, new Promise((r) => setTimeout(r, 60_000))]);
    if (!finished) log(`PostgreSQL: ${(await status()).line}`);
  }
  const results = [ra, ...(await settled)];
  const distributedSeconds = seconds(t0);
  const final = await status();
  log(`PostgreSQL: workers done in ${distributedSeconds.toFixed(1)} s: ${final.line}`);
  const pgCsv = await annals("timeline", "--db", db, "--format", "csv");
  const { took: refSeconds, csv: refCsv } = await refRun;
  const refRows = refCsv.trimEnd().split("\n");
  const pgRows = pgCsv.trimEnd().split("\n");
  const firstDiff = refRows.findIndex((row, i) => row !== pgRows[i]);
  result = {
    articles,
    input,
    referenceRun: concurrent ? "concurrent with the PostgreSQL side" : "before the PostgreSQL side",
    killed: `worker A (${ra.signal ?? ra.code}) at: ${killedAt.line}`,
    workers: results.map((r) => `${r.label}: ${r.signal ?? r.code} ${r.out.trim()}`),
    final: final.line,
    sqliteSingleProcessSeconds: Number(refSeconds.toFixed(1)),
    sqliteArticlesPerSecond: Number((articles / refSeconds).toFixed(2)),
    postgresTwoWorkersSeconds: Number(distributedSeconds.toFixed(1)),
    postgresArticlesPerSecond: Number((articles / distributedSeconds).toFixed(2)),
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
