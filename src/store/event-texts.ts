/**
 * Event texts stored once (migration 14). A mention's `text` (the raw text under its span) is
 * stored as '' when it equals its `analysis` (the Simplified analysis text, which the full-text
 * index needs anyway): 38% of the corpus's mentions. An event's `summary` is stored as '' when
 * it equals its first mention's analysis text: 47% of the corpus's events. A text that really
 * is '' where the other is not is stored as NUL (as `packed.ts` does for span texts).
 */

/** Stored for a text that is '' where the text it would be read from is not. */
const EMPTY = "\u0000";

/** What to store for `text` when '' reads back as `from`. */
export function storedAs(text: string, from: string): string {
  if (text === from) return "";
  return text === "" ? EMPTY : text;
}

/** A text stored by `storedAs`, read back with the same `from`. */
export function readAs(stored: string, from: string): string {
  if (stored === EMPTY) return "";
  return stored === "" ? from : stored;
}

/**
 * SQL of migration 14: the rows written before it in the stored form (a text equal to the
 * other as '', a text that really is '' as NUL), so that every row reads through `readAs`.
 */
export const EVENT_TEXTS_MIGRATION = `
  UPDATE event_mentions SET text = char(0) WHERE text = '' AND analysis <> '';
  UPDATE event_mentions SET text = '' WHERE text = analysis AND text <> '';
  UPDATE events SET summary = char(0) WHERE summary = ''
    AND coalesce((SELECT m.analysis FROM event_mentions m WHERE m.event = events.rowid AND m.idx = 0), '') <> '';
  UPDATE events SET summary = '' WHERE summary <> ''
    AND summary = (SELECT m.analysis FROM event_mentions m WHERE m.event = events.rowid AND m.idx = 0);
`;

/**
 * SQL that turns the rows back into the form of version 13 (every text as it is): for tests
 * that rewrite a store into an older layout by hand and run the migrations again.
 */
export const EVENT_TEXTS_UNDO = `
  UPDATE events SET summary = CASE summary
    WHEN '' THEN coalesce((SELECT m.analysis FROM event_mentions m
      WHERE m.event = events.rowid AND m.idx = 0), '')
    WHEN char(0) THEN '' ELSE summary END
    WHERE summary IN ('', char(0));
  UPDATE event_mentions SET text = CASE text WHEN '' THEN analysis ELSE '' END
    WHERE text IN ('', char(0));
`;
