/**
 * The store's schema as an ordered list of migrations; `PRAGMA user_version` counts how many
 * have been applied. Append new migrations at the end; never edit one that has shipped.
 */
import type Database from "better-sqlite3";
import { EVENT_TEXTS_MIGRATION } from "./event-texts.js";
import { BAND_SPAN, timelineBandSql, timelineKeySql } from "./derived-keys.js";

/**
 * Fills `event_pairs` from the events and their actor rows: every pair of distinct actors that
 * the pair filter matches (source with source or target, never "other") one row, its ids in
 * byte order, with the event's order columns.
 */
export const PAIR_BACKFILL = `
  INSERT OR IGNORE INTO event_pairs (a, b, sort_key, doc_key, position, event_idx, event)
    SELECT min(x.entity, y.entity), max(x.entity, y.entity), e.sort_key, e.doc_key, e.position,
      e.idx, e.rowid
    FROM event_actors x JOIN event_actors y ON y.event = x.event JOIN events e ON e.rowid = x.event
    WHERE x.entity <> y.entity
      AND ((x.role = 'source' AND y.role IN ('source', 'target'))
        OR (x.role = 'target' AND y.role = 'source'));
`;

/**
 * Deletes an event's `event_pairs` rows before the event row goes (migration 13: the pair rows
 * have no foreign key and no event index). It runs before the event's actor rows go with it
 * (ON DELETE CASCADE), derives the pairs from them as `PAIR_BACKFILL` does and deletes each by
 * its full key: a lookup in the table's key, never a scan.
 */
export const PAIR_DELETE_TRIGGER = `
  CREATE TRIGGER events_pairs_bd BEFORE DELETE ON events BEGIN
    DELETE FROM event_pairs
      WHERE (a, b) IN (SELECT min(x.entity, y.entity), max(x.entity, y.entity)
          FROM event_actors x JOIN event_actors y ON y.event = x.event
          WHERE x.event = old.rowid AND x.entity <> y.entity
            AND ((x.role = 'source' AND y.role IN ('source', 'target'))
              OR (x.role = 'target' AND y.role = 'source')))
        AND sort_key = old.sort_key AND doc_key = old.doc_key AND position = old.position
        AND event_idx = old.idx AND event = old.rowid;
  END;
`;

/**
 * Fills the timeline-ordered actor rows from the events (migration 8, and stores written row by
 * row outside the store, such as the scale benchmark's): each actor row gets its event's order
 * columns, and the pair rows are filled (`PAIR_BACKFILL`).
 */
export const ACTOR_ORDER_BACKFILL = `
  UPDATE event_actors SET (sort_key, doc_key, position, event_idx) =
    (SELECT e.sort_key, e.doc_key, e.position, e.idx FROM events e WHERE e.rowid = event_actors.event);
${PAIR_BACKFILL}`;

/**
 * Gap between the ranks of neighbouring documents (`documents.rank`): a document stored
 * between two others takes the middle of their gap, so 32 can go into one gap before the
 * ranks are numbered afresh (`RENUMBER_DOCUMENTS`).
 */
export const RANK_GAP = 2 ** 32;

/**
 * Every document's rank numbered afresh in source order (1, 2, 3 … times `RANK_GAP`), and the
 * order columns that repeat it (`doc_key` of events, actor rows and pair rows) with it.
 */
export const RENUMBER_DOCUMENTS = `
  UPDATE documents SET rank = r.n * ${RANK_GAP}
    FROM (SELECT rowid AS id, row_number() OVER (ORDER BY source) AS n FROM documents) r
    WHERE r.id = documents.rowid;
  UPDATE events SET doc_key = (SELECT d.rank FROM documents d WHERE d.rowid = events.doc);
  UPDATE event_actors SET doc_key = (SELECT e.doc_key FROM events e WHERE e.rowid = event_actors.event);
  UPDATE event_pairs SET doc_key = (SELECT e.doc_key FROM events e WHERE e.rowid = event_pairs.event);
`;

/**
 * The `event_pairs` table and its event index: its key is the pair, then the event's order
 * columns (`doc_key` the document's source in migration 8, its rank from migration 9).
 */
function eventPairsTable(docKey: "TEXT" | "INTEGER"): string {
  return `CREATE TABLE event_pairs (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    doc_key ${docKey} NOT NULL,
    position INTEGER NOT NULL,
    event_idx INTEGER NOT NULL,
    event INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
    PRIMARY KEY (a, b, sort_key, doc_key, position, event_idx, event)
  ) WITHOUT ROWID;
  CREATE INDEX event_pairs_event ON event_pairs(event);`;
}

