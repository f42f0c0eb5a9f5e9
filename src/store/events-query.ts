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
 * ids first. When a selective filter (doc, full-text match) finds at most `candidateCap`
 * events, those candidates are fetched by rowid and only they are sorted. Otherwise an index is
 * walked in timeline order (a range for date bounds and the cursor), each row checked, stopping
 * at the limit: `event_pairs` for a pair, `event_actors_order` for an actor (their rows carry
 * their event's order columns), else `events_order`. So an actor or a pair costs about the
 * page, however many events it has.
 */
import type Database from "better-sqlite3";
import { readAs } from "./event-texts.js";
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
import { BAND_SPAN, pairKeys } from "./derived-keys.js";
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
function dateParts(query: EventQuery, key: string): Sql[] {
  if (query.from === undefined && query.to === undefined) return [{ sql: "", params: [] }];
  const upper: Sql =
    query.to === undefined
      ? { sql: ` AND ${key} < ?`, params: [UNDATED_KEY] }
      : { sql: ` AND ${key} <= ?`, params: [`${query.to}${UNDATED_KEY}`] };
  if (query.from === undefined) return [upper];
  const from = query.from;
  const prefixes = Array.from({ length: from.length - 1 }, (_, i) => from.slice(0, i + 1)).filter(
    (p) => /^\d/.test(p) && !p.endsWith("-"),
  );
  return [
    ...prefixes.map((p) => ({ sql: ` AND ${key} = ?`, params: [p] })),
    { sql: ` AND ${key} >= ?${upper.sql}`, params: [from, ...upper.params] },
  ];
}

/** The cursor of an event hit for `after=`: its document id and event id. */
export function eventCursor(hit: { doc: string; id: string }): string {
  return `${hit.doc}/${hit.id}`;
}

/** The timeline position of the event a cursor names, as a row-value condition. */
function afterCondition(db: Database.Database, cursor: string, order: string): Sql {
  const cut = cursor.lastIndexOf("/");
  const key =
    cut <= 0
      ? undefined
      : db
          .prepare<
            [string, string],
            { sort_key: string; doc_key: number; position: number; idx: number }
          >(
            `SELECT e.sort_key, e.doc_key, e.position, e.idx FROM documents d
             JOIN events e ON e.doc = d.rowid WHERE d.id = ? AND e.id = ?`,
          )
          .get(cursor.slice(0, cut), cursor.slice(cut + 1));
  if (key === undefined) {
    throw new AnnalsError(`after: no stored event '${cursor}' (a cursor is DOC/EVENT, see next)`);
  }
  return {
    sql: ` AND (${order}) > (?, ?, ?, ?)`,
    params: [key.sort_key, key.doc_key, key.position, key.idx],
  };
}

/** A query of candidate event rowids, and the filter it makes redundant (when exact). */
interface Driver extends Sql {
  covers?: Sql;
}

/**
 * An ordered access path: the rows of an index in timeline order, `w` the walked row and `e` its
 * event. Each key is one index range; several are merged (each read up to the limit).
 */
interface Walk {
  from: string;
  /** The walked row's order columns (sort key, document key, position, index in document). */
  order: string;
  /** The walked row's event rowid. */
  hit: string;
  keys: Sql[];
  /** The filter the walk makes redundant. */
  covers?: Sql;
}

/** The whole timeline, through `events_order`. */
const TIMELINE_WALK: Walk = {
  from: "events e INDEXED BY events_order",
  order: TIMELINE_ORDER,
  hit: "e.rowid",
  keys: [{ sql: "", params: [] }],
};

/** The order columns of `event_actors` and `event_pairs` (copies of their event's). */
const WALKED_ORDER = "w.sort_key, w.doc_key, w.position, w.event_idx";

/** The filters of a query, its selective ones as sources of candidates, and its walk. */
interface Plan {
  /** Conditions on `e` other than the date bounds and cursor (each starts with " AND "). */
  filters: Sql[];
  /** Queries of candidate event rowids, one per selective filter. */
  drivers: Driver[];
  /** How the timeline is walked when no filter is selective. */
  walk: Walk;
  /** True when a filter can match nothing (an unknown document). */
  empty: boolean;
}

function plan(db: Database.Database, query: EventQuery): Plan {
  const filters: Sql[] = [];
  const drivers: Driver[] = [];
  let walk = TIMELINE_WALK;
  if (query.doc !== undefined) {
    const docs = db
      .prepare<[string, string], { rowid: number }>(
        "SELECT rowid FROM documents WHERE id = ? OR source = ?",
      )
      .all(query.doc, query.doc)
      .map((r) => r.rowid);
    if (docs.length === 0) return { filters, drivers, walk, empty: true };
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
    // Note: `+x.entity`: the check reads the event's own actor rows (its key), never the
    // actor's index, which holds every event of a common actor (USA: 300 k rows at a million).
    const covers = {
      sql: ` AND EXISTS (SELECT 1 FROM event_actors x WHERE x.event = e.rowid AND +x.entity IN (${marks(ids.length)}))`,
      params: ids,
    };
    filters.push(covers);
    // One range per id; an event where the actor has two roles is read at its first.
    walk = {
      from: "event_actors w INDEXED BY event_actors_order JOIN events e ON e.rowid = w.event",
      order: WALKED_ORDER,
      hit: "w.event",
      keys: ids.map((id) => ({
        sql: ` AND w.entity = ? AND NOT EXISTS (SELECT 1 FROM event_actors z
          WHERE z.event = w.event AND z.entity = w.entity AND (z.role, z.idx) < (w.role, w.idx))`,
        params: [id],
      })),
      covers,
    };
  }
  if (query.pair !== undefined) {
    const keys = pairKeys(actorIds(db, query.pair[0]), actorIds(db, query.pair[1]));
    if (keys.length === 0) return { filters, drivers, walk, empty: true };
    // Note: the check looks up the event's row of each key by the table's whole key (the pair,
    // then the event's order columns), never every row of a common pair (migration 13: there
    // is no index by event).
    const covers = {
      sql: ` AND EXISTS (SELECT 1 FROM event_pairs x WHERE (x.a, x.b) IN (VALUES ${keys
        .map(() => "(?, ?)")
        .join(", ")}) AND x.sort_key = e.sort_key AND x.doc_key = e.doc_key
        AND x.position = e.position AND x.event_idx = e.idx AND x.event = e.rowid)`,
      params: keys.flat(),
    };
    filters.push(covers);
    walk = {
      from: "event_pairs w JOIN events e ON e.rowid = w.event",
      order: WALKED_ORDER,
      hit: "w.event",
      keys: keys.map((k) => ({ sql: " AND w.a = ? AND w.b = ?", params: k })),
      covers,
    };
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
      if (text.trigrams !== null) {
        drivers.push({
          sql: `SELECT m.event FROM event_mentions m WHERE m.rowid IN
            (SELECT rowid FROM event_mentions_fts WHERE event_mentions_fts MATCH ?)
            ${text.long.length > 0 ? "AND annals_contains(m.analysis, ?)" : ""}`,
          params: [text.trigrams, ...(text.long.length > 0 ? [JSON.stringify(text.long)] : [])],
          ...(text.short.length === 0 ? { covers: filter } : {}),
        });
      }
    }
  }
  return { filters, drivers, walk, empty: false };
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
 * The candidates of a text filter alone read band by band (see `timelineBand`): the full-text
 * index returns mention hits in rowid order, that is band by band, so the first `need` hits
 * end in band B and the page lies among the events of the hits up to B. Null when another
 * filter is present, a term is too short for the index, or the hits up to B are more than
 * `cap` or name fewer than `need` events (mentions of one event counted twice).
 */
function banded(
  db: Database.Database,
  query: EventQuery,
  p: Plan,
  cap: number,
): { driver: Driver; rowids: number[] } | null {
  const need = query.limit;
  const text = query.query === undefined ? null : parseTextQuery(query.query);
  const driver = p.drivers[0];
  if (
    need === undefined ||
    need <= 0 ||
    text === null ||
    text.trigrams === null ||
    text.short.length > 0 ||
    p.drivers.length !== 1 ||
    p.filters.length !== 1 ||
    driver === undefined ||
    query.from !== undefined ||
    query.to !== undefined ||
    query.after !== undefined
  ) {
    return null;
  }
  // The index has no positions (migration 12): its rows are candidates, each checked when a
  // term is longer than one trigram.
  const check = text.long.length > 0;
  const hitsOf = (bound: string, limit: string) =>
    check
      ? `SELECT event_mentions_fts.rowid FROM event_mentions_fts
           CROSS JOIN event_mentions m ON m.rowid = event_mentions_fts.rowid
         WHERE event_mentions_fts MATCH ? AND annals_contains(m.analysis, ?)${bound}
         ORDER BY event_mentions_fts.rowid LIMIT ${limit}`
      : `SELECT event_mentions_fts.rowid FROM event_mentions_fts
         WHERE event_mentions_fts MATCH ?${bound} ORDER BY event_mentions_fts.rowid LIMIT ${limit}`;
  const terms = check ? [JSON.stringify(text.long)] : [];
  const first = db
    .prepare<unknown[], number>(hitsOf("", "?"))
    .pluck()
    .all(text.trigrams, ...terms, need);
  const last = first.at(-1);
  const exhausted = first.length < need || last === undefined;
  const hits = exhausted
    ? first
    : db
        .prepare<unknown[], number>(hitsOf(" AND event_mentions_fts.rowid < ?", String(cap + 1)))
        .pluck()
        .all(text.trigrams, ...terms, (Math.floor(last / BAND_SPAN) + 1) * BAND_SPAN);
  if (hits.length > cap) return null;
  const rowids = db
    .prepare<[string], number>(
      "SELECT DISTINCT event FROM event_mentions WHERE rowid IN (SELECT value FROM json_each(?))",
    )
    .pluck()
    .all(JSON.stringify(hits));
  return !exhausted && rowids.length < need ? null : { driver, rowids };
}

/** The conditions and their parameters, joined. */
function joined(parts: Sql[]): Sql {
  return { sql: parts.map((f) => f.sql).join(""), params: parts.flatMap((f) => f.params) };
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
  const limit = query.limit === undefined ? -1 : Math.max(0, Math.floor(query.limit));
  const most = cap ?? candidateCap(total, query.limit);
  const chosen = banded(db, query, p, most) ?? selective(db, p.drivers, most);
  if (chosen !== null) {
    const after =
      query.after === undefined
        ? { sql: "", params: [] }
        : afterCondition(db, query.after, TIMELINE_ORDER);
    const where = joined([...p.filters.filter((f) => f !== chosen.driver.covers), after]);
    const parts = dateParts(query, "e.sort_key");
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
            WHERE e.rowid IN (SELECT value FROM json_each(?))${where.sql}${dates.sql}
            ORDER BY +${TIMELINE_ORDER} LIMIT ?) c
          JOIN events e ON e.rowid = c.hit JOIN documents d ON d.rowid = e.doc
          ORDER BY ${TIMELINE_ORDER}`,
        params: [JSON.stringify(chosen.rowids), ...where.params, ...dates.params, limit],
      },
    ];
  }
  const walk = p.walk;
  const after =
    query.after === undefined
      ? { sql: "", params: [] }
      : afterCondition(db, query.after, walk.order);
  const where = joined([...p.filters.filter((f) => f !== walk.covers), after]);
  // The date parts follow each other in timeline order: one statement each, run in turn.
  return dateParts(query, walk.order.split(",")[0] as string).map((part) => {
    if (walk.keys.length === 1) {
      const key = walk.keys[0] as Sql;
      return {
        sql: `SELECT ${EVENT_COLUMNS} FROM ${walk.from} JOIN documents d ON d.rowid = e.doc
          WHERE 1${key.sql}${part.sql}${where.sql} ORDER BY ${walk.order} LIMIT ?`,
        params: [...key.params, ...part.params, ...where.params, limit],
      };
    }
    // Several ranges (an actor name with several ids): each read in order up to the limit,
    // then the union (an event in two ranges once) ordered and cut, and only that page joined.
    const arms = walk.keys.map((key) => ({
      sql: `SELECT * FROM (SELECT ${walk.hit} AS hit, ${walk.order
        .split(",")
        .map((c, i) => `${c} AS k${i}`)
        .join(", ")} FROM ${walk.from}
        WHERE 1${key.sql}${part.sql}${where.sql} ORDER BY ${walk.order} LIMIT ?)`,
      params: [...key.params, ...part.params, ...where.params, limit],
    }));
    return {
      sql: `SELECT ${EVENT_COLUMNS} FROM (${arms.map((a) => a.sql).join(" UNION ")}
          ORDER BY k0, k1, k2, k3 LIMIT ?) c
        JOIN events e ON e.rowid = c.hit JOIN documents d ON d.rowid = e.doc
        ORDER BY ${TIMELINE_ORDER}`,
      params: [...arms.flatMap((a) => a.params), limit],
    };
  });
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
  /** Each event's first mention's analysis text (what a summary stored as '' reads as). */
  const firstAnalysis = new Map<number, string>();
  for (const m of db
    .prepare<
      [string],
      { event: number; start: number; end: number; text: string; analysis: string }
    >(
      `SELECT event, start, "end", text, analysis FROM event_mentions
       WHERE event IN (SELECT value FROM json_each(?)) ORDER BY event, idx`,
    )
    .all(ids)) {
    const list = mentions.get(m.event) ?? [];
    if (list.length === 0) firstAnalysis.set(m.event, m.analysis);
    list.push({ start: m.start, end: m.end, text: readAs(m.text, m.analysis) });
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
    summary: readAs(r.summary, firstAnalysis.get(r.rowid) ?? ""),
    rule: r.rule,
    mentions: mentions.get(r.rowid) ?? [],
    doc: r.doc_id,
    docTitle: r.doc_title,
  }));
}
