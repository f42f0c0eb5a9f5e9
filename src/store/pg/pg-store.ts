/**
 * The PostgreSQL store, asynchronous: the same contract as the SQLite store (`Store`), each
 * method returning a promise. `annals worker` uses it directly; everyone else goes through the
 * synchronous facade of `bridge.ts`.
 */
import pg from "pg";
import { pipelineFingerprint } from "../../io/fingerprint.js";
import {
  AnnalsError,
  type DocumentSummary,
  type EntitySummary,
  type Event,
  type EventHit,
  type EventQuery,
  type Finding,
  type SearchHit,
  type StoredDocument,
  type TimexRef,
} from "../../model/index.js";
import { toAnalysis } from "../analysis-text.js";
import { hashText } from "../hash.js";
import { timexBySpan } from "../derived-keys.js";
import { mergeEntityRows, type EntityRow } from "../entity-summaries.js";
import { parseTextQuery } from "../text-query.js";
import type { Extracted, PutOptions, PutOutcome } from "../write.js";
import {
  base64ToOffsets,
  dateKey,
  documentBody,
  entityNames,
  eventBody,
  mentionTexts,
  sentenceTexts,
  type DocumentBody,
} from "./rows.js";
import {
  bandSql,
  pairRowsSql,
  sentenceBandSql,
  PG_MIGRATIONS,
  PG_SCHEMA_VERSION,
} from "./schema.js";

/** How to open a PostgreSQL store (the subset of `OpenOptions` that applies). */
export interface PgOpenOptions {
  readonly?: boolean;
  verify?: boolean;
  /** Connections in the pool (concurrent puts of one process). */
  connections?: number;
  /**
   * Matches a text filter reads band by band before it takes the timeline walk (default
   * TEXT_BAND_CAP); tests lower it to reach both paths on a small store.
   */
  textBandCap?: number;
}

/**
 * Text matches of an event query ordered by their keys alone; past this many the term is
 * common and the timeline is walked instead.
 */
const TEXT_HITS_CAP = 20_000;

/**
 * Matches a text filter reads in the bands before its page settles (see `bandedTextPage`);
 * past this many the term is common and the timeline walk is quicker.
 */
const TEXT_BAND_CAP = 1_000;

/** Default number of search hits when the caller gives no limit. */
const DEFAULT_SEARCH_LIMIT = 100;

const ACTOR_ROLES = ["source", "target", "other"] as const;

const COUNTED_TABLES = [
  "documents",
  "sentences",
  "entities",
  "events",
  "event_actors",
  "event_mentions",
  "findings",
] as const;

/** Whether `location` names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/i, "$1:***@");
}

/** Numbered query parameters: `p(value)` appends it and returns `$n`. */
class Params {
  readonly values: unknown[] = [];
  p(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Escapes LIKE wildcards (`\` is the default escape character). */
function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * SQL that is true when row `alias` (with `analysis` and `grams` columns) holds every term of
 * `text`: 3+ characters through the trigram index (LIKE), 1–2 through the n-gram array index.
 */
function textCondition(text: string, alias: string, q: Params): string | null {
  const query = parseTextQuery(text);
  if (query === null) return null;
  return query.terms
    .map((term) =>
      [...term].length >= 3
        ? `${alias}.analysis LIKE ${q.p(likeContains(term))}`
        : `${alias}.grams @> ARRAY[${q.p(term)}::text]`,
    )
    .join(" AND ");
}

interface SummaryRow {
  rowid: string;
  id: string;
  title: string;
  source: string;
  length: number;
  hash: string;
  n_timexes: number;
  n_entities: number;
  n_events: number;
  n_findings: number;
}

const SUMMARY_COLUMNS =
  "rowid, id, title, source, length, hash, n_timexes, n_entities, n_events, n_findings";

function toSummary(r: SummaryRow): DocumentSummary {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    length: r.length,
    hash: r.hash,
    counts: {
      timexes: r.n_timexes,
      entities: r.n_entities,
      events: r.n_events,
      findings: r.n_findings,
    },
  };
}

/** A PostgreSQL error as one line naming the database. */
function pgError(error: unknown, url: string): AnnalsError {
  if (error instanceof AnnalsError) return error;
  return new AnnalsError(`database error: ${(error as Error).message}`, { file: redactUrl(url) });
}

/** The asynchronous PostgreSQL store. */
export class PgStore {
  readonly path: string;
  private writes = 0;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    private readonly readonly: boolean,
    private readonly textBandCap: number,
  ) {
    this.path = redactUrl(url);
  }

  /** Connects, checks (and when writable, migrates) the schema. */
  static async open(url: string, options: PgOpenOptions = {}): Promise<PgStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.connections ?? 2 });
    pool.on("error", () => undefined);
    const store = new PgStore(
      pool,
      url,
      options.readonly === true,
      options.textBandCap ?? TEXT_BAND_CAP,
    );
    try {
      await store.prepare(options.verify === true);
    } catch (error) {
      await pool.end().catch(() => undefined);
      const message = (error as Error).message;
      if (error instanceof AnnalsError) throw error;
      throw new AnnalsError(`cannot open database: ${message}`, { file: redactUrl(url) });
    }
    return store;
  }

  private async prepare(verify: boolean): Promise<void> {
    if (verify) await this.pool.query("SELECT 1");
    if (this.readonly) {
      const version = await this.version(this.pool);
      if (version !== PG_SCHEMA_VERSION) {
        throw new AnnalsError(
          `database schema version ${version}, expected ${PG_SCHEMA_VERSION} (ingest a file into it with \`annals ingest FILE --db URL\` to upgrade it)`,
          { file: this.path },
        );
      }
      return;
    }
    const client = await this.pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock(hashtext('annals-migrate'))");
      await client.query(
        "CREATE TABLE IF NOT EXISTS annals_schema (version integer NOT NULL, applied timestamptz NOT NULL DEFAULT now())",
      );
      const version = await this.version(client);
      if (version > PG_SCHEMA_VERSION) {
        throw new AnnalsError(
          `database schema version ${version} is newer than this annals (${PG_SCHEMA_VERSION})`,
          { file: this.path },
        );
      }
      for (let v = version; v < PG_SCHEMA_VERSION; v += 1) {
        await client.query("BEGIN");
        try {
          await client.query(PG_MIGRATIONS[v] ?? "");
          await client.query("INSERT INTO annals_schema (version) VALUES ($1)", [v + 1]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('annals-migrate'))").catch(() => 0);
      client.release();
    }
  }

