/**
 * Sentence search: full-text matching first (FTS5 trigram), then only the hits are sorted; the
 * display text of each hit is sliced from its document's display texts, never by loading the
 * whole stored document.
 */
import type Database from "better-sqlite3";
import { LRUCache } from "lru-cache";
import type { SearchHit } from "../model/index.js";
import { candidateCap } from "./events-query.js";
import { rowTexts, spanText, TEXT_COLUMNS, type DocumentTexts } from "./packed.js";
import { containsFolded, parseTextQuery, textCondition, type TextQuery } from "./text-query.js";

/** A sentence hit with its display range (the `sentences` row). */
export interface SentenceRow extends Omit<SearchHit, "display"> {
  docRow: number;
  textStart: number;
  textEnd: number;
}

/**
 * Registers on `db` the SQL function full-text search checks its candidates with:
 * `annals_contains(text, termsJson)`, whether an analysis text holds every term of a JSON list
 * of case-folded terms (the indexes have no positions, see text-query.ts).
 */
export function registerTextFunctions(db: Database.Database): void {
  const lists = new Map<string, string[]>();
  db.function("annals_contains", { deterministic: true }, (text, terms) => {
    const key = String(terms);
    let list = lists.get(key);
    if (list === undefined) {
      if (lists.size > 100) lists.clear();
      list = JSON.parse(key) as string[];
      lists.set(key, list);
    }
    return containsFolded(String(text ?? ""), list) ? 1 : 0;
  });
}

/**
 * SQL condition (with its parameters) that sentence `s` holds every term of `query`: its rowid
 * among the index's candidates for the long terms' trigrams (with `indexed`), each long term in
 * its case-folded analysis text (the index has no positions: `detail=none`, migration 12), each
 * short term with `instr` as before.
 */
function sentenceCondition(query: TextQuery, indexed: boolean): { sql: string; params: unknown[] } {
  const q = indexed ? query : { ...query, trigrams: null };
  return textCondition(q, "s", "sentences_fts");
}

/** The SQL (and parameters) of a sentence search, or null when the text has no term. */
export function searchStatement(
  db: Database.Database,
  text: string,
  doc: string | undefined,
  limit: number,
  cap?: number,
): { sql: string; params: unknown[] } | null {
  const query = parseTextQuery(text);
  if (query === null) return null;
  const cond = sentenceCondition(query, true);
  const params: unknown[] = [...cond.params];
  let filter = "";
  if (doc !== undefined) {
    const docs = db
      .prepare<[string, string], { rowid: number }>(
        "SELECT rowid FROM documents WHERE id = ? OR source = ?",
      )
      .all(doc, doc)
      .map((r) => r.rowid);
    filter = ` AND s.doc IN (${docs.map(() => "?").join(", ") || "NULL"})`;
    params.push(...docs);
  }
  // Few full-text candidates: fetch them by rowid and sort only them (`+s.doc`); many (or only
  // short terms, which trigram cannot index): walk the sentences in order and stop at the limit.
  const total =
    db.prepare<[], { n: number | null }>("SELECT max(rowid) AS n FROM sentences").get()?.n ?? 0;
  const most = cap ?? candidateCap(total, limit);
  // Long terms alone: sentence rowids follow document order (documents and sentences both take
  // the next rowid, a document's sentences in order, in one transaction), and the full-text
  // index returns candidates in rowid order, so its first checked candidates are the page.
  const first = query.short.length === 0 && doc === undefined;
  const hits =
    query.trigrams === null
      ? null
      : first && query.long.length > 0
        ? db
            .prepare<[string, string, number], number>(
              `SELECT sentences_fts.rowid FROM sentences_fts
                 CROSS JOIN sentences s ON s.rowid = sentences_fts.rowid
               WHERE sentences_fts MATCH ? AND annals_contains(s.analysis, ?)
               ORDER BY sentences_fts.rowid LIMIT ?`,
            )
            .pluck()
            .all(query.trigrams, JSON.stringify(query.long), Math.max(0, limit))
        : db
            .prepare<[string], number>(
              `SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?
               ${first ? `ORDER BY rowid LIMIT ${Math.max(0, limit)}` : `LIMIT ${most + 1}`}`,
            )
            .pluck()
            .all(query.trigrams);
  const few = hits !== null && (first || hits.length <= most);
  let sql = cond.sql;
  if (few) {
    // The candidates, read once, stand for the index condition (the first ones are checked
    // already; others are checked here, and short terms still apply).
    const rest = sentenceCondition(first ? { ...query, long: [] } : query, false);
    sql = ["s.rowid IN (SELECT value FROM json_each(?))", rest.sql].filter((x) => x).join(" AND ");
    params.splice(0, cond.params.length, JSON.stringify(hits), ...rest.params);
  }
  params.push(Math.max(0, limit));
  // Note: the hits are ordered on their sentences rows alone; only the page is joined, by
  // rowid (CROSS JOIN keeps the page as the outer loop: left to itself, the planner may scan
  // every sentence and look each up in the page).
  return {
    sql: `SELECT d.id AS doc, d.title AS docTitle, s.start, s."end" AS "end", s.text,
        s.doc AS docRow, s.text_start AS textStart, s.text_end AS textEnd
      FROM (SELECT s.rowid AS hit FROM sentences s WHERE ${sql}${filter}
        ORDER BY ${few ? "+s.doc" : "s.doc"}, s.idx LIMIT ?) c
      CROSS JOIN sentences s ON s.rowid = c.hit JOIN documents d ON d.rowid = s.doc
      ORDER BY s.doc, s.idx`,
    params,
  };
}

