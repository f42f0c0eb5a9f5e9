/**
 * The PostgreSQL schema, as numbered migrations recorded in `annals_schema`. Applied by a
 * writable open under an advisory lock, so many workers starting at once migrate once.
 *
 * Text that is ordered or compared is `COLLATE "C"` (byte order, ASCII-only `lower()`), the
 * order and case rules of the SQLite store, whatever the database's default locale.
 *
 * Full-text search: `analysis` columns (Simplified analysis text, ASCII lower-cased) carry a
 * `pg_trgm` GIN index answering `LIKE '%term%'` for terms of 3+ characters. A trigram index
 * cannot look up shorter terms (a 1–2-character pattern yields no trigram, so the index would
 * return every row), so each row also stores `grams`, the set of its 1- and 2-character
 * substrings, under a GIN array index: a short term is `grams @> ARRAY[term]`, an exact
 * substring test answered from the index.
 */
/**
 * The `event_pairs` rows of the events whose actor rows match `where` (a condition on actor
 * row `x`): every two distinct actors that the pair filter matches (source with source or
 * target, never "other"), ids in byte order, with the event's order columns.
 */
export function pairRowsSql(where: string): string {
  return `
  INSERT INTO event_pairs (a, b, undated, date_key, source, position, event_idx, event)
    SELECT DISTINCT LEAST(x.entity, y.entity), GREATEST(x.entity, y.entity), e.undated,
      e.date_key, e.source, e.position, e.idx, e.rowid
    FROM event_actors x JOIN event_actors y ON y.event = x.event JOIN events e ON e.rowid = x.event
    WHERE ${where} AND x.entity <> y.entity
      AND ((x.role = 'source' AND y.role IN ('source', 'target'))
        OR (x.role = 'target' AND y.role = 'source'))
    ON CONFLICT DO NOTHING;`;
}

/**
 * The timeline band of event row `e`: its date key's decade (`199` for 1994-05 and for the
 * decade 199; a century `19` is `190`), 1000 when undated. Bands never decrease along the
 * timeline order, so the matches of a text filter in bands up to B come before all others.
 */
export function bandSql(e: string): string {
  return `CASE WHEN ${e}.undated OR ${e}.date_key IS NULL THEN 1000
    ELSE rpad(substring(${e}.date_key from '^[0-9]{1,3}'), 3, '0')::smallint END`;
}

/**
 * The search band of sentence row `s`: its document's rowid divided by 1,024. Search returns
 * sentences in document order, which bands never go against.
 */
export function sentenceBandSql(doc: string): string {
  return `(${doc} >> 10)::integer`;
}

