/**
 * Event dates: a timex in the event's clause (basis explicit: before the verb, else governed by
 * it through 于/在 — 成立于1905年 —, else in brackets after it, else the first after it not after
 * 到/至 — 导致了1962年的古巴导弹危机 —), else the narrative date — the
 * latest date timex before it in the same section (inferred, basis narrative; `relative` with
 * mod AFTER after 随后/之后; a clock time on the line dates the acts of its paragraph). Range
 * ends (至4月30日) and future dates (将于2012年3月) never date an event or move the narrative line
 * (both marked by the time stage: `Timex.rangeHead` on the range's first end, `Timex.aside ===
 * "future"`); a flashback (已于1997年) dates only its own act. A later paragraph continues the line
 * from the last date that opens its clause, before its predicate (1882年7月23日，…到1885年才释放。⏎⏎… →
 * 1882-07-23; 他于1960年回国。⏎⏎… → 1960), and a duration closed by 后 before the verb counts from
 * the line's date, or from the date an earlier offset of the paragraph reached (12分钟后进入轨道 →
 * T09:44; 30分钟后… → T10:14).
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
  /** Opens its sentence or clause (1885年，…; 。同年8月…), rather than told inside one (…到1885年才释放). */
  opening: boolean;
}

/**
 * What may stand between a clause break and a date that opens the clause, before its predicate:
 * nothing, or a short subject and 于/在/从/自 (他于1960年, 日军于1937年7月, 自1885年起) — not 到/至
 * (到1885年才释放: an outcome), nor a verb and 于/在 (成立于1905年).
 */
const OPENING = /(?:^|[。！？；，,、\n])[\s*]*(?:[^。！？；，,、\n（）()]{0,8}[在于於自从從])?$/u;
/** What makes the words before a date a predicate, not a subject: an outcome's or a verb's mark. */
const NOT_SUBJECT =
  /[到至为為]|(?:[生死卒立始建位设設葬成居逝终終开開]|毕业|畢業|发生|發生|出版|举行|舉行|召开|召開|签订|簽訂|签署|簽署|爆发|爆發)[在于於]$/u;
/** What closes a deadline rather than a setting (在1956年7月以前). */
const DEADLINE = /^(?:[以之]?前|为止|為止)/u;
/** A date after 到/至 (到1885年才释放, 直到同年5月13日): the end of a span or an outcome told ahead. */
const UNTIL = /[到至]了?$/u;
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
    const m = OPENING.exec(text.slice(Math.max(0, t.start - 12), t.start));
    // Note: a deadline (在1956年7月以前实行普选) is a stipulation, not the clause's setting.
    const opening =
      m !== null && !NOT_SUBJECT.test(m[0]) && !DEADLINE.test(text.slice(t.end, t.end + 2));
    out.push({ ...t, usable, flashback, opening });
    prev = t;
  }
  return out;
}

/**
 * The date of an event stated in `[start, end)` whose trigger is at `trigger`; `others` are the
 * starts of the other triggers of the clause: a timex with another trigger between it and this
 * one belongs to that act (1999年，已于1997年卸任…出访 → the visit is not 1997). `afterVerb`
 * false leaves out a date told after the verb (the date the typer's features read: a date after
 * the verb — a plan's 定在4月23日, a mention's 提及1995年… — is weaker evidence of a narrated act).
 */