  private async version(db: pg.Pool | pg.PoolClient): Promise<number> {
    const exists = await db.query<{ t: string | null }>(
      "SELECT to_regclass('annals_schema')::text AS t",
    );
    if (exists.rows[0]?.t === null || exists.rows[0]?.t === undefined) return 0;
    const r = await db.query<{ v: number | null }>("SELECT max(version) AS v FROM annals_schema");
    return r.rows[0]?.v ?? 0;
  }

  /**
   * Runs `sql`; `prepared` makes it a named statement, parsed once per connection, whose plan
   * PostgreSQL may reuse (for statements whose best plan does not depend on the values).
   */
  private async query<R extends pg.QueryResultRow>(
    sql: string,
    values: unknown[] = [],
    prepared = false,
  ) {
    try {
      const name = prepared ? `annals_${hashText(sql).slice(0, 24)}` : undefined;
      return (await this.pool.query<R>({ text: sql, values, ...(name ? { name } : {}) })).rows;
    } catch (error) {
      throw pgError(error, this.url);
    }
  }

  /** Stores one extraction in one transaction (see `Store.put`). */
  /**
   * Stores several extractions, each in its own transaction under its advisory lock (see
   * `put`): a failure leaves the ones before it stored. One bridge call for the batch.
   */
  async putMany(items: readonly Extracted[], options: PutOptions = {}): Promise<PutOutcome[]> {
    const out: PutOutcome[] = [];
    for (const item of items) out.push(await this.put(item, options));
    return out;
  }