export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;

  CREATE TABLE documents (
    rowid bigserial PRIMARY KEY,
    id text COLLATE "C" NOT NULL UNIQUE,
    source text COLLATE "C" NOT NULL UNIQUE,
    title text COLLATE "C" NOT NULL,
    hash text NOT NULL,
    pipeline text NOT NULL,
    length integer NOT NULL,
    n_timexes integer NOT NULL,
    n_entities integer NOT NULL,
    n_events integer NOT NULL,
    n_findings integer NOT NULL,
    -- Text, offset maps, structure, timexes, entities, findings (JSON, key order kept).
    body text NOT NULL
  );
  CREATE INDEX documents_title ON documents (title, source);

  CREATE TABLE sentences (
    doc bigint NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
    idx integer NOT NULL,
    start integer NOT NULL,
    "end" integer NOT NULL,
    text text NOT NULL,
    -- The sentence's display text in both scripts (search hits are shown without the document).
    display_cn text NOT NULL,
    display_tw text NOT NULL,
    analysis text COLLATE "C" NOT NULL,
    grams text[] NOT NULL,
    PRIMARY KEY (doc, idx)
  );
  CREATE INDEX sentences_trgm ON sentences USING gin (analysis gin_trgm_ops);
  CREATE INDEX sentences_grams ON sentences USING gin (grams);

  CREATE TABLE entities (
    rowid bigserial PRIMARY KEY,
    doc bigint NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
    idx integer NOT NULL,
    id text COLLATE "C" NOT NULL,
    kind text NOT NULL,
    name text NOT NULL,
    names text NOT NULL,
    wiki text NOT NULL,
    rule text NOT NULL,
    UNIQUE (doc, idx)
  );
  CREATE INDEX entities_id ON entities (id, doc);

  CREATE TABLE entity_names (
    entity bigint NOT NULL REFERENCES entities (rowid) ON DELETE CASCADE,
    name text COLLATE "C" NOT NULL,
    PRIMARY KEY (entity, name)
  );
  CREATE INDEX entity_names_name ON entity_names (lower(name));

  CREATE TABLE events (
    rowid bigserial PRIMARY KEY,
    doc bigint NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
    idx integer NOT NULL,
    type text NOT NULL,
    -- Timeline order: dated first, by date value, document source, position, index.
    undated boolean NOT NULL,
    date_key text COLLATE "C",
    source text COLLATE "C" NOT NULL,
    position integer NOT NULL,
    -- The event as returned (JSON, key order kept).
    body text NOT NULL,
    UNIQUE (doc, idx)
  );
  CREATE INDEX events_order ON events (undated, date_key, source, position, idx);
  CREATE INDEX events_type ON events (type, undated, date_key, source, position, idx);

  CREATE TABLE event_actors (
    event bigint NOT NULL REFERENCES events (rowid) ON DELETE CASCADE,
    doc bigint NOT NULL,
    role text NOT NULL CHECK (role IN ('source', 'target', 'other')),
    idx integer NOT NULL,
    entity text COLLATE "C" NOT NULL,
    PRIMARY KEY (event, role, idx)
  );
  CREATE INDEX event_actors_entity ON event_actors (entity, doc);
  CREATE INDEX event_actors_lower ON event_actors (lower(entity));

  CREATE TABLE event_mentions (
    event bigint NOT NULL REFERENCES events (rowid) ON DELETE CASCADE,
    idx integer NOT NULL,
    analysis text COLLATE "C" NOT NULL,
    grams text[] NOT NULL,
    PRIMARY KEY (event, idx)
  );
  CREATE INDEX event_mentions_trgm ON event_mentions USING gin (analysis gin_trgm_ops);
  CREATE INDEX event_mentions_grams ON event_mentions USING gin (grams);

  CREATE TABLE findings (
    doc bigint NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
    idx integer NOT NULL,
    start integer NOT NULL,
    body text NOT NULL,
    PRIMARY KEY (doc, idx)
  );
  CREATE INDEX findings_order ON findings (doc, start, idx);

  -- Bumped after every committed write; readers cache derived data until it moves.
  CREATE SEQUENCE annals_changes;
  `,
  // 2: a finding names the timex whose span it is exactly, so an event list finds the doubts
  // on its dates without reading document bodies (filled from the bodies already stored).
  `
  ALTER TABLE findings ADD COLUMN timex text COLLATE "C";
  UPDATE findings f SET timex = (
    SELECT t ->> 'id' FROM documents d,
      jsonb_array_elements(d.body::jsonb -> 'chronicle' -> 'timexes') WITH ORDINALITY AS x(t, n)
    WHERE d.rowid = f.doc AND (t ->> 'start')::integer = f.start
      AND (t ->> 'end')::integer = (f.body::jsonb ->> 'end')::integer
    ORDER BY x.n LIMIT 1);
  `,
  // 3: actor and pair filters walk an index in timeline order and stop at the limit, however
  // common the actor: actor rows carry their event's order columns, and every matching pair of
  // actors of an event has an `event_pairs` row (filled for the events already stored).
  `
  ALTER TABLE event_actors ADD COLUMN undated boolean, ADD COLUMN date_key text COLLATE "C",
    ADD COLUMN source text COLLATE "C", ADD COLUMN position integer, ADD COLUMN event_idx integer;
  UPDATE event_actors x SET undated = e.undated, date_key = e.date_key, source = e.source,
    position = e.position, event_idx = e.idx
  FROM events e WHERE e.rowid = x.event;
  ALTER TABLE event_actors ALTER COLUMN undated SET NOT NULL, ALTER COLUMN source SET NOT NULL,
    ALTER COLUMN position SET NOT NULL, ALTER COLUMN event_idx SET NOT NULL;
  CREATE INDEX event_actors_order
    ON event_actors (entity, undated, date_key, source, position, event_idx);
  CREATE TABLE event_pairs (
    a text COLLATE "C" NOT NULL,
    b text COLLATE "C" NOT NULL,
    undated boolean NOT NULL,
    date_key text COLLATE "C",
    source text COLLATE "C" NOT NULL,
    position integer NOT NULL,
    event_idx integer NOT NULL,
    event bigint NOT NULL REFERENCES events (rowid) ON DELETE CASCADE,
    PRIMARY KEY (a, b, event)
  );
  CREATE INDEX event_pairs_order
    ON event_pairs (a, b, undated, date_key, source, position, event_idx);
  CREATE INDEX event_pairs_event ON event_pairs (event);
  ${pairRowsSql("TRUE")}
  `,
  // 4: every (lower-cased name, entity id) pair once, so an actor filter resolves a name to its
  // ids without visiting each document's entity row (USA has one per document).
  `
  CREATE TABLE actor_names (
    name text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    PRIMARY KEY (name, id)
  );
  INSERT INTO actor_names (name, id)
    SELECT DISTINCT lower(nm.name), n.id FROM entity_names nm JOIN entities n ON n.rowid = nm.entity
    ON CONFLICT DO NOTHING;
  `,
  // 5: the timeline keys of an event by its row id, read from the index alone: a text filter
  // orders its matches (thousands for a common term at a million events) without visiting the
  // events' wide rows.
  `
  CREATE INDEX events_keys ON events (rowid) INCLUDE (undated, date_key, source, position, idx);
  `,
  // 6: a text filter's first page without reading every match: each mention carries its
  // event's timeline band (bandSql), one GIN index answers "band b and this text" (btree_gin
  // for the band), and event_bands lists the bands in use, walked in order until a page of
  // matches is found (a common term at a million events: a few hundred rows, not thousands).
  `
  CREATE EXTENSION IF NOT EXISTS btree_gin;
  DROP INDEX event_mentions_trgm;
  DROP INDEX event_mentions_grams;
  ALTER TABLE event_mentions ADD COLUMN band smallint;
  UPDATE event_mentions m SET band = ${bandSql("e")} FROM events e WHERE e.rowid = m.event;
  ALTER TABLE event_mentions ALTER COLUMN band SET NOT NULL;
  CREATE INDEX event_mentions_text
    ON event_mentions USING gin (band, analysis gin_trgm_ops, grams);
  CREATE TABLE event_bands (band smallint PRIMARY KEY);
  INSERT INTO event_bands SELECT DISTINCT band FROM event_mentions;
  `,
  // 7: search's first page the same way (see migration 6): sentence rows carry a band of
  // their document (sentenceBandSql), in document order, under one GIN index with the text.
  `
  DROP INDEX sentences_trgm;
  DROP INDEX sentences_grams;
  ALTER TABLE sentences ADD COLUMN band integer;
  UPDATE sentences SET band = ${sentenceBandSql("doc")};
  ALTER TABLE sentences ALTER COLUMN band SET NOT NULL;
  CREATE INDEX sentences_text ON sentences USING gin (band, analysis gin_trgm_ops, grams);
  CREATE TABLE sentence_bands (band integer PRIMARY KEY);
  INSERT INTO sentence_bands SELECT DISTINCT band FROM sentences;
  `,
  // 8: a part of a year (2015-Q2, -H1, -SU) or an ISO week keys the timeline at its first month
  // or its Monday (timelineKey), not after every date of its year; the copies follow.
  `
  UPDATE events SET date_key = CASE WHEN date_key ~ '^[0-9]{4}-(Q[1-4]|H[12]|SP|SU|FA|WI)$' THEN substr(date_key, 1, 5) ||
      CASE substr(date_key, 6) WHEN 'Q1' THEN '01' WHEN 'Q2' THEN '04' WHEN 'Q3' THEN '07'
        WHEN 'Q4' THEN '10' WHEN 'H1' THEN '01' WHEN 'H2' THEN '07' WHEN 'SP' THEN '03'
        WHEN 'SU' THEN '06' WHEN 'FA' THEN '09' ELSE '12' END
    WHEN date_key ~ '^[0-9]{4}-W[0-9]{2}$' THEN
      to_char(to_date(substr(date_key, 1, 4) || '-' || substr(date_key, 7, 2), 'IYYY-IW'), 'YYYY-MM-DD')
    ELSE date_key END
    WHERE date_key ~ '^[0-9]{4}-[QHSFW]';
  UPDATE event_actors x SET date_key = e.date_key FROM events e
    WHERE e.rowid = x.event AND x.date_key ~ '^[0-9]{4}-[QHSFW]';
  UPDATE event_pairs x SET date_key = e.date_key FROM events e
    WHERE e.rowid = x.event AND x.date_key ~ '^[0-9]{4}-[QHSFW]';
  `,
];

/** The schema version a store of this build has (number of migrations). */
export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;
