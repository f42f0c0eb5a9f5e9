/**
 * `EventQuery` → SQL over the events tables, and event rows → `EventHit` objects.
 *
 * Filters: doc (id or source), types, actor (entity id, or any name an entity answers to in any
 * stored document, either script), pair (one actor as source and the other as target, either
 * direction, or both as sources of a symmetric event), from/to (TIMEX3 prefix bounds, see
 * `dateParts`), query (full text over the mention text), after (a keyset cursor). Order: date,
 * then document source, then position in the document; undated events (no value, or one that is
 * not a date such as `PRESENT_REF`) last.
 *
 * Plans (every one asserted with EXPLAIN QUERY PLAN in the tests): names are resolved to entity
 * ids first. When a selective filter (doc, actor, pair side, full-text match) finds at most
 * `CANDIDATE_CAP` events, those candidates are fetched by rowid and only they are sorted;
 * otherwise the timeline index `events_order` is walked in order (a range for date bounds and
 * the cursor) and each row is checked, stopping at the limit.
 */
import type Database from "better-sqlite3";
import {
  AnnalsError,
  type DateBasis,
  type EventHit,
  type EventQuery,
  type EventType,
  type Span,
  type TimexMod,
} from "../model/index.js";
import { toAnalysis } from "./analysis-text.js";
import { parseTextQuery, textCondition } from "./text-query.js";

/** `sort_key` of an undated event: after every date key (they start with a digit). */
export const UNDATED_KEY = "~";

/** A selective filter finding more events than this never has its candidates sorted. */
export const CANDIDATE_CAP = 20_000;

/**
 * How many candidates a selective filter may find to be sorted rather than walking the
 * timeline: sorting costs about `n`, the walk about `limit · total / n` rows, equal at
 * `n = √(limit · total)`; between 1,000 and `CANDIDATE_CAP`, everything without a limit.
 */
export function candidateCap(total: number, limit: number | undefined): number {
  if (limit === undefined) return Number.MAX_SAFE_INTEGER;
  return Math.min(CANDIDATE_CAP, Math.max(1000, Math.ceil(Math.sqrt(limit * total))));
}

/** The timeline order, served by the index `events_order`. */
const TIMELINE_ORDER = "e.sort_key, e.doc_key, e.position, e.idx";

const EVENT_COLUMNS = `e.rowid, e.id, e.type, e.date_value, e.date_mod, e.date_timex,
  e.date_inferred, e.date_basis, e.score, e.summary, e.rule, d.id AS doc_id, d.title AS doc_title`;

/** A row of the events table joined with its document. */
interface EventRow {
  rowid: number;
  id: string;
  type: string;
  date_value: string | null;
  date_mod: string | null;
  date_timex: string | null;
  date_inferred: number;
  date_basis: string | null;
  score: number | null;
  summary: string;
  rule: string;
  doc_id: string;
  doc_title: string;
}

/** A SQL fragment with its parameters. */
interface Sql {
  sql: string;
  params: unknown[];
}

/** `?, ?, …` for `n` parameters. */
const marks = (n: number): string => Array.from({ length: n }, () => "?").join(", ");

/**
 * The entity ids `name` stands for: its id (any case) or the id of an entity that any stored
 * document calls `name` (so an alias written in one article finds the entity's events in every
 * article, also those that never use that alias). Looked up in `entity_names` (every id, name
 * and surface form in analysis form, NOCASE), never by scanning names.
 */
export function actorIds(db: Database.Database, name: string): string[] {
  const trimmed = name.trim();
  const form = toAnalysis(trimmed).replace(/\s+/g, " ");
  const ids = db
    .prepare<[string, string], { id: string }>(
      `SELECT DISTINCT a.id FROM actor_names a WHERE a.name IN (?, ?)
         AND EXISTS (SELECT 1 FROM entity_names nm JOIN entities n ON n.rowid = nm.entity
                     WHERE nm.name = a.name AND n.id = a.id)`,
    )
    .all(trimmed, form)
    .map((r) => r.id);
  // An id that no entity row carries (actors are entity ids) still matches itself.
  return ids.includes(trimmed) ? ids : [...ids, trimmed];
}

