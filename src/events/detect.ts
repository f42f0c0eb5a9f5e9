/**
 * Trigger detection and modality inside one clause. Matches 宣布退出六方会谈 (rejection: the
 * speech verb is transparent), 谴责朝鲜发射卫星 (condemnation: the launch is only its content);
 * does not match 将于4月发射卫星, 计划访问, 如果…制裁 (modal acts are not the act).
 */
import type { EventType } from "../model/index.js";
import { insideException, type EventTables, type Marker, type Trigger } from "./tables.js";
import { parseNumber } from "../time/numerals.js";

/** A trigger occurrence in the analysis text. */
export interface TriggerHit {
  trigger: Trigger;
  start: number;
  end: number;
}

/** An act a clause states. */
export interface ClauseAct {
  type: EventType;
  hit: TriggerHit;
  /** The speech verb that introduced the act (宣布退出), if any. */
  speech?: TriggerHit;
  /** True when the act was folded into a speech verb's statement because it was modal. */
  reported: boolean;
  /**
   * For a detention told as a modifier with its length (关押了五个月的记者): the length in months;
   * the detention began that long before the main act of the clause.
   */
  monthsBefore?: number;
}

/** What detection leaves for the next clause of the sentence. */
export interface Carry {
  /** A condition (如果/若/一旦) is open: the next clause's acts are hypothetical. */
  hypothetical: boolean;
}

const FRAME_AFTER = /^(?:[中上时]|期间|之际|间隙)/u;

function inFrame(text: string, from: number, h: TriggerHit): boolean {
  if (!FRAME_AFTER.test(text.slice(h.end, h.end + 2))) return false;
  // Note: only the window [max(from, start − 12), start] can hold it (no scan of the whole text).
  const low = Math.max(from, h.start - 12);
  const at = text.slice(low, h.start + 1).lastIndexOf("在");
  return at >= 0 && low + at <= h.start;
}

/** Pairs of acts one clause may state together (出席…就职仪式: a visit and an inauguration). */
const CO_EVENTS: ReadonlyArray<[EventType, EventType]> = [
  ["visit", "leadership_change"],
  ["talks", "agreement"],
];

const CONDITION = /如果|假如|倘若|一旦|只要|如不|如未|如有|(?<![例比譬诸])若(?!干)/u;

/** Every trigger occurrence in `[start, end)`, longest first at each position, not overlapping. */
export function findTriggers(
  text: string,
  start: number,
  end: number,
  tables: EventTables,
  masked: (i: number) => boolean,
): TriggerHit[] {
  const index = triggerIndex(tables.triggers);
  const out: TriggerHit[] = [];
  for (let i = start; i < end; i += 1) {
    if (masked(i)) continue;
    const { words, patterns } = index.byFirst.get(text.charCodeAt(i)) ?? index.other;
    let best: TriggerHit | null = null;
    for (const t of patterns) {
      const re = t.pattern as RegExp;
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m || m[0].length === 0 || i + m[0].length > end) continue;
      if (!best || m[0].length > best.end - best.start)
        best = { trigger: t, start: i, end: i + m[0].length };
    }
    for (const t of words) {
      if (best && t.word.length <= best.end - best.start) break;
      if (i + t.word.length > end || !text.startsWith(t.word, i)) continue;
      if (insideException(text, i, t.word, t.except)) continue;
      best = { trigger: t, start: i, end: i + t.word.length };
      break;
    }
    if (!best) continue;
    out.push(best);
    i = best.end - 1;
  }
  return out;
}

/** The triggers that can start at a character: words longest first, patterns in table order. */
interface Bucket {
  words: Trigger[];
  patterns: Trigger[];
}

/**
 * Triggers by the UTF-16 unit they start with; `other` holds what any other character may start
 * (patterns whose first characters `firstUnits` cannot tell, tried everywhere as before).
 */
