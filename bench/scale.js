#!/usr/bin/env node
// Scale benchmark: `npm run bench:scale [-- OPTIONS]`. Prints figures, asserts nothing.
//
// Articles mode (default): generates N articles (default 2,000) by recombining paragraphs of the
// corpus articles with shifted years and swapped state names, ingests them with `annals ingest
// --jobs J` in a child process (articles/s, chars/s, peak RSS), reports the store's bytes per
// article, then runs the API load test (bench/load.js) against that store.
//
// Events mode (`--events 1000000`): builds a store of that many events directly with SQL
// (synthetic documents of 30 events each, mention and sentence texts drawn from the corpus,
// actors drawn from the gazetteer with a skewed distribution, dates 1800–2020 with 10% undated),
// then runs the same load test.
//
//   --articles N     articles to generate (default 2000)
//   --events N       events mode with N events
//   --jobs J         ingest jobs (default 2)
//   --corpus DIR     folder of articles to recombine (default corpus/)
//   --db FILE        where to build the store (default a temporary folder, removed at the end);
//                    an existing FILE in events mode is reused as it is
//   --seconds S      load-test seconds per shape (default 20); --no-load skips the load test
//   --seed K         generator seed (default 1)
//   --dist DIR       the build to run (default dist/), e.g. a copy of an older build to compare
//   --help           prints this usage and exits
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { printUsage } from "./usage.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) printUsage(import.meta.url);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const events = Number(option("--events", 0));
const articles = Number(option("--articles", 2000));
const jobs = Number(option("--jobs", 2));
const corpusDir = option("--corpus", join(root, "corpus"));
const seconds = option("--seconds", "20");
const seed = Number(option("--seed", 1));
const dist = option("--dist", join(root, "dist"));
const load = !argv.includes("--no-load");

if (!existsSync(corpusDir)) {
  console.error(`bench:scale: no corpus folder ${corpusDir} (give one with --corpus DIR)`);
  process.exit(2);
}

const { seeded } = await import(join(dist, "model/random.js"));
const rand = seeded(seed);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

/** Every markdown article under `dir` (one level of subfolders), as raw text. */
function readArticles(dir) {
  const out = [];
  const walk = (d, depth) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        if (depth < 1) walk(path, depth + 1);
      } else if (name.endsWith(".md") && /^[a-z0-9-]+\.md$/.test(name) && depth === 1) {
        out.push(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
      }
    }
  };
  walk(dir, 0);
  return out;
}

const sources = readArticles(corpusDir);
if (sources.length === 0) {
  console.error(`bench:scale: no articles (*/NAME.md) under ${corpusDir}`);
  process.exit(2);
}
const work = option("--db", null) === null ? mkdtempSync(join(tmpdir(), "annals-scale-")) : null;
const db = option("--db", join(work ?? tmpdir(), "scale.db"));
mkdirSync(dirname(db), { recursive: true });

const fileBytes = (path) =>
  ["", "-wal", "-shm"].reduce(
    (n, s) => n + (existsSync(path + s) ? statSync(path + s).size : 0),
    0,
  );
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

// Articles mode ---------------------------------------------------------------------------------

/** Paragraphs of the source articles (blank-line separated), headings and lists kept whole. */
function paragraphs() {
  const out = [];
  for (const raw of sources) {
    for (const p of raw.split(/\n{2,}/)) if (p.trim() !== "" && !p.startsWith("[^")) out.push(p);
  }
  return out;
}

/** State names swapped in one generated article (both directions, one consistent choice). */
const SWAPS = [
  ["美国", "英国"],
  ["朝鲜", "韩国"],
  ["中国", "日本"],
  ["苏联", "法国"],
  ["美國", "英國"],
  ["朝鮮", "韓國"],
];

