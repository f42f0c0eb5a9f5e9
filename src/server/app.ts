/**
 * The HTTP app: a JSON API over a StoreReader plus the built web page. `createApp()` builds
 * the Fastify instance without listening, so tests drive it with `inject`.
 */
import { existsSync } from "node:fs";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import fastifyStatic from "@fastify/static";
import type { z } from "zod";
import { DEFAULT_MIN_CONFIDENCE } from "../check/index.js";
import { AnnalsError } from "../model/index.js";
import type { AsyncStoreReader, EventHit, SearchHit } from "../model/store.js";
import { documentView } from "./document-view.js";
import { locateMatch } from "./match.js";
import { dateLabels } from "./date-labels.js";
import { timexDoubts, timexKey } from "./doubts.js";
import { DisplayMap } from "./marks.js";
import { openApiDocument } from "./openapi.js";
import {
  controlCharacterIn,
  describeError,
  entitiesParams,
  eventsParams,
  findingsParams,
  idParam,
  noParams,
  pageOf,
  pageParams,
  pairsParams,
  searchParams,
  toEventQuery,
  MAX_LIMIT,
} from "./params.js";
import { hostAllowList } from "./hosts.js";
import { pairSeries } from "./pairs.js";
import { answerClientError } from "./raw-request.js";
import { relativeSources } from "./sources.js";
import { scripted } from "./script.js";
import { SECURITY_HEADERS } from "./security.js";
import type { DateDoubt, Scripted } from "./view.js";

/** What `createApp` needs. */
export interface AppOptions {
  store: AsyncStoreReader;
  /** Folder of the built page (`web-dist`); when it is missing only the API is served. */
  staticDir?: string;
  /** Fastify's logger (off by default). */
  logger?: boolean;
  /**
   * Host names (or addresses) served besides the loopback names; `*` serves any. Requests with
   * another Host header get 403 (DNS rebinding).
   */
  allowedHosts?: readonly string[];
}

/** Default `limit` for event lists. */
export const DEFAULT_EVENT_LIMIT = 1000;

/** An event as the API returns it: the store's hit plus its summary and date label in both scripts. */
export type EventOut = EventHit & {
  display: { cn: string; tw: string };
  /** The date as people write it (`1923年秋`, `19世纪中叶`), or null when undated. */
  dateLabel: { cn: string; tw: string } | null;
  /** A reportable finding that doubts the event's date, or null. */
  doubt: DateDoubt | null;
};

/** A search hit plus its sentence as display text (markup removed) in both scripts. */
export type SearchHitOut = Omit<SearchHit, "display"> & {
  display: { cn: string; tw: string } | null;
  /** Where the query occurs in the display text, or null when it cannot be placed. */
  match: { start: number; end: number } | null;
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const bad = controlCharacterIn(input);
  if (bad !== null) throw new HttpError(400, `${bad} must not contain control characters`);
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw new HttpError(400, describeError(result.error));
  return result.data;
}

/** Adds labels and date doubts to events. */
async function eventsOut(
  store: AsyncStoreReader,
  events: readonly EventHit[],
): Promise<EventOut[]> {
  const refs = events.flatMap((e) =>
    e.date.timex === null ? [] : [{ doc: e.doc, timex: e.date.timex }],
  );
  const doubts = timexDoubts(await store.timexFindings(refs));
  return events.map((event) => {
    const timex = event.date.timex;
    const doubt = timex === null ? null : (doubts.get(timexKey({ doc: event.doc, timex })) ?? null);
    return {
      ...event,
      display: scripted(event.summary),
      dateLabel: dateLabels(event.date.value, event.date.mod),
      doubt,
    };
  });
}

/**
 * Findings plus their span as display text (markup removed) in both scripts, or null, and their
 * suggested date as people write it.
 */
async function findingsOut<
  F extends { doc: string; start: number; end: number; suggestion: string | null },
>(
  store: AsyncStoreReader,
  findings: readonly F[],
): Promise<
  Array<F & { display: { cn: string; tw: string } | null; suggestionLabel: Scripted | null }>
