/**
 * Sentence splitting inside one block's display text.
 *
 * Splits after 。！？ (and `!`/`?` when CJK follows), taking closing quotes and brackets that
 * follow (」』”’）》〉】 …) into the sentence. Never splits on an ASCII dot: `Z. Pratt`,
 * `1.75万`, `.NET` stay whole.
 */

const TERMINAL = new Set(["。", "！", "？", "｡"]);
const ASCII_TERMINAL = new Set(["!", "?"]);
const CLOSERS = new Set([
  "」",
  "』",
  "”",
  "’",
  "）",
  ")",
  "》",
  "〉",
  "】",
  "〕",
  "］",
  '"',
  "'",
  "｣",
]);

function isCjk(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0xd840 && c <= 0xd87f)
  );
}

function isSpace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\u3000" || ch === "\u200b";
}

/** Sentence ranges `[start, end)` (indices into `text`, whitespace trimmed, none empty). */
export function splitSentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = text.length;
  let start = 0;
  const emit = (a: number, b: number): void => {
    while (a < b && isSpace(text[a] ?? "")) a += 1;
    while (b > a && isSpace(text[b - 1] ?? "")) b -= 1;
    if (b > a) out.push([a, b]);
  };
  let i = 0;
  while (i < n) {
    const ch = text[i] ?? "";
    const full = TERMINAL.has(ch);
    if (full || ASCII_TERMINAL.has(ch)) {
      let j = i + 1;
      // Runs of terminals (？！, !!) and closers belong to the sentence.
      while (j < n && (TERMINAL.has(text[j] ?? "") || ASCII_TERMINAL.has(text[j] ?? ""))) j += 1;
      while (j < n && CLOSERS.has(text[j] ?? "")) j += 1;
      if (!full) {
        // Note: an ASCII `!`/`?` ends a sentence only when CJK text follows.
        let k = j;
        while (k < n && text[k] === " ") k += 1;
        if (k < n && !isCjk(text.charCodeAt(k))) {
          i = j;
          continue;
        }
      }
      emit(start, j);
      start = j;
      i = j;
      continue;
    }
    i += 1;
  }
  emit(start, n);
  return out;
}