function generate(i, pool) {
  const shift = Math.floor(rand() * 81) - 40;
  const swaps = SWAPS.filter(() => rand() < 0.5);
  const n = 8 + Math.floor(rand() * 24);
  const parts = [`**生成条目${i}**`];
  for (let k = 0; k < n; k += 1) parts.push(pick(pool));
  let text = parts.join("\n\n") + "\n";
  text = text.replace(/(?<!\d)(1[5-9]\d\d|20[0-2]\d)(?=年)/g, (y) => String(Number(y) + shift));
  for (const [a, b] of swaps) {
    text = text.replaceAll(a, "\u0000").replaceAll(b, a).replaceAll("\u0000", b);
  }
  return text;
}

function ingestArticles() {
  const pool = paragraphs();
  const dir = join(dirname(db), "articles");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let chars = 0;
  for (let i = 0; i < articles; i += 1) {
    const text = generate(i, pool);
    chars += text.length;
    writeFileSync(join(dir, `a${String(i).padStart(5, "0")}.md`), text);
  }
  console.log(
    `generated ${articles} articles (${(chars / articles / 1000).toFixed(1)} k chars each) from ${sources.length} corpus articles`,
  );
  rmSync(db, { force: true });
  const script = `
    const { main } = await import(${JSON.stringify(join(dist, "cli/index.js"))});
    const t0 = performance.now();
    const code = await main(["node", "annals", "ingest", ${JSON.stringify(dir)}, "--db", ${JSON.stringify(db)}, "--jobs", "${jobs}"]);
    const s = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage();
    console.error(JSON.stringify({ code, s, rss: process.resourceUsage().maxRSS, cpu: (cpu.user + cpu.system) / 1e6 }));`;
  // Note: a script file, not `-e`: worker threads inherit the parent's execArgv.
  const scriptPath = join(dirname(db), "ingest.mjs");
  writeFileSync(scriptPath, script);
  const r = spawnSync(process.execPath, [scriptPath], { encoding: "utf8" });
  const last = r.stderr.trim().split("\n").pop() ?? "";
  let m;
  try {
    m = JSON.parse(last);
  } catch {
    console.log(`ingest failed: ${r.stderr.slice(-400)}`);
    process.exit(1);
  }
  const bytes = fileBytes(db);
  console.log(
    `ingest --jobs ${jobs}: ${articles} articles in ${m.s.toFixed(1)} s: ${(articles / m.s).toFixed(1)} articles/s, ` +
      `${(chars / m.s / 1000).toFixed(1)} k chars/s, peak RSS ${(m.rss / 1024).toFixed(0)} MB, ` +
      `CPU ${m.cpu.toFixed(1)} s (${((m.cpu / articles) * 1000).toFixed(0)} ms per article) (exit ${m.code})\n` +
      `store ${mb(bytes)}: ${(bytes / articles / 1024).toFixed(1)} KB per article`,
  );
}

// Events mode -----------------------------------------------------------------------------------

/** Entity ids and names of the gazetteer's states and organizations. */
function gazetteer() {
  const out = [];
  for (const file of ["states.tsv", "organizations.tsv"]) {
    const lines = readFileSync(join(root, "data/gazetteer", file), "utf8").split("\n");
    for (const line of lines.slice(1)) {
      const [id, kind, names] = line.split("\t");
      if (id && names) out.push({ id, kind, names: names.split("|") });
    }
  }
  // The usual suspects first: the skewed draw below favours the head of the list.
  const head = ["USA", "PRK", "CHN", "KOR", "JPN", "SUN", "RUS", "GBR", "FRA", "UN"];
  out.sort((a, b) => rank(a.id, head) - rank(b.id, head));
  return out;
}
function rank(id, head) {
  return head.includes(id) ? head.indexOf(id) : head.length;
}

