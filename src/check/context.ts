/**
 * The view of one document the checks share: each timex placed in its sentence, block and
 * display text, its date parts, and whether it stands on the narrative line or is an aside.
 */
import type {
  Block,
  Chronicle,
  Document,
  Normalized,
  Sentence,
  Span,
  Timex,
} from "../model/index.js";
import { cues } from "./cues.js";
import { parseDate, type DateParts } from "./dates.js";

/** Why a date is not a point of the narrative line (so it can never be out of sequence). */
export type Aside =
  | "block"
  | "flashback"
  | "retrospective"
  | "future"
  | "since"
  | "bound"
  | "parenthesis"
  | "quotation"
  | "range"
  | "list"
  | "modifier";

/** A timex placed in the document. */
export interface TimexInfo {
  timex: Timex;
  /** Index in `CheckContext.infos` (document order). */
  index: number;
  /** Display-text range (UTF-16, half-open). */
  textStart: number;
  textEnd: number;
  sentence: Sentence | null;
  block: Block | null;
  /** Known parts of a year-precise DATE/TIME value, else null. */
  date: DateParts | null;
  /** True when the expression states its own year (not anchored, not relative). */
  explicit: boolean;
  /** Why it is off the narrative line, or null when it is a point of the line. */
  aside: Aside | null;
}

/** Everything a check needs about one document. */
export interface CheckContext {
  doc: Document;
  /** Simplified analysis text (same length as `doc.text`). */
  text: string;
  chronicle: Chronicle;
  infos: TimexInfo[];
  byId: Map<string, TimexInfo>;
}

const STATES_YEAR = /年|\d{4}/;

/** Builds the shared view of a document and its timexes. */
export function buildContext(chronicle: Chronicle, normalized: Normalized): CheckContext {
  const doc = normalized.doc;
  const text = normalized.analysis;
  const toText = displayIndex(doc);
  const infos: TimexInfo[] = [];
  const sorted = [...chronicle.timexes].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const timex of sorted) {
    const [textStart, textEnd] = toText(timex);
    const sentence = findSentence(doc.sentences, timex.start);
    const blockId = sentence?.block ?? findBlock(doc.blocks, timex.start)?.id;
    const block = blockId === undefined ? null : (doc.blocks[blockId] ?? null);
    const dated = timex.type === "DATE" || timex.type === "TIME";
    const date = dated ? parseDate(timex.value) : null;
    const explicit = date !== null && timex.anchor === null && STATES_YEAR.test(timex.text);
    infos.push({
      timex,
      index: infos.length,
      textStart,
      textEnd,
      sentence,
      block,
      date,
      explicit,
      aside: null,
    });
  }
  const retrospective = new Map<number, boolean>();
  for (const info of infos) info.aside = asideOf(info, infos, text, retrospective);
  markLists(infos, text);
  const byId = new Map(infos.map((i) => [i.timex.id, i]));
  return { doc, text, chronicle, infos, byId };
}

/** A function from a raw span to its display range (UTF-16, half-open). */
function displayIndex(doc: Document): (span: { start: number; end: number }) => [number, number] {
  const firstAt = new Int32Array(doc.raw.length + 1).fill(-1);
  for (let i = doc.rawStarts.length - 1; i >= 0; i -= 1) {
    const r = doc.rawStarts[i] ?? 0;
    if (r >= 0 && r <= doc.raw.length) firstAt[r] = i;
  }
  // Fill each raw offset with the first display character at or after it.
  let next = doc.text.length;
  for (let r = doc.raw.length; r >= 0; r -= 1) {
    const v = firstAt[r] ?? -1;
    if (v >= 0) next = v;
    else firstAt[r] = next;
  }
  return (span) => {
    const ds = firstAt[Math.min(span.start, doc.raw.length)] ?? doc.text.length;
    let de = ds;
    while (de < doc.text.length && (doc.rawStarts[de] ?? Infinity) < span.end) de += 1;
    return [ds, de];
  };
}