export function dateEvent(
  text: string,
  span: { start: number; end: number },
  trigger: number,
  section: number | null,
  timexes: DisplayTimex[],
  others: number[] = [],
  afterVerb = true,
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
  // Note: else the first date told after the verb in its own clause, not an aside of another act
  // (出席1919年巴黎和会, 导致了1962年的古巴导弹危机, 于会见次日就感染肺炎): the clause's own date
  // comes before the narrative line.
  const after = afterVerb
    ? inside.find(
        (t) => t.start > trigger && !t.flashback && !UNTIL.test(text.slice(trigger, t.start)),
      )
    : undefined;
  // Note: the timex nearest before the trigger (1999年，已于1997年卸任 → 1997).
  const explicit = before[before.length - 1] ?? governed ?? paren[0] ?? after;
  if (explicit) return fromTimex(explicit, false, "explicit");
  // Note: a section with no date of its own before the act continues the document's line (the
  // lead's dates for a 会议内容 section, the previous section's year in a biography).
  let narrative =
    narrativeBefore(timexes, span.start, section) ?? narrativeBefore(timexes, span.start, ANY);
  if (!narrative) return { value: null, mod: null, timex: null, inferred: true, basis: null };
  if (!narrative.opening && newlineBetween(text, timexes, narrative.end, span.start))
    narrative = openingBefore(timexes, narrative) ?? narrative;
  // Note: a duration closed by 后 before the verb (12分钟后进入地球轨道, 10年后再移居, 1個月後卸任)
  // counts from the line's date, as the annotators compute it (apollo-11, soyuz-1, chang-e-2,
  // anson-burlingame, yan-huiqing, white-horse-hill, space-shuttle-columbia-disaster).
  const from = clauseBefore(text, span.start);
  const offset = offsetBefore(text, within(timexes, from, trigger));
  // Note: offsets chain (12分钟后，…。30分钟后，… → the second counts from the first's result): an
  // offset told earlier in the paragraph, after the line's date, moves the running date.
  let running: string | null = narrative.timex.value;
  if (offset)
    for (const t of within(timexes, narrative.end, from))
      if (isOffset(text, t) && !newlineBetween(text, timexes, t.end, from))
        running = running === null ? null : addOffset(running, t.timex);
  const shifted = offset && running !== null ? addOffset(running, offset) : null;
  if (shifted !== null)
    return {
      value: shifted,
      mod: null,
      timex: narrative.timex.id,
      inferred: true,
      basis: "relative",
    };
  // Note: a clock time on the line dates the acts of its own paragraph at that time (9时15分，…
  // 派员交涉。…予以拒绝 → T09:15, as the annotators date them); a later paragraph, or an act told
  // as after it (随后…), keeps the day.
  const sameParagraph = !newlineBetween(text, timexes, narrative.end, span.start);
  if (RELATIVE.test(text.slice(span.start, span.end)))
    return { ...fromTimex(narrative, true, "relative"), mod: "AFTER" };
  return fromTimex(narrative, true, "narrative", sameParagraph);
}

/**
 * The last date on the line at or before `from` that opens its clause: a later paragraph continues
 * from a paragraph's setting, not from a date told inside a sentence (…到1885年才释放回国).
 */
function openingBefore(timexes: DisplayTimex[], from: DisplayTimex): DisplayTimex | undefined {
  for (let i = lowerBound(timexes, from.start), steps = 0; i >= 0 && steps < 24; i -= 1) {
    const t = timexes[i];
    if (!t || !t.usable || t.flashback) continue;
    steps += 1;
    if (t.section !== from.section) return undefined;
    if (t.opening) return t;
  }
  return undefined;
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
 * Where the clause before `start` begins when it is a setting of time alone, closed by 后 and a
 * comma (三天后，…; 20多天后，…), else `start`.
 */
function clauseBefore(text: string, start: number): number {
  const m = SETTING_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
  return m ? start - m[0].length : start;
}

/**
 * A duration opening its clause and closed by 后/之后/以后 (12分钟后, 10年后, 1個月後): the last one
 * before the verb.
 */
function offsetBefore(text: string, near: DisplayTimex[]): Timex | null {
  for (let i = near.length - 1; i >= 0; i -= 1) {
    const t = near[i];
    if (t && isOffset(text, t)) return t.timex;
  }
  return null;
}

/** Whether `t` is a duration opening its clause and closed by 后/之后/以后. */
function isOffset(text: string, t: DisplayTimex): boolean {
  return (
    t.timex.type === "DURATION" &&
    AFTER_OFFSET.test(text.slice(t.end, t.end + 2)) &&
    BARE_OFFSET.test(text.slice(Math.max(0, t.start - 8), t.start))
  );
}

const AFTER_OFFSET = /^[之以]?[后後]/u;
/**
 * A duration opening its clause: one that names its own starting act (在《闰日协议》签署仅两周后,
 * 事故发生6个月后) counts from that act, which the line need not date.
 */
const BARE_OFFSET = /(?:^|[。！？；，,、\n])[\s*]*[在于於]?(?:大约|[约約仅僅])?$/u;
const SETTING_BEFORE = /[^，,。；！？\n]{1,12}[之以]?[后後][，,]$/u;
const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/u;
const CALENDAR = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?)?)?/u;
/** Modifiers and words of an approximate count (约一小时, 20多天, 几天). */
const ROUGH_MOD = new Set(["APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"]);
const ROUGH_WORD = /[约約多余餘几幾数數来來]/u;

