/**
 * Scores system events against gold events (`events.json` + `entities.json`, EVENTS-GUIDE.md):
 * detection, typed and typed+dated P/R/F1 over one-to-one matches of overlapping mentions, and
 * actor P/R/F1 over source+target on typed matches.
 */
import type { Chronicle, Entity, Event, Span } from "../model/index.js";
import { toAnalysisText } from "../normalize/index.js";
import { oneToOne, prf, type Prf } from "./timex.js";

/** A gold event as in `events.json`. */
export interface GoldEvent {
  id: string;
  /** TIMEX3 value at the text's granularity (`2009-05-25`, `199`). */
  date: string;
  date_basis?: string;
  mod?: string;
  type: string;
  actors: { source: string[]; target: string[]; other: string[] };
  mentions: Span[];
  summary_zh?: string;
  summary_en?: string;
  places?: string[];
  wiki?: string[];
  date_alt?: string[];
  start?: string;
  end?: string;
  duration?: string;
  note?: string;
}

/** A gold entity as in `entities.json`. */
export interface GoldEntity {
  id: string;
  /** state, org, person, ship, agreement, event_series, place… */
  kind: string;
  names: string[];
  wiki: string[];
  note?: string;
}

/** One item of a difference list. */
export interface EventDiff {
  gold?: { id: string; type: string; date: string; text: string };
  system?: {
    id: string;
    type: string;
    date: string | null;
    text: string;
    rule: string;
    /** Id of the timex the system date was taken from, if any. */
    timex?: string | null;
  };
}

/** The full event score. */
export interface EventScore {
  /** Matched by overlapping mentions, any type. */
  detection: Prf;
  /** Matched and the same type. */
  typed: Prf;
  /** Matched, the same type, and the same date value. */
  typedDated: Prf;
  /** (role, actor) pairs over source and target on typed matches, role-aware. */
  actors: Prf;
  /** Actor ids over source ∪ target on typed matches, roles ignored. */
  actorsAnyRole: Prf;
  misses: EventDiff[];
  spurious: EventDiff[];
  wrongType: EventDiff[];
  wrongDate: EventDiff[];
  /** Every matched pair (gold and system), whatever its type and date. */
  matches: EventDiff[];
  /** Typed matches whose actors differ. */
  wrongActors: Array<EventDiff & { goldActors: string[]; systemActors: string[] }>;
}

function clean(name: string): string {
  return toAnalysisText(
    name
      .replace(/-\{|\}-/gu, "")
      .replace(/\s+/gu, " ")
      .trim(),
  );
}

/** Maps each system entity id to a gold entity id: same id, else shared wiki title, else most shared names. */
export function mapEntities(system: Entity[], gold: GoldEntity[]): Map<string, string> {
  const goldIds = new Set(gold.map((g) => g.id));
  const out = new Map<string, string>();
  for (const e of system) {
    if (goldIds.has(e.id)) {
      out.set(e.id, e.id);
      continue;
    }
    const wiki = new Set(e.wiki.map(clean));
    const names = new Set([e.name, ...e.names].map(clean));
    let best: string | null = null;
    let bestScore = 0;
    for (const g of gold) {
      let score = 0;
      for (const w of g.wiki) if (wiki.has(clean(w))) score += 10;
      for (const n of g.names) if (n.length >= 2 && names.has(clean(n))) score += 1;
      if (score > bestScore) {
        best = g.id;
        bestScore = score;
      }
    }
    if (best !== null) out.set(e.id, best);
  }
  return out;
}

