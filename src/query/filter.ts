/**
 * In-memory evaluation of an EventQuery over extracted documents (the `timeline FILE…` path;
 * the store answers the same query from SQLite).
 */
import { AnnalsError, type Entity, type Event, type EventQuery } from "../model/index.js";
import type { EventHit } from "../model/store.js";
import { dateRange, type DateRange } from "./date-range.js";
import { foldScript } from "./script.js";
import { sortEvents } from "./sort.js";

/** One document's events with what is needed to query them. */
export interface DocumentEvents {
  doc: { id: string; title: string; source: string };
  events: Event[];
  entities: Entity[];
}

/** A query with its actor names resolved and its bounds parsed, ready to test events. */
export interface CompiledQuery {
  query: EventQuery;
  actor: Set<string> | null;
  pair: [Set<string>, Set<string>] | null;
  from: DateRange | null;
  to: DateRange | null;
  text: string | null;
}

/**
 * The entity ids a user's actor name stands for: an id (case-insensitive) or any name, alias or
 * wiki title of an entity, compared in Simplified script (朝鮮 finds 朝鲜).
 */
export function resolveActor(name: string, entities: readonly Entity[]): Set<string> {
  const wanted = foldScript(name.trim());
  const ids = new Set<string>();
  if (wanted === "") return ids;
  // Note: an id is kept even without an entity record, so gazetteer ids still match.
  ids.add(name.trim());
  for (const entity of entities) {
    const forms = [entity.id, entity.name, ...entity.names, ...entity.wiki];
    if (forms.some((form) => foldScript(form) === wanted)) ids.add(entity.id);
  }
  return ids;
}

/** Resolves the query's names against `entities` and parses its date bounds. */
export function compileQuery(query: EventQuery, entities: readonly Entity[]): CompiledQuery {
  return {
    query,
    actor: query.actor === undefined ? null : resolveActor(query.actor, entities),
    pair:
      query.pair === undefined
        ? null
        : [resolveActor(query.pair[0], entities), resolveActor(query.pair[1], entities)],
    from: query.from === undefined ? null : dateRange(query.from),
    to: query.to === undefined ? null : dateRange(query.to),
    text: query.query === undefined ? null : foldScript(query.query),
  };
}

function hasAny(ids: readonly string[], wanted: Set<string>): boolean {
  return ids.some((id) => wanted.has(id));
}

/**
 * Whether one event satisfies the compiled query (every field but `doc` and `limit`).
 * - actor: the actor is in source, target or other;
 * - pair: one actor is a source and the other a source or target, either way round
 *   (third parties in `other` do not make a pair);
 * - from/to: the event's date interval overlaps `[from, to]` (`to: "2009"` takes all of 2009;
 *   `from: "1994"` keeps the decade `199`), as the store does; undated or unplaceable events are
 *   excluded once a bound is given;
 * - query: a substring of some mention's text, both sides in Simplified script.
 */
export function matchesEvent(event: Event, compiled: CompiledQuery): boolean {
  const { query } = compiled;
  if (query.types !== undefined && query.types.length > 0 && !query.types.includes(event.type)) {
    return false;
  }
  const { source, target, other } = event.actors;
  if (compiled.actor && !hasAny([...source, ...target, ...other], compiled.actor)) return false;
  if (compiled.pair) {
    const [a, b] = compiled.pair;
    const acting = [...source, ...target];
    const links = (x: Set<string>, y: Set<string>): boolean =>
      source.some((s) => x.has(s) && acting.some((t) => t !== s && y.has(t)));
    if (!links(a, b) && !links(b, a)) return false;
  }
  if (compiled.from || compiled.to) {
    const range = dateRange(event.date.value);
    if (!range) return false;
    if (compiled.from && range.endKey < compiled.from.startKey) return false;
    if (compiled.to && range.startKey > compiled.to.endKey) return false;
  }
  if (compiled.text !== null) {
    const text = compiled.text;
    if (!event.mentions.some((m) => foldScript(m.text).includes(text))) return false;
  }
  return true;
}

/** Whether a document is the one named by `doc` (its id, source path or title). */
export function matchesDocument(doc: DocumentEvents["doc"], name: string | undefined): boolean {
  if (name === undefined) return true;
  return doc.id === name || doc.source === name || doc.title === name;
}

/**
 * Runs a query over documents: filters, sorts chronologically (undated last) and applies the
 * limit. Actor names resolve against the entities of all documents, not only the event's own.
 */
export function queryEvents(docs: readonly DocumentEvents[], query: EventQuery): EventHit[] {
  const hits: EventHit[] = [];
  // Names resolve against every document's entities, so an alias one article writes finds the
  // entity's events in the others too (as the store does).
  const compiled = compileQuery(
    query,
    docs.flatMap((entry) => entry.entities),
  );
  for (const entry of docs) {
    if (!matchesDocument(entry.doc, query.doc)) continue;
    for (const event of entry.events) {
      if (matchesEvent(event, compiled)) {
        hits.push({ ...event, doc: entry.doc.id, docTitle: entry.doc.title });
      }
    }
  }
  const sorted = afterCursor(sortEvents(hits), query.after);
  return query.limit === undefined ? sorted : sorted.slice(0, query.limit);
}

/**
 * The hits after the one cursor `after` (`DOC/EVENT`) names, as the store's keyset paging
 * gives them; all hits without a cursor. An unknown cursor throws (`after: …`).
 */
export function afterCursor<H extends { doc: string; id: string }>(
  sorted: H[],
  after: string | undefined,
): H[] {
  if (after === undefined) return sorted;
  const at = sorted.findIndex((h) => `${h.doc}/${h.id}` === after);
  if (at < 0) throw new AnnalsError(`after: no stored event '${after}' (a cursor is DOC/EVENT)`);
  return sorted.slice(at + 1);
}
