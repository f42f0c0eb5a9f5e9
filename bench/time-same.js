#!/usr/bin/env node
// Time-stage output identity check for speed work: `node bench/time-same.js OLD NEW [DIR...]`.
// OLD and NEW are two built checkouts (each with dist/). For every article — the bundled sample,
// every *.md under NEW's corpus/ and test/ (any depth), under ../shared/data beside NEW when it
// exists, and under each DIR — it runs ingest → normalize → tagTimes in both builds, without a
// reference date and with one (2018-06-30T12:00, so the deictic readings run too), and compares
// the timexes' JSON byte for byte. Prints one line per difference and a summary; exits 1 when
// anything differs. Asserts no timing.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const [oldArg, newArg, ...dirArgs] = process.argv.slice(2);
if (oldArg === undefined || newArg === undefined) {
  console.error("usage: node bench/time-same.js OLD_ROOT NEW_ROOT [DIR...]");
  process.exit(2);
}
const roots = [resolve(oldArg), resolve(newArg)];
for (const root of roots) {
  if (!existsSync(join(root, "dist/time/index.js"))) {
    console.error(`time-same: ${root}/dist/time/index.js is missing (build it first)`);
    process.exit(2);
  }
}

/** Every *.md file under `dir` (any depth), sorted; upper-case names are documentation. */
function markdown(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdown(path));
    else if (name.endsWith(".md") && !/^[A-Z][A-Z0-9-]*\.md$/.test(name)) out.push(path);
  }
  return out;
}

const dirs = [join(roots[1], "corpus"), join(roots[1], "test"), ...dirArgs.map((d) => resolve(d))];
const shared = join(roots[1], "..", "shared", "data");
if (existsSync(shared)) dirs.push(shared);
const files = [join(roots[1], "samples/us-dprk.md"), ...dirs.flatMap(markdown)];

const stages = [];
for (const root of roots) {
  stages.push({
    ingest: (await import(join(root, "dist/ingest/index.js"))).ingest,
    normalize: (await import(join(root, "dist/normalize/index.js"))).normalize,
    tagTimes: (await import(join(root, "dist/time/index.js"))).tagTimes,
  });
}

const REFERENCE = "2018-06-30T12:00";
let differ = 0;
let timexes = 0;
let skipped = 0;
for (const file of files) {
  const raw = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  for (const options of [{}, { referenceDate: REFERENCE }]) {
    const [a, b] = stages.map((s) => {
      try {
        return JSON.stringify(s.tagTimes(s.normalize(s.ingest(raw, { name: file })), options));
      } catch (error) {
        return `error: ${error instanceof Error ? error.message : String(error)}`;
      }
    });
    if (a.startsWith("error: ") && a === b) skipped += 1;
    else if (!a.startsWith("error: ")) timexes += JSON.parse(a).length;
    if (a !== b) {
      differ += 1;
      console.log(`DIFF ${file}${options.referenceDate ? ` (reference ${REFERENCE})` : ""}`);
    }
  }
}
console.log(
  `time-same: ${files.length} articles × 2 (no reference date, ${REFERENCE}), ${timexes} timexes, ` +
    `${skipped} runs rejected alike by both, ${differ} difference(s)`,
);
process.exit(differ === 0 ? 0 : 1);
