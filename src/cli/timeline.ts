/**
 * `annals timeline [FILE…]`: events filtered by an EventQuery, in date order (undated last),
 * printed as a table or in an export format. With FILEs the articles are extracted in memory;
 * without, the store (`--db`) answers the query.
 */
import { resolve } from "node:path";
import { Command } from "commander";
import { EVENT_TYPES, AnnalsError, type EventQuery, type EventType } from "../model/index.js";
import type { EventHit, StoreReader } from "../model/store.js";
import { baseName } from "../ingest/index.js";
import { openStore } from "../store/index.js";
import {
  EVENT_FORMATS,
  renderEvents,
  type EventFormat,
  type RenderContext,
} from "../export/index.js";
import { isEventType } from "../model/index.js";
import {
  compileQuery,
  dateFindingsByTimex,
  flagEvents,
  matchesEvent,
  parseBound,
  queryEvents,
  sortEvents,
  type TimexDoubt,
  type DocumentEvents,
} from "../query/index.js";
import type { Extraction } from "../extract.js";
import { DEFAULT_MAX_BYTES, extractFile } from "./load.js";

/** Widest table `--width` accepts (a bound, so a typo cannot write gigabytes of padding). */
export const MAX_WIDTH = 1000;

/**
 * The table's width: `--width`, else `COLUMNS`, else the terminal's; a pipe with neither gets
 * whole lines (Infinity: nothing is cut).
 */
export function tableWidth(
  flag: number | null,
  env: NodeJS.ProcessEnv = process.env,
  columns: number | undefined = process.stdout.isTTY ? process.stdout.columns : undefined,
): number {
  if (flag !== null) return flag;
  const fromEnv = Number(env.COLUMNS);
  if (/^\d+$/.test(env.COLUMNS ?? "") && fromEnv > 0) return Math.min(fromEnv, MAX_WIDTH);
  return columns !== undefined && columns > 0 ? columns : Infinity;
}

/** Raw option values of `timeline` as commander hands them over. */
export interface TimelineFlags {
  db: string;
  doc?: string;
  type?: string;
  actor?: string;
  pair?: string;
  from?: string;
  to?: string;
  query?: string;
  limit?: string;
  format: string;
  width?: string;
  maxBytes?: string;
  suggestedDates?: boolean;
}

/** Validated options: the query and the output format. */
export interface TimelineOptions {
  query: EventQuery;
  format: EventFormat;
  width: number | null;
  maxBytes: number;
  /** Sort, filter and print by the checker's suggested dates where it doubts a date. */
  suggestedDates: boolean;
}

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n <= 0) {
    throw new AnnalsError(`${name} expects a positive integer, got "${value}"`);
  }
  return n;
}

function widthFlag(value: string): number {
  const n = positive("--width", value);
  if (n > MAX_WIDTH)
    throw new AnnalsError(`--width expects at most ${MAX_WIDTH} columns, got ${n}`);
  return n;
}

function bound(name: string, value: string): string {
  const range = parseBound(value);
  if (!range) {
    throw new AnnalsError(`${name} expects a date YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`);
  }
  return value.trim();
}

