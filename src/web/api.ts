/** Typed calls to the JSON API (same origin). */
import type { DocumentSummary, EntitySummary, EventHit, SearchHit } from "../model/store.js";
import type { Finding } from "../model/types.js";
import type { DateDoubt, DocumentView } from "../server/view.js";
import type { PairYear } from "../server/pairs.js";

/** A label in both scripts. */
export interface Scripted {
  cn: string;
  tw: string;
}

/** An event as listed by the API. */
export type ApiEvent = EventHit & {
  display: Scripted;
  /** The date as people write it (`1923年秋`), or null when undated. */
  dateLabel?: Scripted | null;
  doubt?: DateDoubt | null;
};

/** A search hit with its display text (markup removed) in both scripts and the match in it. */
export type ApiSearchHit = SearchHit & {
  display?: Scripted | null;
  match?: { start: number; end: number } | null;
};

/** A document summary with its title in both scripts. */
export type ApiDocument = DocumentSummary & { display: Scripted };

/** An entity with its name in both scripts. */
export type ApiEntity = EntitySummary & { display: Scripted };

/** `GET /api/entities/:id`. */
export interface EntityDetail {
  entity: ApiEntity;
  events: ApiEvent[];
  counterparts: Array<{
    id: string;
    name: string;
    display: Scripted;
    events: number;
    score: number;
  }>;
}

/** `GET /api/pairs`. */
export interface PairDetail {
  a: { id: string; name: string; display: Scripted };
  b: { id: string; name: string; display: Scripted };
  years: PairYear[];
  unscored: number;
  undated: number;
  events: ApiEvent[];
}

/** Filters of the events list (the `annals timeline` filters). */
export interface EventFilters {
  doc?: string;
  types?: string[];
  actor?: string;
  pair?: [string, string];
  from?: string;
  to?: string;
  q?: string;
}

/** An API failure with the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function get<T>(path: string, params: Record<string, string | undefined> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") query.set(key, value);
  const qs = query.toString();
  const res = await fetch(qs ? `${path}?${qs}` : path, { headers: { accept: "application/json" } });
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new ApiError(res.status, body.error ?? `HTTP ${res.status}`);
  return body as T;
}

/** Lists stored documents. */
export function listDocuments(): Promise<{ documents: ApiDocument[] }> {
  return get("/api/documents");
}

/** Loads one document's reader view. */
export function loadDocument(id: string): Promise<{ document: DocumentView }> {
  return get(`/api/documents/${encodeURIComponent(id)}`);
}

/** Lists events matching filters. */
export function listEvents(filters: EventFilters): Promise<{ count: number; events: ApiEvent[] }> {
  return get("/api/events", {
    doc: filters.doc,
    type: filters.types?.join(","),
    actor: filters.actor,
    pair: filters.pair?.join(","),
    from: filters.from,
    to: filters.to,
    q: filters.q,
    limit: "5000",
  });
}

/** Loads an entity with its events and counterparts. */
export function loadEntity(id: string): Promise<EntityDetail> {
  return get(`/api/entities/${encodeURIComponent(id)}`);
}

/** Lists entities (for the actor pickers). */
export function listEntities(doc?: string): Promise<{ entities: ApiEntity[] }> {
  return get("/api/entities", { doc, limit: "500" });
}

/** Lists chronology findings. */
export function listFindings(doc?: string): Promise<{
  findings: Array<
    Finding & { doc: string; display?: Scripted | null; suggestionLabel?: Scripted | null }
  >;
  minConfidence?: number;
}> {
  return get("/api/findings", { doc });
}

/** Full-text search in either script. */
export function search(
  q: string,
  doc?: string,
): Promise<{ hits: ApiSearchHit[]; events: ApiEvent[] }> {
  return get("/api/search", { q, doc });
}

/** The cooperation–conflict series of a pair. */
export function loadPair(a: string, b: string, doc?: string): Promise<PairDetail> {
  return get("/api/pairs", { a, b, doc });
}