interface TriggerIndex {
  byFirst: Map<number, Bucket>;
  other: Bucket;
}

const indexCache = new WeakMap<Trigger[], TriggerIndex>();
function triggerIndex(triggers: Trigger[]): TriggerIndex {
  const cached = indexCache.get(triggers);
  if (cached) return cached;
  // Note: the stable sort keeps table order among words of one length, as the scan always did.
  const words = triggers.filter((t) => !t.pattern).sort((a, b) => b.word.length - a.word.length);
  const patterns = triggers.filter((t) => t.pattern);
  const firsts = new Map<Trigger, Set<number> | null>();
  const units = new Set<number>();
  for (const t of words) units.add(t.word.charCodeAt(0));
  for (const t of patterns) {
    const re = t.pattern as RegExp;
    const f = re.ignoreCase ? null : firstUnits(re.source);
    firsts.set(t, f);
    for (const u of f ?? []) units.add(u);
  }
  const starts = (t: Trigger, unit: number | null): boolean => {
    const f = firsts.get(t);
    return f === null || (f !== undefined && unit !== null && f.has(unit));
  };
  const bucket = (unit: number | null): Bucket => ({
    words: unit === null ? [] : words.filter((t) => t.word.charCodeAt(0) === unit),
    patterns: patterns.filter((t) => starts(t, unit)),
  });
  const index: TriggerIndex = { byFirst: new Map(), other: bucket(null) };
  for (const u of units) index.byFirst.set(u, bucket(u));
  indexCache.set(triggers, index);
  return index;
}

/** Characters with a meaning in a pattern: a literal first character is none of these. */
const SYNTAX = new Set("^$.|?*+()[]{}/");

/**
 * The UTF-16 units a match of the pattern `source` can start with, or null when that is not
 * plain from the source. Reads alternatives of a literal character, a group `(?:…)` of such
 * alternatives or a class `[…]` of literal characters, each not optional; anything else (escapes
 * anywhere, ranges, negated classes, lookarounds, a quantifier that allows zero) gives null.
 */
export function firstUnits(source: string): Set<number> | null {
  if (source.includes("\\")) return null;
  const out = new Set<number>();
  for (const alternative of alternatives(source)) {
    const head = firstAtom(alternative);
    if (head === null) return null;
    const next = alternative.charAt(head.length);
    if (next === "?" || next === "*" || next === "{") return null;
    for (const u of head.units) out.add(u);
  }
  return out.size === 0 ? null : out;
}

/** The first atom of a pattern: its length in the source and the units it can start with. */
function firstAtom(source: string): { length: number; units: Set<number> } | null {
  const c = source.charAt(0);
  if (c === "") return null;
  if (c === "(") {
    if (!source.startsWith("(?:")) return null;
    const close = closing(source);
    if (close < 0) return null;
    const units = firstUnits(source.slice(3, close));
    return units === null ? null : { length: close + 1, units };
  }
  if (c === "[") {
    const close = source.indexOf("]");
    const body = source.slice(1, close);
    if (close < 2 || [...body].some((x) => SYNTAX.has(x) || x === "-")) return null;
    return { length: close + 1, units: new Set([...body].map((x) => x.charCodeAt(0))) };
  }
  if (SYNTAX.has(c)) return null;
  const ch = String.fromCodePoint(source.codePointAt(0) as number);
  return { length: ch.length, units: new Set([ch.charCodeAt(0)]) };
}