/** Precisions of a calendar value, coarse to fine. */
const LEVELS = ["year", "month", "day", "minute", "second"] as const;
type Level = (typeof LEVELS)[number];

/**
 * The calendar value `value` moved on by the duration `offset` (a DURATION timex), or null when
 * it cannot be: a duration of hours, minutes or seconds needs a clock time, of days a day, of
 * months a month. The result keeps the precision of its own unit (a month's offset gives a month,
 * 1926-05 + P1M → 1926-06; a day's a day; a clock's the clock's) and a year's offset keeps at
 * most the month; an approximate count (约一小时, 20多天) gives one level coarser (the day, the
 * month, the year), and an approximate number of years nothing.
 */
export function addOffset(value: string, offset: Timex): string | null {
  const d = DURATION.exec(offset.value);
  const a = CALENDAR.exec(value);
  if (!d || !a) return null;
  const n = (i: number): number => Number(d[i] ?? 0);
  const months = n(1) * 12 + n(2);
  const seconds = (n(3) * 7 + n(4)) * 86400 + n(5) * 3600 + n(6) * 60 + n(7);
  if (months > 0 === seconds > 0) return null;
  const level: Level = a[6] ? "second" : a[4] ? "minute" : a[3] ? "day" : a[2] ? "month" : "year";
  const unit: Level =
    months > 0 ? (n(2) > 0 ? "month" : "year") : n(5) + n(6) + n(7) > 0 ? "minute" : "day";
  // Note: the anchor must be as fine as the unit counted (a year-only anchor and 三个月后 give no date).
  if (LEVELS.indexOf(level) < LEVELS.indexOf(unit)) return null;
  const rough = (offset.mod !== null && ROUGH_MOD.has(offset.mod)) || ROUGH_WORD.test(offset.text);
  let out: Level =
    unit === "year" ? (level === "year" ? "year" : "month") : unit === "minute" ? level : unit;
  if (rough) {
    if (unit === "year") return null;
    out = unit === "minute" ? "day" : unit === "day" ? "month" : "year";
  }
  // Note: a month's offset keeps the day within the month reached (1926-01-31 + P1M → 1926-02-28),
  // and a year below 100 stays that year (setUTCFullYear, not Date.UTC's 19xx).
  const month = Number(a[2] ?? 1) - 1 + months;
  const year = Number(a[1]) + Math.floor(month / 12);
  const t = new Date(0);
  t.setUTCFullYear(year, month % 12, Math.min(Number(a[3] ?? 1), daysIn(year, month % 12)));
  t.setUTCHours(Number(a[4] ?? 0), Number(a[5] ?? 0), Number(a[6] ?? 0));
  t.setTime(t.getTime() + seconds * 1000);
  const two = (x: number): string => String(x).padStart(2, "0");
  const parts = [
    String(t.getUTCFullYear()).padStart(4, "0"),
    `-${two(t.getUTCMonth() + 1)}`,
    `-${two(t.getUTCDate())}`,
    `T${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`,
    `:${two(t.getUTCSeconds())}`,
  ];
  return parts.slice(0, LEVELS.indexOf(out) + 1).join("");
}

/** The number of days of month `month` (0–11) of `year` (proleptic Gregorian). */
function daysIn(year: number, month: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month + 1, 0);
  return t.getUTCDate();
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
