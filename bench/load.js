#!/usr/bin/env node
// Loopback load test of the JSON API: `npm run bench:load [-- --db FILE --seconds 60]`.
// Serves a store on 127.0.0.1 (a free port): FILE, or the sample database (built if needed)
// when no --db is given. Runs autocannon against each query shape in turn and prints p50/p99
// latency, throughput and errors per shape.
//   --seconds S       per shape (default 20)
//   --connections C   (default 10)
//   --q TEXT          the full-text term of the text and search shapes (default 联合国)
//   --actor NAME      the actor of the actor shape (default 朝鮮, an alias in Traditional script)
//   --pair A,B        the pair of the pair shape (default USA,PRK)
//   --from Y --to Y   the date-range shape (default 1950 … 1953)
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const seconds = Number(option("--seconds", 20));
const connections = Number(option("--connections", 10));
const q = option("--q", "联合国");
const actor = option("--actor", "朝鮮");
const pair = option("--pair", "USA,PRK");
const from = option("--from", "1950");
const to = option("--to", "1953");
const dist = option("--dist", join(root, "dist"));

const { serve } = await import(join(dist, "cli/serve.js"));
let db = option("--db", null);
if (db === null) {
  const { ensureSampleDb } = await import(join(dist, "cli/start-db.js"));
  db = join(root, ".annals/sample.db");
  mkdirSync(dirname(db), { recursive: true });
  ensureSampleDb(db);
}
const e = encodeURIComponent;
const shapes = [
  ["no filter", "/api/events?limit=50"],
  ["pair", `/api/events?pair=${e(pair)}&limit=50`],
  ["actor", `/api/events?actor=${e(actor)}&limit=50`],
  ["date range", `/api/events?from=${from}&to=${to}&limit=50`],
  ["full text", `/api/events?q=${e(q)}&limit=50`],
  ["/api/search", `/api/search?q=${e(q)}&limit=20`],
];
const serving = await serve({ db, port: 0, host: "127.0.0.1" });
const url = serving.url.replace(/\/$/, "");
console.log(`load test of ${db}: ${connections} connections, ${seconds} s per shape, loopback`);
try {
  for (const [name, path] of shapes) {
    // One request first, so a shape's cold start (caches, page cache) is not its p99 alone.
    await globalThis.fetch(url + path);
    const result = await autocannon({
      url,
      connections,
      duration: seconds,
      requests: [{ method: "GET", path }],
    });
    const l = result.latency;
    console.log(
      `  ${name.padEnd(12)} ${path}\n` +
        `               requests ${result.requests.total} (${result.requests.average.toFixed(1)}/s)  ` +
        `p50 ${l.p50} ms  p90 ${l.p90} ms  p99 ${l.p99} ms  max ${l.max} ms  ` +
        `errors ${result.errors}  timeouts ${result.timeouts}  non-2xx ${result.non2xx}`,
    );
  }
} finally {
  await serving.close();
}
