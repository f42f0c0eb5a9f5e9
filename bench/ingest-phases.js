#!/usr/bin/env node
// Where an ingest's CPU goes, per article: `node bench/ingest-phases.js DIR [OPTIONS]`.
// Runs the steps `annals ingest` runs for each article in one thread and times each with the
// process's CPU time (user + system, less sensitive to a loaded machine than wall time):
// extract (the pipeline, on a worker in an ingest) and prepareDocument (the store's rows, on a
// worker) article after article, then the writer's part (the main thread in an ingest): the
// inserts (WriteBatch.put) and the commits, 32 articles per batch, split by SQL statement. The
// first article (the pipeline's dictionaries and the model load) is reported apart, and the
// extract time of each quarter of the run shows the JIT warming up: every ingest worker goes
// through that. Prints figures, asserts nothing. The stores are temporary, removed at the end.
//
//   DIR              a folder of articles (NAME.md or NAME/NAME.md); e.g. the `articles/`
//                    folder `bench/scale.js --db FILE` leaves beside FILE
//   --articles N     at most N articles of DIR (default 200)
//   --dist DIR       the build to run (default dist/), e.g. a copy of an older build
//   --help           prints this usage and exits
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { articles } from "./articles.js";
import { printUsage } from "./usage.js";

const here = fileURLToPath(import.meta.url);
const root = join(dirname(here), "..");
const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h") || argv.length === 0)
  printUsage(import.meta.url, argv.length === 0 ? 2 : 0);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const valued = new Set(["--articles", "--dist"]);
const folderArg = argv.find((a, i) => !a.startsWith("--") && !valued.has(argv[i - 1]));
if (folderArg === undefined) {
  console.error(
    "ingest-phases: give a folder of articles (node bench/ingest-phases.js DIR); --help",
  );
  process.exit(2);
}
const folder = resolve(folderArg);
const limit = Number(option("--articles", 200));
const dist = resolve(option("--dist", join(root, "dist")));

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const c0 = cpu();
const { extract } = await import(join(dist, "extract.js"));
const { prepareDocument } = await import(join(dist, "store/write.js"));
const { openStore } = await import(join(dist, "store/index.js"));
const { default: Database } = await import("better-sqlite3");
const imported = cpu() - c0;

// Note: the sample `articles` puts first is left out: DIR's articles alone.
const docs = articles(root, folder).slice(1, limit + 1);
if (docs.length < 2) {
  console.error(`ingest-phases: fewer than 2 articles in ${folder}`);
  process.exit(2);
}

// CPU per SQL statement: every better-sqlite3 statement shares one prototype.
const bySql = new Map();
const keys = new WeakMap();
let counting = false;
const proto = Object.getPrototypeOf(new Database(":memory:").prepare("SELECT 1"));
for (const method of ["run", "get", "all"]) {
  const original = proto[method];
  proto[method] = function (...args) {
    if (!counting) return original.apply(this, args);
    const t = cpu();
    try {
      return original.apply(this, args);
    } finally {
      let key = keys.get(this);
      if (key === undefined) {
        key = this.source.replace(/\s+/g, " ").trim().slice(0, 48);
        keys.set(this, key);
      }
      bySql.set(key, (bySql.get(key) ?? 0) + cpu() - t);
    }
  };
}

const work = mkdtempSync(join(tmpdir(), "annals-phases-"));
const chars = docs.reduce((n, d) => n + d.raw.length, 0);
try {
  const total = { extract: 0, prepare: 0, insert: 0, commit: 0 };
  const quarters = [0, 0, 0, 0];
  let first = 0;
  // Note: every article is extracted and prepared first, then written, as the workers and the
  // writer run apart in an ingest: the extraction's garbage is not collected during the inserts.
  const prepared = [];
  for (const [i, d] of docs.entries()) {
    const a = cpu();
    const extracted = extract({ raw: d.raw, name: d.path });
    const b = cpu();
    if (i === 0) first = b - a;
    else {
      total.extract += b - a;
      quarters[Math.floor((4 * (i - 1)) / (docs.length - 1))] += b - a;
    }
    prepared.push(prepareDocument(extracted));
    total.prepare += cpu() - b;
  }
  // The writer twice, into two stores: timed as a whole, then with every statement timed (two
  // CPU-time reads per statement cost about as much as the inserts), to split the first time.
  const write = (file) => {
    const store = openStore(join(work, file), { bulk: true });
    let insert = 0;
    let commit = 0;
    for (let i = 0; i < prepared.length; i += 32) {
      const c = cpu();
      const batch = store.begin();
      for (const p of prepared.slice(i, i + 32)) batch.put(p, {});
      const e = cpu();
      insert += e - c;
      batch.commit();
      commit += cpu() - e;
    }
    store.close();
    return { insert, commit };
  };
  Object.assign(total, write("phases.db"));
  counting = true;
  write("counted.db");
  counting = false;

  const n = docs.length;
  const warm = n - 1;
  const per = (ms, k) => `${(ms / k).toFixed(1).padStart(6)} ms`;
  const sum = total.extract + total.prepare + total.insert + total.commit;
  console.log(
    `ingest phases — ${dist} on ${folder}: ${n} articles, ${(chars / n / 1000).toFixed(1)} k chars each, ` +
      `Node ${process.version}, load average ${loadavg()[0].toFixed(1)}`,
  );
  console.log(
    `start-up: imports ${imported.toFixed(0)} ms CPU, first article ${first.toFixed(0)} ms`,
  );
  console.log(`CPU per article (articles 2–${n}):`);
  const line = (name, ms, k, where) =>
    console.log(
      `  ${name.padEnd(9)} ${per(ms, k)}  ${((100 * ms) / sum).toFixed(0).padStart(3)}%  ${where}`,
    );
  line("extract", total.extract, warm, "worker");
  line("prepare", total.prepare, n, "worker");
  line("insert", total.insert, n, "main thread");
  line("commit", total.commit, n, "main thread");
  const quarter = quarters.map((ms, q) => {
    const k = Math.floor((warm * (q + 1)) / 4) - Math.floor((warm * q) / 4);
    return (ms / Math.max(k, 1)).toFixed(1);
  });
  console.log(`  extract by quarter of the run (JIT warming up): ${quarter.join(" / ")} ms`);
  const counted = [...bySql.values()].reduce((a, b) => a + b, 0);
  const writer = total.insert + total.commit;
  console.log("the writer's time by statement (shares of the instrumented pass, CPU per article):");
  for (const [sql, ms] of [...bySql].sort((x, y) => y[1] - x[1])) {
    const share = ms / counted;
    if ((share * writer) / n >= 0.05) {
      console.log(`  ${per(share * writer, n)}  ${(100 * share).toFixed(0).padStart(3)}%  ${sql}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