/** The sentence holding raw offset `at`, by binary search. */
export function findSentence(sentences: Sentence[], at: number): Sentence | null {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (s === undefined) break;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

function findBlock(blocks: Block[], at: number): Block | null {
  for (const b of blocks) if (b.start <= at && at < b.end) return b;
  return null;
}

/**
 * Why a timex is off the narrative line: its block, the time stage's aside flag
 * (`Timex.aside`: future, since, quote, paren, name, flashback, document; `Timex.rangeHead`), and
 * the checks' own cues for retrospectives and bounds (回忆, 以前).
 */
function asideOf(
  info: TimexInfo,
  infos: TimexInfo[],
  text: string,
  retrospective: Map<number, boolean>,
): Aside | null {
  const c = cues();
  // Note: list items are their own passages (a list of dates is not one narrative line).
  if (info.block === null || (info.block.kind !== "paragraph" && info.block.kind !== "list-item")) {
    return "block";
  }
  const flag = info.timex.aside ?? null;
  if (flag === "paren") return "parenthesis";
  if (flag === "quote") return "quotation";
  const prev = infos[info.index - 1];
  if (prev?.timex.rangeHead === true && prev.sentence === info.sentence) return "range";
  const sStart = info.sentence?.textStart ?? info.block.textStart;
  const after = text.slice(info.textEnd, info.textEnd + 6);
  if (flag === "flashback") return "flashback";
  // Note: looked up once per sentence (a sentence of thousands of dates is read once).
  let retro = retrospective.get(sStart);
  if (retro === undefined) {
    const sentence = text.slice(sStart, info.sentence?.textEnd ?? info.block.textEnd);
    retro = c.flashbackSentence.some((w) => sentence.includes(w));
    retrospective.set(sStart, retro);
  }
  if (retro) return "retrospective";
  if (flag === "future") return "future";
  if (flag === "since") return "since";
  if (c.boundAfter.some((w) => after.startsWith(w))) return "bound";
  if (flag === "name" || flag === "document") return "modifier";
  return null;
}

/**
 * Marks every member of a coordination of dates (`1998年、2001年和1995年`) as a list, and
 * the head of a range (`从2001年至2006年底`, `Timex.rangeHead`) as a range: a period is not a
 * point of the line.
 */
function markLists(infos: TimexInfo[], text: string): void {
  const joins = new Set(cues().listJoin);
  for (let i = 1; i < infos.length; i += 1) {
    const a = infos[i - 1];
    const b = infos[i];
    if (a === undefined || b === undefined || a.sentence !== b.sentence) continue;
    if (a.textEnd > b.textStart) continue;
    const between = text.slice(a.textEnd, b.textStart).trim();
    if (joins.has(between)) {
      if (a.aside === null) a.aside = "list";
      if (b.aside === null) b.aside = "list";
    } else if (a.timex.rangeHead === true && a.aside === null) {
      a.aside = "range";
    }
  }
}

/** The raw span of a display range. */
export function spanOfText(doc: Document, textStart: number, textEnd: number): Span {
  const start = doc.rawStarts[textStart] ?? doc.raw.length;
  const end = textEnd > textStart ? (doc.rawEnds[textEnd - 1] ?? start) : start;
  return { start, end, text: doc.raw.slice(start, end) };
}

/** A timex's own raw span. */
export function spanOf(info: TimexInfo): Span {
  return { start: info.timex.start, end: info.timex.end, text: info.timex.text };
}

/** The timex ids a timex took its missing parts from, nearest first (the anchor chain). */
export function anchorChain(ctx: CheckContext, info: TimexInfo): TimexInfo[] {
  const chain: TimexInfo[] = [];
  const seen = new Set<string>();
  let cur = info.timex.anchor;
  while (cur !== null && !seen.has(cur)) {
    seen.add(cur);
    const a = ctx.byId.get(cur);
    if (a === undefined) break;
    chain.push(a);
    cur = a.timex.anchor;
  }
  return chain;
}
