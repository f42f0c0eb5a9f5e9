/**
 * Event dates: a timex in the event's clause (basis explicit: before the verb, else governed by
 * it through 于/在 — 成立于1905年 —, else in brackets after it), else the narrative date — the
 * latest date timex before it in the same section (inferred, basis narrative; `relative` with
 * mod AFTER after 随后/之后; a clock time on the line dates the acts of its paragraph). Range
 * ends (至4月30日) and future dates (将于2012年3月) never date an event or move the narrative line
 * (both marked by the time stage: `Timex.rangeHead` on the range's first end, `Timex.aside ===
 * "future"`); a flashback (已于1997年) dates only its own act.
 */
import type { Event, Timex, TimexMod } from "../model/index.js";
import { lowerBound, within } from "./within.js";

/** A timex in display coordinates. */
export interface DisplayTimex {
  timex: Timex;
  start: number;
  end: number;
  /** Usable as an event date (a DATE with a calendar value, not a range end, not future). */
  usable: boolean;
  /** Section id of its block, or null. */
  section: number | null;
  /** A flashback (已于1997年, 曾于…): dates its own clause but does not move the narrative line. */
  flashback: boolean;
}

const FLASHBACK = /(?:已|已经|早已|曾|曾经)[于在]$/u;
/** From a verb to a date it governs: the verb (one to four characters), then 于 or 在. */
const VERB_AT = /^\p{Script=Han}{1,4}?[于在]$/u;
const RELATIVE = /^(?:[但而并]|并且)?(?:随后|之后|此后|其后|后来|不久|稍后|事后|嗣后)/u;

/** Marks which timexes may date events. */
export function prepareTimexes(
  text: string,
  located: Array<{ timex: Timex; start: number; end: number; section: number | null }>,
): DisplayTimex[] {
  const out: DisplayTimex[] = [];
  let prev: { timex: Timex } | null = null;
  for (const t of located) {
    // Note: the time stage marks range heads and future asides (Timex.rangeHead, Timex.aside).
    const rangeEnd = prev?.timex.rangeHead === true;
    const future = t.timex.aside === "future";
    const usable =
      (t.timex.type === "DATE" || t.timex.type === "TIME") &&
      /^\d/u.test(t.timex.value) &&
      !rangeEnd &&
      !future;
    // Note: an attributive date (德国1937年后吞并的领土) or a parenthesized gloss (八周前（5月8日）)
    // dates a phrase, not the narrative: like a flashback, it does not move the line.
    const flashback =
      FLASHBACK.test(text.slice(Math.max(0, t.start - 3), t.start)) ||
      t.timex.aside === "attributive" ||
      t.timex.aside === "paren";
    out.push({ ...t, usable, flashback });
    prev = t;
  }
  return out;
}

/**
 * The date of an event stated in `[start, end)` whose trigger is at `trigger`; `others` are the
 * starts of the other triggers of the clause: a timex with another trigger between it and this
 * one belongs to that act (1999年，已于1997年卸任…出访 → the visit is not 1997).
 */
export function dateEvent(
  text: string,
  span: { start: number; end: number },
  trigger: number,
  section: number | null,
  timexes: DisplayTimex[],
  others: number[] = [],
): Event["date"] {
  const inside = within(timexes, span.start, span.end).filter((t) => t.usable);
  const before = inside.filter(
    (t) => t.end <= trigger && !(t.flashback && others.some((o) => o >= t.end && o < trigger)),
  );
  const paren = inside.filter(
    (t) => t.start > trigger && /[（(]/u.test(text.slice(trigger, t.start)),
  );
  // A date the verb governs through 于/在 (成立于1905年, 生于1871年, 发生于1875年9月).
  const governed = inside.find(
    (t) => t.start > trigger && VERB_AT.test(text.slice(trigger, t.start)),
  );
  // Note: the timex nearest before the trigger (1999年，已于1997年卸任 → 1997).
  const explicit = before[before.length - 1] ?? governed ?? paren[0];
  if (explicit) return fromTimex(explicit, false, "explicit");
  // Note: a section with no date of its own before the act continues the document's line (the
  // lead's dates for a 会议内容 section, the previous section's year in a biography).
  const narrative =
    narrativeBefore(timexes, span.start, section) ?? narrativeBefore(timexes, span.start, ANY);
  if (!narrative) return { value: null, mod: null, timex: null, inferred: true, basis: null };
  // Note: a clock time on the line dates the acts of its own paragraph at that time (9时15分，…
  // 派员交涉。…予以拒绝 → T09:15, as the annotators date them); a later paragraph, or an act told
  // as after it (随后…), keeps the day.
  const sameParagraph = !newlineBetween(text, timexes, narrative.end, span.start);
  if (RELATIVE.test(text.slice(span.start, span.end)))
    return { ...fromTimex(narrative, true, "relative"), mod: "AFTER" };
  return fromTimex(narrative, true, "narrative", sameParagraph);
}

/** Per timex array (one document): the positions of the newlines of its text, in order. */
const newlines = new WeakMap<DisplayTimex[], number[]>();

/** Whether a newline (a paragraph break) lies in `[from, to)`, by binary search. */
function newlineBetween(text: string, timexes: DisplayTimex[], from: number, to: number): boolean {
  let at = newlines.get(timexes);
  if (!at) {
    at = [];
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) at.push(i);
    newlines.set(timexes, at);
  }
  return (at[firstAtLeast(at, from)] ?? to) < to;
}

