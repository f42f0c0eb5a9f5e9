/** Events as RFC 4180 CSV: CRLF line ends, a header row, fields quoted when they need it. */
import type { Event } from "../model/index.js";
import type { DateFinding, FlaggedEvent } from "../query/index.js";
import { dateLabelZh } from "./date-label.js";

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  "doc",
  "id",
  "date",
  "date_label",
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
  "date_suggested",
  "date_finding",
] as const;

/** Options for `toCsv`. */
export interface CsvOptions {
  /** Document id for events that do not carry their own `doc`. */
  doc?: string;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * A cell a spreadsheet will not run as a formula (OWASP "CSV injection"): a value beginning
 * with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` (`=HYPERLINK(…)` → `'=HYPERLINK(…)`).
 * A plain number (a score of `-2.5`, a BCE year `-0221`) holds no formula and is kept.
 */
export function neutralized(value: string): string {
  return FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

/**
 * One field: neutralized against formula injection, then quoted per RFC 4180 when it holds a
 * comma, a double quote, CR or LF.
 */
export function csvField(value: string): string {
  const cell = neutralized(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** The `date_finding` cell: kind and confidence, and the literal value once a suggestion is applied. */
function findingCell(finding: DateFinding | undefined): string {
  if (finding === undefined) return "";
  const base = `${finding.kind} ${finding.confidence.toFixed(2)}`;
  return finding.applied === true ? `${base} applied; literal ${finding.literal ?? "none"}` : base;
}

/**
 * Events as CSV text (UTF-8 when written; no BOM). Actor lists are joined with `;`; `start`/`end`
 * are the raw offsets of the first mention; an unscored event has an empty score. `date` is the
 * TIMEX3 value and `date_label` its Chinese reading (`199` → `1990年代`), so a spreadsheet does
 * not take a decade for a year; `date_suggested`/`date_finding` hold a checker's doubt about it.
 */
export function toCsv(
  events: ReadonlyArray<FlaggedEvent<Event & { doc?: string }>>,
  options: CsvOptions = {},
): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const event of events) {
    const first = event.mentions[0];
    const finding = event.dateFinding;
    rows.push([
      event.doc ?? options.doc ?? "",
      event.id,
      event.date.value ?? "",
      dateLabelZh(event.date.value, event.date.mod) ?? "",
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
      finding?.suggestion ?? "",
      findingCell(finding),
    ]);
  }
  return rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}