> {
  const docs = new Map<string, { map: DisplayMap; text: { cn: string; tw: string } } | null>();
  for (const finding of findings) {
    if (!docs.has(finding.doc)) {
      const doc = await store.document(finding.doc);
      docs.set(
        finding.doc,
        doc ? { map: new DisplayMap(doc.rawStarts, doc.rawEnds), text: doc.text } : null,
      );
    }
  }
  return findings.map((finding) => {
    const entry = docs.get(finding.doc);
    const range = entry?.map.range(finding.start, finding.end);
    const display =
      entry && range
        ? {
            cn: entry.text.cn.slice(range.textStart, range.textEnd),
            tw: entry.text.tw.slice(range.textStart, range.textEnd),
          }
        : null;
    return { ...finding, display, suggestionLabel: dateLabels(finding.suggestion) };
  });
}

/** Search hits with their display text in both scripts and the place of the query in it. */
async function hitsOut(
  store: AsyncStoreReader,
  hits: readonly SearchHit[],
  q: string,
): Promise<SearchHitOut[]> {
  const maps = new Map<string, { map: DisplayMap; text: { cn: string; tw: string } } | null>();
  // Note: a store that gives each hit's display text (both stores do) is never asked for
  // whole documents; the fallback places the hit in its document's display text.
  for (const hit of hits) {
    if (hit.display !== undefined || maps.has(hit.doc)) continue;
    const doc = await store.document(hit.doc);
    maps.set(
      hit.doc,
      doc ? { map: new DisplayMap(doc.rawStarts, doc.rawEnds), text: doc.text } : null,
    );
  }
  const displayOf = (hit: SearchHit): { cn: string; tw: string } | null => {
    if (hit.display !== undefined) return hit.display;
    const entry = maps.get(hit.doc);
    const range = entry?.map.range(hit.start, hit.end);
    if (!entry || !range) return null;
    return {
      cn: entry.text.cn.slice(range.textStart, range.textEnd),
      tw: entry.text.tw.slice(range.textStart, range.textEnd),
    };
  };
  return hits.map((given) => {
    const display = displayOf(given);
    const { display: _display, ...hit } = given;
    if (display === null) return { ...hit, display: null, match: null };
    return { ...hit, display, match: locateMatch(display, q) };
  });
}

/** The first `name=value` part of the URL's query that does not percent-decode, or null. */
function malformedQueryPart(url: string): string | null {
  const at = url.indexOf("?");
  if (at < 0) return null;
  for (const part of url.slice(at + 1).split("&")) {
    try {
      decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      return part;
    }
  }
  return null;
}

/** A route's path (`/api/documents/:id`) as a pattern over request paths. */
function routePattern(url: string): RegExp {
  const parts = url.split("/").map((part) => {
    if (part.startsWith(":")) return "[^/]+";
    return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  });
  return new RegExp(`^${parts.join("/")}$`);
}

