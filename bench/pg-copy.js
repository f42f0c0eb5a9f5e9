#!/usr/bin/env node
// Copies the event store of `npm run bench:scale -- --events N --db FILE` into a PostgreSQL
// database, for the API load test on PostgreSQL at the same scale:
//   node bench/pg-copy.js --from FILE --to postgres://user@host/db
// The target gets the store's schema through `openStore` (its own migrations), then the rows
// of every table the API reads, in batches (`unnest`), with the search keys (analysis text,
// 1–2-character grams) computed as the store's writer computes them. Document bodies are
// minimal (raw text and an empty chronicle): the event and search queries never read them.
// Prints rows/s per table; asserts nothing.
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import pg from "pg";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const from = arg("--from");
const to = arg("--to");
if (from === undefined || to === undefined) {
  process.stderr.write("usage: node bench/pg-copy.js --from FILE.db --to postgres://…\n");
  process.exit(2);
}
const dist = join(root, "dist");
const { openStore } = await import(join(dist, "store/index.js"));
// Mention texts and summaries stored as '' read back from the analysis texts (migration 14).
const { readAs } = await import(join(dist, "store/event-texts.js"));
const { lowerAscii, shortGrams } = await import(join(dist, "store/pg/rows.js"));
const { bandSql, pairRowsSql, sentenceBandSql } = await import(join(dist, "store/pg/schema.js"));

openStore(to).close(); // schema through the store's migrations
const lite = new Database(from, { readonly: true });
const client = new pg.Client({ connectionString: to });
await client.connect();
await client.query("SET synchronous_commit = off");
const BATCH = 5000;
// The GIN indexes (trigram, grams) are built once at the end rather than row by row.
const gin = (
  await client.query(
    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '%USING gin%'",
  )
).rows;
for (const x of gin) await client.query(`DROP INDEX ${x.indexname}`);

/**
 * Copies `select` (SQLite rows whose key `k` is in (lo, hi], taken in ranges of BATCH keys up to
 * `max`) through `insert(rows)`; prints the rate. Ranges of keys, not LIMIT, so the rows of one
 * key (an entity's names, an event's actors) are never split.
 */
async function copy(name, max, select, insert) {
  const t0 = performance.now();
  let n = 0;
  const top = lite.prepare(max).pluck().get() ?? 0;
  const stmt = lite.prepare(select);
  for (let lo = 0; lo < top; lo += BATCH) {
    const rows = stmt.all(lo, lo + BATCH);
    if (rows.length === 0) continue;
    await client.query("BEGIN");
    await insert(rows);
    await client.query("COMMIT");
    n += rows.length;
  }
  const s = (performance.now() - t0) / 1000;
  console.log(`${name.padEnd(15)} ${n} rows in ${s.toFixed(0)} s (${(n / s).toFixed(0)}/s)`);
}

const col = (rows, key) => rows.map((r) => r[key]);
const search = (text) => {
  const analysis = lowerAscii(text);
  return { analysis, grams: shortGrams(analysis).join("\x1f") };
};