/** The top-level alternatives of `source` (split at `|` outside groups and classes). */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source.charAt(i);
    if (c === "[") {
      const close = source.indexOf("]", i + 1);
      i = close < 0 ? source.length : close;
    } else if (c === "(") depth += 1;
    else if (c === ")") depth -= 1;
    else if (c === "|" && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/** The index of the `)` closing the group opened at 0, or -1. */
function closing(source: string): number {
  let depth = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source.charAt(i);
    if (c === "[") {
      const close = source.indexOf("]", i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === "(") depth += 1;
    else if (c === ")") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The modality marker that makes the act at `at` not the act, looking back to `from`. */
export function modalBefore(
  text: string,
  from: number,
  at: number,
  markers: Marker[],
): Marker | null {
  for (const m of markers) {
    if (m.scope === "adjacent") {
      const s = at - m.word.length;
      if (s >= from && text.startsWith(m.word, s) && !insideException(text, s, m.word, m.except))
        return m;
      continue;
    }
    if (m.scope === "after") continue;
    // Note: searched in [from, at) only, not up to the end of the text.
    const window = text.slice(from, at);
    let idx = window.indexOf(m.word);
    while (idx >= 0) {
      if (!insideException(text, from + idx, m.word, m.except)) return m;
      idx = window.indexOf(m.word, idx + 1);
    }
  }
  return null;
}

/** The `after` marker right behind the trigger ending at `end` (会谈才可重启: only on a condition). */
export function modalAfter(text: string, end: number, markers: Marker[]): Marker | null {
  for (const m of markers) {
    if (m.scope !== "after") continue;
    // Note: only a start within AFTER_GAP of `end` counts: search just that window.
    const at = text.slice(end, end + AFTER_GAP + m.word.length).indexOf(m.word);
    const idx = at >= 0 ? end + at : -1;
    if (idx >= 0 && !/[，。；：]/u.test(text.slice(end, idx))) return m;
  }
  return null;
}

/** How many characters may stand between a trigger and an `after` marker (会谈|才可, 会谈|还|才能). */
const AFTER_GAP = 2;

/** Decides the act of one clause from its triggers, modality and the carry of the clause before. */
export function detectAct(
  text: string,
  clause: { start: number; end: number },
  hits: TriggerHit[],
  tables: EventTables,
  carry: Carry,
  dated = false,
): { act: ClauseAct | null; also: ClauseAct | null; carry: Carry } {
  const clauseText = text.slice(clause.start, clause.end);
  const { frame: framePattern, description } = tables.patterns;
  if (framePattern.test(clauseText) || description.test(clauseText))
    return { act: null, also: null, carry };
  let scope = clause.start;
  let speech: TriggerHit | null = null;
  let frame: TriggerHit | null = null;
  let adopt: TriggerHit | null = null;
  const acts: TriggerHit[] = [];
  let held: ClauseAct | null = null;
  let modalAct = false;
  for (const h of hits) {
    const role = h.trigger.role;
    // Note: a trigger right before 的 modifies a noun (发射的技术, 制裁的范围, 谴责的声音): not an act.
    const attributive = text.charAt(h.end) === "的" && role !== "speech" && role !== "frame";
    // Note: an event noun inside a locative frame (在六方会谈中, 在3天的访问中) is the setting.
    if ((role === "act" || role === "noun") && inFrame(text, clause.start, h)) continue;
    if (role === "speech") {
      // Note: 被认为/被称 is a received opinion, not a speaker's act.
      if (text.charAt(h.start - 1) === "被") continue;
      if (!speech) speech = h;
      scope = h.end;
      continue;
    }
    if (role === "frame") {
      frame = h;
      continue;
    }
    if (role === "adopt") {
      adopt ??= h;
      continue;
    }
    if (attributive) continue;
    const length = h.trigger.type === "detention" ? heldFor(text.slice(h.end, h.end + 8)) : null;
    if (length !== null) {
      // Note: 关押了五个月的记者 describes the people: the detention is background of the act.
      held = { type: "detention", hit: h, reported: false, monthsBefore: length };
      continue;
    }
    if (!isAct(text, clause, h, tables, dated)) continue;
    const modal =
      carry.hypothetical ||
      modalBefore(text, scope, h.start, tables.markers) !== null ||
      modalAfter(text, h.end, tables.markers) !== null;
    if (role === "govern") {
      if (modal) {
        modalAct = true;
        break;
      }
      acts.length = 0;
      acts.push(h);
      break;
    }
    if (modal) modalAct = true;
    else acts.push(h);
  }
  const conditionAt = text.slice(clause.start, clause.end).search(CONDITION);
  const next: Carry = {
    hypothetical: conditionAt >= 0 && (!speech || speech.start < clause.start + conditionAt),
  };
  let chosen: TriggerHit | null = null;
  for (const h of acts)
    if (!chosen || h.trigger.priority > chosen.trigger.priority || h.trigger.role === "govern")
      chosen = h;
  if (chosen && frame && chosen.trigger.role !== "govern" && chosen.start < frame.start) {
    // Note: acts inside the attribute of a policy noun (采取…制裁…的高压政策) name the policy.
    if (text.slice(chosen.end, frame.start).includes("的")) chosen = null;
  }
  if (chosen) {
    const main: TriggerHit = chosen;
    let also: ClauseAct | null = null;
    for (const [x, y] of CO_EVENTS) {
      const other = main.trigger.type === x ? y : main.trigger.type === y ? x : null;
      const h = other ? acts.find((t) => t.trigger.type === other) : undefined;
      if (h) also = { type: h.trigger.type, hit: h, reported: false };
    }
    const act: ClauseAct = { type: main.trigger.type, hit: main, reported: false };
    if (speech && speech.start < main.start) act.speech = speech;
    if (held) {
      // Note: expelling or freeing people who were held is their release (将关押了五个月的两名记者驱逐出境).
      if (RELEASING.test(text.slice(main.start, main.end))) act.type = "release";
      also ??= held;
    }
    return { act, also, carry: next };
  }
  const none = { also: null, carry: next };
  if (
    frame &&
    tables.patterns.policyVerb.test(text.slice(clause.start, clause.end)) &&
    !modalAct &&
    !carry.hypothetical &&
    !negatedFrame(text, clause.start, frame.start, tables)
  )
    return { act: { type: "policy", hit: frame, reported: false }, ...none };
  if (speech) return { act: { type: "statement", hit: speech, reported: modalAct }, ...none };
  if (adopt && !carry.hypothetical)
    return { act: { type: "statement", hit: adopt, reported: false }, ...none };
  return { act: null, ...none };
}

/**
 * False when an act or noun trigger is no new act: it refers back (此次访问), heads a setting
 * (按照…的要求), is the undated subject of a causation (冲突导致…), or is an incident noun with no
 * verb of occurrence in its clause (a war named as an anchor).
 */
function isAct(
  text: string,
  clause: { start: number; end: number },
  h: TriggerHit,
  tables: EventTables,
  dated: boolean,
): boolean {
  const p = tables.patterns;
  const before = text.slice(clause.start, h.start);
  const after = text.slice(h.end, clause.end);
  if (p.anaphora.test(before)) return false;
  if (p.nominalFrame.test(`${before}＿${after}`)) return false;
  if (!dated && p.cause.test(after)) return false;
  if (h.trigger.role === "noun" && !p.occurrence.test(before + after)) return false;
  return true;
}

const RELEASING = /^(?:驱逐|遣返|释放|放回|交还|移交)/u;
/** The length in months of a held-for modifier after a detention verb (了五个月的, 了两年的), or null. */
export function heldFor(after: string): number | null {
  const m = /^了?(\d{1,2}|十?[一二两三四五六七八九]|十)(个)?(月|年)(?:之久|多)?的/u.exec(after);
  if (!m?.[1] || !m[3] || (m[3] === "月" && !m[2])) return null;
  const n = parseNumber(m[1]);
  if (n === null) return null;
  return m[3] === "年" ? n * 12 : n;
}

function negatedFrame(text: string, from: number, at: number, tables: EventTables): boolean {
  const m = modalBefore(text, from, at, tables.markers);
  return m !== null;
}
