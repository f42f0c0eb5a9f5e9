import type { Document, Span } from "./types.js";

/** The raw span covering display-text range `[textStart, textEnd)` (UTF-16, half-open). */
export function rawSpan(doc: Document, textStart: number, textEnd: number): Span {
  if (textEnd <= textStart) {
    const at = textStart < doc.rawStarts.length ? (doc.rawStarts[textStart] ?? 0) : doc.raw.length;
    return { start: at, end: at, text: "" };
  }
  const start = doc.rawStarts[textStart];
  const end = doc.rawEnds[textEnd - 1];
  if (start === undefined || end === undefined) {
    throw new RangeError(
      `display range ${textStart}-${textEnd} outside text of ${doc.text.length}`,
    );
  }
  return { start, end, text: doc.raw.slice(start, end) };
}

/** A span of `raw` from offsets, with its text. */
export function spanOf(raw: string, start: number, end: number): Span {
  return { start, end, text: raw.slice(start, end) };
}