/** The index of the first number of the ascending `list` at or above `x` (its length if none). */
function firstAtLeast(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The key of the line over all sections. */
const ANY = "*" as const;

/** Per timex array: whether it is ordered by start, and each section's usable line (indices). */
const lines = new WeakMap<
  DisplayTimex[],
  { sorted: boolean; bySection: Map<number | null | typeof ANY, number[]> }
>();

/**
 * The narrative line before `at`: the last usable, non-flashback timex of `section` before the
 * first timex that starts at or after `at` (by binary search over a per-section index built
 * once per array; a plain scan when the array is not ordered by start).
 */
function narrativeBefore(
  timexes: DisplayTimex[],
  at: number,
  section: number | null | typeof ANY,
): DisplayTimex | undefined {
  let index = lines.get(timexes);
  if (!index) {
    const bySection = new Map<number | null | typeof ANY, number[]>();
    let sorted = true;
    timexes.forEach((t, i) => {
      if (i > 0 && t.start < (timexes[i - 1]?.start ?? 0)) sorted = false;
      if (!t.usable || t.flashback) return;
      for (const key of [t.section, ANY]) {
        const list = bySection.get(key) ?? [];
        list.push(i);
        bySection.set(key, list);
      }
    });
    index = { sorted, bySection };
    lines.set(timexes, index);
  }
  if (!index.sorted) {
    let narrative: DisplayTimex | undefined;
    for (const t of timexes) {
      if (t.start >= at) break;
      if (t.usable && !t.flashback && (section === ANY || t.section === section)) narrative = t;
    }
    return narrative;
  }
  const line = index.bySection.get(section);
  if (!line) return undefined;
  const stop = lowerBound(timexes, at);
  // The last index of the line below `stop`.
  const i = line[firstAtLeast(line, stop) - 1];
  return i === undefined ? undefined : timexes[i];
}

function fromTimex(
  t: DisplayTimex,
  inferred: boolean,
  basis: "explicit" | "narrative" | "relative",
  keepClock = false,
): Event["date"] {
  const mod: TimexMod | null = t.timex.mod;
  // Note: a date taken from the narrative line keeps its clock time only within the paragraph of
  // that time (`keepClock`); further on it keeps the day.
  const value = inferred && !keepClock ? t.timex.value.replace(/T.*$/u, "") : t.timex.value;
  return { value, mod, timex: t.timex.id, inferred, basis };
}

/**
 * The date `months` before `date` (关押了五个月的… before the act dated 2009-08 → 2009-03), at
 * month granularity, basis relative; a year-only date moves only by whole years.
 */
export function monthsEarlier(date: Event["date"], months: number): Event["date"] {
  const m = /^(\d{4})(?:-(\d{2}))?/u.exec(date.value ?? "");
  if (!m?.[1]) return date;
  const year = Number(m[1]);
  if (!m[2]) {
    if (months % 12 !== 0) return { ...date, inferred: true, basis: "relative" };
    return { ...date, value: String(year - months / 12), inferred: true, basis: "relative" };
  }
  const total = year * 12 + Number(m[2]) - 1 - months;
  const value = `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
  return { ...date, value, mod: null, inferred: true, basis: "relative" };
}
