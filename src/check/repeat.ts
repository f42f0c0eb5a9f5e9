/**
 * repeated-passage: the same events narrated twice in near-identical words, in different
 * paragraphs (sentence pairs with bigram Jaccard ≥ 0.6 and the same dates, extended to the
 * sentences around them that tell the same dates).
 *
 * Flags: "1998年8月，朝鲜发射了…" told again two paragraphs later.
 * Not: two sentences with the same wording but different dates (annual events), table cells,
 * block quotes (a quoted treaty or letter repeats its own dates and signatures: the source's
 * words, not the article telling twice — portsmouth's two signature blocks). Markdown quotes
 * only: the document model does not mark quoted blocks, so a wikitext <blockquote> is compared.
 */
import type { Finding, Sentence, Span } from "../model/index.js";
import type { CheckContext } from "./context.js";
import { bigrams, jaccard, overlap } from "./similarity.js";
import { clamp } from "./sequence.js";

/** Minimum Jaccard index of bigrams for two sentences to count as the same telling. */
export const REPEAT_JACCARD = 0.6;
/** Minimum Jaccard index for two sentences without explicit dates. */
const UNDATED_JACCARD = 0.95;
/** Sentences shorter than this (letters and digits) are too short to compare. */
const MIN_CHARS = 12;

interface Item {
  sentence: Sentence;
  grams: Set<string>;
  dates: Set<string>;
  block: number;
  /** In the lead (before the first heading) of an article that has headings. */
  lead: boolean;
}

/** Finds passages told twice; the later telling is the finding, the earlier its evidence. */
export function findRepeats(ctx: CheckContext): Finding[] {
  const items = sentenceItems(ctx);
  const candidates = new CandidateIndex(items);
  const used = new Set<number>();
  const findings: Finding[] = [];
  for (let j = 0; j < items.length; j += 1) {
    if (used.has(j)) continue;
    const b = items[j];
    if (b === undefined || b.grams.size + 1 < MIN_CHARS) continue;
    let bestI = -1;
    let bestScore = 0;
    // Only earlier sentences with the same dates sharing a prefix bigram can reach the threshold.
    for (const i of candidates.before(j)) {
      const a = items[i];
      if (a === undefined || a.block === b.block || !sameDates(a, b)) continue;
      // Note: a lead that summarizes the body in the same words is house style, not a repeat.
      if (a.lead && !b.lead) continue;
      // Jaccard ≥ t needs the smaller set to be at least t times the larger.
      if (
        Math.min(a.grams.size, b.grams.size) <
        REPEAT_JACCARD * Math.max(a.grams.size, b.grams.size)
      ) {
        continue;
      }
      const score = jaccard(a.grams, b.grams);
      // Note: undated sentences must be nearly identical to count.
      const needed = a.dates.size === 0 ? UNDATED_JACCARD : REPEAT_JACCARD;
      if (score >= needed && score > bestScore) {
        bestScore = score;
        bestI = i;
      }
    }
    if (bestI < 0) continue;
    const pairs: Array<[number, number]> = [[bestI, j]];
    // Extend forwards and backwards over sentences that retell the same thing.
    for (let k = 1; ; k += 1) {
      if (!extends_(items, bestI + k, j + k, j)) break;
      pairs.push([bestI + k, j + k]);
    }
    for (let k = 1; ; k += 1) {
      if (!extends_(items, bestI - k, j - k, j) || used.has(j - k)) break;
      pairs.unshift([bestI - k, j - k]);
    }
    for (const [, y] of pairs) used.add(y);
    const confidence = clamp(0.6 + (0.3 * (bestScore - REPEAT_JACCARD)) / (1 - REPEAT_JACCARD));
    findings.push(...passageFindings(ctx, items, pairs, confidence));
  }
  return findings;
}

/**
 * Prefix filtering for the Jaccard threshold: with bigrams ordered rarest first, two sets with
 * Jaccard ≥ t share a bigram among the first |x| − ⌈t·|x|⌉ + 1 of each (a longer prefix,
 * |x| − ⌊t·|x|⌋ + 1, is used to be safe from rounding). Sentences are grouped by their date
 * set, since only sentences with the same dates are compared; an undated group uses the
 * undated threshold. Every pair the full comparison would accept is a candidate.
 */
/**
 * Only the latest sentences sharing a rare bigram are candidates. Note: in an article a rare
 * bigram is shared by a few sentences; hundreds mean a list of near-identical lines (one line
 * of 7 000 copies of a sentence), where comparing each with all before it is quadratic.
 */
const MAX_POSTINGS = 64;

class CandidateIndex {
  private readonly prefixes: string[][] = [];
  private readonly groups: string[] = [];
  private readonly postings = new Map<string, Map<string, number[]>>();
  private indexed = 0;

