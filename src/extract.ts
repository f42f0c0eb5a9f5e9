/**
 * The library's main entry: runs every stage over one source text and returns the chronicle.
 * Pure: no I/O, no clock, no global state (the caller reads the file).
 */
import type { Chronicle, Document, Normalized, PageInfo } from "./model/index.js";
import { ingest, type InputFormat } from "./ingest/index.js";
import { normalize } from "./normalize/index.js";
import { tagTimes } from "./time/index.js";
import { findEntities } from "./entities/index.js";
import { extractEvents, type EventOptions } from "./events/index.js";
import { checkChronology } from "./check/index.js";

/**
 * One source to extract from: its text (already decoded), a name (path or record title), and
 * optionally its reference date (creation or revision time, `YYYY-MM-DD[Thh:mm]`) against which
 * 今天, 上周一, 三天前 resolve.
 */
export interface Source {
  raw: string;
  name: string;
  referenceDate?: string;
  /** Source format (default: detected from the name and content). */
  format?: InputFormat;
  /** A title that wins over the one the text implies (a dump's page title). */
  title?: string;
  /** The dump page the text came from. */
  page?: PageInfo;
}

/** Everything one extraction yields: the chronicle plus the document and its normalized texts. */
export interface Extraction {
  document: Document;
  normalized: Normalized;
  chronicle: Chronicle;
}

/** Which stages to run; later stages need the earlier ones. */
export interface ExtractOptions {
  /** Stop after this stage (default: "check", everything). */
  until?: "time" | "events" | "check";
  /** Options of the events stage (another model, a trace of its candidates). */
  events?: EventOptions;
}

/** Runs ingest → normalize → time → entities → events → check over one source. */
export function extract(source: Source, options: ExtractOptions = {}): Extraction {
  const until = options.until ?? "check";
  const document = ingest(source.raw, {
    name: source.name,
    ...(source.format !== undefined ? { format: source.format } : {}),
    ...(source.title !== undefined ? { title: source.title } : {}),
    ...(source.page !== undefined ? { page: source.page } : {}),
  });
  const normalized = normalize(document);
  const timexes = tagTimes(
    normalized,
    source.referenceDate !== undefined ? { referenceDate: source.referenceDate } : {},
  );
  const chronicle: Chronicle = {
    document: {
      id: document.id,
      title: document.title,
      source: document.source,
      length: document.raw.length,
    },
    timexes,
    entities: [],
    events: [],
    findings: [],
  };
  if (until === "time") return { document, normalized, chronicle };
  chronicle.entities = findEntities(normalized, { timexes });
  chronicle.events = extractEvents(normalized, timexes, chronicle.entities, options.events);
  if (until === "events") return { document, normalized, chronicle };
  chronicle.findings = checkChronology(chronicle, normalized);
  return { document, normalized, chronicle };
}