/** Sentences of the corpus articles (split after 。！？), 8–120 characters. */
function sentences() {
  const out = [];
  for (const raw of sources) {
    for (const s of raw.split(/(?<=[。！？])/)) {
      const t = s.replace(/\s+/g, " ").trim();
      if (t.length >= 8 && t.length <= 120 && !/[[\]|#*]/.test(t)) out.push(t);
    }
  }
  return out;
}

async function buildEventStore() {
  const { openStore } = await import(join(dist, "store/index.js"));
  const { toAnalysisText } = await import(join(dist, "normalize/index.js"));
  const { EVENT_TYPES } = await import(join(dist, "model/index.js"));
  const { default: Database } = await import("better-sqlite3");
  if (existsSync(db)) {
    // Opening it writable through the store applies this version's migrations.
    const t0 = performance.now();
    openStore(db).close();
    const s0 = (performance.now() - t0) / 1000;
    console.log(`reusing ${db} (${mb(fileBytes(db))}; opened and migrated in ${s0.toFixed(1)} s)`);
    return;
  }
  openStore(db).close(); // creates the schema through the store's own migrations
  const t0 = performance.now();
  const sql = new Database(db);
  sql.pragma("journal_mode = WAL");
  sql.pragma("synchronous = OFF");
  const eventColumns = new Set(sql.pragma("table_info(events)").map((c) => c.name));
  const keyed = eventColumns.has("sort_key");
  // Note: since migration 9 the order columns key a document by its rank (sources in order),
  // before by its source.
  const ranked = sql.pragma("table_info(documents)").some((c) => c.name === "rank");
  const { RANK_GAP } = await import(join(dist, "store/migrations.js"));
  const keys = await import(join(dist, "store/derived-keys.js"));
  const banding = keys.timelineBand === undefined ? null : keys;
  const pool = sentences().map((text) => ({ text, analysis: toAnalysisText(text) }));
  const actors = gazetteer().map((a) => ({
    ...a,
    analysis: a.names.map((n) => toAnalysisText(n)),
  }));
  // A skewed draw: index ⌊n·u³⌋ makes the first actors frequent and the tail rare.
  const actor = () => actors[Math.floor(actors.length * rand() ** 3)];
  const perDoc = 30;
  const docs = Math.ceil(events / perDoc);
  const s = {
    doc: sql.prepare(
      `INSERT INTO documents (id, source, title, display_title, hash, length, raw, text_original,
         text_cn, text_tw, text_analysis, raw_starts, raw_ends, n_timexes, n_entities, n_events,
         n_findings${ranked ? ", rank" : ""})
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0${ranked ? ", ?" : ""})`,
    ),
    sentence: sql.prepare(
      `INSERT INTO sentences (doc, idx, block, start, "end", text, text_start, text_end, footnotes, analysis)
       VALUES (?, ?, 0, ?, ?, ?, ?, ?, '[]', ?)`,
    ),
    entity: sql.prepare(
      `INSERT INTO entities (doc, idx, id, kind, name, names, wiki, rule) VALUES (?, ?, ?, ?, ?, ?, '[]', 'bench')`,
    ),
    name: sql.prepare(`INSERT OR IGNORE INTO entity_names (entity, name) VALUES (?, ?)`),
    event: sql.prepare(
      `INSERT INTO events (doc, idx, id, type, date_value, date_mod, date_timex, date_inferred,
         date_basis, date_key, score, summary, rule, position${keyed ? ", sort_key, doc_key" : ""})
       VALUES (?, ?, ?, ?, ?, NULL, NULL, 0, NULL, ?, ?, ?, 'bench', ?${keyed ? ", ?, ?" : ""})`,
    ),
    actor: sql.prepare(
      `INSERT OR IGNORE INTO event_actors (event, role, idx, entity) VALUES (?, ?, ?, ?)`,
    ),
    // Since migration 10 a mention's rowid is its event's band · BAND_SPAN + n, as the writer numbers it.
    mention: sql.prepare(
      banding === null
        ? `INSERT INTO event_mentions (event, idx, start, "end", text, analysis) VALUES (?, 0, ?, ?, ?, ?)`
        : `INSERT INTO event_mentions (rowid, event, idx, start, "end", text, analysis)
           VALUES ((SELECT coalesce(max(rowid), ?) + 1 FROM event_mentions WHERE rowid >= ? AND rowid < ?),
             ?, 0, ?, ?, ?, ?)`,
    ),
  };
  const batch = sql.transaction((from, to) => {
    for (let d = from; d < to; d += 1) {
      const picked = Array.from({ length: perDoc }, () => pick(pool));
      const raw = picked.map((p) => p.text).join("\n\n");
      const source = `/bench/scale/doc${String(d).padStart(6, "0")}.md`;
      // The sources sort in document order, so the ranks are 1, 2, 3 … gaps (as the writer numbers them).
      const rank = (d + 1) * RANK_GAP;
      const starts = new Int32Array(raw.length).map((_, i) => i);
      const ends = starts.map((x) => x + 1);
      const blob = (a) => Buffer.from(a.buffer);
      const doc = Number(
        s.doc.run(
          `doc${d}`,
          source,
          `生成条目${d}`,
          `h${d}`,
          raw.length,
          raw,
          raw,
          raw,
          raw,
          raw,
          blob(starts),
          blob(ends),
          0,
          perDoc,
          ...(ranked ? [rank] : []),
        ).lastInsertRowid,
      );
      const entityRows = new Map();
      const entityOf = (a) => {
        let row = entityRows.get(a.id);
        if (row === undefined) {
          row = Number(
            s.entity.run(doc, entityRows.size, a.id, a.kind, a.names[0], JSON.stringify(a.names))
              .lastInsertRowid,
          );
          s.name.run(row, a.id);
          for (const n of a.analysis) s.name.run(row, n);
          entityRows.set(a.id, row);
        }
        return a.id;
      };
      let at = 0;
      for (let i = 0; i < perDoc && d * perDoc + i < events; i += 1) {
        const p = picked[i];
        s.sentence.run(doc, i, at, at + p.text.length, p.text, at, at + p.text.length, p.analysis);
        const undated = rand() < 0.1;
        const y = 1800 + Math.floor(rand() * 221);
        const m = String(1 + Math.floor(rand() * 12)).padStart(2, "0");
        const value = undated ? null : rand() < 0.5 ? String(y) : `${y}-${m}`;
        const type = pick(EVENT_TYPES);
        const event = Number(
          s.event.run(
            doc,
            i,
            `ev${i + 1}`,
            type,
            value,
            value,
            Math.round((rand() * 20 - 10) * 10) / 10,
            p.text.slice(0, 24),
            at,
            ...(keyed ? [value ?? "~", ranked ? rank : source] : []),
          ).lastInsertRowid,
        );
        const a = entityOf(actor());
        let b = entityOf(actor());
        if (b === a)
          b = entityOf(actors[(actors.indexOf(actors.find((x) => x.id === a)) + 1) % 20]);
        s.actor.run(event, "source", 0, a);
        s.actor.run(event, rand() < 0.3 ? "source" : "target", 1, b);
        const mention = [event, at, at + p.text.length, p.text, p.analysis];
        if (banding === null) s.mention.run(...mention);
        else {
          const base = banding.timelineBand(value ?? "~") * banding.BAND_SPAN;
          s.mention.run(base, base, base + banding.BAND_SPAN, ...mention);
        }
        at += p.text.length + 2;
      }
    }
  });
  for (let d = 0; d < docs; d += 1000) batch(d, Math.min(docs, d + 1000));
  // The actor rows' order columns and the pair rows, as the store's writer fills them.
  const { ACTOR_ORDER_BACKFILL } = await import(join(dist, "store/migrations.js"));
  sql.exec(ACTOR_ORDER_BACKFILL);
  sql.pragma("wal_checkpoint(TRUNCATE)");
  sql.close();
  // Reopening through the store applies any migration the bulk path did not fill (none today).
  openStore(db).close();
  const s1 = (performance.now() - t0) / 1000;
  console.log(
    `built ${events} events in ${docs} documents in ${s1.toFixed(0)} s (${(events / s1).toFixed(0)} events/s), store ${mb(fileBytes(db))}`,
  );
}

try {
  if (events > 0) await buildEventStore();
  else ingestArticles();
  if (load) {
    const r = spawnSync(
      process.execPath,
      [join(root, "bench/load.js"), "--db", db, "--seconds", seconds, "--dist", dist],
      { stdio: "inherit" },
    );
    if (r.status !== 0) console.log(`load test failed (exit ${r.status})`);
  }
} finally {
  if (work !== null) rmSync(work, { recursive: true, force: true });
}