  async put(extracted: Extracted, options: PutOptions = {}): Promise<PutOutcome> {
    if (this.readonly) throw new AnnalsError("database opened read-only", { file: this.path });
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const outcome = await this.write(client, extracted, options.force === true);
      await client.query("COMMIT");
      if (outcome !== "unchanged") {
        this.writes += 1;
        await client.query("SELECT nextval('annals_changes')");
      }
      return outcome;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw pgError(error, this.url);
    } finally {
      client.release();
    }
  }

  private async write(c: pg.PoolClient, x: Extracted, force: boolean): Promise<PutOutcome> {
    const { document: d, chronicle: ch } = x;
    // One writer per source (and id) at a time: a page taken by two workers is written once.
    await c.query(
      "SELECT pg_advisory_xact_lock(hashtextextended($1, 0)), pg_advisory_xact_lock(hashtextextended($2, 1))",
      [d.source, d.id],
    );
    const hash = hashText(d.raw);
    const pipeline = pipelineFingerprint();
    const previous = (
      await c.query<{ rowid: string; hash: string; pipeline: string }>(
        "SELECT rowid, hash, pipeline FROM documents WHERE source = $1 OR id = $2",
        [d.source, d.id],
      )
    ).rows;
    if (
      !force &&
      previous.length === 1 &&
      previous[0]?.hash === hash &&
      previous[0]?.pipeline === pipeline
    ) {
      return "unchanged";
    }
    if (previous.length > 0) {
      await c.query("DELETE FROM documents WHERE rowid = ANY($1::bigint[])", [
        previous.map((r) => r.rowid),
      ]);
    }
    const body: DocumentBody = documentBody(x);
    const inserted = await c.query<{ rowid: string }>(
      `INSERT INTO documents (id, source, title, hash, pipeline, length, n_timexes, n_entities,
         n_events, n_findings, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING rowid`,
      [
        d.id,
        d.source,
        d.title,
        hash,
        pipeline,
        d.raw.length,
        ch.timexes.length,
        ch.entities.length,
        ch.events.length,
        ch.findings.length,
        JSON.stringify(body),
      ],
    );
    const doc = inserted.rows[0]?.rowid;

    const sentences = sentenceTexts(x);
    if (sentences.length > 0) {
      await c.query(
        `INSERT INTO sentences (doc, idx, start, "end", text, display_cn, display_tw, analysis, grams,
           band)
         SELECT $1, s.idx - 1, s.start, s.e, s.text, s.cn, s.tw, s.analysis,
           string_to_array(s.grams, E'\\x1f'), ${sentenceBandSql("$1::bigint")}
         FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           WITH ORDINALITY AS s(start, e, text, cn, tw, analysis, grams, idx)`,
        [
          doc,
          d.sentences.map((s) => s.start),
          d.sentences.map((s) => s.end),
          d.sentences.map((s) => s.text),
          sentences.map((s) => s.display.cn),
          sentences.map((s) => s.display.tw),
          sentences.map((s) => s.analysis),
          sentences.map((s) => s.grams.join("\x1f")),
        ],
      );
      await c.query(
        `INSERT INTO sentence_bands (band) SELECT ${sentenceBandSql("$1::bigint")} AS band
         WHERE NOT EXISTS (SELECT 1 FROM sentence_bands WHERE band = ${sentenceBandSql("$1::bigint")})
         ON CONFLICT DO NOTHING`,
        [doc],
      );
    }

    if (ch.entities.length > 0) {
      const entityRows = await c.query<{ rowid: string; idx: number }>(
        `INSERT INTO entities (doc, idx, id, kind, name, names, wiki, rule)
         SELECT $1, s.idx - 1, s.id, s.kind, s.name, s.names, s.wiki, s.rule
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           WITH ORDINALITY AS s(id, kind, name, names, wiki, rule, idx)
         RETURNING rowid, idx`,
        [
          doc,
          ch.entities.map((e) => e.id),
          ch.entities.map((e) => e.kind),
          ch.entities.map((e) => e.name),
          ch.entities.map((e) => JSON.stringify(e.names)),
          ch.entities.map((e) => JSON.stringify(e.wiki)),
          ch.entities.map((e) => e.rule),
        ],
      );
      const entityOf = new Map(entityRows.rows.map((r) => [r.idx, r.rowid]));
      const nameEntity: string[] = [];
      const names: string[] = [];
      ch.entities.forEach((e, i) => {
        for (const name of entityNames(e)) {
          nameEntity.push(entityOf.get(i) ?? "");
          names.push(name);
        }
      });
      await c.query(
        `INSERT INTO entity_names (entity, name) SELECT * FROM unnest($1::bigint[], $2::text[])
         ON CONFLICT DO NOTHING`,
        [nameEntity, names],
      );
      await c.query(
        `INSERT INTO actor_names (name, id)
         SELECT DISTINCT lower(nm.name), n.id FROM entity_names nm JOIN entities n ON n.rowid = nm.entity
         WHERE n.doc = $1
         ON CONFLICT DO NOTHING`,
        [doc],
      );
    }

    if (ch.events.length > 0) {
      const eventRows = await c.query<{ rowid: string; idx: number }>(
        `INSERT INTO events (doc, idx, type, undated, date_key, source, position, body)
         SELECT $1, s.idx - 1, s.type, s.key IS NULL, s.key, $2, s.position, s.body
         FROM unnest($3::text[], $4::text[], $5::int[], $6::text[])
           WITH ORDINALITY AS s(type, key, position, body, idx)
         RETURNING rowid, idx`,
        [
          doc,
          d.source,
          ch.events.map((e) => e.type),
          ch.events.map((e) => dateKey(e.date.value)),
          ch.events.map((e) => Math.min(...e.mentions.map((m) => m.start), d.raw.length)),
          ch.events.map((e) => JSON.stringify(eventBody(e))),
        ],
      );
      const eventOf = new Map(eventRows.rows.map((r) => [r.idx, r.rowid]));
      const actors: { event: string[]; role: string[]; idx: number[]; entity: string[] } = {
        event: [],
        role: [],
        idx: [],
        entity: [],
      };
      const mentions: { event: string[]; idx: number[]; analysis: string[]; grams: string[] } = {
        event: [],
        idx: [],
        analysis: [],
        grams: [],
      };
      const texts = mentionTexts(x);
      ch.events.forEach((e, i) => {
        const event = eventOf.get(i) ?? "";
        for (const role of ACTOR_ROLES) {
          e.actors[role].forEach((entity, j) => {
            actors.event.push(event);
            actors.role.push(role);
            actors.idx.push(j);
            actors.entity.push(entity);
          });
        }
        (texts[i] ?? []).forEach((t, j) => {
          mentions.event.push(event);
          mentions.idx.push(j);
          mentions.analysis.push(t.analysis);
          mentions.grams.push(t.grams.join("\x1f"));
        });
      });
      await c.query(
        `INSERT INTO event_actors (event, doc, role, idx, entity, undated, date_key, source,
           position, event_idx)
         SELECT s.event, $1, s.role, s.idx, s.entity, e.undated, e.date_key, e.source,
           e.position, e.idx
         FROM unnest($2::bigint[], $3::text[], $4::int[], $5::text[]) AS s(event, role, idx, entity)
         JOIN events e ON e.rowid = s.event
         ON CONFLICT DO NOTHING`,
        [doc, actors.event, actors.role, actors.idx, actors.entity],
      );
      await c.query(pairRowsSql("x.doc = $1"), [doc]);
      await c.query(
        `INSERT INTO event_mentions (event, idx, analysis, grams, band)
         SELECT s.event, s.idx, s.analysis, string_to_array(s.grams, E'\\x1f'), ${bandSql("e")}
         FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[]) AS s(event, idx, analysis, grams)
         JOIN events e ON e.rowid = s.event`,
        [mentions.event, mentions.idx, mentions.analysis, mentions.grams],
      );
      // Only bands not stored yet (a writer inserting a band another one has just inserted
      // waits for its commit), in ascending order, so two writers never wait on each other in turn.
      await c.query(
        `INSERT INTO event_bands (band)
         SELECT DISTINCT ${bandSql("e")} AS band FROM events e
         WHERE e.doc = $1 AND NOT EXISTS (SELECT 1 FROM event_bands x WHERE x.band = ${bandSql("e")})
         ORDER BY band
         ON CONFLICT DO NOTHING`,
        [doc],
      );
    }

    if (ch.findings.length > 0) {
      await c.query(
        `INSERT INTO findings (doc, idx, start, body, timex)
         SELECT $1, s.idx - 1, s.start, s.body, s.timex
         FROM unnest($2::int[], $3::text[], $4::text[]) WITH ORDINALITY AS s(start, body, timex, idx)`,
        [
          doc,
          ch.findings.map((f) => f.start),
          body.chronicle.findings.map((f) => JSON.stringify(f)),
          ch.findings.map(timexBySpan(ch.timexes)),
        ],
      );
    }
    return previous.length > 0 ? "replaced" : "inserted";
  }

  async hasHash(source: string, hash: string): Promise<boolean> {
    const rows = await this.query(
      "SELECT 1 FROM documents WHERE source = $1 AND hash = $2 AND pipeline = $3",
      [source, hash, pipelineFingerprint()],
    );
    return rows.length > 0;
  }

  async remove(idOrSource: string): Promise<boolean> {
    if (this.readonly) throw new AnnalsError("database opened read-only", { file: this.path });
    const rows = await this.query(
      "DELETE FROM documents WHERE id = $1 OR source = $1 RETURNING 1",
      [idOrSource],
    );
    if (rows.length > 0) {
      this.writes += 1;
      await this.query("SELECT nextval('annals_changes')");
    }
    return rows.length > 0;
  }

  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      const rows = await this.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
      out[table] = Number(rows[0]?.n ?? 0);
    }
    return out;
  }

  /** "ok" when every document's stored counts agree with its rows. */
  async integrityCheck(): Promise<string> {
    const rows = await this.query<{ source: string }>(
      `SELECT d.source FROM documents d
       WHERE d.n_events <> (SELECT count(*) FROM events e WHERE e.doc = d.rowid)
          OR d.n_findings <> (SELECT count(*) FROM findings f WHERE f.doc = d.rowid)
          OR d.n_entities <> (SELECT count(*) FROM entities n WHERE n.doc = d.rowid)
       LIMIT 5`,
    );
    return rows.length === 0 ? "ok" : `rows missing for ${rows.map((r) => r.source).join(", ")}`;
  }

  async documents(): Promise<DocumentSummary[]> {
    const rows = await this.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM documents ORDER BY title, source`,
    );
    return rows.map(toSummary);
  }

  async document(idOrSource: string): Promise<StoredDocument | null> {
    const rows = await this.query<SummaryRow & { body: string }>(
      `SELECT ${SUMMARY_COLUMNS}, body FROM documents WHERE id = $1 OR source = $1
       ORDER BY id = $1 DESC LIMIT 1`,
      [idOrSource],
    );
    const d = rows[0];
    if (d === undefined) return null;
    const body = JSON.parse(d.body) as DocumentBody;
    const events = await this.query<{ body: string }>(
      "SELECT body FROM events WHERE doc = $1 ORDER BY idx",
      [d.rowid],
    );
    return {
      summary: toSummary(d),
      raw: body.raw,
      text: body.text,
      rawStarts: base64ToOffsets(body.rawStarts),
      rawEnds: base64ToOffsets(body.rawEnds),
      sections: body.sections,
      blocks: body.blocks,
      sentences: body.sentences,
      links: body.links,
      footnotes: body.footnotes,
      references: body.references,
      chronicle: {
        ...body.chronicle,
        events: events.map((r) => JSON.parse(r.body) as Event),
        findings: body.chronicle.findings,
      },
    };
  }

  /**
   * A query (one `id` column) of the entity ids `name` stands for (see SQLite's `actorIds`): the
   * id of an entity any stored document calls `name` (either script, any case); an id no entity
   * carries still matches itself. Part of the events query, so a filter costs no round trip.
   */
  private static actorIdsSql(name: string, q: Params): string {
    const trimmed = name.trim();
    const exact = q.p(trimmed);
    const analysed = q.p(toAnalysis(trimmed).replace(/\s+/g, " "));
    // Note: `actor_names` holds each (name, id) once; a pair whose documents are all gone is
    // skipped, as in SQLite. The check walks the id's entities in index order and stops at the
    // first that has the name (LIMIT 1): a semi-join would build a bitmap of all of them
    // (USA has one entity per document: 32 ms at a million events, against 1 ms).
    return `SELECT a.id FROM actor_names a WHERE a.name IN (lower(${exact}), lower(${analysed}))
        AND EXISTS (SELECT 1 FROM (SELECT n.rowid FROM entities n
            JOIN entity_names nm ON nm.entity = n.rowid AND lower(nm.name) = a.name
            WHERE n.id = a.id ORDER BY n.id, n.doc LIMIT 1) named)
      UNION SELECT ${exact}::text COLLATE "C"`;
  }

  /**
   * Events in timeline order. Like the SQLite store, an actor or a pair filter walks an index in
   * timeline order (`event_actors_order`, `event_pairs_order`), one range per id (or id pair)
   * and date part, each read up to the page and merged; otherwise `events_order`. The ids a
   * name stands for are resolved inside the same statement (a lateral walk per id).
   */
  async events(query: EventQuery): Promise<EventHit[]> {
    const q = new Params();
    const where: string[] = [];
    const ctes: string[] = [];
    if (query.doc !== undefined) {
      where.push(
        `e.doc IN (SELECT rowid FROM documents WHERE id = ${q.p(query.doc)} OR source = $${q.values.length})`,
      );
    }
    if (query.types !== undefined) where.push(`e.type = ANY(${q.p(query.types)}::text[])`);
    let textFiltered = false;
    let textMatch = "";
    if (query.query !== undefined) {
      const cond = textCondition(query.query, "m", q);
      if (cond !== null) {
        textFiltered = true;
        textMatch = cond;
      }
    }
    let walk = { from: "events e", w: "e", idx: "idx", hit: "e.rowid", keys: "" };
    if (query.pair !== undefined) {
      ctes.push(
        `left_ids AS (${PgStore.actorIdsSql(query.pair[0], q)})`,
        `right_ids AS (${PgStore.actorIdsSql(query.pair[1], q)})`,
        `pair_keys AS (SELECT DISTINCT LEAST(l.id, r.id) AS a, GREATEST(l.id, r.id) AS b
           FROM left_ids l, right_ids r WHERE l.id <> r.id)`,
      );
      walk = {
        from: "event_pairs w JOIN events e ON e.rowid = w.event",
        w: "w",
        idx: "event_idx",
        hit: "w.event",
        keys: "pair_keys k CROSS JOIN LATERAL",
      };
      where.push("w.a = k.a AND w.b = k.b");
    }
    if (query.actor !== undefined) {
      ctes.push(`actor_ids AS (${PgStore.actorIdsSql(query.actor, q)})`);
      if (walk.w === "w") {
        where.push(
          "EXISTS (SELECT 1 FROM event_actors x WHERE x.event = e.rowid AND x.entity IN (SELECT id FROM actor_ids))",
        );
      } else {
        // One range per id; an event where the actor has two roles is read at its first.
        where.push(`w.entity = k.id AND NOT EXISTS (SELECT 1 FROM event_actors z
            WHERE z.event = w.event AND z.entity = w.entity AND (z.role, z.idx) < (w.role, w.idx))`);
        walk = {
          from: "event_actors w JOIN events e ON e.rowid = w.event",
          w: "w",
          idx: "event_idx",
          hit: "w.event",
          keys: "actor_ids k CROSS JOIN LATERAL",
        };
      }
    }
    const w = walk.w;
    const order = `${w}.undated, ${w}.date_key, ${w}.source, ${w}.position, ${w}.${walk.idx}`;
    // Date bounds as index ranges (see SQLite's dateParts): the proper prefixes of `from` (the
    // decade 199 for 1994) each an equality, then [from, to's successor).
    const parts: string[] = [];
    if (query.from === undefined && query.to === undefined) parts.push("TRUE");
    else {
      let upper = "TRUE";
      if (query.to !== undefined && query.to !== "") {
        const chars = [...query.to];
        const last = chars.pop() ?? "";
        upper = `${w}.date_key < ${q.p(chars.join("") + String.fromCodePoint((last.codePointAt(0) ?? 0) + 1))}`;
      }
      const from = query.from ?? "";
      for (let i = 1; i < from.length; i += 1) {
        const prefix = from.slice(0, i);
        if (/^\d/.test(prefix) && !prefix.endsWith("-")) {
          parts.push(`NOT ${w}.undated AND ${w}.date_key = ${q.p(prefix)} AND ${upper}`);
        }
      }
      parts.push(`NOT ${w}.undated AND ${w}.date_key >= ${q.p(from)} AND ${upper}`);
    }
    const skip = Math.max(0, Math.floor(query.offset ?? 0));
    const page = query.limit === undefined ? null : Math.max(0, Math.floor(query.limit));
    if (textFiltered && walk.w !== "e") {
      where.push(
        `EXISTS (SELECT 1 FROM event_mentions m WHERE m.event = e.rowid AND ${textMatch})`,
      );
    }
    const filters = where.map((c) => ` AND ${c}`).join("");
    const cut = (n: number | null, off: number) =>
      `${n === null ? "" : ` LIMIT ${q.p(n)}`}${off > 0 ? ` OFFSET ${q.p(off)}` : ""}`;
    const columns = "e.body, d.id AS doc_id, d.title AS doc_title";
    const timeline = "e.undated, e.date_key, e.source, e.position, e.idx";
    let sql: string;
    // A text filter alone reads its matches band by band (`bandedTextPage`); when that does
    // not settle the page the term is common, and the timeline walk finds a page quickly.
    let common = false;
    // Note: a text filter also takes the two-step form: its matches are ordered by their keys
    // alone, and only the page's bodies are read (common terms match thousands of events).
    if (
      textFiltered &&
      walk.w === "e" &&
      where.length === 0 &&
      query.from === undefined &&
      query.to === undefined &&
      page !== null
    ) {
      const banded = await this.bandedTextPage(textMatch, q.values, page, skip);
      if (banded !== null) return banded;
      common = true;
    }
    if (walk.w === "e" && parts.length === 1 && !textFiltered) {
      sql = `SELECT ${columns} FROM events e JOIN documents d ON d.rowid = e.doc
        WHERE ${parts[0]}${filters} ORDER BY ${timeline}${cut(page, skip)}`;
    } else {
      const keys = order
        .split(", ")
        .map((c, i) => `${c} AS k${i}`)
        .join(", ");
      const limit = cut(page === null ? null : page + skip, 0);
      let arms = parts.map(
        (part) => `SELECT arm.* FROM ${walk.keys} (SELECT ${walk.hit} AS hit, ${keys}
            FROM ${walk.from} WHERE ${part}${filters}
            ORDER BY ${order}${limit}) AS arm`,
      );
      if (textFiltered && walk.w === "e") {
        // Text alone: the planner's guess of how many rows a trigram LIKE matches is often
        // off by 100× either way, and a wrong guess walks the whole timeline for seconds. So
        // the matches are counted first, up to a cap (a bitmap of the index): up to the cap
        // they are ordered by their keys alone; past it the term is common and the timeline
        // walk finds a page quickly.
        const walkArm = (part: string, guard: string) =>
          `SELECT arm.* FROM (SELECT e.rowid AS hit, ${keys} FROM events e
             WHERE ${guard}${part}${filters} AND EXISTS (SELECT 1 FROM event_mentions m
               WHERE m.event = e.rowid AND ${textMatch})
             ORDER BY ${order}${limit}) AS arm`;
        if (common) arms = parts.map((part) => walkArm(part, ""));
        else {
          ctes.push(
            `text_hits AS MATERIALIZED (SELECT m.event FROM event_mentions m WHERE ${textMatch}
             LIMIT ${TEXT_HITS_CAP + 1})`,
            "text_count AS (SELECT count(*) AS n FROM text_hits)",
          );
          const few = `(SELECT n FROM text_count) <= ${TEXT_HITS_CAP}`;
          arms = parts.flatMap((part) => [
            `SELECT arm.* FROM (SELECT DISTINCT h.event FROM text_hits h) h CROSS JOIN LATERAL
             (SELECT e.rowid AS hit, ${keys} FROM events e
              WHERE e.rowid = h.event AND ${few} AND ${part}${filters}) AS arm`,
            walkArm(part, `NOT ${few} AND `),
          ]);
        }
      }
      sql = `${ctes.length > 0 ? `WITH ${ctes.join(", ")} ` : ""}SELECT ${columns}
        FROM (${arms.join(" UNION ")} ORDER BY k0, k1, k2, k3, k4${cut(page, skip)}) c
        JOIN events e ON e.rowid = c.hit JOIN documents d ON d.rowid = e.doc
        ORDER BY ${timeline}`;
    }
    // Note: a text filter's best plan depends on how common its terms are (a bitmap of the
    // matches, or a walk in timeline order), so only the other shapes reuse a plan.
    const rows = await this.query<{ body: string; doc_id: string; doc_title: string }>(
      sql,
      q.values,
      !textFiltered,
    );
    return rows.map((r) => ({
      ...(JSON.parse(r.body) as Event),
      doc: r.doc_id,
      docTitle: r.doc_title,
    }));
  }

  /**
   * A page of the events whose mentions match a text filter (`textMatch` on mention row `m`,
   * its parameters in `values`), read band by band (see migration 6): whole bands are read in
   * timeline order (a recursive walk, one index probe per band) until `skip + page` matching
   * mentions are gathered, in band B; those matches (at most `textBandCap`) are then ordered by
   * their keys. Null when the walk does not settle the page — a term so common that the bands
   * up to B hold more matches than the cap, or mentions of the same event counted twice — and
   * the caller falls back.
   */
  private async bandedTextPage(
    textMatch: string,
    values: readonly unknown[],
    page: number,
    skip: number,
  ): Promise<EventHit[] | null> {
    const q = new Params();
    q.values.push(...values);
    const need = q.p(page + skip);
    const keys = "e.undated AS k0, e.date_key AS k1, e.source AS k2, e.position AS k3, e.idx AS k4";
    const cap = q.p(this.textBandCap);
    // One pass: each step reads the next band's matches whole (one index probe, kept separate
    // by OFFSET 0) and stops once `need` matches (or more than the cap) are gathered.
    const sql = `WITH RECURSIVE walk (band, n, events) AS (
        SELECT (-1)::smallint, 0::bigint, ARRAY[]::bigint[]
        UNION ALL
        SELECT nb.band, w.n + cardinality(x.events), w.events || x.events
        FROM walk w
        CROSS JOIN LATERAL (SELECT band FROM event_bands WHERE band > w.band ORDER BY band LIMIT 1) nb
        CROSS JOIN LATERAL (SELECT coalesce(array_agg(m.event), ARRAY[]::bigint[]) AS events
          FROM (SELECT m.event FROM event_mentions m
            WHERE m.band = nb.band AND ${textMatch} OFFSET 0) m) x
        WHERE w.n < ${need} AND w.n <= ${cap}),
      settled AS (SELECT n, events FROM walk ORDER BY band DESC LIMIT 1),
      matched AS (SELECT DISTINCT unnest(events) AS event FROM settled),
      verdict AS (SELECT (SELECT n FROM settled) <= ${cap} AND ((SELECT n FROM settled) < ${need}
          OR (SELECT count(*) FROM matched) >= ${need}) AS ok),
      chosen AS (SELECT k.* FROM matched h CROSS JOIN LATERAL (SELECT e.rowid AS hit, ${keys}
          FROM events e WHERE e.rowid = h.event) k
        WHERE (SELECT ok FROM verdict)
        ORDER BY k0, k1, k2, k3, k4 LIMIT ${q.p(page)}${skip > 0 ? ` OFFSET ${q.p(skip)}` : ""})
      SELECT v.ok, e.body, d.id AS doc_id, d.title AS doc_title FROM verdict v
        LEFT JOIN (chosen c JOIN events e ON e.rowid = c.hit JOIN documents d ON d.rowid = e.doc)
          ON TRUE
        ORDER BY e.undated, e.date_key, e.source, e.position, e.idx`;
    const rows = await this.query<{
      ok: boolean;
      body: string | null;
      doc_id: string | null;
      doc_title: string | null;
    }>(sql, q.values, true);
    if (rows[0]?.ok !== true) return null;
    return rows.flatMap((r) =>
      r.body === null || r.doc_id === null || r.doc_title === null
        ? []
        : [{ ...(JSON.parse(r.body) as Event), doc: r.doc_id, docTitle: r.doc_title }],
    );
  }

  async entities(
    options: { doc?: string; query?: string; limit?: number } = {},
  ): Promise<EntitySummary[]> {
    const q = new Params();
    const where: string[] = [];
    if (options.doc !== undefined) {
      where.push(`(d.id = ${q.p(options.doc)} OR d.source = $${q.values.length})`);
    }
    if (options.query !== undefined && options.query.trim() !== "") {
      for (const term of parseTextQuery(options.query)?.terms ?? []) {
        where.push(
          `n.rowid IN (SELECT entity FROM entity_names WHERE strpos(lower(name), ${q.p(term)}) > 0)`,
        );
      }
    }
    const summaries = await this.aggregateEntities(where, q);
    summaries.sort((a, b) => b.events - a.events || a.id.localeCompare(b.id));
    return options.limit === undefined ? summaries : summaries.slice(0, Math.max(0, options.limit));
  }

  async entity(id: string): Promise<EntitySummary | null> {
    const q = new Params();
    return (await this.aggregateEntities([`n.id = ${q.p(id)}`], q))[0] ?? null;
  }

  private async aggregateEntities(where: string[], q: Params): Promise<EntitySummary[]> {
    const rows = await this.query<EntityRow>(
      `SELECT n.id, n.kind, n.name, n.names, n.wiki, n.rule, d.id AS doc_id,
         (SELECT count(DISTINCT a.event) FROM event_actors a
          WHERE a.doc = n.doc AND a.entity = n.id) AS n_events
       FROM entities n JOIN documents d ON d.rowid = n.doc
       ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY n.id, n.doc`,
      q.values,
    );
    return mergeEntityRows(rows);
  }

  async findings(options: { doc?: string } = {}): Promise<Array<Finding & { doc: string }>> {
    const q = new Params();
    const filter =
      options.doc === undefined
        ? ""
        : `WHERE d.id = ${q.p(options.doc)} OR d.source = $${q.values.length}`;
    const rows = await this.query<{ body: string; doc_id: string }>(
      `SELECT f.body, d.id AS doc_id FROM findings f JOIN documents d ON d.rowid = f.doc
       ${filter} ORDER BY f.doc, f.start, f.idx`,
      q.values,
    );
    return rows.map((r) => ({ ...(JSON.parse(r.body) as Finding), doc: r.doc_id }));
  }

  async timexFindings(refs: readonly TimexRef[]): Promise<Array<Finding & TimexRef>> {
    if (refs.length === 0) return [];
    const rows = await this.query<{ body: string; doc_id: string; timex: string }>(
      `SELECT f.body, d.id AS doc_id, f.timex
       FROM (SELECT DISTINCT r.doc, r.timex FROM unnest($1::text[], $2::text[]) AS r(doc, timex)) r
       JOIN documents d ON d.id = r.doc
       JOIN findings f ON f.doc = d.rowid AND f.timex = r.timex
       ORDER BY d.id, f.timex, f.idx`,
      [refs.map((r) => r.doc), refs.map((r) => r.timex)],
      true,
    );
    return rows.map((r) => ({
      ...(JSON.parse(r.body) as Finding),
      doc: r.doc_id,
      timex: r.timex,
    }));
  }

  async search(text: string, options: { doc?: string; limit?: number } = {}): Promise<SearchHit[]> {
    const q = new Params();
    const cond = textCondition(text, "s", q);
    if (cond === null) return [];
    const filter =
      options.doc === undefined
        ? ""
        : `AND (d.id = ${q.p(options.doc)} OR d.source = $${q.values.length})`;
    const limit = q.p(Math.max(0, options.limit ?? DEFAULT_SEARCH_LIMIT));
    const columns = `d.id AS doc, d.title AS "docTitle", s.start, s."end" AS "end", s.text,
         s.display_cn AS cn, s.display_tw AS tw`;
    type Row = Omit<SearchHit, "display"> & { cn: string; tw: string; ok?: boolean };
    let rows: Row[] | null = null;
    if (options.doc === undefined) {
      // Band by band (migration 7, as bandedTextPage): the bands are walked in order until a
      // page of hits is seen in band B; the hits of bands up to B are then sorted. A common
      // term (more than the cap up to B) walks the sentences in order instead.
      const probe = (column: string) => `(SELECT band FROM sentence_bands ORDER BY band) b
        CROSS JOIN LATERAL (SELECT ${column} FROM sentences s
          WHERE s.band = b.band AND ${cond} OFFSET 0) x`;
      const bq = new Params();
      bq.values.push(...q.values);
      const cap = bq.p(this.textBandCap);
      const found = await this.query<Row>(
        `WITH walk AS MATERIALIZED (SELECT x.band FROM ${probe("s.band")} LIMIT ${limit}),
         hits AS MATERIALIZED (SELECT x.doc, x.idx FROM ${probe("s.doc, s.idx")}
           WHERE b.band <= (SELECT max(band) FROM walk) LIMIT ${cap} + 1),
         verdict AS (SELECT (SELECT count(*) FROM hits) <= ${cap} AS ok),
         page AS (SELECT h.doc, h.idx FROM hits h WHERE (SELECT ok FROM verdict)
           ORDER BY h.doc, h.idx LIMIT ${limit})
         SELECT v.ok, ${columns} FROM verdict v
           LEFT JOIN (page p JOIN sentences s ON s.doc = p.doc AND s.idx = p.idx
             JOIN documents d ON d.rowid = s.doc) ON TRUE
         ORDER BY s.doc, s.idx`,
        bq.values,
        true,
      );
      if (found[0]?.ok === true) rows = found.filter((r) => r.doc !== null);
    }
    rows ??= await this.query<Row>(
      `SELECT ${columns}
       FROM sentences s JOIN documents d ON d.rowid = s.doc
       WHERE ${cond} ${filter} ORDER BY s.doc, s.idx LIMIT ${limit}`,
      q.values,
    );
    return rows.map(({ cn, tw, ok: _ok, ...hit }) => ({ ...hit, display: { cn, tw } }));
  }

  /** Moves after every committed write of any process (a sequence read, never blocking). */
  async dataVersion(): Promise<number> {
    const rows = await this.query<{ v: string; called: boolean }>(
      "SELECT last_value AS v, is_called AS called FROM annals_changes",
    );
    const r = rows[0];
    return (r === undefined || !r.called ? 0 : Number(r.v)) * 1_000_000 + this.writes;
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