/** Builds the app (routes, validation, headers, static files) without listening. */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const { store } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    // Note: Node's HTTP parser refuses raw (unencoded) UTF-8 in the URL before Fastify routes
    // it; such a GET is replayed with the bytes percent-encoded, other refusals get a 4xx with
    // the security headers.
    clientErrorHandler: (error, socket) => {
      void answerClientError(app, error, socket);
    },
    // Note: a malformed URL (bad percent-encoding) is the client's error, answered in our shape.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply)
        .headers(SECURITY_HEADERS)
        .code(400)
        .send({ error: `bad request: ${error.message}` });
    },
  });

  // Note: the routes' paths by method, so that a known path asked with another method gets
  // 405 and its Allow header rather than 404.
  const routed: Array<{ methods: string[]; path: RegExp }> = [];
  app.addHook("onRoute", (route) => {
    // Note: the static files' catch-all (`/*`) is not a known path: a missing file is 404.
    if (route.url.includes("*")) return;
    const methods = [route.method].flat().map((m) => m.toUpperCase());
    routed.push({ methods, path: routePattern(route.url) });
  });

  const allowedHost = hostAllowList(options.allowedHosts);
  app.addHook("onRequest", async (request, reply) => {
    const host = request.headers.host;
    if (allowedHost(host)) return;
    await reply.code(403).send({
      error: `host '${String(host ?? "").slice(0, 100)}' is not served (see --allow-host)`,
    });
  });

  // Note: an API query with malformed percent-encoding (q=%ZZ, a cut UTF-8 sequence) is refused
  // as the path's is, rather than searched for as literal text; the page's own URL is left to it.
  app.addHook("onRequest", async (request, reply) => {
    if (reply.sent || !request.url.startsWith("/api/")) return;
    const bad = malformedQueryPart(request.url);
    if (bad === null) return;
    await reply.code(400).send({
      error: `bad request: malformed percent-encoding in the query: '${bad.slice(0, 100)}'`,
    });
  });

  app.addHook("onSend", async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    return payload;
  });

  app.setErrorHandler((error: unknown, _request, reply: FastifyReply) => {
    if (error instanceof HttpError) return reply.code(error.status).send({ error: error.message });
    const status =
      typeof error === "object" &&
      error !== null &&
      "statusCode" in error &&
      typeof error.statusCode === "number"
        ? error.statusCode
        : 500;
    if (status >= 400 && status < 500) {
      const message = error instanceof Error ? error.message : "bad request";
      return reply.code(status).send({ error: message });
    }
    app.log.error(error);
    return reply.code(500).send({ error: "internal error" });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const allowed = [...new Set(routed.filter((r) => r.path.test(path)).flatMap((r) => r.methods))];
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      return reply
        .code(405)
        .header("allow", allowed.join(", "))
        .send({ error: `method ${request.method} not allowed on ${path.slice(0, 200)}` });
    }
    return reply.code(404).send({ error: `not found: ${request.method} ${path.slice(0, 200)}` });
  });

  const knownDoc = async (doc: string | undefined): Promise<void> => {
    if (doc === undefined) return;
    const found = (await store.documents()).some((d) => d.id === doc || d.source === doc);
    if (!found) throw new HttpError(404, `unknown document '${doc}'`);
  };

  /** Sources relative to the ingest root (the folder every stored source shares). */
  const shownSource = async (): Promise<(source: string) => string> =>
    relativeSources((await store.documents()).map((d) => d.source));

  app.get("/api/documents", async (request) => {
    const params = parse(pageParams, request.query);
    const shown = await shownSource();
    const all = await store.documents();
    const documents = pageOf(all, params).map((summary) => ({
      ...summary,
      source: shown(summary.source),
      display: scripted(summary.title),
    }));
    return { total: all.length, count: documents.length, documents };
  });

  app.get("/api/documents/:id", async (request) => {
    const { id } = parse(idParam, request.params);
    parse(noParams, request.query);
    const doc = await store.document(id);
    if (!doc) throw new HttpError(404, `unknown document '${id}'`);
    const view = documentView(doc);
    return { document: withShownSource(view, await shownSource()) };
  });

  app.get("/api/events", async (request) => {
    const params = parse(eventsParams, request.query);
    await knownDoc(params.doc);
    const query = toEventQuery(params, DEFAULT_EVENT_LIMIT);
    let hits: EventHit[];
    try {
      hits = await store.events(query);
    } catch (error) {
      // Note: the store names an unknown cursor in an AnnalsError starting "after:".
      if (error instanceof AnnalsError && error.message.startsWith("after:")) {
        throw new HttpError(400, error.message);
      }
      throw error;
    }
    const events = await eventsOut(store, hits);
    // A full page has a cursor to the next one (keyset paging: as fast at any depth).
    const last = events.at(-1);
    const full = hits.length === query.limit;
    const next = full && last !== undefined ? `${last.doc}/${last.id}` : null;
    return { count: events.length, events, next };
  });

  app.get("/api/entities", async (request) => {
    const params = parse(entitiesParams, request.query);
    await knownDoc(params.doc);
    const options: { doc?: string; query?: string; limit?: number } = {
      limit: (params.offset ?? 0) + (params.limit ?? 500),
    };
    if (params.doc !== undefined) options.doc = params.doc;
    if (params.q !== undefined) options.query = params.q;
    const entities = (await store.entities(options))
      .slice(params.offset ?? 0)
      .map((entity) => ({ ...entity, display: scripted(entity.name) }));
    return { count: entities.length, entities };
  });

  app.get("/api/entities/:id", async (request) => {
    const { id } = parse(idParam, request.params);
    const params = parse(pageParams, request.query);
    const entity = await store.entity(id);
    if (!entity) throw new HttpError(404, `unknown entity '${id}'`);
    const events = await eventsOut(
      store,
      await store.events({ actor: entity.id, limit: DEFAULT_EVENT_LIMIT }),
    );
    return {
      entity: { ...entity, display: scripted(entity.name) },
      events: pageOf(events, params),
      counterparts: await counterparts(store, entity.id, events),
    };
  });

  app.get("/api/findings", async (request) => {
    const params = parse(findingsParams, request.query);
    await knownDoc(params.doc);
    const all = await store.findings(params.doc === undefined ? {} : { doc: params.doc });
    const findings = await findingsOut(store, pageOf(all, params));
    return {
      total: all.length,
      count: findings.length,
      minConfidence: DEFAULT_MIN_CONFIDENCE,
      findings,
    };
  });

  app.get("/api/search", async (request) => {
    const params = parse(searchParams, request.query);
    await knownDoc(params.doc);
    const skip = params.offset ?? 0;
    const limit = skip + (params.limit ?? 100);
    const hits = (
      await store.search(
        params.q,
        params.doc === undefined ? { limit } : { doc: params.doc, limit },
      )
    ).slice(skip);
    const query = {
      query: params.q,
      limit,
      ...(params.doc === undefined ? {} : { doc: params.doc }),
    };
    const events = await eventsOut(store, (await store.events(query)).slice(skip));
    return { q: params.q, hits: await hitsOut(store, hits, params.q), events };
  });

  app.get("/api/pairs", async (request) => {
    const params = parse(pairsParams, request.query);
    await knownDoc(params.doc);
    const a = await resolveActor(store, params.a);
    const b = await resolveActor(store, params.b);
    const query = { pair: [a.id, b.id] as [string, string], limit: 5000 };
    const events = await store.events(
      params.doc === undefined ? query : { ...query, doc: params.doc },
    );
    return { a, b, ...pairSeries(events), events: await eventsOut(store, pageOf(events, params)) };
  });

  app.get("/api/openapi.json", async () => openApiDocument());

  if (options.staticDir !== undefined && existsSync(options.staticDir)) {
    await app.register(fastifyStatic, {
      root: options.staticDir,
      prefix: "/",
      index: ["index.html"],
      dotfiles: "deny",
      maxAge: 0,
    });
  }

  return app;
}

