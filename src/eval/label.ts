/**
 * Training labels for the event typer: each gold event labels one candidate that overlaps its
 * mentions (one-to-one, as the scorer matches), preferring a candidate whose head predicate lies
 * inside a mention, then the largest overlap; the label is the gold type, and every other
 * candidate is `none`. So a clause that only shares a long mention does not learn its type.
 */
import type { Example, TracedCandidate } from "../events/index.js";
import type { GoldEvent } from "./events.js";
import { oneToOne } from "./timex.js";

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The examples of one document: its candidates' features with their gold labels. */
export function labelCandidates(
  candidates: readonly TracedCandidate[],
  gold: readonly GoldEvent[],
): Example[] {
  const pairs: Array<[number, number, number]> = [];
  candidates.forEach((c, i) =>
    gold.forEach((g, j) => {
      const o = Math.max(0, ...g.mentions.map((m) => overlap(c, m)));
      const head = c.head;
      const inside =
        head !== null && g.mentions.some((m) => head >= m.start && head < m.end) ? 1e6 : 0;
      if (o > 0) pairs.push([i, j, o + inside]);
    }),
  );
  const label = new Map<number, string>();
  for (const [i, j] of oneToOne(pairs)) label.set(i, gold[j]?.type ?? "none");
  return candidates.map((c, i) => ({ features: c.features, label: label.get(i) ?? "none" }));
}
