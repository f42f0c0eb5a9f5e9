/** One entry point for the CLI: a list of query hits rendered in any export format. */
import type { Chronicle, Event } from "../model/index.js";
import { AnnalsError } from "../model/index.js";
import { toCsv } from "./csv.js";
import { displaySlice, type DisplayMap } from "./display.js";
import { toMarkdown } from "./markdown.js";
import { toTable } from "./table.js";
import { toTimelineJs } from "./timelinejs.js";
import { toTimeMl } from "./timeml.js";

/** Output formats of `annals timeline` and `annals export`. */
export type EventFormat = "table" | "json" | "csv" | "md" | "timelinejs" | "timeml";

/** Every event format, for validation and help. */
export const EVENT_FORMATS: readonly EventFormat[] = [
  "table",
  "json",
  "csv",
  "md",
  "timelinejs",
  "timeml",
];

/** What rendering needs beyond the events. */
export interface RenderContext {
  /** Display names of actor ids. */
  names?: ReadonlyMap<string, string>;
  /** Display map of a document by id (TimelineJS quotes mentions without markup). */
  display?: (doc: string | undefined) => DisplayMap | null;
  /** Raw text of a document by id (table positions). */
  raw?: (doc: string | undefined) => string | null;
  /** Title for Markdown and TimelineJS. */
  title?: string;
  /** Terminal width for the table. */
  width?: number;
  /** For TimeML: the one document the events belong to, and its chronicle. */
  document?: { raw: string; chronicle: Chronicle } | null;
}

/**
 * Events (already filtered and sorted) in `format`. TimeML writes the context's document with
 * only these events tagged (every timex is kept) and fails without exactly one document.
 */
export function renderEvents(
  format: EventFormat,
  events: ReadonlyArray<Event & { doc?: string; docTitle?: string }>,
  context: RenderContext = {},
): string {
  const names = context.names === undefined ? {} : { names: context.names };
  const title = context.title === undefined ? {} : { title: context.title };
  switch (format) {
    case "table":
      return toTable(events, {
        ...names,
        ...(context.raw === undefined ? {} : { raw: context.raw }),
        ...(context.width === undefined ? {} : { width: context.width }),
      });
    case "json":
      return `${JSON.stringify({ count: events.length, events }, null, 2)}\n`;
    case "csv":
      return toCsv(events);
    case "md":
      return toMarkdown(events, { ...names, ...title });
    case "timelinejs": {
      const display = context.display;
      const mentionText =
        display === undefined
          ? {}
          : {
              mentionText: (
                doc: string | undefined,
                m: { start: number; end: number; text: string },
              ) => {
                const map = display(doc);
                return (map && displaySlice(map, m.start, m.end)) ?? m.text;
              },
            };
      const timeline = toTimelineJs(events, { ...names, ...title, ...mentionText });
      return `${JSON.stringify(timeline, null, 2)}\n`;
    }
    case "timeml": {
      const doc = context.document;
      if (!doc) {
        throw new AnnalsError(
          "--format timeml writes one document: name it with --doc or give one FILE",
        );
      }
      const chronicle: Chronicle = { ...doc.chronicle, events: events.map(stripHit) };
      return toTimeMl({ raw: doc.raw }, chronicle);
    }
  }
}

/** An event without the store's document fields. */
function stripHit(hit: Event & { doc?: string; docTitle?: string }): Event {
  const { doc: _doc, docTitle: _title, ...event } = hit;
  return event;
}
