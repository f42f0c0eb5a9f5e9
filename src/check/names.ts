/**
 * Rare shared names between sentences: an index of the Han-character 4-grams of every
 * paragraph sentence, for linking a passage to another sentence that names the same thing
 * (舍门将军号 in a bare-dated sentence and in the sentence that dates the incident).
 */
import type { CheckContext } from "./context.js";
import { ASTRAL } from "./similarity.js";

/** Length of the character n-grams used as name evidence. */
export const NAME_GRAM = 4;
/** An n-gram found in more sentences than this is too common to be a name. */
export const MAX_SENTENCES = 3;

/** Runs of at least NAME_GRAM Han characters (code points, as the grams count them). */
const HAN_RUN = new RegExp(`\\p{Script=Han}{${NAME_GRAM},}`, "gu");

/** Sentence ids (paragraph blocks only) for each Han 4-gram of the document. */
export interface NameIndex {
  /** Ids ascending, each once (arrays: most grams are in one sentence, a Set each cost memory). */
  sentencesOf: Map<string, number[]>;
  gramsOf: Map<number, Set<string>>;
}

/** Builds the n-gram index of a document's paragraph sentences. */
export function buildNameIndex(ctx: CheckContext): NameIndex {
  const sentencesOf = new Map<string, number[]>();
  const gramsOf = new Map<number, Set<string>>();
  for (const s of ctx.doc.sentences) {
    if (ctx.doc.blocks[s.block]?.kind !== "paragraph") continue;
    const grams = hanGrams(ctx.text.slice(s.textStart, s.textEnd));
    gramsOf.set(s.id, grams);
    for (const g of grams) {
      const ids = sentencesOf.get(g);
      if (ids === undefined) sentencesOf.set(g, [s.id]);
      else if (ids.at(-1) !== s.id) ids.push(s.id);
    }
  }
  return { sentencesOf, gramsOf };
}

/**
 * The Han-only 4-grams of a text, in text order. A gram is Han-only when its four code points
 * are, so the grams are those of each run of 4+ Han code points (found by one regex search
 * instead of slicing, joining and testing every window of the text).
 */
export function hanGrams(t: string): Set<string> {
  const out = new Set<string>();
  for (const m of t.matchAll(HAN_RUN)) {
    const run = m[0];
    if (!ASTRAL.test(run)) {
      for (let i = 0; i + NAME_GRAM <= run.length; i += 1) out.add(run.slice(i, i + NAME_GRAM));
      continue;
    }
    const chars = [...run];
    for (let i = 0; i + NAME_GRAM <= chars.length; i += 1)
      out.add(chars.slice(i, i + NAME_GRAM).join(""));
  }
  return out;
}

/** The rare grams of `grams` (found in at most MAX_SENTENCES sentences of the document). */
export function rareGrams(index: NameIndex, grams: Iterable<string>): string[] {
  const out: string[] = [];
  for (const g of grams) {
    const n = index.sentencesOf.get(g)?.length ?? 0;
    if (n >= 1 && n <= MAX_SENTENCES) out.push(g);
  }
  return out;
}

/** Joins overlapping grams found in `text` into the longest names they spell. */
export function joinGrams(text: string, grams: string[]): string[] {
  const covered = new Array<boolean>(text.length).fill(false);
  for (const g of grams) {
    let at = text.indexOf(g);
    while (at >= 0) {
      for (let k = at; k < at + g.length; k += 1) covered[k] = true;
      at = text.indexOf(g, at + 1);
    }
  }
  const names: string[] = [];
  let cur = "";
  for (let i = 0; i < text.length; i += 1) {
    if (covered[i]) cur += text[i];
    else if (cur) {
      names.push(cur);
      cur = "";
    }
  }
  if (cur) names.push(cur);
  return [...new Set(names)];
}
