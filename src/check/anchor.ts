/**
 * doubtful-anchor: a bare date that took its year from a date the passage has moved away
 * from — the sentences it opens name something the article dates to another year nearby.
 *
 * Flags: 早在1866年…发生了舍门将军号事件…1853年1月一艘美国船只…。8月22日到达平壤府…但舍门将军号…
 *        (8月22日 is anchored on 1853年1月, but 舍门将军号 is dated 1866 in the same paragraph).
 * Not: 2011年7月22日…代表会面。7月24日…欢迎此次代表的会面 (the name is told after the anchor too).
 */
import type { Finding, Sentence } from "../model/index.js";
import { anchorChain, spanOf, spanOfText, type CheckContext, type TimexInfo } from "./context.js";
import { withYear } from "./dates.js";
import { joinGrams, rareGrams, type NameIndex } from "./names.js";
import { clamp } from "./sequence.js";
import { infosInSentence } from "./lookup.js";

/** How many sentences after the bare date's own count as the passage it opens. */
const FOLLOWING = 2;

/** Finds bare dates whose anchor is doubtful; `skip` holds timex ids already reported. */
export function findDoubtfulAnchors(
  ctx: CheckContext,
  index: NameIndex,
  skip: Set<string>,
): Finding[] {
  const out: Finding[] = [];
  for (const t of ctx.infos) {
    if (t.explicit || t.date === null || t.timex.anchor === null || skip.has(t.timex.id)) continue;
    if (t.sentence === null || t.block?.kind !== "paragraph") continue;
    const chain = anchorChain(ctx, t);
    const source = chain.find((a) => a.explicit);
    if (source?.date == null || source.sentence === null) continue;
    // Note: a year stated in the same sentence, or a copied date that is firmly dated, is sure.
    if (source.sentence === t.sentence) continue;
    const first = chain[0];
    if (first !== undefined && first !== source && first.sentence === source.sentence) continue;
    const finding = judge(ctx, index, t, source);
    if (finding !== null) out.push(finding);
  }
  return out;
}

function judge(ctx: CheckContext, index: NameIndex, t: TimexInfo, a: TimexInfo): Finding | null {
  const sentences = ctx.doc.sentences;
  const own = t.sentence as Sentence;
  const seg: Sentence[] = [own];
  for (let k = own.id + 1; k <= own.id + FOLLOWING; k += 1) {
    const s = sentences[k];
    if (s === undefined || s.block !== own.block) break;
    if (infosInSentence(ctx, s).some((i) => i.explicit)) break;
    seg.push(s);
  }
  const aSentence = a.sentence as Sentence;
  const segIds = new Set(seg.map((s) => s.id));
  const grams = new Set<string>();
  for (const s of seg) for (const g of index.gramsOf.get(s.id) ?? []) grams.add(g);
  // Note: a gram is told between the anchor and the date when one of its sentences lies there
  // (its sentence list, at most MAX_SENTENCES long, instead of a set of every gram between).
  const between = (g: string): boolean => {
    for (const id of index.sentencesOf.get(g) ?? [])
      if (id >= aSentence.id && id < own.id) return true;
    return false;
  };
  const rare = rareGrams(index, grams).filter((g) => !between(g));
  let best: { info: TimexInfo; score: number; names: string[] } | null = null;
  const candidates = new Set<number>();
  for (const g of rare) for (const id of index.sentencesOf.get(g) ?? []) candidates.add(id);
  for (const id of candidates) {
    if (segIds.has(id) || (id >= aSentence.id && id < own.id)) continue;
    const s2 = sentences[id];
    if (s2 === undefined) continue;
    const block = ctx.doc.blocks[s2.block];
    const dated = infosInSentence(ctx, s2).find(
      (i) => i.explicit && i.date !== null && i.date.year !== a.date?.year,
    );
    if (dated?.date == null || a.date === null) continue;
    // Note: the strong pattern is E … A … T with A earlier than E: the anchor is an uncued
    // jump back, and T's passage goes on with E's story (早在1866年… 1853年1月… 8月22日…舍门将军号).
    const interrupts = id < aSentence.id && dated.date.year > a.date.year;
    let score: number;
    if (s2.block === own.block && interrupts) score = 0.7;
    else if (s2.block === own.block) score = 0.4;
    // Note: beyond the paragraph a shared name is weak evidence (other events reuse words);
    // it counts only when the anchor itself lies in an earlier paragraph.
    else if (block?.section === t.block?.section && a.block?.id !== t.block?.id) score = 0.4;
    else continue;
    const s2Text = ctx.text.slice(s2.textStart, s2.textEnd);
    const shared = rare.filter((g) => s2Text.includes(g));
    const found = joinGrams(s2Text, shared).filter((n) => isName(ctx, s2, s2Text, n));
    if (found.length === 0) continue;
    const names = found.map((n) => display(ctx, s2, s2Text, n));
    if (names.some((n) => n.length >= 6)) score += 0.05;
    if (best === null || score > best.score) best = { info: dated, score, names };
  }
  if (best === null || best.info.date === null) return null;
  const fix = withYear(t.timex.value, best.info.date.year);
  const name = best.names.map((n) => `"${n}"`).join(", ");
  return {
    kind: "doubtful-anchor",
    ...spanOf(t),
    message:
      `"${t.timex.text}" takes its year from "${a.timex.text}" (read as ${t.timex.value}), ` +
      `but the passage it opens is about ${name}, which the article dates ` +
      `"${best.info.timex.text}" nearby; it may mean ${fix}.`,
    suggestion: fix,
    confidence: clamp(best.score),
    evidence: [spanOf(a), spanOf(best.info)],
    rule: "check:doubtful-anchor",
  };
}

/**
 * Whether a shared string is specific enough to be a name: five characters or more, or
 * inside an entity mention or wiki link of the sentence.
 */
function isName(ctx: CheckContext, s: Sentence, analysis: string, name: string): boolean {
  if ([...name].length >= 5) return true;
  const at = analysis.indexOf(name);
  if (at < 0) return false;
  const span = spanOfText(ctx.doc, s.textStart + at, s.textStart + at + name.length);
  const spans = [
    ...ctx.chronicle.entities.flatMap((e) => e.mentions),
    ...ctx.doc.links.flatMap((l) => (l.entity === null ? [] : [l.entity])),
  ];
  return spans.some((m) => m.start <= span.start && span.end <= m.end);
}

/** The display (original-script) form of a name found in a sentence's analysis text. */
function display(ctx: CheckContext, s: Sentence, analysis: string, name: string): string {
  const at = analysis.indexOf(name);
  if (at < 0) return name;
  return ctx.doc.text.slice(s.textStart + at, s.textStart + at + name.length);
}