/**
 * The triggers that keep `<table>_fts`, the external-content full-text index of the table's
 * `analysis` column, in step with its rows.
 */
function ftsTriggers(table: "sentences" | "event_mentions"): string {
  return `
  CREATE TRIGGER ${table}_ai AFTER INSERT ON ${table} BEGIN
    INSERT INTO ${table}_fts(rowid, analysis) VALUES (new.rowid, new.analysis);
  END;
  CREATE TRIGGER ${table}_ad AFTER DELETE ON ${table} BEGIN
    INSERT INTO ${table}_fts(${table}_fts, rowid, analysis)
      VALUES ('delete', old.rowid, old.analysis);
  END;`;
}

/** The triggers of the event mentions' full-text index (as of migration 1). */
export const MENTION_TRIGGERS = ftsTriggers("event_mentions");

/**
 * SQL that drops `<table>_fts` and its triggers and builds them again: a trigram index without
 * per-row token counts, and without positions when `detail` is "none" (migration 12).
 */
export function rebuildTrigramIndex(
  table: "sentences" | "event_mentions",
  detail: "full" | "none",
): string {
  return `
  DROP TRIGGER ${table}_ai;
  DROP TRIGGER ${table}_ad;
  DROP TABLE ${table}_fts;
  CREATE VIRTUAL TABLE ${table}_fts USING fts5(
    analysis, content='${table}', content_rowid='rowid', tokenize='trigram', columnsize=0${detail === "none" ? ", detail=none" : ""}
  );
  INSERT INTO ${table}_fts(${table}_fts) VALUES ('rebuild');
  ${ftsTriggers(table)}`;
}

