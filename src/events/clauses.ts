/**
 * Clause splitting on the analysis text: a sentence is cut at ，；：, (outside 《》 and （）),
 * and a clause again before 并/并且 joining a second verb phrase (宣布退出…并驱逐… → two acts).
 * Not cut: 并列, 并不, 并未, 合并, 吞并.
 */
import { lowerBound, type Ranged } from "./within.js";

/** A clause: display range `[start, end)` without its final punctuation. */
export interface Clause {
  start: number;
  end: number;
  /** Index of the comma-clause in its sentence (sub-clauses share it). */
  index: number;
  /** True for a sub-clause that starts at 并. */
  joined: boolean;
}

const CUT = new Set(["，", "；", "：", ",", ";", "。", "！", "？", "!", "?", "\n"]);
const OPEN = new Set(["《", "（", "(", "〈"]);
const CLOSE = new Set(["》", "）", ")", "〉"]);
const TRIM = /[\s，；：,;。！？!?、]/u;
const JOIN = /并且|并(?![列不未没非存行肩])|同时(?=[^\s，。；]{2})/gu;

/** The clauses of the display range `[start, end)` of `text`. */
export function splitClauses(text: string, start: number, end: number): Clause[] {
  const out: Clause[] = [];
  let depth = 0;
  let from = start;
  let index = 0;
  const flush = (to: number): void => {
    let s = from;
    let e = to;
    while (s < e && TRIM.test(text.charAt(s))) s += 1;
    while (e > s && TRIM.test(text.charAt(e - 1))) e -= 1;
    if (e > s) {
      let sub = s;
      for (const m of text.slice(s, e).matchAll(JOIN)) {
        const at = s + m.index;
        const prev = text.charAt(at - 1);
        if (at - sub < 2 || prev === "合" || prev === "吞" || prev === "兼") continue;
        out.push({ start: sub, end: at, index, joined: sub !== s });
        sub = at;
      }
      out.push({ start: sub, end: e, index, joined: sub !== s });
      index += 1;
    }
  };
  for (let i = start; i < end; i += 1) {
    const c = text.charAt(i);
    if (OPEN.has(c)) depth += 1;
    else if (CLOSE.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && CUT.has(c)) {
      flush(i);
      from = i + 1;
    }
  }
  flush(end);
  return out;
}

const longest = new WeakMap<ReadonlyArray<Ranged>, number>();

/**
 * The timexes that may overlap `[start, end)`, in array order: by binary search when the array
 * is ordered by start (from `start` minus the longest timex), else all of them.
 */
function overlapping<T extends Ranged>(items: ReadonlyArray<T>, start: number, end: number): T[] {
  let span = longest.get(items);
  if (span === undefined) {
    span = 0;
    for (let i = 0; i < items.length; i += 1) {
      const t = items[i];
      if (t === undefined) continue;
      if (i > 0 && t.start < (items[i - 1]?.start ?? 0)) {
        span = -1;
        break;
      }
      span = Math.max(span, t.end - t.start);
    }
    longest.set(items, span);
  }
  if (span < 0) return [...items];
  const out: T[] = [];
  for (let i = lowerBound(items, start - span); i < items.length; i += 1) {
    const t = items[i];
    if (t === undefined || t.start >= end) break;
    out.push(t);
  }
  return out;
}

/** True when the clause holds nothing but a time phrase (2011年7月28日至29日 / 同年11月). */
export function timeOnly(
  text: string,
  clause: { start: number; end: number },
  timexes: ReadonlyArray<{ start: number; end: number }>,
): boolean {
  let rest = "";
  let at = clause.start;
  for (const t of overlapping(timexes, clause.start, clause.end)) {
    if (t.end <= clause.start || t.start >= clause.end) continue;
    rest += text.slice(at, Math.max(at, t.start));
    at = Math.max(at, t.end);
  }
  if (at === clause.start) return false;
  rest += text.slice(at, clause.end);
  return /^[\s在于从自到至起以后前间来初中末底、和及与—–\-~～（）()]*$/u.test(rest);
}