/**
 * The date bounds as index ranges over `sort_key`. An event is kept when its interval overlaps
 * the bounds: `to` keeps keys whose prefix of the bound's length is ≤ `to` (`to: "2009"` keeps
 * 2009-12-31), that is `sort_key <= to || '~'`; `from` keeps keys ≥ `from` and the keys that are
 * a proper prefix of it (`199`, the 1990s, for `from: "1994"`). Those prefixes all sort before
 * `from` and in their own order, so the parts, read one after another, keep the timeline order.
 * Undated events (`~`) fall outside every bound.
 */
function dateParts(query: EventQuery): Sql[] {
  if (query.from === undefined && query.to === undefined) return [{ sql: "", params: [] }];
  const upper: Sql =
    query.to === undefined
      ? { sql: " AND e.sort_key < ?", params: [UNDATED_KEY] }
      : { sql: " AND e.sort_key <= ?", params: [`${query.to}${UNDATED_KEY}`] };
  if (query.from === undefined) return [upper];
  const from = query.from;
  const prefixes = Array.from({ length: from.length - 1 }, (_, i) => from.slice(0, i + 1)).filter(
    (p) => /^\d/.test(p) && !p.endsWith("-"),
  );
  return [
    ...prefixes.map((p) => ({ sql: " AND e.sort_key = ?", params: [p] })),
    { sql: ` AND e.sort_key >= ?${upper.sql}`, params: [from, ...upper.params] },
  ];
}

/** The cursor of an event hit for `after=`: its document id and event id. */
export function eventCursor(hit: { doc: string; id: string }): string {
  return `${hit.doc}/${hit.id}`;
}

/** The timeline position of the event a cursor names, as a row-value condition. */
function afterCondition(db: Database.Database, cursor: string): Sql {
  const cut = cursor.lastIndexOf("/");
  const key =
    cut <= 0
      ? undefined
      : db
          .prepare<
            [string, string],
            { sort_key: string; doc_key: string; position: number; idx: number }
          >(
            `SELECT e.sort_key, e.doc_key, e.position, e.idx FROM documents d
             JOIN events e ON e.doc = d.rowid WHERE d.id = ? AND e.id = ?`,
          )
          .get(cursor.slice(0, cut), cursor.slice(cut + 1));
  if (key === undefined) {
    throw new AnnalsError(`after: no stored event '${cursor}' (a cursor is DOC/EVENT, see next)`);
  }
  return {
    sql: " AND (e.sort_key, e.doc_key, e.position, e.idx) > (?, ?, ?, ?)",
    params: [key.sort_key, key.doc_key, key.position, key.idx],
  };
}

/** A query of candidate event rowids, and the filter it makes redundant (when exact). */
interface Driver extends Sql {
  covers?: Sql;
}

/** The filters of a query, and the selective ones as sources of candidate event rowids. */
interface Plan {
  /** Conditions on `e` other than the date bounds and cursor (each starts with " AND "). */
  filters: Sql[];
  /** Queries of candidate event rowids, one per selective filter. */
  drivers: Driver[];
  /** True when a filter can match nothing (an unknown document). */
  empty: boolean;
}

