/**
 * Folding and merging of draft events: a meeting told inside a visit sentence is the visit; a
 * resolution's adoption is the sanction (or demand, condemnation) it carries; the same act told
 * twice (same type, same date, a shared source) is one event with several mentions; talks told
 * as happening during a visit fold into the visit told before.
 */
import type { Event, EventType } from "../model/index.js";
import type { Candidate } from "./features.js";

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
  /** Drafts of one collective mention share a group and never fold or merge with each other. */
  group?: number;
  /** True when the date comes from a timex of the same sentence (1998年8月，…，美方则认为…). */
  sentenceDate?: boolean;
  /** True for talks told as happening during a visit (在3天的访问中…举行了谈判). */
  duringVisit?: boolean;
  /** What the event typer reads of the clause that proposed it. */
  candidate?: Candidate;
}

function shares(a: string[], b: string[]): boolean {
  return a.some((x) => b.includes(x));
}

function absorb(into: Draft, from: Draft, actors = true): void {
  into.ranges.push(...from.ranges);
  if (!actors) return;
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

// Note: acts whose speaker goes on to give reasons in the same sentence (批评…，声称…).
const COMMENTED: ReadonlySet<EventType> = new Set([
  "condemnation",
  "demand",
  "rejection",
  "threat",
]);
const REASONS = /^(?:认为|声称|称|指出|说|表示)$/u;

/** Folds drafts of one sentence: meetings into visits, adoptions into what they carry. */
export function foldSentence(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const prev = out[out.length - 1];
    const last = prev && (prev.group === undefined || prev.group !== d.group) ? prev : undefined;
    if (
      last &&
      last.event.type === d.event.type &&
      (DISCURSIVE.has(d.event.type) || d.viaSpeech) &&
      shares(last.event.actors.source, d.event.actors.source)
    ) {
      absorb(last, d);
      continue;
    }
    if (
      last &&
      d.event.type === "statement" &&
      REASONS.test(d.trigger) &&
      COMMENTED.has(last.event.type) &&
      shares(last.event.actors.source, d.event.actors.source)
    ) {
      // 批评…，认为/声称…: what the critic says next is the reason of the same act (the parties
      // named in the reason are not the act's parties).
      absorb(last, d, false);
      continue;
    }
    if (
      last &&
      last.event.type === "policy" &&
      (d.event.type === "policy" || d.event.type === "rejection") &&
      shares(last.event.actors.source, d.event.actors.source)
    ) {
      // 一改…政策，转而关闭…大门: the clauses after a policy shift describe the same policy.
      absorb(last, d);
      continue;
    }
    if (
      last &&
      last.event.type === "agreement" &&
      d.event.type === "policy" &&
      /^(?:决定|同意)$/u.test(d.trigger) &&
      d.event.actors.source.every((id) => last.event.actors.source.includes(id))
    ) {
      // 双方达成协议，决定恢复…: what the parties decide is the content of their agreement.
      absorb(last, d, false);
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

/** True when one date value is a month (or finer) prefix of the other (2013-02 / 2013-02-12). */
function compatible(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 7 && long.startsWith(short);
}

/**
 * Merges the same act told twice: same type, same date value, a shared source. Within one
 * sentence only the same trigger merges (宣布退出…，驱逐… are two rejections); across sentences
 * at least one telling must carry its own date, and a year-only date needs the same trigger.
 */
export function mergeTwiceTold(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  // Note: kept drafts indexed by type and year (equal or compatible dates share the first four
  // characters, also after a merge makes a date finer), and the visits, in the order of `out`:
  // each draft is compared with its bucket only, not with every kept draft.
  const buckets = new Map<string, Draft[]>();
  const keyOf = (x: Draft, value: string): string => `${x.event.type}\u0001${value.slice(0, 4)}`;
  const visits: Draft[] = [];
  const keep = (x: Draft): void => {
    out.push(x);
    if (x.event.type === "visit") visits.push(x);
    const v = x.event.date.value;
    if (v === null) return;
    const list = buckets.get(keyOf(x, v)) ?? [];
    list.push(x);
    buckets.set(keyOf(x, v), list);
  };
  for (const d of drafts) {
    const value = d.event.date.value;
    if (d.duringVisit) {
      const visit = visits.findLast(
        (x) =>
          x.event.type === "visit" &&
          shares(
            [...x.event.actors.source, ...x.event.actors.target],
            [...d.event.actors.source, ...d.event.actors.target],
          ),
      );
      if (visit) {
        absorb(visit, d);
        continue;
      }
    }
    const bucket = value === null ? [] : (buckets.get(keyOf(d, value)) ?? []);
    const same = bucket.find((x) => {
      if (x.group !== undefined && x.group === d.group) return false;
      const other = x.event.date.value;
      if (x.event.type !== d.event.type || value === null || other === null) return false;
      // Note: a month told once and a day of that month told elsewhere (2013年2月 / 2013年2月12日)
      // are compatible: the finer date wins.
      const finer = other !== value && compatible(other, value);
      if (other !== value && !finer) return false;
      if (!shares(x.event.actors.source, d.event.actors.source)) return false;
      if (x.sentence === d.sentence) return x.trigger === d.trigger;
      // Note: speech acts of different first speakers are different statements (说…，答复…说).
      if (d.event.type === "statement" && x.event.actors.source[0] !== d.event.actors.source[0])
        return false;
      const own = (y: Draft): boolean =>
        y.event.date.basis === "explicit" || y.sentenceDate === true;
      const explicit = own(x) || own(d);
      // Note: a year-only date merges the same trigger, or the same act at the same target.
      const sameTarget =
        x.event.actors.target.length > 0 && shares(x.event.actors.target, d.event.actors.target);
      if (finer) return x.sentence !== d.sentence && own(x) && own(d);
      return explicit && (value.length >= 7 || x.trigger === d.trigger || sameTarget);
    });
    if (same && value !== null && (same.event.date.value ?? "").length < value.length)
      same.event.date = { ...d.event.date };
    if (same) absorb(same, d);
    else keep(d);
  }
  return out;
}
