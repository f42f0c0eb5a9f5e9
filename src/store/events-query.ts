/**
 * `EventQuery` → SQL over the events tables, and event rows → `EventHit` objects.
 *
 * Filters: doc (id or source), types, actor (entity id, or any name an entity answers to in any
 * stored document, either script), pair (one actor as source and the other as target, either
 * direction, or both as sources of a symmetric event), from/to (TIMEX3 prefix bounds, see
 * `dateConditions`), query (full text over the mention text). Order: date, then document, then
 * position in the document; undated events (no value, or one that is not a date such as
 * `PRESENT_REF`) last.
 */
import type Database from "better-sqlite3";
import type { DateBasis, EventHit, EventQuery, EventType, Span, TimexMod } from "../model/index.js";
import { toAnalysis } from "./analysis-text.js";
import { parseTextQuery, textCondition } from "./text-query.js";

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

/**
 * SQL that is true when actor row `x` is the entity named `name`: its id, or the id of an entity
 * that any stored document calls `name` (so an alias written in one article finds the entity's
 * events in every article, also those that never use that alias).
 */
function actorMatches(x: string, params: unknown[], name: string): string {
  const trimmed = name.trim();
  params.push(trimmed, toAnalysis(trimmed).replace(/\s+/g, " "));
  return `(${x}.entity = ? COLLATE NOCASE OR ${x}.entity IN (
      SELECT n.id FROM entity_names nm JOIN entities n ON n.rowid = nm.entity
      WHERE nm.name = ?))`;
}

/**
 * Date-bound conditions over `e.date_key`. An event is kept when its interval overlaps the
 * bounds: `from` keeps values whose prefix of the bound's length is ≥ `from`, or that contain
 * `from` (`199` for from `1994`); `to` keeps values whose prefix is ≤ `to` (`to: "2009"` keeps
 * 2009-12-31). Undated events are dropped whenever a bound is given.
 */
function dateConditions(query: EventQuery, where: string[], params: unknown[]): void {
  if (query.from !== undefined) {
    where.push(
      `e.date_key IS NOT NULL AND (substr(e.date_key, 1, length(?)) >= ? OR substr(?, 1, length(e.date_key)) = e.date_key)`,
    );
    params.push(query.from, query.from, query.from);
  }
  if (query.to !== undefined) {
    where.push(`e.date_key IS NOT NULL AND substr(e.date_key, 1, length(?)) <= ?`);
    params.push(query.to, query.to);
  }
}

/** Runs an event query and returns the hits, fully assembled, in timeline order (or as stored). */
export function queryEvents(
  db: Database.Database,
  query: EventQuery,
  options: { documentOrder?: boolean } = {},
): EventHit[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.doc !== undefined) {
    where.push("(d.id = ? OR d.source = ?)");
    params.push(query.doc, query.doc);
  }
  if (query.types !== undefined) {
    where.push("e.type IN (SELECT value FROM json_each(?))");
    params.push(JSON.stringify(query.types));
  }
  if (query.actor !== undefined) {
    const cond = actorMatches("x", params, query.actor);
    where.push(`EXISTS (SELECT 1 FROM event_actors x WHERE x.event = e.rowid AND ${cond})`);
  }
  if (query.pair !== undefined) {
    const a = actorMatches("x", params, query.pair[0]);
    const b = actorMatches("y", params, query.pair[1]);
    where.push(`EXISTS (SELECT 1 FROM event_actors x JOIN event_actors y ON y.event = x.event
      WHERE x.event = e.rowid AND x.entity <> y.entity AND ${a} AND ${b}
        AND ((x.role = 'source' AND y.role IN ('source', 'target'))
          OR (x.role = 'target' AND y.role = 'source')))`);
  }
  dateConditions(query, where, params);
  if (query.query !== undefined) {
    const text = parseTextQuery(query.query);
    if (text !== null) {
      const cond = textCondition(text, "m", "event_mentions_fts");
      where.push(`EXISTS (SELECT 1 FROM event_mentions m WHERE m.event = e.rowid AND ${cond.sql})`);
      params.push(...cond.params);
    }
  }
  let sql = `SELECT e.rowid, e.id, e.type, e.date_value, e.date_mod, e.date_timex, e.date_inferred,
      e.date_basis, e.score, e.summary, e.rule, d.id AS doc_id, d.title AS doc_title
    FROM events e JOIN documents d ON d.rowid = e.doc
    ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
    ORDER BY ${options.documentOrder === true ? "d.source, e.idx" : "e.date_key IS NULL, e.date_key, d.source, e.position, e.idx"}`;
  if (query.limit !== undefined) {
    sql += " LIMIT ?";
    params.push(Math.max(0, Math.floor(query.limit)));
  }
  const rows = db.prepare<unknown[], EventRow>(sql).all(...params);
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
