/**
 * Folding and merging of draft events: a meeting told inside a visit sentence is the visit; a
 * resolution's adoption is the sanction (or demand, condemnation) it carries; the same act told
 * twice (same type, same date, a shared source) is one event with several mentions.
 */
import type { Event, EventType } from "../model/index.js";

/** An event being built, with the display ranges of its mentions. */
export interface Draft {
  event: Event;
  /** Display ranges of the mentions. */
  ranges: Array<[number, number]>;
  /** The trigger word. */
  trigger: string;
  /** Role of the trigger (`adopt` drafts fold into the act they carry). */
  role: string;
  /** Sentence id. */
  sentence: number;
  /** True when a speech verb introduced the act (并称…违反…决议). */
  viaSpeech: boolean;
}

function shares(a: string[], b: string[]): boolean {
  return a.some((x) => b.includes(x));
}

function absorb(into: Draft, from: Draft): void {
  into.ranges.push(...from.ranges);
  for (const role of ["source", "target", "other"] as const)
    for (const id of from.event.actors[role])
      if (
        ![
          ...into.event.actors.source,
          ...into.event.actors.target,
          ...into.event.actors.other,
        ].includes(id)
      )
        into.event.actors[role].push(id);
}

const CARRIED: EventType[] = ["sanction", "demand", "condemnation"];
// Note: talk and speech acts continue over clauses (会面，讨论…); other acts told in a row are
// distinct (宣布退出…，驱逐…) unless a speech verb reintroduces the same act (谴责…，并称…违反).
const DISCURSIVE: ReadonlySet<EventType> = new Set(["talks", "statement", "condemnation", "visit"]);

/** Folds drafts of one sentence: meetings into visits, adoptions into what they carry. */
export function foldSentence(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const last = out[out.length - 1];
    if (
      last &&
      last.event.type === d.event.type &&
      (DISCURSIVE.has(d.event.type) || d.viaSpeech) &&
      shares(last.event.actors.source, d.event.actors.source)
    ) {
      absorb(last, d);
      continue;
    }
    const visit = out.find(
      (v) =>
        v.event.type === "visit" &&
        d.event.type === "talks" &&
        shares(
          [...v.event.actors.source, ...v.event.actors.target],
          [...d.event.actors.source, ...d.event.actors.target],
        ),
    );
    if (visit) {
      absorb(visit, d);
      continue;
    }
    out.push(d);
  }
  const kept: Draft[] = [];
  for (const d of out) {
    if (d.role !== "adopt") {
      kept.push(d);
      continue;
    }
    const carried = CARRIED.map((t) =>
      out.find(
        (x) =>
          x !== d && x.event.type === t && shares(x.event.actors.source, d.event.actors.source),
      ),
    ).find((x) => x !== undefined);
    if (carried) carried.ranges.unshift(...d.ranges);
    else kept.push(d);
  }
  return kept;
}

/**
 * Merges the same act told twice: same type, same date value, a shared source. Within one
 * sentence only the same trigger merges (宣布退出…，驱逐… are two rejections); across sentences
 * at least one telling must carry its own date, and a year-only date needs the same trigger.
 */
export function mergeTwiceTold(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const value = d.event.date.value;
    const same = out.find((x) => {
      if (x.event.type !== d.event.type || value === null || x.event.date.value !== value)
        return false;
      if (!shares(x.event.actors.source, d.event.actors.source)) return false;
      if (x.sentence === d.sentence) return x.trigger === d.trigger;
      const explicit = x.event.date.basis === "explicit" || d.event.date.basis === "explicit";
      return explicit && (value.length >= 7 || x.trigger === d.trigger);
    });
    if (same) absorb(same, d);
    else out.push(d);
  }
  return out;
}
