#!/usr/bin/env node
// Loopback load test of the JSON API: `npm run bench:load [-- --db FILE --seconds 20]`.
// Starts `annals serve` on the store in a separate process (FILE, a postgres:// URL, or the
// sample database, built if needed, when no --db is given), so the load generator (autocannon,
// in this process) does not share the server's thread. Then, per query shape, prints p50 / p99
// latency, requests/s and errors:
//   - the fixed shapes (one URL each, repeated): no filter, pair, actor, date range, full
//     text, /api/search;
//   - the varied shapes (a fresh URL for every request, drawn from the store itself with a
//     fixed seed): deep pages (`after=` cursors), pairs and actors among the 40 actors most
//     frequent on the sampled pages, random date windows, full-text terms cut from stored event mentions, and
//     /api/search with those terms. They keep caches from flattering the figures.
//   --seconds S       per shape (default 20)
//   --connections C   (default 10)
//   --workers W       server processes (`annals serve --workers W`, default 1)
//   --q TEXT          the full-text term of the fixed text and search shapes (default 联合国)
//   --actor NAME      the actor of the fixed actor shape (default USA)
//   --pair A,B        the pair of the fixed pair shape (default USA,PRK)
//   --from Y --to Y   the fixed date-range shape (default 1950 … 1953)
//   --only fixed|varied  one group of shapes
//   --dist DIR        the build to serve (default dist/): its bin/ beside it runs the server
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { printUsage } from "./usage.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
if (process.argv.includes("--help")) printUsage(import.meta.url);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const seconds = Number(option("--seconds", 20));
const connections = Number(option("--connections", 10));
const workers = Number(option("--workers", 1));
const q = option("--q", "联合国");
const actor = option("--actor", "USA");
const pair = option("--pair", "USA,PRK");
const from = option("--from", "1950");
const to = option("--to", "1953");
const only = option("--only", "");
const dist = option("--dist", join(root, "dist"));

let db = option("--db", null);
if (db === null) {
  const { ensureSampleDb } = await import(join(dist, "cli/start-db.js"));
  db = join(root, ".annals/sample.db");
  mkdirSync(dirname(db), { recursive: true });
  ensureSampleDb(db);
}

/** Starts `annals serve` on a free port; resolves with its URL once it listens. */
function startServer() {
  // The `annals` of the build under test: the bin beside `--dist` (a copy of an older checkout),
  // else this checkout's.
  const beside = join(dist, "..", "bin/annals.js");
  const child = spawn(
    process.execPath,
    [
      existsSync(beside) ? beside : join(root, "bin/annals.js"),
      "serve",
      "--db",
      db,
      "--port",
      "0",
      ...(workers > 1 ? ["--workers", String(workers)] : []),
    ],
    // Its own process group, so the server and its worker processes stop together.
    { stdio: ["ignore", "pipe", "inherit"], detached: true },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = /at (http:\/\/\S+?)\/?\s/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.once("exit", (code) => reject(new Error(`annals serve exited (${code}): ${out}`)));
  });
}

// The varied URLs are the same on every run (the project's seeded generator).
const { seeded } = await import(join(dist, "model/random.js"));
const rand = seeded(7);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const e = encodeURIComponent;

