/**
 * Turns a user's search text into SQL conditions over an analysis-text column: for terms of
 * 3+ characters, the rows an FTS5 trigram index without positions (`detail=none`) offers for
 * every trigram of the term, each checked for the whole term in its case-folded text
 * (`annals_contains`, registered by `registerTextFunctions`); `instr` for shorter terms
 * (trigram cannot index them).
 */
import { foldCase } from "../model/index.js";
import { toAnalysis } from "./analysis-text.js";

/** A search text split for SQL: one FTS5 expression (or null) and the short terms. */
export interface TextQuery {
  /** Terms of 1–2 characters, lower-cased, each to be found with `instr`. */
  short: string[];
  /** Every term, lower-cased. */
  terms: string[];
  /**
   * FTS5 MATCH expression for an index without positions (`detail=none`, both indexes):
   * every distinct trigram of the long terms, joined with AND, or null when there are none.
   * Its rows are candidates, to be checked with `containsFolded` against `long`.
   */
  trigrams: string | null;
  /**
   * The terms of 4+ characters, case-folded (`foldCase`): the ones whose candidates must be
   * checked. A 3-character term is one trigram, which the index matches exactly (as folded).
   */
  long: string[];
}

/** Whether `text` holds every one of `folded` (terms already `foldCase`d) once folded. */
export function containsFolded(text: string, folded: readonly string[]): boolean {
  const t = foldCase(text);
  return folded.every((term) => t.includes(term));
}

/** The distinct trigrams (by code point) of `terms`, as an FTS5 AND of quoted strings. */
function trigramMatch(terms: readonly string[]): string | null {
  const grams = new Set<string>();
  for (const term of terms) {
    const cps = [...term];
    for (let i = 0; i + 3 <= cps.length; i += 1) grams.add(cps.slice(i, i + 3).join(""));
  }
  if (grams.size === 0) return null;
  return [...grams].map((g) => `"${g.replace(/"/g, '""')}"`).join(" AND ");
}

/** Splits `text` (either script) into whitespace-separated terms in analysis form. */
export function parseTextQuery(text: string): TextQuery | null {
  const terms = toAnalysis(text)
    .split(/\s+/)
    .filter((t) => t !== "");
  if (terms.length === 0) return null;
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3).map((t) => t.toLowerCase());
  return {
    short,
    terms: terms.map((t) => t.toLowerCase()),
    trigrams: trigramMatch(long),
    long: long.filter((t) => [...t].length > 3).map(foldCase),
  };
}

/**
 * SQL condition (with its parameters) that row `alias` of `table` holds every term;
 * `fts` is the FTS5 table indexing `table.analysis` by rowid; `analysis` is the SQL
 * expression of the row's analysis text that short terms are looked for in.
 */
export function textCondition(
  query: TextQuery,
  alias: string,
  fts: string,
  analysis = `${alias}.analysis`,
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (query.trigrams !== null) {
    parts.push(`${alias}.rowid IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?)`);
    params.push(query.trigrams);
  }
  if (query.long.length > 0) {
    parts.push(`annals_contains(${analysis}, ?)`);
    params.push(JSON.stringify(query.long));
  }
  for (const term of query.short) {
    parts.push(`instr(lower(${analysis}), ?) > 0`);
    params.push(term);
  }
  return { sql: parts.join(" AND "), params };
}
