/** Case folding as SQLite FTS5's trigram tokenizer does it (store search, server highlights). */

/**
 * `text` with each code point case-folded one for one, as FTS5's trigram tokenizer folds it
 * (`toLowerCase` of the code point alone, kept when that is not one code point: İ, and no
 * final-sigma rule), so a substring test on folded texts agrees with the index's phrase match.
 */
export function foldCase(text: string): string {
  // Note: the whole string's toLowerCase is the same except for İ (two code points) and Σ
  // (final sigma depends on the next letter), so only texts with those take the slow loop.
  if (!/[\u0130\u03a3]/.test(text)) {
    const lower = text.toLowerCase();
    if (lower.length === text.length) return foldVariants(lower);
  }
  let out = "";
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length || [...lower].length === 1 ? lower : ch;
  }
  return foldVariants(out);
}

/**
 * Lower-case letters FTS5's tokenizer folds further, to another letter (Unicode case folding:
 * ς → σ, µ → μ, ſ → s, the Greek symbol variants ϐ ϑ ϕ ϖ ϰ ϱ ϵ, ẛ → ṡ, ͅ and ι → ι); a test
 * holds this table against FTS5 over the Basic Multilingual Plane.
 */
const VARIANT_FOLDS: Readonly<Record<string, string>> = {
  "\u00b5": "\u03bc",
  "\u017f": "s",
  "\u0345": "\u03b9",
  "\u03c2": "\u03c3",
  "\u03d0": "\u03b2",
  "\u03d1": "\u03b8",
  "\u03d5": "\u03c6",
  "\u03d6": "\u03c0",
  "\u03f0": "\u03ba",
  "\u03f1": "\u03c1",
  "\u03f5": "\u03b5",
  "\u1e9b": "\u1e61",
  "\u1fbe": "\u03b9",
};
const VARIANT = new RegExp(
  `[${Object.keys(VARIANT_FOLDS)
    .map((c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`)
    .join("")}]`,
  "gu",
);

function foldVariants(text: string): string {
  return text.replace(VARIANT, (c) => VARIANT_FOLDS[c] ?? c);
}
