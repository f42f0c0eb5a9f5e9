/**
 * year-out-of-sequence and inherited-slip: an explicit date whose year breaks the order of its
 * paragraph while its neighbours agree, and the bare dates that took their year from it.
 *
 * Flags: 2009年1月21日 … 2008年4月5日 … 4月13日 … 2009年内 (2008 → 2009, and 4月13日 with it).
 * Not: 早在1866年 … 1845年 … 1853年 (a flashback cue), dates in tables, lists, parentheses.
 */
import type { Finding } from "../model/index.js";
import { anchorChain, spanOf, type CheckContext, type TimexInfo } from "./context.js";
import { digitsDiffer, formatDate, notAfter, withYear, type DateParts } from "./dates.js";

/** A date found out of sequence, with the year that would put it back in order. */
export interface Slip {
  info: TimexInfo;
  year: number;
  finding: Finding;
  inherited: TimexInfo[];
}

/** The points of the narrative line: explicit, year-precise dates in paragraphs, not asides. */
export function linePoints(ctx: CheckContext): TimexInfo[] {
  return ctx.infos.filter((i) => i.explicit && i.aside === null && i.date !== null);
}

/** Finds year slips and the dates that inherit them. */
export function findSlips(ctx: CheckContext): Slip[] {
  const points = linePoints(ctx);
  const slips: Slip[] = [];
  for (let k = 0; k < points.length; k += 1) {
    const p = points[k];
    const prev = neighbour(points, k, -1);
    const next = neighbour(points, k, +1);
    if (p?.date == null || prev?.date == null || next?.date == null) continue;
    const slip = judge(ctx, points, p, prev, next);
    if (slip !== null) slips.push(slip);
  }
  return doubtMutual(slips, points);
}

/**
 * Two neighbouring points that each break the order only against the other (1928年 … 1924年,
 * each "probably" the other's year) cannot both be slips, and nothing says which one is: the
 * passage is out of order, not one date. Both are kept with 0.3 less confidence (below the
 * default threshold for all but the strongest).
 */
function doubtMutual(slips: Slip[], points: TimexInfo[]): Slip[] {
  const at = new Map(points.map((p, k) => [p, k]));
  const slipped = new Set(slips.map((s) => at.get(s.info)));
  return slips.map((slip) => {
    const k = at.get(slip.info);
    if (k === undefined || !(slipped.has(k - 1) || slipped.has(k + 1))) return slip;
    const confidence = clamp(slip.finding.confidence - 0.3);
    return { ...slip, finding: { ...slip.finding, confidence } };
  });
}

/** The nearest point before/after `k` in the same block, else in the same section. */
function neighbour(points: TimexInfo[], k: number, step: -1 | 1): TimexInfo | null {
  const p = points[k];
  const q = points[k + step];
  if (p === undefined || q === undefined || p.block === null || q.block === null) return null;
  if (q.block.id === p.block.id) return q;
  if (p.block.kind !== "paragraph" || q.block.kind !== "paragraph") return null;
  if (q.block.section === p.block.section) return q;
  return null;
}

function judge(
  ctx: CheckContext,
  points: TimexInfo[],
  p: TimexInfo,
  prev: TimexInfo,
  next: TimexInfo,
): Slip | null {
  const d = p.date as DateParts;
  const a = prev.date as DateParts;
  const b = next.date as DateParts;
  if (d.year === a.year || d.year === b.year) return null;
  if (!notAfter(a, b)) return null;
  const backward = !notAfter(a, d);
  const forward = !notAfter(d, b);
  if (!backward && !forward) return null;
  const inherited = inheritors(ctx, p, next);
  // The year that puts the date (and what inherits it) back between its neighbours.
  let best: number | null = null;
  for (let y = a.year; y <= b.year; y += 1) {
    const fixed = { ...d, year: y };
    if (!notAfter(a, fixed) || !notAfter(fixed, b)) continue;
    const okChain = inherited.every((q) => q.date === null || notAfter({ ...q.date, year: y }, b));
    if (!okChain) continue;
    if (
      best === null ||
      digitsDiffer(d.year, y) < digitsDiffer(d.year, best) ||
      (digitsDiffer(d.year, y) === digitsDiffer(d.year, best) &&
        Math.abs(y - d.year) < Math.abs(best - d.year))
    ) {
      best = y;
    }
  }
  if (best === null) return null;
  const sameBlock = prev.block?.id === p.block?.id && next.block?.id === p.block?.id;
  // Note: a true slip is usually a typo (one digit, or two swapped); a larger backward jump
  // is more often an uncued flashback, so it needs inheritors to be reported.
  let confidence = 0.45;
  if (digitsDiffer(d.year, best) === 1) confidence += 0.2;
  confidence += sameBlock ? 0.1 : -0.25;
  if (b.year - a.year > 1) confidence -= 0.15;
  if (forward && !backward) confidence -= 0.1;
  if (inherited.length > 0) confidence += 0.1;
  if (!othersAgree(points, p)) confidence -= 0.2;
  if (AFTER_EVENT.test(clauseAfter(ctx, p))) confidence -= 0.2;
  if (backward && spanInSentence(p, next)) confidence -= 0.2;
  confidence = clamp(confidence);
  const fix = withYear(p.timex.value, best);
  const finding: Finding = {
    kind: "year-out-of-sequence",
    ...spanOf(p),
    message:
      `"${p.timex.text}" (${p.timex.value}) breaks the order of its passage: it comes ` +
      `${backward ? "after" : "before"} "${(backward ? prev : next).timex.text}" ` +
      `(${formatDate(backward ? a : b)}), while "${prev.timex.text}" and "${next.timex.text}" ` +
      `around it agree; the year is probably ${best} (${fix})` +
      (inherited.length > 0 ? `, and ${inherited.length} later date(s) inherit the slip.` : "."),
    suggestion: fix,
    confidence,
    evidence: [spanOf(prev), spanOf(next)],
    rule: "check:year-out-of-sequence",
  };
  return { info: p, year: best, finding, inherited };
}

