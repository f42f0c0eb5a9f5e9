/** Character-bigram similarity of short texts (for repeated passages and near-duplicate events). */

const NOT_WORD = /[^\p{L}\p{N}]+/gu;
/** A character outside the BMP (two UTF-16 code units: slicing by code unit would split it). */
export const ASTRAL = /[\u{10000}-\u{10FFFF}]/u;

/** The set of character bigrams of `s`, punctuation and spaces removed. */
export function bigrams(s: string): Set<string> {
  const word = s.replace(NOT_WORD, "");
  const out = new Set<string>();
  // Note: without a character outside the BMP, characters are code units: slices, no array.
  if (!ASTRAL.test(word)) {
    for (let i = 0; i + 1 < word.length; i += 1) out.add(word.slice(i, i + 2));
    return out;
  }
  const t = [...word];
  for (let i = 0; i + 1 < t.length; i += 1) out.add(`${t[i]}${t[i + 1]}`);
  return out;
}

/** Jaccard index of two sets (0 when both are empty). */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Overlap coefficient: shared bigrams over the smaller set's size. */
export function overlap(a: Set<string>, b: Set<string>): number {
  const n = Math.min(a.size, b.size);
  if (n === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared += 1;
  return shared / n;
}
