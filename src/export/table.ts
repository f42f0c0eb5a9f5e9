/** Events as a plain-text table for the terminal: date, type, actors, summary, position. */
import type { Event } from "../model/index.js";
import { lineLocator } from "../model/index.js";
import type { FlaggedEvent } from "../query/index.js";
import { dateCell } from "./date-cell.js";
import { actorLabel } from "./markdown.js";
import { displayWidth, padEnd, truncate } from "./width.js";

/** Options for `toTable`. */
export interface TableOptions {
  /** Terminal width in columns (default 100; at least 40 is used; Infinity = never cut). */
  width?: number;
  /** Display names for actor ids. */
  names?: ReadonlyMap<string, string>;
  /** The raw text of an event's document, for `line:col` positions (by doc id, or the only one). */
  raw?: (doc: string | undefined) => string | null;
}

/** Columns of a document's name in the source column (when events come from several). */
const DOC_LABEL_COLUMNS = 12;

/** Longest the actors column may grow before it is cut: a quarter of the width, 12 to 32. */
function maxActors(width: number): number {
  return Math.min(32, Math.max(12, Math.floor(width / 4)));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Events as aligned columns separated by two spaces; the summary takes what width is left and is
 * cut with `…` (CJK characters count two columns). Position is `line:col` of the first mention
 * (prefixed with the document's title, or id, cut to 12 columns when events come from several
 * documents, so the summary keeps its room). Dates show as a reader writes them (`1923年秋`,
 * `19世纪中叶`); a doubted date shows `!→` and the suggested date.
 */
export function toTable(
  events: ReadonlyArray<FlaggedEvent<Event & { doc?: string; docTitle?: string }>>,
  options: TableOptions = {},
): string {
  const width = Math.max(40, options.width ?? 100);
  const docs = new Set(events.map((e) => e.doc));
  const locators = new Map<string | undefined, ReturnType<typeof lineLocator>>();
  const rows = events.map((event) => {
    const first = event.mentions[0];
    const raw = options.raw?.(event.doc) ?? null;
    let position = "";
    if (first && raw !== null) {
      let locate = locators.get(event.doc);
      if (locate === undefined) {
        locate = lineLocator(raw);
        locators.set(event.doc, locate);
      }
      const { line, column } = locate(first.start);
      position = `${line}:${column}`;
    } else if (first) {
      position = `@${first.start}`;
    }
    if (docs.size > 1 && event.doc !== undefined) {
      position = `${truncate(event.docTitle ?? event.doc, DOC_LABEL_COLUMNS)}:${position}`;
    }
    return {
      date: dateCell(event),
      type: event.type,
      actors: truncate(oneLine(actorLabel(event, options.names)), maxActors(width)),
      summary: oneLine(event.summary),
      position,
    };
  });
  const header = {
    date: "date",
    type: "type",
    actors: "actors",
    summary: "summary",
    position: "source",
  };
  const all = [header, ...rows];
  const w = (key: keyof typeof header): number => Math.max(...all.map((r) => displayWidth(r[key])));
  const dateW = w("date");
  const typeW = w("type");
  const actorsW = w("actors");
  const positionW = w("position");
  const summaryW = Number.isFinite(width)
    ? Math.max(8, width - dateW - typeW - actorsW - positionW - 8)
    : w("summary");
  const lines = all.map((r) =>
    [
      padEnd(r.date, dateW),
      padEnd(r.type, typeW),
      padEnd(r.actors, actorsW),
      padEnd(truncate(r.summary, summaryW), summaryW),
      r.position,
    ]
      .join("  ")
      .trimEnd(),
  );
  return `${lines.join("\n")}\n`;
}
