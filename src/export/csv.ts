/** Events as RFC 4180 CSV: CRLF line ends, a header row, fields quoted when they need it. */
import type { Event } from "../model/index.js";

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  "doc",
  "id",
  "date",
  "date_inferred",
  "type",
  "score",
  "source",
  "target",
  "other",
  "summary",
  "start",
  "end",
  "rule",
] as const;

/** Options for `toCsv`. */
export interface CsvOptions {
  /** Document id for events that do not carry their own `doc`. */
  doc?: string;
}

/** One field quoted per RFC 4180 when it holds a comma, a double quote, CR or LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Events as CSV text (UTF-8 when written; no BOM). Actor lists are joined with `;`; `start`/`end`
 * are the raw offsets of the first mention; an unscored event has an empty score.
 */
export function toCsv(
  events: ReadonlyArray<Event & { doc?: string }>,
  options: CsvOptions = {},
): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const event of events) {
    const first = event.mentions[0];
    rows.push([
      event.doc ?? options.doc ?? "",
      event.id,
      event.date.value ?? "",
      String(event.date.inferred),
      event.type,
      event.score === null ? "" : String(event.score),
      event.actors.source.join(";"),
      event.actors.target.join(";"),
      event.actors.other.join(";"),
      event.summary,
      first === undefined ? "" : String(first.start),
      first === undefined ? "" : String(first.end),
      event.rule,
    ]);
  }
  return rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}