function plan(db: Database.Database, query: EventQuery): Plan {
  const filters: Sql[] = [];
  const drivers: Driver[] = [];
  if (query.doc !== undefined) {
    const docs = db
      .prepare<[string, string], { rowid: number }>(
        "SELECT rowid FROM documents WHERE id = ? OR source = ?",
      )
      .all(query.doc, query.doc)
      .map((r) => r.rowid);
    if (docs.length === 0) return { filters, drivers, empty: true };
    filters.push({ sql: ` AND e.doc IN (${marks(docs.length)})`, params: docs });
    drivers.push({
      sql: `SELECT rowid FROM events WHERE doc IN (${marks(docs.length)})`,
      params: docs,
    });
  }
  if (query.types !== undefined) {
    filters.push({
      // Note: `+e.type`: a type is never selective enough to drive the query.
      sql: ` AND +e.type IN (${marks(query.types.length)})`,
      params: [...query.types],
    });
  }
  if (query.actor !== undefined) {
    const ids = actorIds(db, query.actor);
    const set = `(${marks(ids.length)})`;
    const covers = {
      sql: ` AND EXISTS (SELECT 1 FROM event_actors x WHERE x.event = e.rowid AND x.entity IN ${set})`,
      params: ids,
    };
    filters.push(covers);
    drivers.push({
      sql: `SELECT event FROM event_actors WHERE entity IN ${set}`,
      params: ids,
      covers,
    });
  }
  if (query.pair !== undefined) {
    const a = actorIds(db, query.pair[0]);
    const b = actorIds(db, query.pair[1]);
    filters.push({
      sql: ` AND EXISTS (SELECT 1 FROM event_actors x JOIN event_actors y ON y.event = x.event
        WHERE x.event = e.rowid AND x.entity <> y.entity
          AND x.entity IN (${marks(a.length)}) AND y.entity IN (${marks(b.length)})
          AND ((x.role = 'source' AND y.role IN ('source', 'target'))
            OR (x.role = 'target' AND y.role = 'source')))`,
      params: [...a, ...b],
    });
    for (const ids of [a, b]) {
      drivers.push({
        sql: `SELECT event FROM event_actors WHERE entity IN (${marks(ids.length)})`,
        params: ids,
      });
    }
  }
  if (query.query !== undefined) {
    const text = parseTextQuery(query.query);
    if (text !== null) {
      const cond = textCondition(text, "m", "event_mentions_fts");
      const filter = {
        sql: ` AND EXISTS (SELECT 1 FROM event_mentions m WHERE m.event = e.rowid AND ${cond.sql})`,
        params: cond.params,
      };
      filters.push(filter);
      if (text.match !== null) {
        drivers.push({
          sql: `SELECT m.event FROM event_mentions m WHERE m.rowid IN
            (SELECT rowid FROM event_mentions_fts WHERE event_mentions_fts MATCH ?)`,
          params: [text.match],
          ...(text.short.length === 0 ? { covers: filter } : {}),
        });
      }
    }
  }
  return { filters, drivers, empty: false };
}

/**
 * The candidates of the smallest driver finding at most `cap` events (their rowids, read once),
 * or null when every driver finds more (or there is none).
 */
function selective(
  db: Database.Database,
  drivers: Driver[],
  cap: number,
): { driver: Driver; rowids: number[] } | null {
  let best: { driver: Driver; rowids: number[] } | null = null;
  for (const driver of drivers) {
    const rowids = db
      .prepare<unknown[], number>(`${driver.sql} LIMIT ${cap + 1}`)
      .pluck()
      .all(...driver.params);
    if (rowids.length <= cap && (best === null || rowids.length < best.rowids.length)) {
      best = { driver, rowids };
    }
  }
  return best;
}

/**
 * The SQL statements (with parameters) that answer `query`, run one after another; `cap` is the
 * most candidates a selective filter may find to be sorted (tests force either plan with it).
 */
export function eventStatements(db: Database.Database, query: EventQuery, cap?: number): Sql[] {
  const p = plan(db, query);
  if (p.empty) return [];
  const total =
    db.prepare<[], { n: number | null }>("SELECT max(rowid) AS n FROM events").get()?.n ?? 0;
  const after =
    query.after === undefined ? { sql: "", params: [] } : afterCondition(db, query.after);
  const limit = query.limit === undefined ? -1 : Math.max(0, Math.floor(query.limit));
  const parts = dateParts(query);
  const chosen = selective(db, p.drivers, cap ?? candidateCap(total, query.limit));
  const filters = [...p.filters.filter((f) => f !== chosen?.driver.covers), after];
  const where = filters.map((f) => f.sql).join("");
  const params = filters.flatMap((f) => f.params);
  if (chosen !== null) {
    // Note: `+e.sort_key` keeps the planner on the candidates (rowid lookups) instead of
    // walking the whole timeline index to avoid sorting them.
    const dates =
      parts.length === 1
        ? (parts[0] as Sql)
        : {
            sql: ` AND (${parts.map((x) => `(1${x.sql})`).join(" OR ")})`,
            params: parts.flatMap((x) => x.params),
          };
    // Note: the candidates are sorted on their events rows alone; only the page is joined.
    return [
      {
        sql: `SELECT ${EVENT_COLUMNS} FROM (SELECT e.rowid AS hit FROM events e
            WHERE e.rowid IN (SELECT value FROM json_each(?))${where}${dates.sql}
            ORDER BY +${TIMELINE_ORDER} LIMIT ?) c
          JOIN events e ON e.rowid = c.hit JOIN documents d ON d.rowid = e.doc
          ORDER BY ${TIMELINE_ORDER}`,
        params: [JSON.stringify(chosen.rowids), ...params, ...dates.params, limit],
      },
    ];
  }
  return parts.map((part) => ({
    sql: `SELECT ${EVENT_COLUMNS} FROM events e INDEXED BY events_order
        JOIN documents d ON d.rowid = e.doc
      WHERE 1${part.sql}${where} ORDER BY ${TIMELINE_ORDER} LIMIT ?`,
    params: [...part.params, ...params, limit],
  }));
}

