/**
 * Sentence starts for the refiners: the display offsets where the document's sentences begin,
 * and the start of the sentence holding an expression.
 */
import type { Document } from "../../model/index.js";
import type { Placed } from "../types.js";

/** The sorted display offsets of the document's sentence starts. */
export function sentenceStarts(doc: Document): Int32Array {
  const starts = new Int32Array(doc.sentences.length);
  let sorted = true;
  doc.sentences.forEach((s, i) => {
    starts[i] = s.textStart;
    if (i > 0 && s.textStart < starts[i - 1]!) sorted = false;
  });
  // Note: the sentences come in text order; sorting is then left out.
  return sorted ? starts : starts.sort();
}

/** The display offset where the sentence holding `item` starts (its block's start at most). */
export function sentenceStart(starts: Int32Array, item: Placed): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? 0) <= item.textStart) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const start = found >= 0 ? (starts[found] ?? 0) : 0;
  return Math.max(start, item.block.textStart);
}
