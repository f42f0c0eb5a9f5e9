/**
 * duration-mismatch: a stated duration that contradicts its endpoints.
 *
 * Flags (low confidence): 2月29日…签订《闰日协议》。2012年3月16日，在《闰日协议》签署仅两周后 (16 days).
 *        一天后（即2008年2月27日） after 2008年2月25日.
 * Not: 2月1日…签订《甲协议》。2月15日，在《甲协议》签署两周后 (14 days).
 */
import type { Finding, Sentence } from "../model/index.js";
import { spanOf, type CheckContext, type TimexInfo } from "./context.js";
import { compatible, dayNumber, durationDays } from "./dates.js";
import { joinGrams, rareGrams, hanGrams, type NameIndex } from "./names.js";
import { clamp } from "./sequence.js";
import { infosInSentence } from "./lookup.js";

const AFTER = /^\s*(?:以后|之后|后|後)/;
const TITLE = /《([^》]{2,40})》/g;
/** How many sentences back the reference event may be told. */
const LOOKBACK = 8;

/** Finds durations that contradict their endpoints. */
export function findDurationMismatches(ctx: CheckContext, index: NameIndex): Finding[] {
  const out: Finding[] = [];
  for (const d of ctx.infos) {
    if (d.timex.type === "DURATION") {
      const f = afterEvent(ctx, index, d);
      if (f !== null) out.push(f);
    } else if (d.timex.type === "DATE" && !d.explicit && d.date !== null) {
      const f = apposed(ctx, d);
      if (f !== null) out.push(f);
    }
  }
  return out;
}

/** `D，在X仅两周后`: the day of X (told earlier) and D must be the duration apart. */
function afterEvent(ctx: CheckContext, index: NameIndex, d: TimexInfo): Finding | null {
  const stated = durationDays(d.timex.value);
  if (stated === null || d.sentence === null || d.block?.kind !== "paragraph") return null;
  if (!AFTER.test(ctx.text.slice(d.textEnd, d.textEnd + 4))) return null;
  const s = d.sentence;
  const end = infosInSentence(ctx, s).find(
    (i) => i.textEnd <= d.textStart && fullDay(i) && i.timex.type === "DATE",
  );
  if (end === undefined) return null;
  const clause = ctx.text.slice(end.textEnd, d.textStart);
  const ref = referenceDate(ctx, index, clause, s);
  if (ref === null) return null;
  const actual = dayNumber(full(end)) - dayNumber(full(ref));
  if (actual <= 0) return null;
  const mod = d.timex.mod;
  if (mod === "LESS_THAN" && actual <= stated) return null;
  if (mod === "MORE_THAN" && actual >= stated) return null;
  const tolerance = Math.max(1, stated * 0.1);
  if (Math.abs(actual - stated) <= tolerance || mod === "APPROX") return null;
  const confidence = clamp(0.15 + 0.5 * Math.abs(Math.log(actual / stated)));
  return {
    kind: "duration-mismatch",
    ...spanOf(d),
    message:
      `"${d.timex.text}" (${d.timex.value}) does not match its endpoints: ` +
      `"${ref.timex.text}" (${ref.timex.value}) to "${end.timex.text}" (${end.timex.value}) ` +
      `is ${actual} days.`,
    suggestion: null,
    confidence: Math.min(confidence, 0.8),
    evidence: [spanOf(ref), spanOf(end)],
    rule: "check:duration-mismatch",
  };
}

/** The day-precise date of the most recent earlier sentence that names what `clause` names. */
function referenceDate(
  ctx: CheckContext,
  index: NameIndex,
  clause: string,
  s: Sentence,
): TimexInfo | null {
  const titles = [...clause.matchAll(TITLE)].map((m) => m[1] ?? "").filter((t) => t !== "");
  const names = titles.length > 0 ? titles : joinGrams(clause, rareGrams(index, hanGrams(clause)));
  if (names.length === 0) return null;
  for (let k = s.id - 1; k >= 0 && k >= s.id - LOOKBACK; k -= 1) {
    const prev = ctx.doc.sentences[k];
    if (prev === undefined) break;
    const t = ctx.text.slice(prev.textStart, prev.textEnd);
    if (!names.some((n) => t.includes(n))) continue;
    const dated = infosInSentence(ctx, prev).filter(fullDay);
    return dated[dated.length - 1] ?? null;
  }
  return null;
}

/** `一天后（即2008年2月26日）`: a relative date and the date apposed to it must agree. */
function apposed(ctx: CheckContext, d: TimexInfo): Finding | null {
  const next = ctx.infos[d.index + 1];
  if (next?.date == null || !next.explicit || d.date === null) return null;
  const between = ctx.text.slice(d.textEnd, next.textStart);
  if (!/^\s*[（(]\s*即\s*$/.test(between)) return null;
  if (compatible(d.date, next.date)) return null;
  return {
    kind: "duration-mismatch",
    ...spanOf(d),
    message:
      `"${d.timex.text}" counts to ${d.timex.value}, but the text glosses it as ` +
      `"${next.timex.text}" (${next.timex.value}).`,
    suggestion: next.timex.value,
    confidence: 0.6,
    evidence: [spanOf(next)],
    rule: "check:duration-mismatch",
  };
}

function fullDay(i: TimexInfo): boolean {
  return i.date !== null && i.date.month !== null && i.date.day !== null;
}

function full(i: TimexInfo): { year: number; month: number; day: number } {
  const d = i.date;
  return { year: d?.year ?? 0, month: d?.month ?? 1, day: d?.day ?? 1 };
}
