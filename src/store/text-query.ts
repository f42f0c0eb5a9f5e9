/**
 * Turns a user's search text into SQL conditions over an analysis-text column. An FTS5 trigram
 * index answers terms of 3+ characters: with positions (`event_mentions_fts`) as phrases; without
 * (`sentences_fts`, `detail=none`) as `LIKE` patterns (FTS5 finds the rows holding every
 * trigram of the term and checks the pattern against the row's text). `instr` answers shorter
 * terms (trigram cannot index them).
 */
import { toAnalysis } from "./analysis-text.js";

/** An FTS5 trigram table over an `analysis` column, and whether it keeps token positions. */
export interface FullText {
  table: string;
  positions: boolean;
}

/** The full-text index of event mentions: with positions (phrase queries, no recheck). */
export const MENTIONS_FTS: FullText = { table: "event_mentions_fts", positions: true };
/** The full-text index of sentences: `detail=none` (a third smaller; LIKE, rechecked). */
export const SENTENCES_FTS: FullText = { table: "sentences_fts", positions: false };

/** A search text split for SQL: the long terms as a phrase query and as `LIKE` patterns. */
export interface TextQuery {
  /** FTS5 MATCH expression joining every long term as a phrase with AND, or null. */
  match: string | null;
  /**
   * One `LIKE` pattern per term of 3+ characters, each `%term%`. FTS5 reads a pattern with an
   * `ESCAPE` clause without its index, so `%` and `_` inside a term become `_` (any character)
   * and the term itself is checked again in `exact`.
   */
  like: string[];
  /** Long terms holding `%` or `_`, lower-cased, checked again with `instr` after `like`. */
  exact: string[];
  /** Terms of 1–2 characters, lower-cased, each to be found with `instr`. */
  short: string[];
  /** Every term, lower-cased. */
  terms: string[];
}

/** Splits `text` (either script) into whitespace-separated terms in analysis form. */
export function parseTextQuery(text: string): TextQuery | null {
  const terms = toAnalysis(text)
    .split(/\s+/)
    .filter((t) => t !== "")
    .map((t) => t.toLowerCase());
  if (terms.length === 0) return null;
  const long = terms.filter((t) => [...t].length >= 3);
  return {
    match: long.length === 0 ? null : long.map((t) => `"${t.replace(/"/g, '""')}"`).join(" AND "),
    like: long.map((t) => `%${t.replace(/[%_]/g, "_")}%`),
    exact: long.filter((t) => /[%_]/.test(t)),
    short: terms.filter((t) => [...t].length < 3),
    terms,
  };
}

/**
 * The rowids of `fts` whose text holds every long term of `query` (for an index without
 * positions, before the `exact` recheck), with the statement's parameters; null when the query
 * has no long term. `tail` ends the statement (ORDER BY, LIMIT).
 */
export function ftsHits(
  query: TextQuery,
  fts: FullText,
  tail = "",
): { sql: string; params: string[] } | null {
  if (query.match === null) return null;
  const { table } = fts;
  return fts.positions
    ? { sql: `SELECT rowid FROM ${table} WHERE ${table} MATCH ?${tail}`, params: [query.match] }
    : {
        sql: `SELECT rowid FROM ${table} WHERE ${query.like.map(() => "analysis LIKE ?").join(" AND ")}${tail}`,
        params: query.like,
      };
}

/** The terms `instr` must find in a row besides what `fts` answers. */
export function recheckedTerms(query: TextQuery, fts: FullText): string[] {
  return fts.positions ? query.short : [...query.exact, ...query.short];
}

/**
 * SQL condition (with its parameters) that row `alias` of the table `fts` indexes holds every
 * term. `indexed: false` leaves out the full-text condition (the caller has read the index's
 * hits itself).
 */
export function textCondition(
  query: TextQuery,
  alias: string,
  fts: FullText,
  indexed = true,
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const hits = indexed ? ftsHits(query, fts) : null;
  if (hits !== null) {
    parts.push(`${alias}.rowid IN (${hits.sql})`);
    params.push(...hits.params);
  }
  for (const term of recheckedTerms(query, fts)) {
    parts.push(`instr(lower(${alias}.analysis), ?) > 0`);
    params.push(term);
  }
  return { sql: parts.join(" AND "), params };
}