function overlaps(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function bestOverlap(s: Event, g: GoldEvent): number {
  let best = 0;
  for (const m of s.mentions) for (const n of g.mentions) best = Math.max(best, overlaps(m, n));
  return best;
}

function sysView(s: Event): NonNullable<EventDiff["system"]> {
  return {
    id: s.id,
    type: s.type,
    date: s.date.value,
    text: s.mentions[0]?.text ?? "",
    rule: s.rule,
    timex: s.date.timex,
  };
}

function goldView(g: GoldEvent): NonNullable<EventDiff["gold"]> {
  return { id: g.id, type: g.type, date: g.date, text: g.mentions[0]?.text ?? "" };
}

/**
 * The one-to-one matching of system and gold events the scorer uses ([system index, gold index]):
 * overlapping mentions, the same type preferred, then the same date, then the larger overlap.
 */
export function matchEvents(
  events: readonly Event[],
  gold: readonly GoldEvent[],
): Array<[number, number]> {
  const candidates: Array<[number, number, number]> = [];
  for (let i = 0; i < events.length; i += 1)
    for (let j = 0; j < gold.length; j += 1) {
      const s = events[i] as Event;
      const g = gold[j] as GoldEvent;
      const o = bestOverlap(s, g);
      if (o === 0) continue;
      const score = (s.type === g.type ? 4 : 0) + (s.date.value === g.date ? 2 : 0) + o / 10000;
      candidates.push([i, j, score]);
    }
  return oneToOne(candidates);
}

/** Scores the events of `system` against gold events and entities of the same article. */
export function scoreEvents(
  system: Chronicle,
  gold: { events: GoldEvent[]; entities: GoldEntity[] },
): EventScore {
  const events = system.events;
  const pairs = matchEvents(events, gold.events);
  const usedS = new Set(pairs.map((p) => p[0]));
  const usedG = new Set(pairs.map((p) => p[1]));
  const map = mapEntities(system.entities, gold.entities);
  const mapIds = (ids: string[]): string[] => [
    ...new Set(ids.map((id) => map.get(id) ?? `?${id}`)),
  ];
  let typed = 0;
  let typedDated = 0;
  let actorTp = 0;
  let actorSys = 0;
  let actorGold = 0;
  let anyTp = 0;
  let anySys = 0;
  let anyGold = 0;
  const wrongType: EventDiff[] = [];
  const wrongDate: EventDiff[] = [];
  const wrongActors: EventScore["wrongActors"] = [];
  for (const [i, j] of pairs) {
    const s = events[i] as Event;
    const g = gold.events[j] as GoldEvent;
    if (s.type !== g.type) {
      wrongType.push({ gold: goldView(g), system: sysView(s) });
      continue;
    }
    typed += 1;
    if (s.date.value === g.date) typedDated += 1;
    else wrongDate.push({ gold: goldView(g), system: sysView(s) });
    const sys = [
      ...mapIds(s.actors.source).map((id) => `source:${id}`),
      ...mapIds(s.actors.target).map((id) => `target:${id}`),
    ];
    const gl = [
      ...g.actors.source.map((id) => `source:${id}`),
      ...g.actors.target.map((id) => `target:${id}`),
    ];
    const tp = sys.filter((x) => gl.includes(x)).length;
    actorTp += tp;
    actorSys += sys.length;
    actorGold += gl.length;
    const sysAny = new Set(sys.map((x) => x.slice(x.indexOf(":") + 1)));
    const glAny = new Set(gl.map((x) => x.slice(x.indexOf(":") + 1)));
    anyTp += [...sysAny].filter((x) => glAny.has(x)).length;
    anySys += sysAny.size;
    anyGold += glAny.size;
    if (tp !== sys.length || tp !== gl.length)
      wrongActors.push({
        gold: goldView(g),
        system: sysView(s),
        goldActors: gl,
        systemActors: sys,
      });
  }
  return {
    detection: prf(pairs.length, events.length, gold.events.length),
    typed: prf(typed, events.length, gold.events.length),
    typedDated: prf(typedDated, events.length, gold.events.length),
    actors: prf(actorTp, actorSys, actorGold),
    actorsAnyRole: prf(anyTp, anySys, anyGold),
    misses: gold.events.filter((_, j) => !usedG.has(j)).map((g) => ({ gold: goldView(g) })),
    spurious: events.filter((_, i) => !usedS.has(i)).map((s) => ({ system: sysView(s) })),
    matches: pairs.map(([i, j]) => ({
      gold: goldView(gold.events[j] as GoldEvent),
      system: sysView(events[i] as Event),
    })),
    wrongType,
    wrongDate,
    wrongActors,
  };
}