/** A document view with its source (and its chronicle's) shown as `shown` says. */
function withShownSource<V extends ReturnType<typeof documentView>>(
  view: V,
  shown: (source: string) => string,
): V {
  const summary = { ...view.summary, source: shown(view.summary.source) };
  return { ...view, summary };
}

/** An actor by id or by one of its full names (either script); never by part of a name. */
async function resolveActor(
  store: AsyncStoreReader,
  name: string,
): Promise<{ id: string; name: string; display: { cn: string; tw: string } }> {
  const wanted = scripted(name).cn;
  const entity =
    (await store.entity(name)) ??
    (await store.entities({ query: name, limit: MAX_LIMIT })).find((e) =>
      [e.name, ...e.names].some((n) => n === name || scripted(n).cn === wanted),
    ) ??
    null;
  if (!entity) throw new HttpError(404, `unknown actor '${name}'`);
  return { id: entity.id, name: entity.name, display: scripted(entity.name) };
}

/** The actors an entity shares events with, most frequent first. */
async function counterparts(
  store: AsyncStoreReader,
  id: string,
  events: readonly EventOut[],
): Promise<
  Array<{
    id: string;
    name: string;
    display: { cn: string; tw: string };
    events: number;
    score: number;
  }>
> {
  const counts = new Map<string, { events: number; score: number }>();
  for (const event of events) {
    const others = new Set([...event.actors.source, ...event.actors.target, ...event.actors.other]);
    others.delete(id);
    for (const other of others) {
      const row = counts.get(other) ?? { events: 0, score: 0 };
      row.events += 1;
      row.score = Math.round((row.score + (event.score ?? 0)) * 100) / 100;
      counts.set(other, row);
    }
  }
  const rows = [...counts.entries()].sort(
    (x, y) => y[1].events - x[1].events || x[0].localeCompare(y[0]),
  );
  const names = await Promise.all(rows.map(async ([other]) => (await store.entity(other))?.name));
  return rows.map(([other, row], i) => {
    const name = names[i] ?? other;
    return { id: other, name, display: scripted(name), ...row };
  });
}