/** Splits a list option on commas (ASCII or full-width) and whitespace. */
function list(value: string): string[] {
  return value
    .split(/[,，\s]+/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
}

/** Checks the flags and builds the query; every failure is one AnnalsError line (exit 2). */
export function parseTimelineFlags(flags: TimelineFlags): TimelineOptions {
  const query: EventQuery = {};
  if (!(EVENT_FORMATS as readonly string[]).includes(flags.format)) {
    throw new AnnalsError(`unknown format "${flags.format}" (valid: ${EVENT_FORMATS.join(", ")})`);
  }
  if (flags.doc !== undefined) query.doc = flags.doc;
  if (flags.type !== undefined) {
    const names = list(flags.type);
    const bad = names.filter((t) => !isEventType(t));
    if (names.length === 0 || bad.length > 0) {
      throw new AnnalsError(
        `unknown event type "${bad[0] ?? flags.type}" (valid: ${EVENT_TYPES.join(", ")})`,
      );
    }
    query.types = [...new Set(names)] as EventType[];
  }
  if (flags.actor !== undefined) {
    if (flags.actor.trim() === "") throw new AnnalsError("--actor expects an actor id or name");
    query.actor = flags.actor.trim();
  }
  if (flags.pair !== undefined) {
    const parts = flags.pair.split(/[,，]/).map((x) => x.trim());
    if (parts.length !== 2 || parts.some((x) => x === "")) {
      throw new AnnalsError(`--pair expects two actors as A,B, got "${flags.pair}"`);
    }
    query.pair = [parts[0] as string, parts[1] as string];
  }
  if (flags.from !== undefined) query.from = bound("--from", flags.from);
  if (flags.to !== undefined) query.to = bound("--to", flags.to);
  if (query.from !== undefined && query.to !== undefined) {
    const from = parseBound(query.from);
    const to = parseBound(query.to);
    if (from && to && from.startKey > to.endKey) {
      throw new AnnalsError(`--from ${query.from} is after --to ${query.to}`);
    }
  }
  if (flags.query !== undefined) {
    if (flags.query.trim() === "") throw new AnnalsError("--query expects some text");
    query.query = flags.query.trim();
  }
  if (flags.limit !== undefined) query.limit = positive("--limit", flags.limit);
  return {
    query,
    format: flags.format as EventFormat,
    width: flags.width === undefined ? null : widthFlag(flags.width),
    maxBytes:
      flags.maxBytes === undefined ? DEFAULT_MAX_BYTES : positive("--max-bytes", flags.maxBytes),
    suggestedDates: flags.suggestedDates === true,
  };
}

/** Display names (entity id → name) over several documents' entities. */
export function entityNames(extractions: readonly Extraction[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const { chronicle } of extractions) {
    for (const entity of chronicle.entities)
      if (!names.has(entity.id)) names.set(entity.id, entity.name);
  }
  return names;
}

/** Runs the query over extracted files and renders the hits. */
export function renderFromFiles(
  extractions: readonly Extraction[],
  options: TimelineOptions,
): string {
  const findings = new Map(
    extractions.map(({ chronicle }) => [chronicle.document.id, dateFindingsByTimex(chronicle)]),
  );
  const docs: DocumentEvents[] = extractions.map(({ chronicle }) => ({
    doc: chronicle.document,
    // Note: with --suggested-dates the suggestion replaces the value before the query runs, so
    // from/to and the order use it too.
    events: options.suggestedDates
      ? flagEvents(chronicle.events, () => findings.get(chronicle.document.id) ?? null, true)
      : chronicle.events,
    entities: chronicle.entities,
  }));
  const queried = queryEvents(docs, options.query);
  const hits = options.suggestedDates
    ? queried
    : flagEvents(queried, (doc) => (doc === undefined ? null : (findings.get(doc) ?? null)));
  const byId = new Map(extractions.map((x) => [x.chronicle.document.id, x]));
  const matching = extractions.filter(
    (x) =>
      options.query.doc === undefined ||
      [x.chronicle.document.id, x.chronicle.document.source, x.chronicle.document.title].includes(
        options.query.doc,
      ),
  );
  const only = matching.length === 1 ? matching[0] : undefined;
  const context: RenderContext = {
    names: entityNames(extractions),
    raw: (doc) => (doc === undefined ? null : (byId.get(doc)?.document.raw ?? null)),
    display: (doc) => (doc === undefined ? null : (byId.get(doc)?.document ?? null)),
    document: only ? { raw: only.document.raw, chronicle: only.chronicle } : null,
  };
  if (only) context.title = only.chronicle.document.title;
  context.width = tableWidth(options.width);
  return renderEvents(options.format, hits, context);
}

/**
 * The stored document `given` names: its id, its stored source, that source as a path from
 * here (`corpus/x/x.md`), or a file name without extension that names one document alone.
 */
function namedDocument(store: StoreReader, given: string): string {
  const docs = store.documents();
  const exact = docs.find((d) => d.id === given || d.source === given);
  if (exact) return exact.id;
  const path = resolve(given);
  const byPath = docs.find((d) => resolve(d.source) === path);
  if (byPath) return byPath.id;
  const byName = docs.filter((d) => baseName(d.source) === given);
  if (byName.length === 1 && byName[0]) return byName[0].id;
  if (byName.length > 1)
    throw new AnnalsError(
      `${byName.length} documents are named "${given}" (give an id: ${byName
        .slice(0, 3)
        .map((d) => d.id)
        .join(", ")}${byName.length > 3 ? ", …" : ""})`,
    );
  throw new AnnalsError(`no document "${given}" in the store`);
}

/** Runs the query against a store and renders the hits. */
export function renderFromStore(store: StoreReader, given: TimelineOptions): string {
  const options =
    given.query.doc === undefined
      ? given
      : { ...given, query: { ...given.query, doc: namedDocument(store, given.query.doc) } };
  const stored = new Map<string, ReturnType<StoreReader["document"]>>();
  const load = (id: string) => {
    if (!stored.has(id)) stored.set(id, store.document(id));
    return stored.get(id) ?? null;
  };
  const dateFindings = new Map<string, ReadonlyMap<string, TimexDoubt>>();
  const findingsOf = (doc: string | undefined): ReadonlyMap<string, TimexDoubt> | null => {
    if (doc === undefined) return null;
    let found = dateFindings.get(doc);
    if (found === undefined) {
      const chronicle = load(doc)?.chronicle;
      found = chronicle ? dateFindingsByTimex(chronicle) : new Map<string, TimexDoubt>();
      dateFindings.set(doc, found);
    }
    return found;
  };
  let hits: EventHit[];
  if (options.suggestedDates) {
    // The store filters and orders by the literal dates: ask without bounds and limit, apply the
    // suggestions, then bound, sort and cut here.
    const { from: _from, to: _to, limit, ...rest } = options.query;
    const bounds = compileQuery(
      {
        ...(options.query.from === undefined ? {} : { from: options.query.from }),
        ...(options.query.to === undefined ? {} : { to: options.query.to }),
      },
      [],
    );
    const all = flagEvents(store.events(rest), findingsOf, true).filter((e) =>
      matchesEvent(e, bounds),
    );
    const sorted = sortEvents(all);
    hits = limit === undefined ? sorted : sorted.slice(0, limit);
  } else {
    hits = flagEvents(store.events(options.query), findingsOf);
  }
  const docIds = new Set(hits.map((h) => h.doc));
  let docId: string | undefined;
  if (options.query.doc !== undefined) {
    docId = options.query.doc;
  } else if (docIds.size === 1) {
    docId = [...docIds][0];
  }
  const names = new Map<string, string>();
  for (const hit of hits) {
    for (const id of [...hit.actors.source, ...hit.actors.target, ...hit.actors.other]) {
      if (names.has(id)) continue;
      names.set(id, store.entity(id)?.name ?? id);
    }
  }
  const context: RenderContext = {
    names,
    raw: (doc) => (doc === undefined ? null : (load(doc)?.raw ?? null)),
    display: (doc) => {
      const stored = doc === undefined ? null : load(doc);
      return stored
        ? { text: stored.text.original, rawStarts: stored.rawStarts, rawEnds: stored.rawEnds }
        : null;
    },
    document: null,
  };
  if (docId !== undefined && options.format === "timeml") {
    const doc = load(docId);
    if (doc) context.document = { raw: doc.raw, chronicle: doc.chronicle };
  }
  if (docId !== undefined) {
    const title = hits.find((h) => h.doc === docId)?.docTitle;
    if (title !== undefined) context.title = title;
  }
  context.width = tableWidth(options.width);
  return renderEvents(options.format, hits, context);
}

/** Registers the `timeline` command. */
export function register(program: Command): void {
  program
    .command("timeline")
    .description(
      "list events in date order (undated last), filtered, as a table or an export format",
    )
    .argument(
      "[files...]",
      "articles to extract in memory (- = standard input; default: query the store)",
    )
    .option(
      "--db <file>",
      "store to query when no FILE is given (SQLite file or postgres:// URL)",
      "annals.db",
    )
    .option(
      "--doc <id>",
      "only this document (id, source path, or its file name without extension when unique)",
    )
    .option("--type <types>", `event types, comma-separated (${EVENT_TYPES.join(", ")})`)
    .option("--actor <name>", "events with this actor (id or any name, either script)")
    .option("--pair <a,b>", "events between two actors, either direction")
    .option("--from <date>", "from this date (YYYY, YYYY-MM, YYYY-MM-DD), inclusive")
    .option("--to <date>", "to this date, inclusive (--to 2009 takes all of 2009)")
    .option("--query <text>", "text in an event mention (either script)")
    .option("--limit <n>", "at most this many events")
    .option("--format <format>", `output format (${EVENT_FORMATS.join(", ")})`, "table")
    .option(
      "--width <n>",
      `table width in columns, at most ${MAX_WIDTH} (default: COLUMNS, else the terminal's; a pipe gets whole lines)`,
    )
    .option("--max-bytes <n>", "refuse files larger than this")
    .option(
      "--suggested-dates",
      "where the checker doubts a date, sort, filter and print its suggested date (marked !←literal)",
    )
    .addHelpText(
      "after",
      "\nIn the table, dates read as people write them (1923年秋, 19世纪中叶, 1970年后; csv and json\n" +
        "keep the TIMEX3 value as well); ~ marks an inferred date and ? an unknown one; source is line:col.\n" +
        "date!→suggested marks a date the checker doubts (a year slip or a doubtful anchor);\n" +
        "with --suggested-dates the suggested date is used and the cell reads suggested!←literal.\n" +
        "json is {count, events}, each event with its doc id; timeml needs one document.\n" +
        "Examples:\n" +
        "  annals timeline samples/us-dprk.md --type weapons_test,sanction --from 2006\n" +
        "  annals timeline --db annals.db --pair 美國,朝鮮 --format csv > events.csv",
    )
    .action(async (files: string[], flags: TimelineFlags, command: Command) => {
      const options = parseTimelineFlags(flags);
      if (files.length > 0) {
        if (command.getOptionValueSource("db") === "cli") {
          throw new AnnalsError("give FILEs or --db, not both");
        }
        const extractions: Extraction[] = [];
        for (const file of files)
          extractions.push(await extractFile(file, { maxBytes: options.maxBytes }));
        process.stdout.write(renderFromFiles(extractions, options));
        return;
      }
      const store = openStore(flags.db, { readonly: true });
      try {
        process.stdout.write(renderFromStore(store, options));
      } finally {
        store.close();
      }
    });
}
