#!/usr/bin/env node
// Loopback load test of the JSON API: `npm run bench:load [-- --seconds 60] [--db FILE|URL] [--path P]`.
// Builds the sample database if needed, serves it on 127.0.0.1 (a free port), runs autocannon
// against /api/events and prints p50/p99 latency, throughput and errors.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg("--seconds", 60);
const connections = arg("--connections", 10);

const { ensureSampleDb } = await import(join(root, "dist/cli/start-db.js"));
const { serve } = await import(join(root, "dist/cli/serve.js"));
// `--db FILE|postgres://…` serves that store instead of the sample; `--path P` loads one shape.
const named = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
let db = named("--db");
if (db === undefined) {
  db = join(root, ".annals/sample.db");
  mkdirSync(dirname(db), { recursive: true });
  ensureSampleDb(db);
}
const serving = await serve({ db, port: 0, host: "127.0.0.1" });
const paths =
  named("--path") !== undefined
    ? [named("--path")]
    : [
        "/api/events",
        "/api/events?type=weapons_test,sanction",
        "/api/events?actor=%E6%9C%9D%E9%AE%AE&from=2000&to=2010",
        "/api/events?pair=USA,PRK&limit=50",
      ];
const result = await autocannon({
  url: serving.url.replace(/\/$/, ""),
  connections,
  duration: seconds,
  requests: paths.map((path) => ({ method: "GET", path })),
});
await serving.close();
const l = result.latency;
console.log(
  `GET ${paths.length === 1 ? paths[0] : "/api/events (4 query shapes)"} on ${db.replace(/:[^:@/]*@/, ":***@")}, ${connections} connections, ${seconds} s on loopback:\n` +
    `  requests ${result.requests.total} (${result.requests.average.toFixed(0)}/s)  ` +
    `latency p50 ${l.p50} ms  p90 ${l.p90} ms  p99 ${l.p99} ms  max ${l.max} ms\n` +
    `  errors ${result.errors}  timeouts ${result.timeouts}  non-2xx ${result.non2xx}`,
);