await copy(
  "documents",
  "SELECT max(rowid) FROM documents",
  `SELECT rowid AS k, id, source, title, hash, length, raw, n_timexes, n_entities, n_events,
     n_findings, pipeline FROM documents WHERE rowid > ? AND rowid <= ?`,
  (rows) =>
    client.query(
      `INSERT INTO documents (rowid, id, source, title, hash, pipeline, length, n_timexes,
         n_entities, n_events, n_findings, body)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[],
         $6::text[], $7::int[], $8::int[], $9::int[], $10::int[], $11::int[], $12::text[])`,
      [
        col(rows, "k"),
        col(rows, "id"),
        col(rows, "source"),
        col(rows, "title"),
        col(rows, "hash"),
        col(rows, "pipeline"),
        col(rows, "length"),
        col(rows, "n_timexes"),
        col(rows, "n_entities"),
        col(rows, "n_events"),
        col(rows, "n_findings"),
        rows.map((r) =>
          JSON.stringify({
            raw: r.raw,
            chronicle: { timexes: [], entities: [], events: [], findings: [] },
          }),
        ),
      ],
    ),
);
await copy(
  "sentences",
  "SELECT max(rowid) FROM sentences",
  `SELECT rowid AS k, doc, idx, start, "end", text, analysis FROM sentences
   WHERE rowid > ? AND rowid <= ?`,
  (rows) => {
    const s = rows.map((r) => search(r.analysis));
    return client.query(
      `INSERT INTO sentences (doc, idx, start, "end", text, display_cn, display_tw, analysis, grams,
         band)
       SELECT s.doc, s.idx, s.start, s."end", s.text, s.text, s.text, s.analysis,
         string_to_array(s.grams, E'\\x1f'), ${sentenceBandSql("s.doc")}
       FROM unnest($1::bigint[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[],
         $7::text[]) AS s(doc, idx, start, "end", text, analysis, grams)`,
      [
        col(rows, "doc"),
        col(rows, "idx"),
        col(rows, "start"),
        col(rows, "end"),
        col(rows, "text"),
        s.map((x) => x.analysis),
        s.map((x) => x.grams),
      ],
    );
  },
);
await copy(
  "entities",
  "SELECT max(rowid) FROM entities",
  `SELECT rowid AS k, doc, idx, id, kind, name, names, wiki, rule FROM entities
   WHERE rowid > ? AND rowid <= ?`,
  (rows) =>
    client.query(
      `INSERT INTO entities (rowid, doc, idx, id, kind, name, names, wiki, rule)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::text[],
         $6::text[], $7::text[], $8::text[], $9::text[])`,
      ["k", "doc", "idx", "id", "kind", "name", "names", "wiki", "rule"].map((c) => col(rows, c)),
    ),
);
await copy(
  "entity_names",
  "SELECT max(entity) FROM entity_names",
  `SELECT entity AS k, name FROM entity_names WHERE entity > ? AND entity <= ?`,
  (rows) =>
    client.query(
      `INSERT INTO entity_names (entity, name) SELECT * FROM unnest($1::bigint[], $2::text[])
       ON CONFLICT DO NOTHING`,
      [col(rows, "k"), col(rows, "name")],
    ),
);
await copy(
  "events",
  "SELECT max(rowid) FROM events",
  `SELECT e.rowid AS k, e.doc, e.idx, e.id, e.type, e.date_value, e.date_mod, e.date_timex,
     e.date_inferred, e.date_basis, e.date_key, e.score, e.summary, e.rule, e.position,
     d.source AS doc_key FROM events e JOIN documents d ON d.rowid = e.doc
   WHERE e.rowid > ? AND e.rowid <= ?`,
  (rows) => {
    const ids = JSON.stringify(rows.map((r) => r.k));
    const actors = lite
      .prepare(
        `SELECT event, role, entity FROM event_actors
         WHERE event IN (SELECT value FROM json_each(?)) ORDER BY event, role, idx`,
      )
      .all(ids);
    const mentions = lite
      .prepare(
        `SELECT event, start, "end", text, analysis FROM event_mentions
         WHERE event IN (SELECT value FROM json_each(?)) ORDER BY event, idx`,
      )
      .all(ids);
    const of = (list) => {
      const m = new Map();
      for (const x of list) m.set(x.event, [...(m.get(x.event) ?? []), x]);
      return m;
    };
    const actorsOf = of(actors);
    const mentionsOf = of(mentions);
    const body = (r) =>
      JSON.stringify({
        id: r.id,
        type: r.type,
        date: {
          value: r.date_value,
          mod: r.date_mod,
          timex: r.date_timex,
          inferred: r.date_inferred === 1,
          basis: r.date_basis,
        },
        actors: Object.fromEntries(
          ["source", "target", "other"].map((role) => [
            role,
            (actorsOf.get(r.k) ?? []).filter((a) => a.role === role).map((a) => a.entity),
          ]),
        ),
        score: r.score,
        summary: readAs(r.summary, (mentionsOf.get(r.k) ?? [])[0]?.analysis ?? ""),
        rule: r.rule,
        mentions: (mentionsOf.get(r.k) ?? []).map((m) => ({
          start: m.start,
          end: m.end,
          text: readAs(m.text, m.analysis),
        })),
      });
    return client.query(
      `INSERT INTO events (rowid, doc, idx, type, undated, date_key, source, position, body)
       SELECT s.rowid, s.doc, s.idx, s.type, s.date_key IS NULL, s.date_key, s.source,
         s.position, s.body
       FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::text[], $6::text[],
         $7::int[], $8::text[]) AS s(rowid, doc, idx, type, date_key, source, position, body)`,
      [
        col(rows, "k"),
        col(rows, "doc"),
        col(rows, "idx"),
        col(rows, "type"),
        col(rows, "date_key"),
        col(rows, "doc_key"),
        col(rows, "position"),
        rows.map(body),
      ],
    );
  },
);
await copy(
  "event_actors",
  "SELECT max(event) FROM event_actors",
  `SELECT a.event AS k, e.doc, a.role, a.idx, a.entity FROM event_actors a
   JOIN events e ON e.rowid = a.event WHERE a.event > ? AND a.event <= ?`,
  (rows) =>
    client.query(
      `INSERT INTO event_actors (event, doc, role, idx, entity, undated, date_key, source,
         position, event_idx)
       SELECT s.event, s.doc, s.role, s.idx, s.entity, e.undated, e.date_key, e.source,
         e.position, e.idx
       FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::int[], $5::text[])
         AS s(event, doc, role, idx, entity) JOIN events e ON e.rowid = s.event
       ON CONFLICT DO NOTHING`,
      ["k", "doc", "role", "idx", "entity"].map((c) => col(rows, c)),
    ),
);
await copy(
  "event_mentions",
  "SELECT max(rowid) FROM event_mentions",
  `SELECT rowid AS k, event, idx, analysis FROM event_mentions WHERE rowid > ? AND rowid <= ?`,
  (rows) => {
    const s = rows.map((r) => search(r.analysis));
    return client.query(
      `INSERT INTO event_mentions (event, idx, analysis, grams, band)
       SELECT s.event, s.idx, s.analysis, string_to_array(s.grams, E'\\x1f'), ${bandSql("e")}
       FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[]) AS s(event, idx, analysis, grams)
       JOIN events e ON e.rowid = s.event`,
      [col(rows, "event"), col(rows, "idx"), s.map((x) => x.analysis), s.map((x) => x.grams)],
    );
  },
);
const t0 = performance.now();
await client.query("SET maintenance_work_mem = '512MB'");
for (const x of gin) await client.query(x.indexdef);
console.log(`GIN indexes rebuilt in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
await client.query(pairRowsSql("TRUE"));
await client.query(`INSERT INTO event_bands SELECT DISTINCT band FROM event_mentions`);
await client.query(`INSERT INTO sentence_bands SELECT DISTINCT band FROM sentences`);
await client.query(`INSERT INTO actor_names (name, id)
  SELECT DISTINCT lower(nm.name), n.id FROM entity_names nm JOIN entities n ON n.rowid = nm.entity
  ON CONFLICT DO NOTHING`);
for (const seq of ["documents", "entities", "events"]) {
  await client.query(
    `SELECT setval(pg_get_serial_sequence('${seq}', 'rowid'), (SELECT max(rowid) FROM ${seq}))`,
  );
}
await client.query("ANALYZE");
console.log(
  `pairs, actor names, sequences, ANALYZE in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
await client.end();
lite.close();