/** Sentences holding every term of `text`, in document order, at most `limit`. */
export function searchSentences(
  db: Database.Database,
  text: string,
  doc: string | undefined,
  limit: number,
): SentenceRow[] {
  const statement = searchStatement(db, text, doc, limit);
  if (statement === null) return [];
  return db.prepare<unknown[], SentenceRow>(statement.sql).all(...statement.params);
}

/** Unpacked document texts by documents rowid, kept between searches (see `textCache`). */
export type TextCache = LRUCache<number, DocumentTexts>;

/**
 * A cache of the unpacked texts of recently hit documents, at most `maxChars` characters in
 * all. The first pages of most searches hit the same early documents (hits come in document
 * order), and unpacking a document is about half of a search's time in the store. The owner
 * clears it whenever the database changes (a replaced document may take a deleted one's rowid).
 */
export function textCache(maxChars = 8_000_000): TextCache {
  return new LRUCache<number, DocumentTexts>({
    maxSize: maxChars,
    sizeCalculation: (t) =>
      Math.max(1, t.raw.length + t.original.length + t.cn.length + t.tw.length),
  });
}

/**
 * The hits with their sentence as display text (zh-cn, zh-tw), each document's texts read
 * (unpacked) once, or taken from `cache`.
 */
export function withDisplay(
  db: Database.Database,
  rows: readonly SentenceRow[],
  cache: TextCache = textCache(),
): SearchHit[] {
  const read = db.prepare<[number], Record<string, unknown>>(
    `SELECT ${TEXT_COLUMNS} FROM documents WHERE rowid = ?`,
  );
  return rows.map(({ docRow, textStart, textEnd, ...hit }) => {
    let t = cache.get(docRow);
    if (t === undefined) {
      const row = read.get(docRow);
      t = row === undefined ? undefined : rowTexts(row);
      if (t !== undefined) cache.set(docRow, t);
    }
    if (t === undefined) return hit;
    return {
      ...hit,
      text: spanText(t.raw, hit.start, hit.end, hit.text),
      display: { cn: t.cn.slice(textStart, textEnd), tw: t.tw.slice(textStart, textEnd) },
    };
  });
}