/** Runs an event query and returns the hits, fully assembled, in timeline order. */
export function queryEvents(db: Database.Database, query: EventQuery, cap?: number): EventHit[] {
  const rows: EventRow[] = [];
  const skip = Math.max(0, Math.floor(query.offset ?? 0));
  const wanted = query.limit === undefined ? Infinity : Math.max(0, Math.floor(query.limit)) + skip;
  // Note: the skipped rows are read (cheap index rows) but only the page is assembled.
  const statements = eventStatements(
    db,
    Number.isFinite(wanted) ? { ...query, limit: wanted } : query,
    cap,
  );
  for (const statement of statements) {
    if (rows.length >= wanted) break;
    const params = [...statement.params];
    if (Number.isFinite(wanted)) params[params.length - 1] = wanted - rows.length;
    rows.push(...db.prepare<unknown[], EventRow>(statement.sql).all(...params));
  }
  return assembleEvents(db, rows.slice(skip));
}

/** The events of one document (its rowid) in document order, for the article reader. */
export function documentEvents(db: Database.Database, doc: number): EventHit[] {
  const rows = db
    .prepare<[number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events e JOIN documents d ON d.rowid = e.doc
       WHERE e.doc = ? ORDER BY e.idx`,
    )
    .all(doc);
  return assembleEvents(db, rows);
}

/** Fetches actors and mentions for event rows and builds the `EventHit` objects. */
function assembleEvents(db: Database.Database, rows: EventRow[]): EventHit[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => r.rowid));
  const actors = new Map<number, EventHit["actors"]>();
  for (const a of db
    .prepare<[string], { event: number; role: "source" | "target" | "other"; entity: string }>(
      `SELECT event, role, entity FROM event_actors
       WHERE event IN (SELECT value FROM json_each(?)) ORDER BY event, role, idx`,
    )
    .all(ids)) {
    let slot = actors.get(a.event);
    if (slot === undefined) {
      slot = { source: [], target: [], other: [] };
      actors.set(a.event, slot);
    }
    slot[a.role].push(a.entity);
  }
  const mentions = new Map<number, Span[]>();
  for (const m of db
    .prepare<[string], { event: number; start: number; end: number; text: string }>(
      `SELECT event, start, "end", text FROM event_mentions
       WHERE event IN (SELECT value FROM json_each(?)) ORDER BY event, idx`,
    )
    .all(ids)) {
    const list = mentions.get(m.event) ?? [];
    list.push({ start: m.start, end: m.end, text: m.text });
    mentions.set(m.event, list);
  }
  return rows.map((r) => ({
    id: r.id,
    type: r.type as EventType,
    date: {
      value: r.date_value,
      mod: r.date_mod as TimexMod | null,
      timex: r.date_timex,
      inferred: r.date_inferred === 1,
      basis: r.date_basis as DateBasis | null,
    },
    actors: actors.get(r.rowid) ?? { source: [], target: [], other: [] },
    score: r.score,
    summary: r.summary,
    rule: r.rule,
    mentions: mentions.get(r.rowid) ?? [],
    doc: r.doc_id,
    docTitle: r.doc_title,
  }));
}