/** Ordered migration scripts: migration i (0-based) brings the schema to version i + 1. */
export const MIGRATIONS: readonly string[] = [
  // 1: the first schema. Child rows hang off documents(rowid) and go with it (ON DELETE CASCADE).
  `
  CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    display_title TEXT,
    hash TEXT NOT NULL,
    length INTEGER NOT NULL,
    raw TEXT NOT NULL,
    text_original TEXT NOT NULL,
    text_cn TEXT NOT NULL,
    text_tw TEXT NOT NULL,
    text_analysis TEXT NOT NULL,
    raw_starts BLOB NOT NULL,
    raw_ends BLOB NOT NULL,
    n_timexes INTEGER NOT NULL,
    n_entities INTEGER NOT NULL,
    n_events INTEGER NOT NULL,
    n_findings INTEGER NOT NULL
  );

  CREATE TABLE sections (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    level INTEGER NOT NULL,
    title TEXT NOT NULL,
    parent INTEGER,
    block INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
  ) WITHOUT ROWID;

  CREATE TABLE blocks (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    section INTEGER,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    text_start INTEGER NOT NULL,
    text_end INTEGER NOT NULL,
    table_pos TEXT,
    PRIMARY KEY (doc, idx)
  ) WITHOUT ROWID;

  CREATE TABLE sentences (
    rowid INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    block INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    text_start INTEGER NOT NULL,
    text_end INTEGER NOT NULL,
    footnotes TEXT NOT NULL,
    analysis TEXT NOT NULL,
    UNIQUE (doc, idx)
  );

  CREATE TABLE links (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    url TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    anchor TEXT NOT NULL,
    entity TEXT,
    anchor_uncertain INTEGER NOT NULL,
    block INTEGER,
    PRIMARY KEY (doc, idx)
  ) WITHOUT ROWID;

  CREATE TABLE categories (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
  ) WITHOUT ROWID;
  CREATE INDEX categories_name ON categories(name);

  CREATE TABLE footnotes (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    n INTEGER NOT NULL,
    sentence INTEGER,
    reference INTEGER,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
  ) WITHOUT ROWID;

  CREATE TABLE refs (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    n INTEGER NOT NULL,
    empty INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
  ) WITHOUT ROWID;

  CREATE TABLE timexes (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    mod TEXT,
    calendar TEXT NOT NULL,
    anchor TEXT,
    rule TEXT NOT NULL,
    note TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
  ) WITHOUT ROWID;
  CREATE INDEX timexes_value ON timexes(value);

  CREATE TABLE entities (
    rowid INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    names TEXT NOT NULL,
    wiki TEXT NOT NULL,
    rule TEXT NOT NULL,
    UNIQUE (doc, idx)
  );
  CREATE INDEX entities_id ON entities(id, doc);
  CREATE INDEX entities_doc_id ON entities(doc, id);

  -- Every name an entity answers to (its id, display name, surface forms), in analysis form
  -- (Simplified, half-width), so actor filters match either script.
  CREATE TABLE entity_names (
    entity INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (name, entity)
  ) WITHOUT ROWID;
  CREATE INDEX entity_names_entity ON entity_names(entity, name);

  CREATE TABLE entity_mentions (
    entity INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (entity, idx)
  ) WITHOUT ROWID;

  CREATE TABLE events (
    rowid INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    date_value TEXT,
    date_mod TEXT,
    date_timex TEXT,
    date_inferred INTEGER NOT NULL,
    date_basis TEXT,
    -- The date value when it starts with a digit (sortable, filterable), else NULL (undated).
    date_key TEXT,
    score REAL,
    summary TEXT NOT NULL,
    rule TEXT NOT NULL,
    -- Raw offset of the first mention: the document position used to order events.
    position INTEGER NOT NULL,
    UNIQUE (doc, idx)
  );
  CREATE INDEX events_date ON events(date_key, doc, position);
  CREATE INDEX events_type ON events(type);

  CREATE TABLE event_actors (
    event INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('source', 'target', 'other')),
    idx INTEGER NOT NULL,
    entity TEXT NOT NULL,
    PRIMARY KEY (event, role, idx)
  ) WITHOUT ROWID;
  CREATE INDEX event_actors_entity ON event_actors(entity);

  CREATE TABLE event_mentions (
    rowid INTEGER PRIMARY KEY,
    event INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    -- The mention's analysis text (Simplified display text under the raw span), for search.
    analysis TEXT NOT NULL,
    UNIQUE (event, idx)
  );

  CREATE TABLE findings (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    suggestion TEXT,
    confidence REAL NOT NULL,
    evidence TEXT NOT NULL,
    rule TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
  ) WITHOUT ROWID;

  -- Full-text indexes (trigram: any substring of 3+ characters) kept in step by triggers,
  -- which also fire for rows removed by ON DELETE CASCADE.
  CREATE VIRTUAL TABLE sentences_fts USING fts5(
    analysis, content='sentences', content_rowid='rowid', tokenize='trigram'
  );
  CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, analysis) VALUES (new.rowid, new.analysis);
  END;
  CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, analysis) VALUES ('delete', old.rowid, old.analysis);
  END;

  CREATE VIRTUAL TABLE event_mentions_fts USING fts5(
    analysis, content='event_mentions', content_rowid='rowid', tokenize='trigram'
  );
  CREATE TRIGGER event_mentions_ai AFTER INSERT ON event_mentions BEGIN
    INSERT INTO event_mentions_fts(rowid, analysis) VALUES (new.rowid, new.analysis);
  END;
  CREATE TRIGGER event_mentions_ad AFTER DELETE ON event_mentions BEGIN
    INSERT INTO event_mentions_fts(event_mentions_fts, rowid, analysis)
      VALUES ('delete', old.rowid, old.analysis);
  END;
  `,
  // 2: which version of the pipeline extracted each document, so an upgrade re-extracts it.
  `
  ALTER TABLE documents ADD COLUMN pipeline TEXT NOT NULL DEFAULT '';
  `,
  // 3: a timeline order served by an index. `sort_key` is the date key, or '~' (after every
  // date) for an undated event, never NULL; `doc_key` is the document's source, so the order
  // date → source → position → idx is one index and does not depend on insertion order.
  `
  ALTER TABLE events ADD COLUMN sort_key TEXT NOT NULL DEFAULT '~';
  ALTER TABLE events ADD COLUMN doc_key TEXT NOT NULL DEFAULT '';
  UPDATE events SET sort_key = coalesce(date_key, '~'),
    doc_key = (SELECT d.source FROM documents d WHERE d.rowid = events.doc);
  DROP INDEX events_date;
  CREATE INDEX events_order ON events(sort_key, doc_key, position, idx);
  `,
  // 4: a lean document row. New rows keep the raw and display texts once, compressed
  // (texts_z), and the offset maps as compressed deltas (offsets_z), leaving the old text and
  // offset columns empty; span texts equal to the raw text under the span are stored as ''.
  // Rows written before keep their columns and read as they are.
  `
  ALTER TABLE documents ADD COLUMN texts_z BLOB;
  ALTER TABLE documents ADD COLUMN offsets_z BLOB;
  `,
  // 5: every (name, entity id) pair once, so an actor filter resolves a name to its ids without
  // visiting each document's entity row (USA has one per document). Filled by a trigger;
  // a pair whose documents are gone is ignored by the lookup (see actorIds).
  `
  CREATE TABLE actor_names (
    name TEXT NOT NULL COLLATE NOCASE,
    id TEXT NOT NULL,
    PRIMARY KEY (name, id)
  ) WITHOUT ROWID;
  INSERT OR IGNORE INTO actor_names (name, id)
    SELECT nm.name, n.id FROM entity_names nm JOIN entities n ON n.rowid = nm.entity;
  CREATE TRIGGER entity_names_actor AFTER INSERT ON entity_names BEGIN
    INSERT OR IGNORE INTO actor_names (name, id)
      SELECT new.name, n.id FROM entities n WHERE n.rowid = new.entity;
  END;
  `,
  // 6: the read-only structure of a document (sections, blocks, links, categories, footnotes,
  // references, timexes, entity mentions) as one compressed blob (structure_z) instead of
  // rows; no query filters on them. Rows written before keep their tables and read as they are.
  `
  ALTER TABLE documents ADD COLUMN structure_z BLOB;
  `,
  // 7: smaller indexes. The full-text indexes without per-row token counts (columnsize=0: they
  // only serve bm25 ranking, which annals does not use); no index on events(type) (a type
  // filter never drives a query, see events-query.ts) nor on entities(doc, id) (lookups by
  // document use the (doc, idx) key).
  `
  DROP INDEX events_type;
  DROP INDEX entities_doc_id;
  DROP TABLE sentences_fts;
  CREATE VIRTUAL TABLE sentences_fts USING fts5(
    analysis, content='sentences', content_rowid='rowid', tokenize='trigram', columnsize=0
  );
  INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');
  DROP TABLE event_mentions_fts;
  CREATE VIRTUAL TABLE event_mentions_fts USING fts5(
    analysis, content='event_mentions', content_rowid='rowid', tokenize='trigram', columnsize=0
  );
  INSERT INTO event_mentions_fts(event_mentions_fts) VALUES ('rebuild');
  `,
  // 8: actor and pair filters walk an index in timeline order and stop at the limit, however
  // common the actor: actor rows carry their event's order columns, and every matching pair of
  // actors of an event has an `event_pairs` row. A finding names the timex whose span it is
  // exactly (an event page reads its date doubts from findings alone).
  `
  ALTER TABLE event_actors ADD COLUMN sort_key TEXT NOT NULL DEFAULT '~';
  ALTER TABLE event_actors ADD COLUMN doc_key TEXT NOT NULL DEFAULT '';
  ALTER TABLE event_actors ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE event_actors ADD COLUMN event_idx INTEGER NOT NULL DEFAULT 0;
  DROP INDEX event_actors_entity;
  CREATE INDEX event_actors_order ON event_actors(entity, sort_key, doc_key, position, event_idx);
  ${eventPairsTable("TEXT")}
  ${ACTOR_ORDER_BACKFILL}
  ALTER TABLE findings ADD COLUMN timex TEXT;
  UPDATE findings SET timex = (SELECT t.id FROM timexes t
    WHERE t.doc = findings.doc AND t.start = findings.start AND t."end" = findings."end"
    ORDER BY t.idx LIMIT 1);
  `,
  // 9: the order columns key documents by an integer rank instead of their source. `doc_key`
  // of events, actor rows and pair rows was the source (tens of bytes, repeated in every row
  // and index entry); it is now `documents.rank`, an integer in the order of the sources
  // (see RANK_GAP), so the timeline order is unchanged.
  `
  ALTER TABLE documents ADD COLUMN rank INTEGER NOT NULL DEFAULT 0;
  DROP INDEX events_order;
  ALTER TABLE events DROP COLUMN doc_key;
  ALTER TABLE events ADD COLUMN doc_key INTEGER NOT NULL DEFAULT 0;
  DROP INDEX event_actors_order;
  ALTER TABLE event_actors DROP COLUMN doc_key;
  ALTER TABLE event_actors ADD COLUMN doc_key INTEGER NOT NULL DEFAULT 0;
  DROP TABLE event_pairs;
  ${eventPairsTable("INTEGER")}
  ${RENUMBER_DOCUMENTS}
  ${PAIR_BACKFILL}
  CREATE INDEX events_order ON events(sort_key, doc_key, position, idx);
  CREATE INDEX event_actors_order ON event_actors(entity, sort_key, doc_key, position, event_idx);
  `,
  // 10: a mention's rowid is its event's timeline band · BAND_SPAN + n (see timelineBand), so
  // the full-text index returns a term's hits band by band and a text filter reads the bands up
  // to its page's, not every hit. The mentions are renumbered and their index rebuilt.
  `
  DROP TRIGGER event_mentions_ai;
  DROP TRIGGER event_mentions_ad;
  DROP TABLE event_mentions_fts;
  ALTER TABLE event_mentions RENAME TO event_mentions_old;
  CREATE TABLE event_mentions (
    rowid INTEGER PRIMARY KEY,
    event INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    UNIQUE (event, idx)
  );
  INSERT INTO event_mentions (rowid, event, idx, start, "end", text, analysis)
    SELECT b.band * ${BAND_SPAN} + row_number() OVER (PARTITION BY b.band ORDER BY m.rowid),
      m.event, m.idx, m.start, m."end", m.text, m.analysis
    FROM event_mentions_old m
    JOIN (SELECT rowid, ${timelineBandSql("sort_key")} AS band FROM events) b ON b.rowid = m.event;
  DROP TABLE event_mentions_old;
  CREATE VIRTUAL TABLE event_mentions_fts USING fts5(
    analysis, content='event_mentions', content_rowid='rowid', tokenize='trigram', columnsize=0
  );
  INSERT INTO event_mentions_fts(event_mentions_fts) VALUES ('rebuild');
  ${MENTION_TRIGGERS}
  `,
  // 11: a part of a year (2015-Q2, 2015-H1, 2015-SU) or an ISO week sorts at its first month or
  // its Monday (timelineKey), not after every date of its year; the order copies follow. Their
  // timeline band (the year's digits) does not change.
  `
  UPDATE events SET sort_key = ${timelineKeySql("date_key")}
    WHERE date_key GLOB '[0-9][0-9][0-9][0-9]-[QHSFW]*';
  UPDATE event_actors SET sort_key = (SELECT e.sort_key FROM events e WHERE e.rowid = event_actors.event)
    WHERE event IN (SELECT rowid FROM events WHERE date_key GLOB '[0-9][0-9][0-9][0-9]-[QHSFW]*');
  UPDATE event_pairs SET sort_key = (SELECT e.sort_key FROM events e WHERE e.rowid = event_pairs.event)
    WHERE event IN (SELECT rowid FROM events WHERE date_key GLOB '[0-9][0-9][0-9][0-9]-[QHSFW]*');
  `,
  // 12: both full-text indexes without positions (detail=none): search asks the index for the
  // rows holding every trigram of a term and checks each candidate's case-folded analysis text
  // for the whole term (annals_contains, see text-query.ts). Positions are most of a trigram
  // index; the indexes keep their external content (the rows' analysis columns), so a short
  // term's instr and FTS5's integrity check read the rows as before.
  rebuildTrigramIndex("sentences", "none") + rebuildTrigramIndex("event_mentions", "none"),
  // 13: no event index on the pair rows. `event_pairs_event` held every row again (an index of
  // a WITHOUT ROWID table carries the whole key) only so that ON DELETE CASCADE and the pair
  // check could find an event's rows. The table is rebuilt without the foreign key; an event's
  // pair rows go with it through PAIR_DELETE_TRIGGER (their full keys, from its actor rows),
  // and the pair check looks them up by their full key (events-query.ts). (The trigger is
  // dropped first for a file whose version was set back by hand, as some tests do.)
  `
  DROP TRIGGER IF EXISTS events_pairs_bd;
  CREATE TABLE event_pairs_13 (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    doc_key INTEGER NOT NULL,
    position INTEGER NOT NULL,
    event_idx INTEGER NOT NULL,
    event INTEGER NOT NULL,
    PRIMARY KEY (a, b, sort_key, doc_key, position, event_idx, event)
  ) WITHOUT ROWID;
  INSERT INTO event_pairs_13 SELECT a, b, sort_key, doc_key, position, event_idx, event
    FROM event_pairs ORDER BY a, b, sort_key, doc_key, position, event_idx, event;
  DROP TABLE event_pairs;
  ALTER TABLE event_pairs_13 RENAME TO event_pairs;
  ${PAIR_DELETE_TRIGGER}
  `,
  // 14: event texts stored once: a mention's text equal to its analysis text, and an event's
  // summary equal to its first mention's analysis text, are stored as '' (see event-texts.ts,
  // which reads them back); rows written before are rewritten so.
  EVENT_TEXTS_MIGRATION,
];

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the database up to `SCHEMA_VERSION`, each migration in its own transaction.
 * Throws when the file was written by a newer version of annals.
 */
export function migrate(db: Database.Database): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `database schema version ${current} is newer than this annals (${MIGRATIONS.length})`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    const sql = MIGRATIONS[version] ?? "";
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
