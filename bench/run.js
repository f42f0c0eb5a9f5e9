#!/usr/bin/env node
// annals benchmark: prints throughput figures (never asserted in tests).
//   npm run bench            all sections
//   npm run bench -- --quick fewer repetitions, 200 generated articles for the store
import { readFileSync, readdirSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const quick = process.argv.includes("--quick");
const runs = quick ? 3 : 7;

const { ingest } = await import(join(root, "dist/ingest/index.js"));
const { normalize } = await import(join(root, "dist/normalize/index.js"));
const { tagTimes } = await import(join(root, "dist/time/index.js"));
const { extract } = await import(join(root, "dist/extract.js"));

/** The bundled sample plus the nine articles of the test corpus (`test/corpus/articles`). */
function corpus() {
  const files = [join(root, "samples/us-dprk.md")];
  const articles = join(root, "test/corpus/articles");
  for (const f of readdirSync(articles).sort())
    if (f.endsWith(".md")) files.push(join(articles, f));
  return files.map((path) => ({ path, raw: readFileSync(path, "utf8").replace(/^\uFEFF/, "") }));
}

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
const chars = docs.reduce((n, d) => n + d.raw.length, 0);
console.log(
  `annals bench — ${docs.length} articles, ${chars} chars, median of ${runs} runs, Node ${process.version}`,
);

// 1. ingest + normalize
const tIngest = time(() => {
  for (const d of docs) normalize(ingest(d.raw, { name: d.path }));
});
console.log(
  `ingest+normalize   ${fmt(chars / tIngest)}chars/s  (${(tIngest * 1000).toFixed(1)} ms)`,
);

// 2. time stage alone, and chrono-node's Chinese parser on the same analysis text
const normalized = docs.map((d) => normalize(ingest(d.raw, { name: d.path })));
const tTime = time(() => {
  for (const n of normalized) tagTimes(n);
});
console.log(`time stage         ${fmt(chars / tTime)}chars/s  (${(tTime * 1000).toFixed(1)} ms)`);
try {
  const chrono = await import("chrono-node");
  const ref = new Date(Date.UTC(2020, 0, 1));
  const tChrono = time(() => {
    for (const n of normalized) {
      for (const b of n.doc.blocks)
        chrono.zh.hans.parse(n.analysis.slice(b.textStart, b.textEnd), ref);
    }
  });
  console.log(
    `chrono-node zh     ${fmt(chars / tChrono)}chars/s  (${(tChrono * 1000).toFixed(1)} ms)  → ratio annals/chrono-node throughput ${(tChrono / tTime).toFixed(2)}`,
  );
} catch (error) {
  console.log(`chrono-node zh     not measured (${error.message})`);
}

// 3. the whole pipeline
const tAll = time(() => {
  for (const d of docs) extract({ raw: d.raw, name: d.path });
});
console.log(
  `full extract       ${fmt(chars / tAll)}chars/s  (${(tAll * 1000).toFixed(1)} ms, ${(docs.length / tAll).toFixed(1)} articles/s)`,
);
// The same pipeline with events from the trigger rules alone (no candidate typer), for the cost of the model.
const tRules = time(() => {
  for (const d of docs) extract({ raw: d.raw, name: d.path }, { events: { model: null } });
});
console.log(
  `  rules-only events ${fmt(chars / tRules)}chars/s  (${(tRules * 1000).toFixed(1)} ms) → typer cost ×${(tAll / tRules).toFixed(2)} per character`,
);

// 4. store ingest of generated articles, --jobs 1 and 2, in a child process (peak RSS)
const count = quick ? 200 : 1000;
const dir = mkdtempSync(join(tmpdir(), "annals-bench-"));
try {
  let genChars = 0;
  for (let i = 0; i < count; i += 1) {
    const src = docs[i % docs.length].raw;
    const text = `**生成条目${i}**\n\n${src}\n\n第${i}号生成段落。\n`;
    genChars += text.length;
    writeFileSync(join(dir, `a${String(i).padStart(4, "0")}.md`), text);
  }
  for (const jobs of [1, 2]) {
    const db = join(dir, `bench-${jobs}.db`);
    const script = `
      const { main } = await import(${JSON.stringify(join(root, "dist/cli/index.js"))});
      const t0 = performance.now();
      const code = await main(["node", "annals", "ingest", ${JSON.stringify(dir)}, "--db", ${JSON.stringify(db)}, "--jobs", "${jobs}"]);
      const s = (performance.now() - t0) / 1000;
      console.error(JSON.stringify({ code, s, rss: process.resourceUsage().maxRSS }));`;
    // Note: a script file, not `-e`: worker threads inherit the parent's execArgv.
    const scriptPath = join(dir, `ingest-${jobs}.mjs`);
    writeFileSync(scriptPath, script);
    const r = spawnSync(process.execPath, [scriptPath], { encoding: "utf8" });
    const last = r.stderr.trim().split("\n").pop() ?? "";
    let m;
    try {
      m = JSON.parse(last);
    } catch {
      console.log(`store ingest --jobs ${jobs}: failed (${last.slice(0, 200)})`);
      continue;
    }
    if (m.code !== 0) {
      const failures = r.stderr.split("\n").filter((l) => !l.startsWith("ingest:") && l.trim());
      console.log(`  (ingest reported: ${failures.slice(-4, -1).join(" | ").slice(0, 400)})`);
    }
    console.log(
      `store ingest --jobs ${jobs}  ${count} articles in ${m.s.toFixed(1)} s: ${(count / m.s).toFixed(1)} articles/s, ${fmt(genChars / m.s)}chars/s, peak RSS ${(m.rss / 1024).toFixed(0)} MB (exit ${m.code})`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