/** Draws the varied URLs from the served store. */
async function variedShapes(url) {
  const get = async (path) => {
    const res = await globalThis.fetch(url + path);
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.json();
  };
  const cursors = [];
  const mentions = [];
  const actorCounts = new Map();
  let after = null;
  for (let i = 0; i < 30; i += 1) {
    const page = await get(`/api/events?limit=200${after === null ? "" : `&after=${e(after)}`}`);
    for (const ev of page.events) {
      for (const m of ev.mentions) mentions.push(m.text);
      for (const id of [...ev.actors.source, ...ev.actors.target]) {
        actorCounts.set(id, (actorCounts.get(id) ?? 0) + 1);
      }
    }
    if (page.next === null) break;
    cursors.push(page.next);
    after = page.next;
    // Jump ahead: a later page starts far into the timeline.
    for (let k = 0; k < 3 && after !== null; k += 1) {
      after = (await get(`/api/events?limit=1000&after=${e(after)}`)).next;
    }
    if (after === null) break;
  }
  // The 40 actors most frequent on the sampled pages (aggregating every entity of a large
  // store for /api/entities would take longer than the test).
  const actors = [...actorCounts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 40)
    .map(([id]) => id);
  // Terms: three characters of a stored mention, Chinese characters only.
  const terms = [];
  for (let i = 0; i < 2000 && terms.length < 200; i += 1) {
    const text = pick(mentions) ?? "";
    const at = Math.floor(rand() * Math.max(0, text.length - 3));
    const term = text.slice(at, at + 3);
    if (/^[\u4e00-\u9fff]{3}$/.test(term)) terms.push(term);
  }
  const list = (n, make) => Array.from({ length: n }, make);
  const pairs = list(200, () => {
    const a = pick(actors);
    let b = pick(actors);
    if (b === a) b = actors[(actors.indexOf(a) + 1) % actors.length];
    return `/api/events?pair=${e(a)},${e(b)}&limit=50`;
  });
  const windows = list(200, () => {
    const y = 1800 + Math.floor(rand() * 215);
    return `/api/events?from=${y}&to=${y + Math.floor(rand() * 6)}&limit=50`;
  });
  return [
    ["pages", cursors.map((c) => `/api/events?limit=50&after=${e(c)}`)],
    ["pairs", pairs],
    ["actors", actors.map((a) => `/api/events?actor=${e(a)}&limit=50`)],
    ["date windows", windows],
    ["text terms", terms.map((t) => `/api/events?q=${e(t)}&limit=50`)],
    ["search terms", terms.map((t) => `/api/search?q=${e(t)}&limit=20`)],
  ];
}

/** One shape under load; prints its figures. */
async function run(url, name, paths) {
  // One request of each URL first would warm every cache; only the first URL is fetched, so a
  // shape's cold start (page cache of its first query) is not its p99 alone.
  await globalThis.fetch(url + paths[0]);
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: "GET",
        setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }),
      },
    ],
  });
  const l = result.latency;
  const shown = paths.length === 1 ? paths[0] : `${paths.length} URLs, e.g. ${paths[0]}`;
  console.log(
    `  ${name.padEnd(13)} ${shown}\n` +
      `                requests ${result.requests.total} (${result.requests.average.toFixed(1)}/s)  ` +
      `p50 ${l.p50} ms  p90 ${l.p90} ms  p99 ${l.p99} ms  max ${l.max} ms  ` +
      `errors ${result.errors}  timeouts ${result.timeouts}  non-2xx ${result.non2xx}`,
  );
}

const { child, url } = await startServer();
const shown = db.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/i, "$1:***@");
console.log(
  `load test of ${shown}: ${connections} connections, ${seconds} s per shape, loopback, ` +
    `server in ${workers} separate process${workers > 1 ? "es" : ""}`,
);
try {
  if (only !== "varied") {
    console.log("fixed shapes (one URL each):");
    const fixed = [
      ["no filter", "/api/events?limit=50"],
      ["pair", `/api/events?pair=${e(pair)}&limit=50`],
      ["actor", `/api/events?actor=${e(actor)}&limit=50`],
      ["date range", `/api/events?from=${from}&to=${to}&limit=50`],
      ["full text", `/api/events?q=${e(q)}&limit=50`],
      ["/api/search", `/api/search?q=${e(q)}&limit=20`],
    ];
    for (const [name, path] of fixed) await run(url, name, [path]);
  }
  if (only !== "fixed") {
    console.log("varied shapes (a different URL for each request):");
    for (const [name, paths] of await variedShapes(url)) {
      if (paths.length === 0) console.log(`  ${name.padEnd(13)} no URLs (store too small)`);
      else await run(url, name, paths);
    }
  }
} finally {
  // SIGTERM lets the servers finish; a server still busy after 5 s is killed.
  const exited = new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", resolve),
  );
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}
