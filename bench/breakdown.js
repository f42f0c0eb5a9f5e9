#!/usr/bin/env node
// Where the full extract spends its time: `node bench/breakdown.js [ROOT] [DIR] [--top N]`.
// ROOT: a built checkout (default: this one), so an old build can be profiled the same way;
// DIR: a folder of articles (NAME.md or NAME/NAME.md; default ROOT's corpus/), plus the sample.
// One warm-up pass, then one pass under V8's CPU profiler (in-process, through the inspector).
// Prints the share of each stage (the outermost src module on the stack below extract(),
// garbage collection on its own line) and the functions with the most self time. Shares, not
// speeds: on a shared machine they hold better than times. Asserts nothing.
import { Session } from "node:inspector/promises";
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { articles } from "./articles.js";
import { printUsage } from "./usage.js";

const args = process.argv.slice(2);
if (process.argv.includes("--help")) printUsage(import.meta.url);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
const positional = args.filter((a, i) => !a.startsWith("--") && (topAt < 0 || i !== topAt + 1));
const root = resolve(positional[0] ?? join(dirname(fileURLToPath(import.meta.url)), ".."));
const folder = resolve(positional[1] ?? join(root, "corpus"));
if (!existsSync(join(root, "dist/extract.js"))) {
  console.error(`breakdown: ${root}/dist/extract.js is missing (build it first)`);
  process.exit(2);
}
if (!existsSync(folder) || !statSync(folder).isDirectory()) {
  console.error(`breakdown: no such folder of articles: ${folder}`);
  process.exit(2);
}
const { extract } = await import(join(root, "dist/extract.js"));

const docs = articles(root, folder);
const chars = docs.reduce((n, d) => n + d.raw.length, 0);
const run = () => {
  for (const d of docs) extract({ raw: d.raw, name: d.path });
};

run();
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.start");
run();
const { profile } = await session.post("Profiler.stop");
session.disconnect();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const time = new Map();
for (let i = 0; i < profile.samples.length; i += 1) {
  const id = profile.samples[i];
  time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
/** The outermost dist/ module on the stack of node `id` ("inspector": the profiler's own call). */
const stageOf = (id) => {
  let stage = null;
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const url = byId.get(at).callFrame.url;
    if (url.startsWith("node:inspector")) return "inspector";
    const m = /\/dist\/([^/]+)\//.exec(url);
    if (m) stage = m[1];
  }
  return stage;
};
const stages = new Map();
const self = new Map();
let total = 0;
for (const [id, t] of time) {
  const frame = byId.get(id).callFrame;
  const stage =
    frame.functionName === "(garbage collector)"
      ? "(garbage collection)"
      : (stageOf(id) ?? "other");
  // Note: the profiler's own stop request (inspector dispatch) and idle time are no stage.
  if (frame.functionName === "(idle)" || stage === "inspector") continue;
  total += t;
  stages.set(stage, (stages.get(stage) ?? 0) + t);
  const where = frame.url.replace(/^.*\/(dist|node_modules)\//, "$1/");
  const key = `${frame.functionName || "(anonymous)"} ${where}${where ? `:${frame.lineNumber + 1}` : ""}`;
  self.set(key, (self.get(key) ?? 0) + t);
}
const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
console.log(
  `breakdown — ${root} on ${folder}: ${docs.length - 1} articles + the sample, ${chars} chars, ` +
    `profiled pass ${(total / 1000).toFixed(0)} ms, Node ${process.version}`,
);
console.log("by stage (outermost module below extract):");
for (const [k, t] of [...stages].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(t)}  ${k}`);
console.log(`top ${top} functions by self time:`);
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${pct(t)}  ${k}`);