  constructor(private readonly items: Item[]) {
    const df = new Map<string, number>();
    for (const item of items) for (const g of item.grams) df.set(g, (df.get(g) ?? 0) + 1);
    const byRank = [...df]
      .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([g]) => g);
    const rank = new Map<string, number>();
    byRank.forEach((g, k) => rank.set(g, k));
    for (const item of items) {
      const t = item.dates.size === 0 ? UNDATED_JACCARD : REPEAT_JACCARD;
      // Note: ranks are distinct, so a typed-array sort of them orders the bigrams rarest first.
      const ranks = new Int32Array(item.grams.size);
      let n = 0;
      for (const g of item.grams) ranks[n++] = rank.get(g) ?? 0;
      ranks.sort();
      const keep = Math.min(n, n - Math.floor(t * n) + 1);
      this.prefixes.push(Array.from(ranks.subarray(0, keep), (r) => byRank[r] ?? ""));
      this.groups.push([...item.dates].sort().join("\u0001"));
    }
  }

  /** Indices `i < j` (ascending) of sentences that may be retold by sentence `j`. */
  before(j: number): number[] {
    for (; this.indexed < j && this.indexed < this.items.length; this.indexed += 1) {
      const i = this.indexed;
      const key = this.groups[i] ?? "";
      const group = this.postings.get(key) ?? new Map<string, number[]>();
      this.postings.set(key, group);
      for (const g of this.prefixes[i] ?? []) {
        const list = group.get(g) ?? [];
        list.push(i);
        if (list.length >= 2 * MAX_POSTINGS) list.splice(0, list.length - MAX_POSTINGS);
        group.set(g, list);
      }
    }
    const group = this.postings.get(this.groups[j] ?? "");
    if (!group) return [];
    const out = new Set<number>();
    for (const g of this.prefixes[j] ?? []) {
      const list = group.get(g) ?? [];
      for (let k = Math.max(0, list.length - MAX_POSTINGS); k < list.length; k += 1) {
        out.add(list[k]!);
      }
    }
    return [...out].sort((a, b) => a - b);
  }
}

function sentenceItems(ctx: CheckContext): Item[] {
  const dates = new Map<number, Set<string>>();
  for (const info of ctx.infos) {
    if (info.sentence === null || !info.explicit) continue;
    const set = dates.get(info.sentence.id) ?? new Set<string>();
    set.add(info.timex.value);
    dates.set(info.sentence.id, set);
  }
  const items: Item[] = [];
  for (const s of ctx.doc.sentences) {
    const block = ctx.doc.blocks[s.block];
    if (block?.kind !== "paragraph" || quoted(ctx.doc.raw, block.start)) continue;
    const t = ctx.text.slice(s.textStart, s.textEnd);
    const grams = bigrams(t);
    const lead = block.section === null && ctx.doc.sections.length > 0;
    items.push({ sentence: s, grams, dates: dates.get(s.id) ?? new Set(), block: s.block, lead });
  }
  return items;
}

/** Whether the markdown line holding raw offset `at` is a block quote (`>` after indentation). */
export function quoted(raw: string, at: number): boolean {
  const lineStart = raw.lastIndexOf("\n", at - 1) + 1;
  return /^[ \t]{0,3}>/.test(raw.slice(lineStart, at + 1));
}

/** Same explicit dates (both none counts only for near-identical wording, checked by caller). */
function sameDates(a: Item, b: Item): boolean {
  if (a.dates.size !== b.dates.size) return false;
  for (const d of a.dates) if (!b.dates.has(d)) return false;
  return true;
}

/** Whether the pair (i, j) continues a repeated passage whose later telling starts at `first`. */
function extends_(items: Item[], i: number, j: number, first: number): boolean {
  const a = items[i];
  const b = items[j];
  if (a === undefined || b === undefined || i >= j || i >= first) return false;
  if (a.block === b.block) return false;
  const shared = [...a.dates].some((d) => b.dates.has(d));
  if (a.dates.size > 0 && b.dates.size > 0 && !shared) return false;
  const score = jaccard(a.grams, b.grams);
  if (score >= 0.35) return true;
  return shared && overlap(a.grams, b.grams) >= 0.3;
}

/** One finding per block of the later telling, with the earlier sentences as evidence. */
function passageFindings(
  ctx: CheckContext,
  items: Item[],
  pairs: Array<[number, number]>,
  confidence: number,
): Finding[] {
  const groups = new Map<number, Array<[Item, Item]>>();
  for (const [i, j] of pairs) {
    const a = items[i];
    const b = items[j];
    if (a === undefined || b === undefined) continue;
    const g = groups.get(b.block) ?? [];
    g.push([a, b]);
    groups.set(b.block, g);
  }
  const out: Finding[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    const last = group[group.length - 1];
    if (first === undefined || last === undefined) continue;
    const span = trimmed(ctx, first[1].sentence.start, last[1].sentence.end);
    const evidence = group.map(([a]) => trimmed(ctx, a.sentence.start, a.sentence.end));
    const e = first[0].sentence;
    const earlier = ctx.doc.text.slice(e.textStart, e.textEnd);
    out.push({
      kind: "repeated-passage",
      ...span,
      message:
        `This passage retells, in nearly the same words and with the same dates, what ` +
        `the article already said earlier: "${short(earlier)}".`,
      suggestion: null,
      confidence,
      evidence,
      rule: "check:repeated-passage",
    });
  }
  return out;
}

/** A raw span with surrounding white space removed. */
function trimmed(ctx: CheckContext, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(ctx.doc.raw[s] ?? "")) s += 1;
  while (e > s && /\s/.test(ctx.doc.raw[e - 1] ?? "")) e -= 1;
  return { start: s, end: e, text: ctx.doc.raw.slice(s, e) };
}

/** The first 40 characters of a text, with an ellipsis when cut. */
export function short(s: string): string {
  const one = s.replace(/\s+/g, " ");
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}
