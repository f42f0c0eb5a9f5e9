/**
 * conflicting-dates: one event given different dates — mentions of the same event whose
 * dates cannot be the same day, or two near-identical events (same type, same actors,
 * nearly the same summary) on different dates.
 *
 * Flags: 朝鲜进行两次核试验（2009年5月…） and, later, 5月25日 (read as 2008-05-25) for the same test.
 * Not: a collective mention (2011年7月至2012年2月三轮会谈) covering each round's own date.
 */
import type { Event, Finding, Span } from "../model/index.js";
import { spanOf, type CheckContext, type TimexInfo } from "./context.js";
import { compatible, parseDate, withYear } from "./dates.js";
import { bigrams, jaccard } from "./similarity.js";
import { clamp } from "./sequence.js";
import { infosInSpan } from "./lookup.js";

/** A conflict between two dated mentions; `weak` is the one more likely wrong. */
export interface Conflict {
  event: Event;
  weak: TimexInfo;
  strong: TimexInfo;
}

/** Finds mention pairs of one event whose dates disagree. */
export function findMentionConflicts(ctx: CheckContext): Conflict[] {
  const out: Conflict[] = [];
  for (const event of ctx.chronicle.events) {
    if (event.mentions.length < 2) continue;
    const dated = event.mentions.map((m) => datesIn(ctx, m));
    let found: Conflict | null = null;
    for (let i = 0; i < dated.length && found === null; i += 1) {
      for (let j = i + 1; j < dated.length && found === null; j += 1) {
        const a = dated[i] ?? [];
        const b = dated[j] ?? [];
        if (a.length === 0 || b.length === 0) continue;
        const agree = a.some((x) =>
          b.some((y) => x.date !== null && y.date !== null && compatible(x.date, y.date)),
        );
        if (agree) continue;
        // The weaker side: an inherited (anchored) date, else the later mention.
        const weakInA = a.some((x) => !x.explicit) && b.some((y) => y.explicit);
        const [weakSide, strongSide] = weakInA ? [a, b] : [b, a];
        const weak = weakSide.find((x) => !x.explicit) ?? (weakSide[0] as TimexInfo);
        // The other side's date closest in reading: same month and day if any.
        const strong =
          strongSide.find((y) => y.date?.month === weak.date?.month) ??
          (strongSide[0] as TimexInfo);
        found = { event, weak, strong };
      }
    }
    if (found !== null) out.push(found);
  }
  return out;
}

/** Year-precise dates (not asides of kind block) inside a mention span. */
function datesIn(ctx: CheckContext, m: Span): TimexInfo[] {
  return infosInSpan(ctx, m.start, m.end).filter((i) => i.date !== null);
}

/** The conflicting-dates finding for a mention conflict not already reported elsewhere. */
export function conflictFinding(c: Conflict): Finding {
  const { weak, strong } = c;
  const inherited = !weak.explicit;
  const suggestion =
    inherited && strong.date !== null ? withYear(weak.timex.value, strong.date.year) : null;
  return {
    kind: "conflicting-dates",
    ...spanOf(weak),
    message:
      `The same event ("${summary(c.event)}") is dated "${weak.timex.text}" (${weak.timex.value}) ` +
      `here but "${strong.timex.text}" (${strong.timex.value}) in another mention.`,
    suggestion,
    confidence: inherited ? 0.6 : 0.55,
    evidence: [spanOf(strong)],
    rule: "check:conflicting-dates",
  };
}

/** Near-identical events (same type and source actors, summaries alike) on incompatible dates. */
export function findTwinEvents(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const events = ctx.chronicle.events.filter(
    (e) => e.date.value !== null && e.date.basis !== "inferred" && e.summary.length >= 8,
  );
  const grams = new Map(events.map((e) => [e.id, bigrams(e.summary)]));
  const pairs = twinCandidates(
    events,
    events.map((e) => grams.get(e.id) ?? new Set()),
  );
  for (let i = 0; i < events.length; i += 1) {
    for (const j of pairs(i)) {
      const a = events[i];
      const b = events[j];
      if (a === undefined || b === undefined || a.type !== b.type) continue;
      if (!sameActors(a.actors.source, b.actors.source) || a.actors.source.length === 0) continue;
      const da = parseDate(a.date.value ?? "");
      const db = parseDate(b.date.value ?? "");
      if (da === null || db === null || compatible(da, db)) continue;
      const sim = jaccard(grams.get(a.id) ?? new Set(), grams.get(b.id) ?? new Set());
      if (sim < TWIN_JACCARD) continue;
      const m = b.mentions[0];
      const e = a.mentions[0];
      if (m === undefined || e === undefined) continue;
      // Note: annual events share wording; only a same-day-and-month pair looks like one event.
      const typo = da.month !== null && da.month === db.month && da.day === db.day;
      out.push({
        kind: "conflicting-dates",
        ...m,
        message:
          `"${summary(b)}" (${b.date.value}) reads like the same event as "${summary(a)}" ` +
          `(${a.date.value}), told with a different date.`,
        suggestion: null,
        confidence: clamp(typo ? 0.6 : 0.4),
        evidence: [e],
        rule: "check:conflicting-dates",
      });
    }
  }
  return out;
}

/** Jaccard index of summary bigrams from which two events read as twins. */
const TWIN_JACCARD = 0.85;

/**
 * The indices `j > i` (ascending) of events that can pass the type, `sameActors` and similarity
 * tests with event `i`: the same type and source length, the same source set (or either source
 * list repeats an id, where `sameActors` is no set equality), and a shared bigram among the
 * first |x| − ⌊t·|x|⌋ + 1 of each summary's bigrams, rarest first (prefix filtering: every pair
 * with Jaccard ≥ t shares one).
 */
function twinCandidates(events: Event[], grams: Array<Set<string>>): (i: number) => number[] {
  const keys = events.map((e) => {
    const source = e.actors.source;
    const base = `${e.type}\u0001${source.length}`;
    if (new Set(source).size !== source.length) return { base, key: null };
    return { base, key: `${base}\u0001${[...source].sort().join("\u0001")}` };
  });
  const df = new Map<string, number>();
  for (const g of grams) for (const x of g) df.set(x, (df.get(x) ?? 0) + 1);
  const prefixes = grams.map((g) => {
    const sorted = [...g].sort(
      (a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
    );
    const n = sorted.length;
    return sorted.slice(0, Math.min(n, n - Math.floor(TWIN_JACCARD * n) + 1));
  });
  const postings = new Map<string, number[]>();
  prefixes.forEach((prefix, i) => {
    for (const x of prefix) {
      const list = postings.get(x) ?? [];
      list.push(i);
      postings.set(x, list);
    }
  });
  return (i) => {
    const k = keys[i];
    if (k === undefined || events[i]?.actors.source.length === 0) return [];
    const out = new Set<number>();
    for (const x of prefixes[i] ?? [])
      for (const j of postings.get(x) ?? []) {
        const kj = keys[j];
        if (j <= i || kj === undefined || kj.base !== k.base) continue;
        if (k.key === null || kj.key === null || kj.key === k.key) out.add(j);
      }
    return [...out].sort((a, b) => a - b);
  };
}

function sameActors(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

function summary(e: Event): string {
  return e.summary.length > 30 ? `${e.summary.slice(0, 30)}…` : e.summary;
}
