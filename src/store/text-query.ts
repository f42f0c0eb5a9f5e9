/**
 * Turns a user's search text into SQL conditions over an analysis-text column: FTS5 trigram
 * MATCH for terms of 3+ characters, `instr` for shorter ones (trigram cannot index them).
 */
import { toAnalysis } from "./analysis-text.js";

/** A search text split for SQL: one FTS5 expression (or null) and the short terms. */
export interface TextQuery {
  /** FTS5 MATCH expression joining every long term with AND, or null when there are none. */
  match: string | null;
  /** Terms of 1–2 characters, lower-cased, each to be found with `instr`. */
  short: string[];
  /** Every term, lower-cased. */
  terms: string[];
}

/** Splits `text` (either script) into whitespace-separated terms in analysis form. */
export function parseTextQuery(text: string): TextQuery | null {
  const terms = toAnalysis(text)
    .split(/\s+/)
    .filter((t) => t !== "");
  if (terms.length === 0) return null;
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3).map((t) => t.toLowerCase());
  const match =
    long.length === 0 ? null : long.map((t) => `"${t.replace(/"/g, '""')}"`).join(" AND ");
  return { match, short, terms: terms.map((t) => t.toLowerCase()) };
}

/**
 * SQL condition (with its parameters) that row `alias` of `table` holds every term;
 * `fts` is the FTS5 table indexing `table.analysis` by rowid.
 */
export function textCondition(
  query: TextQuery,
  alias: string,
  fts: string,
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (query.match !== null) {
    parts.push(`${alias}.rowid IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?)`);
    params.push(query.match);
  }
  for (const term of query.short) {
    parts.push(`instr(lower(${alias}.analysis), ?) > 0`);
    params.push(term);
  }
  return { sql: parts.join(" AND "), params };
}
