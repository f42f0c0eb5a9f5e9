/**
 * Training labels for the event typer: each gold event labels the one candidate whose span
 * overlaps its mentions most (one-to-one, as the scorer matches), with the gold type; every
 * other candidate is `none`. So the model learns exactly what the scorer rewards.
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
      if (o > 0) pairs.push([i, j, o]);
    }),
  );
  const label = new Map<number, string>();
  for (const [i, j] of oneToOne(pairs)) label.set(i, gold[j]?.type ?? "none");
  return candidates.map((c, i) => ({ features: c.features, label: label.get(i) ?? "none" }));
}
