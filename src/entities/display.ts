/** Conversions between raw spans and display-text ranges of a document. */
import type { Document, Span } from "../model/index.js";

/** Display index of the first display character at or after each raw offset (length raw+1). */
export function rawToDisplay(doc: Document): Int32Array {
  const out = new Int32Array(doc.raw.length + 1).fill(-1);
  for (let i = doc.rawStarts.length - 1; i >= 0; i -= 1) {
    const r = doc.rawStarts[i];
    if (r !== undefined && r >= 0 && r <= doc.raw.length) out[r] = i;
  }
  let next = doc.text.length;
  for (let r = doc.raw.length; r >= 0; r -= 1) {
    const v = out[r] ?? -1;
    if (v >= 0) next = v;
    else out[r] = next;
  }
  return out;
}

/** The display range `[start, end)` whose characters lie inside raw span `span`, or null. */
export function displayRange(
  doc: Document,
  index: Int32Array,
  span: { start: number; end: number },
): [number, number] | null {
  const start = index[span.start] ?? -1;
  if (start < 0) return null;
  let end = start;
  while (end < doc.text.length && (doc.rawEnds[end] ?? Infinity) <= span.end) end += 1;
  return end > start ? [start, end] : null;
}

/** Display ranges of an entity's raw mention spans (those that map onto display text). */
export function mentionRanges(
  doc: Document,
  index: Int32Array,
  mentions: Span[],
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of mentions) {
    const r = displayRange(doc, index, m);
    if (r) out.push(r);
  }
  return out;
}
