#!/usr/bin/env node
// annals benchmark: prints throughput figures (never asserted in tests).
//   npm run bench -- [DIR] [--quick]
// DIR: a folder of articles (NAME.md, or NAME/NAME.md one level down); default the repository's
// corpus/ (said so on the first line). The bundled sample is always added. --quick: fewer runs.
// --time-only: the time-stage and chrono-node lines alone (no ingest or full-extract lines).
// Store ingest, store size and the API at scale: `npm run bench:scale`.
import { existsSync, statSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { articles } from "./articles.js";
import { printUsage } from "./usage.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
if (process.argv.includes("--help")) printUsage(import.meta.url);
const quick = process.argv.includes("--quick");
const runs = quick ? 3 : 7;
const timeOnly = process.argv.includes("--time-only");

const { ingest } = await import(join(root, "dist/ingest/index.js"));
const { normalize } = await import(join(root, "dist/normalize/index.js"));
const { tagTimes } = await import(join(root, "dist/time/index.js"));
const { extract } = await import(join(root, "dist/extract.js"));

const folderArg = process.argv.slice(2).find((a) => !a.startsWith("--"));
const folder = resolve(folderArg ?? join(root, "corpus"));
if (!existsSync(folder) || !statSync(folder).isDirectory()) {
  console.error(`bench: no such folder of articles: ${folder}`);
  process.exit(2);
}

/** The bundled sample plus every article of `folder` (NAME.md, or NAME/NAME.md). */
const corpus = () => articles(root, folder);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median seconds of `fn` over `runs` runs (after one warm-up). */
function time(fn) {
  fn();
  const xs = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    fn();
    xs.push((performance.now() - t0) / 1000);
  }
  return median(xs);
}

const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : `${(x / 1e3).toFixed(1)} k`);
const docs = corpus();
if (docs.length < 2) {
  console.error(`bench: no articles (NAME.md or NAME/NAME.md) in ${folder}`);
  process.exit(2);
}
const chars = docs.reduce((n, d) => n + d.raw.length, 0);
console.log(
  `annals bench — ${folderArg === undefined ? "DEFAULT FOLDER (give one: npm run bench -- DIR) " : ""}${folder}: ` +
    `${docs.length - 1} articles + the sample, ${chars} chars, median of ${runs} runs, Node ${process.version}`,
);

// 1. ingest + normalize
if (!timeOnly) {
  const tIngest = time(() => {
    for (const d of docs) normalize(ingest(d.raw, { name: d.path }));
  });
  console.log(
    `ingest+normalize   ${fmt(chars / tIngest)}chars/s  (${(tIngest * 1000).toFixed(1)} ms)`,
  );
}

// 2. time stage alone, and chrono-node's Chinese parser on the same analysis text. Measured as
// process CPU time (user + system), not wall time: on a shared machine wall time is mostly
// waiting for a core. The two run in interleaved rounds (time stage first in even rounds, chrono
// first in odd ones, so drift and warm-up weigh on both alike); each round's ratio is chrono's CPU
// time over the time stage's (> 1: annals is faster). Printed: medians and first quartiles (p25,
// the slower quarter for annals) of the rounds.
const normalized = docs.map((d) => normalize(ingest(d.raw, { name: d.path })));
const rounds = quick ? 10 : 30;

/** Process CPU seconds (user + system) that `fn` takes. */
function cpu(fn) {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

/** The value at quantile `q` (0..1) of `xs`, by the nearest rank. */
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

const runTime = () => {
  for (const n of normalized) tagTimes(n);
};
let runChrono;
let chronoError;
try {
  const chrono = await import("chrono-node");
  const ref = new Date(Date.UTC(2020, 0, 1));
  runChrono = () => {
    for (const n of normalized) {
      for (const b of n.doc.blocks)
        chrono.zh.hans.parse(n.analysis.slice(b.textStart, b.textEnd), ref);
    }
  };
} catch (error) {
  chronoError = error;
}
// Warm-up: each once (compiles patterns, loads tables, lets the JIT settle).
runTime();
runChrono?.();
const cpuTime = [];
const cpuChrono = [];
const ratios = [];
const wallTime = [];
for (let i = 0; i < rounds; i += 1) {
  const order = i % 2 === 0 ? ["time", "chrono"] : ["chrono", "time"];
  let a = 0;
  let b = 0;
  for (const which of order) {
    if (which === "time") {
      const t0 = performance.now();
      a = cpu(runTime);
      wallTime.push((performance.now() - t0) / 1000);
    } else if (runChrono !== undefined) b = cpu(runChrono);
  }
  cpuTime.push(a);
  if (runChrono !== undefined) {
    cpuChrono.push(b);
    ratios.push(b / a);
  }
}
const ms = (x) => `${(x * 1000).toFixed(1)} ms`;
const tTime = quantile(cpuTime, 0.5);
console.log(
  `time stage         ${fmt(chars / tTime)}chars/s  (CPU ${ms(tTime)} median, p75 ${ms(quantile(cpuTime, 0.75))}; wall ${ms(quantile(wallTime, 0.5))} median; ${rounds} rounds)`,
);
if (runChrono !== undefined) {
  const tChrono = quantile(cpuChrono, 0.5);
  console.log(
    `chrono-node zh     ${fmt(chars / tChrono)}chars/s  (CPU ${ms(tChrono)} median, p25 ${ms(quantile(cpuChrono, 0.25))}; interleaved with the time stage)`,
  );
  console.log(
    `  ratio annals/chrono-node throughput (chrono CPU / time-stage CPU, per round): median ${quantile(ratios, 0.5).toFixed(2)}, p25 ${quantile(ratios, 0.25).toFixed(2)} (must-show: >= 0.8)`,
  );
} else {
  console.log(`chrono-node zh     not measured (${chronoError.message})`);
}

// 3. the whole pipeline
if (timeOnly) process.exit(0);
const tAll = time(() => {
  for (const d of docs) extract({ raw: d.raw, name: d.path });
});
console.log(
  `full extract       ${fmt(chars / tAll)}chars/s  (${(tAll * 1000).toFixed(1)} ms, ${(docs.length / tAll).toFixed(1)} articles/s)`,
);
// The same pipeline with events from the trigger rules alone (no typer, no role model, no date
// ranker), for the cost of the models.
const tRules = time(() => {
  for (const d of docs)
    extract({ raw: d.raw, name: d.path }, { events: { model: null, roles: null, dates: null } });
});
console.log(
  `  rules-only events ${fmt(chars / tRules)}chars/s  (${(tRules * 1000).toFixed(1)} ms) → models' cost ×${(tAll / tRules).toFixed(2)} per character`,
);

console.log("store ingest, store size and the API at scale: npm run bench:scale");
