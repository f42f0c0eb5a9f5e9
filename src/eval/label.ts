/**
 * Training labels for the event typer: each gold event labels one candidate that overlaps its
 * mentions (one-to-one, as the scorer matches), preferring a candidate whose head predicate lies
 * inside a mention, then the largest overlap; the label is the gold type, and every other
 * candidate is `none`. So a clause that only shares a long mention does not learn its type.
 */
import type { Chronicle } from "../model/index.js";
import type { Example, RoleCandidate, TracedCandidate } from "../events/index.js";
import { mapEntities, matchEvents, type GoldEntity, type GoldEvent } from "./events.js";
import { oneToOne } from "./timex.js";

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * How much a candidate is preferred to label `g` before overlap counts: its head inside a mention,
 * then a reading that agrees with the gold type (the rules' type or a lexicon class of the head),
 * then a head that is event vocabulary at all. Of the clauses of a mention that spans several
 * (攻占…，并…), the one whose predicate names the act learns the type, not the longest.
 */
function preference(c: TracedCandidate, g: GoldEvent): number {
  const head = c.head;
  if (head === null || !g.mentions.some((m) => head >= m.start && head < m.end)) return 0;
  const agrees = c.rule === g.type || c.features.includes(`hlex=${g.type}`);
  return 4e6 + (agrees ? 2e6 : 0) + (c.features.includes("hlex=any") ? 1e6 : 0);
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
      if (o > 0) pairs.push([i, j, o + preference(c, g)]);
    }),
  );
  const label = new Map<number, string>();
  for (const [i, j] of oneToOne(pairs)) label.set(i, gold[j]?.type ?? "none");
  return candidates.map((c, i) => ({ features: c.features, label: label.get(i) ?? "none" }));
}

/**
 * Training labels for the actor-role model: each role candidate of a system event matched to a
 * gold event (as the scorer matches, whatever the type) is labelled with the gold role of the
 * entity it maps to (`source`, `target`), else `none` (a party the gold event does not score).
 * Candidates of unmatched events give no examples.
 */
export function labelRoles(
  system: Chronicle,
  gold: { events: GoldEvent[]; entities: GoldEntity[] },
  candidates: ReadonlyMap<number, ReadonlyArray<RoleCandidate & { final: string | null }>>,
): Example[] {
  const map = mapEntities(system.entities, gold.entities);
  const out: Example[] = [];
  for (const [i, j] of matchEvents(system.events, gold.events)) {
    const g = gold.events[j] as GoldEvent;
    for (const c of candidates.get(i) ?? []) {
      const id = c.final === null ? undefined : map.get(c.final);
      const label =
        id === undefined
          ? "none"
          : g.actors.source.includes(id)
            ? "source"
            : g.actors.target.includes(id)
              ? "target"
              : "none";
      out.push({ features: c.features, label });
    }
  }
  return out;
}