/**
 * `期间…西直门站于1905年开建，并于1906年建成`: the next point is in the slip's own sentence, so
 * the sentence itself runs on from it to a later year (`judge` asks it only of a backward slip,
 * whose next point is later), a sub-span told in one breath, which a retrospective opens far
 * more often than a typo does (dev: beijing-zhangjiakou-railway, chinese-revolutionary-party,
 * karamay-fire).
 */
function spanInSentence(p: TimexInfo, next: TimexInfo): boolean {
  return p.sentence !== null && p.sentence.id === next.sentence?.id;
}

/** `1945年二战结束后，…`: a date that names an earlier event the narrative starts from. */
const AFTER_EVENT = /^[^，。；：！？,;]{0,20}?(?:以后|之后|以来|[后後前])[，,]/;

/** The rest of the clause after a timex (display text). */
function clauseAfter(ctx: CheckContext, p: TimexInfo): string {
  return ctx.text.slice(p.textEnd, p.textEnd + 30);
}

/** Timexes after `p` (before the next point) that took their year from it. */
function inheritors(ctx: CheckContext, p: TimexInfo, next: TimexInfo): TimexInfo[] {
  const out: TimexInfo[] = [];
  for (let i = p.index + 1; i < ctx.infos.length && i < next.index; i += 1) {
    const q = ctx.infos[i];
    if (q?.date == null || q.explicit) continue;
    const chained = anchorChain(ctx, q).includes(p);
    const unanchored =
      q.timex.anchor === null && q.block?.id === p.block?.id && q.date.year === p.date?.year;
    if (chained || unanchored) out.push(q);
  }
  return out;
}

/** True when the passage's other points (same block, without `p`) are in order. */
function othersAgree(points: TimexInfo[], p: TimexInfo): boolean {
  const others = (pointsByBlock(points).get(p.block?.id) ?? []).filter((q) => q !== p);
  for (let i = 1; i < others.length; i += 1) {
    const x = others[i - 1]?.date;
    const y = others[i]?.date;
    if (x != null && y != null && !notAfter(x, y)) return false;
  }
  return true;
}

const blockIndex = new WeakMap<TimexInfo[], Map<number | undefined, TimexInfo[]>>();

/** The points of each block (by block id; undefined for points outside blocks), in order. */
function pointsByBlock(points: TimexInfo[]): Map<number | undefined, TimexInfo[]> {
  let index = blockIndex.get(points);
  if (!index) {
    index = new Map();
    for (const q of points) {
      const list = index.get(q.block?.id) ?? [];
      list.push(q);
      index.set(q.block?.id, list);
    }
    blockIndex.set(points, index);
  }
  return index;
}

/** The inherited-slip findings of one slip, one per inheriting date. */
export function inheritedFindings(slip: Slip): Finding[] {
  return slip.inherited.map((q) => {
    const fix = withYear(q.timex.value, slip.year);
    return {
      kind: "inherited-slip",
      ...spanOf(q),
      message:
        `"${q.timex.text}" takes its year (${slip.info.date?.year ?? "?"}) from ` +
        `"${slip.info.timex.text}", which looks like a slip for ${slip.year}; ` +
        `it probably means ${fix}.`,
      suggestion: fix,
      confidence: clamp(slip.finding.confidence - 0.05),
      evidence: [spanOf(slip.info)],
      rule: "check:inherited-slip",
    };
  });
}

/** Clamps a confidence to [0.05, 0.95], rounded to two decimals. */
export function clamp(x: number): number {
  return Math.round(Math.min(0.95, Math.max(0.05, x)) * 100) / 100;
}
