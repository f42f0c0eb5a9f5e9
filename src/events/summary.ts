/**
 * A summary of an event that reads alone: its mention with the subject restored, leading
 * connectives dropped and, when too long, asides removed and a cut at a word boundary outside
 * quotes, titles, brackets and links.
 *
 * - 并表示将继续谈判 (subject 朝鲜) → 朝鲜表示将继续谈判
 * - 随后于1899年考入上海英华书院 (subject 顾维钧) → 顾维钧于1899年考入上海英华书院
 * - 他隨即宣佈辭職 (subject 袁世凱) → 袁世凱隨即宣佈辭職
 * - not: 英法联军攻打天津 (the clause names its own subject; nothing is added)
 */
import type { Document } from "../model/index.js";
import { displayRange, rawToDisplay } from "../entities/index.js";
import { lowerBound } from "./within.js";

/** A word of the analysis text (offsets into the summarized string), with its jieba tag. */
export interface SummaryToken {
  start: number;
  end: number;
  tag: string;
}

/** What a summary is built from; every offset is into `text` (UTF-16, half-open). */
export interface SummaryInput {
  /** The event's mention in the document's script (display text: no markup, no footnotes). */
  text: string;
  /** The same characters in the Simplified analysis script (same length as `text`). */
  analysis: string;
  /** Jieba words of `analysis`, in order. */
  tokens: readonly SummaryToken[];
  /** Ranges never cut inside (links). */
  links?: ReadonlyArray<readonly [number, number]>;
  /**
   * The acting subject's name in the document's script, given when the mention does not name
   * it; it is put before a mention that opens with a predicate or replaces an opening pronoun.
   */
  subject?: string | null;
  /** Ranges of time expressions (a leading date does not hide a missing subject). */
  times?: ReadonlyArray<readonly [number, number]>;
  /** The article's topic (its title), the subject of a definition (…是指…). */
  topic?: string | null;
  /** Longest summary before a cut (default `SUMMARY_LENGTH`). */
  limit?: number;
}

/** About how long a summary may be (characters) before it is cut. */
export const SUMMARY_LENGTH = 40;

/** Connectives that leave a clause dangling when it stands alone (whole jieba words). */
const CONNECTIVES: ReadonlySet<string> = new Set([
  "并",
  "并且",
  "但",
  "但是",
  "而",
  "而且",
  "且",
  "同时",
  "与此同时",
  "随后",
  "随即",
  "旋即",
  "此后",
  "其后",
  "之后",
  "然后",
  "而后",
  "后来",
  "接着",
  "继而",
  "于是",
  "因此",
  "因而",
  "所以",
  "从而",
  "进而",
  "不过",
  "然而",
  "却",
  "又",
  "还",
  "也",
  "亦",
  "便",
  "就",
  "遂",
  "乃",
  "另外",
  "此外",
  "甚至",
  "以及",
]);

/** Subject pronouns that a name replaces (他宣布… → 袁世凯宣布…). */
const PRONOUNS: ReadonlySet<string> = new Set([
  "他",
  "她",
  "他们",
  "她们",
  "该国",
  "后者",
  "前者",
  "此人",
  "二人",
  "两人",
]);

/** Prepositions that open a setting or source, not the act of a missing subject (据报道…). */
const NOT_PREDICATE: ReadonlySet<string> = new Set([
  "据",
  "根据",
  "按照",
  "依照",
  "随着",
  "由于",
  "因为",
  "关于",
  "至于",
  "除",
  "除了",
  "作为",
  "包括",
  "其中",
]);

const OPENERS = "「『“‘《〈（(【[";
const CLOSERS = "」』”’》〉）)】]";
/** Asides that may go when the summary is too long: parenthesized glosses. */
const ASIDE_OPEN = "（(";
const PUNCTUATION = /[\s，,、；;：:。！!？?…—－-]/u;
const FOOTNOTE = /\[(?:注\s*)?\d{1,3}\]/gu;

/** One character of the summary being built, with what the cut must respect. */
interface Char {
  c: string;
  /** Its offset in the mention, or -1 for the restored subject. */
  at: number;
  /** Cutting before this character falls on a word boundary. */
  boundary: boolean;
  /** Link index, or -1. */
  link: number;
}

/** Copulas that open a definition (…是指…): the article's topic is their subject. */
const COPULA: ReadonlySet<string> = new Set(["是", "是指", "指", "系", "乃是"]);
/** A connective glued to a preposition by jieba (并于, 而在): the connective goes, the rest stays. */
const GLUED = /^[并而但又且](?=[于在将与对向把被以从])/u;
/** A name of an event standing alone (限制海军军备条约): it needs no subject. */
const EVENT_NAME = /^[^，。；、]{0,14}(?:条约|协定|协议|公约|会议|事件|战役|战争|宣言|运动|起义)$/u;
/** Words that stay with a leading date (1866年时, 8时15分左右). */
const TIME_TAIL = /^(?:[时间起]|时候|期间|左右|前后|北京时间|当地时间)$/u;

/** Whether a tag is a predicate that needs a subject (verb, adverb, preposition of the act). */
function opensWithPredicate(word: string, tag: string): boolean {
  if (NOT_PREDICATE.has(word)) return false;
  if (tag === "vn") return false;
  return tag.startsWith("v") || tag === "d" || tag === "ad" || tag === "p";
}

/** Where the clause starts once dangling connectives are gone, and its first word after any date. */
interface Opening {
  /** Offset after the connectives. */
  from: number;
  /** Index of the first token after connectives and a leading date, if any. */
  head: number;
  /** Offset where that token starts (after a glued connective). */
  headStart: number;
  /** The end of a leading date closed by ，(1894年7月25日，…), which can go when space is short. */
  dateEnd: number | null;
}

function opening(input: SummaryInput): Opening {
  const { tokens, analysis } = input;
  const times = input.times ?? [];
  const word = (t: SummaryToken): string => analysis.slice(t.start, t.end);
  let i = 0;
  let from = input.text.length;
  for (; i < tokens.length; i += 1) {
    const t = tokens[i] as SummaryToken;
    const w = word(t);
    if (GLUED.test(w)) {
      from = t.start + 1;
      return { from, head: i, headStart: from, dateEnd: null };
    }
    if (!CONNECTIVES.has(w) && !PUNCTUATION.test(w)) {
      from = t.start;
      break;
    }
  }
  const inTime = (t: SummaryToken): boolean => times.some(([a, b]) => t.start >= a && t.end <= b);
  let k = i;
  let depth = 0;
  let dated = false;
  let dateEnd: number | null = null;
  for (; k < tokens.length; k += 1) {
    const t = tokens[k] as SummaryToken;
    const w = word(t);
    if (ASIDE_OPEN.includes(w)) depth += 1;
    else if (w === "）" || w === ")") depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (inTime(t) || (dated && TIME_TAIL.test(w)) || (k === i && TIME_TAIL.test(w)))
      dated = true;
    else if (dated && /^[，,\s]$/u.test(w)) dateEnd = t.end;
    else if (dated && CONNECTIVES.has(w)) continue;
    else break;
  }
  if (!dated) return { from, head: i, headStart: tokens[i]?.start ?? from, dateEnd: null };
  return { from, head: k, headStart: tokens[k]?.start ?? input.text.length, dateEnd };
}

/** Pairs of brackets and quotes as the ranges `(open, close)` of `chars` that are balanced. */
function enclosed(chars: readonly Char[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const stack: number[] = [];
  chars.forEach((ch, i) => {
    const close = CLOSERS.indexOf(ch.c);
    if (close >= 0) {
      for (let k = stack.length - 1; k >= 0; k -= 1) {
        const open = stack[k] as number;
        if (OPENERS.indexOf((chars[open] as Char).c) === close) {
          out.push([open, i]);
          stack.length = k;
          return;
        }
      }
      return;
    }
    if (OPENERS.includes(ch.c)) stack.push(i);
  });
  return out;
}

/** Removes brackets and quotes without a partner (the mention began or ended inside them). */
function dropUnpaired(chars: Char[]): Char[] {
  const paired = new Set<number>();
  for (const [a, b] of enclosed(chars)) paired.add(a).add(b);
  const unpairedOpen = chars.findIndex((ch, i) => ASIDE_OPEN.includes(ch.c) && !paired.has(i));
  // An aside left open runs to the end of the mention: it goes whole.
  const kept = unpairedOpen > 0 ? chars.slice(0, unpairedOpen) : chars;
  return kept.filter(
    (ch, i) => !((OPENERS.includes(ch.c) || CLOSERS.includes(ch.c)) && !paired.has(i)),
  );
}

/** Without empty brackets (（）, left by converter markup) and a parenthesis around everything. */
function dropEmpty(chars: readonly Char[]): Char[] {
  const gone = new Uint8Array(chars.length);
  for (const [a, b] of enclosed(chars)) {
    if (b === a + 1) gone.fill(1, a, b + 1);
    else if (a === 0 && b === chars.length - 1 && ASIDE_OPEN.includes((chars[a] as Char).c)) {
      gone[a] = 1;
      gone[b] = 1;
    }
  }
  return chars.filter((_, i) => gone[i] === 0);
}

/** The characters without their parenthesized asides (（1859年）, (JSA)), unless nothing else is left. */
function dropAsides(chars: readonly Char[]): Char[] {
  const gone = new Uint8Array(chars.length);
  for (const [a, b] of enclosed(chars))
    if (ASIDE_OPEN.includes((chars[a] as Char).c)) gone.fill(1, a, b + 1);
  const kept = chars.filter((_, i) => gone[i] === 0);
  return kept.some((ch) => !PUNCTUATION.test(ch.c)) ? kept : [...chars];
}

/** Blanks kept only between two characters that are not CJK (a single space between words). */
function tidyBlanks(chars: readonly Char[]): Char[] {
  const wide = (c: string | undefined): boolean => c === undefined || c.charCodeAt(0) > 0x7f;
  const blank = (c: string): boolean => /\s/u.test(c);
  // The next character that is not blank, for every position (one backward pass).
  const after: Array<string | undefined> = new Array<string | undefined>(chars.length);
  let next: string | undefined;
  for (let i = chars.length - 1; i >= 0; i -= 1) {
    after[i] = next;
    const c = (chars[i] as Char).c;
    if (!blank(c)) next = c;
  }
  const out: Char[] = [];
  chars.forEach((ch, i) => {
    if (!blank(ch.c)) {
      out.push(ch);
      return;
    }
    const before = out[out.length - 1]?.c;
    if (before === undefined || blank(before) || wide(before) || wide(after[i])) return;
    out.push({ ...ch, c: " " });
  });
  return out;
}

/** The best place to cut `chars` at or before `limit`: a word boundary outside quotes and links. */
function cutAt(chars: readonly Char[], limit: number): number {
  const inside = new Uint8Array(chars.length + 1);
  const pairs = enclosed(chars);
  for (const [a, b] of pairs) inside.fill(1, a + 1, b + 1);
  const allowed = (i: number): boolean => {
    const ch = chars[i];
    const before = chars[i - 1];
    if (!ch || !before) return false;
    if (inside[i] === 1) return false;
    if (ch.link >= 0 && ch.link === before.link) return false;
    return ch.boundary;
  };
  // Note: a quote or title the limit falls in is kept whole when it closes soon after ("about" 40).
  const around = pairs.find(([a, b]) => a < limit && b >= limit);
  if (around && around[1] + 1 <= limit * 1.5)
    return around[1] + 1 >= chars.length || allowed(around[1] + 1) ? around[1] + 1 : chars.length;
  // A clause break (after ，；：) far enough in reads best; else the last word boundary.
  const least = Math.floor(limit * 0.4);
  for (let i = limit; i >= least; i -= 1)
    if (allowed(i) && /[，,；;：:]/u.test((chars[i - 1] as Char).c)) return i;
  for (let i = limit; i >= 4; i -= 1) if (allowed(i)) return i;
  for (let i = limit + 1; i < chars.length; i += 1) if (allowed(i)) return i;
  return chars.length;
}

/** The summary of one event (see the module comment). */
export function summarize(input: SummaryInput): string {
  const limit = input.limit ?? SUMMARY_LENGTH;
  const { text, analysis } = input;
  const open = opening(input);
  const head = input.tokens[open.head];
  const starts = new Set(input.tokens.map((t) => t.start));
  const linkAt = new Int32Array(text.length).fill(-1);
  (input.links ?? []).forEach(([a, b], k) =>
    linkAt.fill(k, Math.max(0, a), Math.min(b, text.length)),
  );
  let subject: string | null = null;
  let skip: [number, number] | null = null;
  if (head) {
    const word = analysis.slice(open.headStart, head.end);
    const next = input.tokens[open.head + 1];
    const rest = analysis.slice(open.from).replace(/[，。；\s]+$/u, "");
    // 其 is a subject before a verb (其率领…), a possessive before a noun (其主要目的…).
    const its =
      word === "其" &&
      next !== undefined &&
      ((next.tag.startsWith("v") && next.tag !== "vn") || next.tag === "d");
    if (COPULA.has(word) && open.head === 0 && input.topic) subject = input.topic;
    else if (input.subject && (PRONOUNS.has(word) || its)) {
      subject = input.subject;
      skip = [head.start, head.end];
    } else if (
      input.subject &&
      !(head.tag !== "p" && EVENT_NAME.test(rest) && !/[了过与和]/u.test(rest)) &&
      (open.headStart > head.start ? GLUED.test(analysis.slice(head.start, head.end)) : true) &&
      opensWithPredicate(word, open.headStart > head.start ? "p" : head.tag)
    )
      subject = input.subject;
  }
  let chars: Char[] = [];
  for (const c of subject ?? "") chars.push({ c, at: -1, boundary: false, link: -1 });
  for (let i = open.from; i < text.length; i += 1) {
    if (skip && i >= skip[0] && i < skip[1]) continue;
    chars.push({
      c: text.charAt(i),
      at: i,
      boundary: starts.has(i) || i === open.from,
      link: linkAt[i] ?? -1,
    });
  }
  // Footnote markers and line breaks never belong in a summary.
  const plain = chars.map((ch) => ch.c).join("");
  const noise = new Uint8Array(chars.length);
  for (const m of plain.matchAll(FOOTNOTE)) noise.fill(1, m.index, m.index + m[0].length);
  chars = chars.filter((ch, i) => noise[i] === 0);
  chars = tidyBlanks(dropEmpty(dropUnpaired(chars)));
  if (chars.length > limit) chars = tidyBlanks(dropAsides(chars));
  // The row shows the date: a leading date closed by ， goes when space is short.
  const dateEnd = open.dateEnd;
  if (chars.length > limit && dateEnd !== null)
    chars = chars.filter((ch) => ch.at < open.from || ch.at >= dateEnd);
  let cut = false;
  if (chars.length > limit) {
    const at = cutAt(chars, limit);
    cut = at < chars.length;
    chars = chars.slice(0, at);
  }
  let out = chars.map((ch) => ch.c).join("");
  out = out.replace(/[\s，,、；;：:—－-]+$/u, "").replace(/^[\s，,、；;：:。]+/u, "");
  return cut ? `${out}…` : out;
}

/** An actor's mention on the display text (what `extractEvents` places). */
export interface NamedMention {
  id: string;
  kind: string;
  start: number;
  end: number;
}

/** Summaries of one document's events, in the script most of its text is written in. */
export interface DocumentSummaries {
  doc: Document;
  /** zh-cn and zh-tw display texts and the analysis text (all as long as `doc.text`). */
  cn: string;
  tw: string;
  analysis: string;
  /** Jieba words of the analysis text, in order. */
  tokens: readonly SummaryToken[];
  /** Actor mentions on the display text, sorted by start. */
  mentions: readonly NamedMention[];
  /** Time expressions on the display text. */
  times: ReadonlyArray<{ start: number; end: number }>;
}

/** Whether most characters that differ between the scripts are written Traditional. */
export function writtenTraditional(text: string, cn: string, tw: string): boolean {
  let simplified = 0;
  let traditional = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (cn.charCodeAt(i) === tw.charCodeAt(i)) continue;
    if (text.charCodeAt(i) === tw.charCodeAt(i)) traditional += 1;
    else if (text.charCodeAt(i) === cn.charCodeAt(i)) simplified += 1;
  }
  return traditional > simplified;
}

/** Where the sentence holding `at` starts: after the last 。！？ or line break before it. */
function sentenceStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i -= 1) {
    const c = text.charCodeAt(i);
    // 。 ！ ？ \n
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 10) return i + 1;
  }
  return 0;
}

/**
 * A function giving the summary of an event told at `[start, end)` of the display text with
 * these source actors: the subject is the actors' names as last written before the mention
 * (in the document's script), given only when the mention names none of them.
 */
export function documentSummaries(
  input: DocumentSummaries,
): (start: number, end: number, source: readonly string[]) => string {
  const shown = writtenTraditional(input.doc.text, input.cn, input.tw) ? input.tw : input.cn;
  const index = rawToDisplay(input.doc);
  const links = input.doc.links
    .map((l) => displayRange(input.doc, index, l.anchor))
    .filter((r): r is [number, number] => r !== null)
    .map(([start, end]) => ({ start, end }))
    .sort((a, b) => a.start - b.start);
  const times = [...input.times].sort((a, b) => a.start - b.start);
  // Note: ranges are looked up by binary search (lowerBound) so that a document with many
  // events and mentions stays linear; a link or timex is at most a few hundred characters.
  const near = <T extends { start: number; end: number }>(
    items: readonly T[],
    start: number,
    end: number,
  ): T[] => {
    const out: T[] = [];
    for (let i = lowerBound(items, start - 500); i < items.length; i += 1) {
      const item = items[i] as T;
      if (item.start >= end) break;
      if (item.end > start) out.push(item);
    }
    return out;
  };
  // The mentions of each actor that name it (two characters or more), in text order.
  const byId = new Map<string, NamedMention[]>();
  for (const m of input.mentions) {
    // Note: a one-character abbreviation (英、美等国) does not name an actor on its own.
    if (m.end - m.start < 2) continue;
    const list = byId.get(m.id) ?? [];
    list.push(m);
    byId.set(m.id, list);
  }
  // The topic of a definition: the title without a disambiguation (珍宝岛事件 (1969年)), in the
  // document's script where the text writes it.
  const title = input.doc.title.replace(/\s*[（(][^（）()]*[）)]\s*$/u, "").trim();
  const at = title.length > 0 ? input.doc.text.indexOf(title) : -1;
  const topic =
    title.length === 0 || title.length > 16
      ? null
      : at >= 0
        ? shown.slice(at, at + title.length)
        : title;
  /**
   * The actor's name as last written before `at` (a person's: else first after), in the
   * document's script; null for any other party (a state, a body, a group…) not named between
   * `sentence` (the mention's sentence start) and `at`.
   * Note: measured on the dev split (`bench/summary-subjects.js`), a state or body carried over
   * from an earlier sentence was the gold's source in under half the summaries (a running
   * subject, a capital standing for its state), a person about four in five: a wrong subject
   * misleads a reader more than a clause that opens with its verb.
   */
  const nameOf = (id: string, at: number, sentence: number): string | null => {
    const list = byId.get(id);
    if (!list || list.length === 0) return null;
    const i = lowerBound(list, at);
    const m = list[i > 0 ? i - 1 : 0] as NamedMention;
    if (m.kind !== "person" && (m.start < sentence || m.start >= at)) return null;
    return shown.slice(m.start, m.end);
  };
  const kind = new Map(input.mentions.map((m) => [m.id, m.kind]));
  return (start, end, source) => {
    const named = near(input.mentions, start, end).some(
      (m) => m.start >= start && m.end <= end && source.includes(m.id),
    );
    // Note: a person or body acts for its state (邹守愚, not 明朝和邹守愚); two states are named
    // together only for a mutual act (双方, 对方, 共同).
    const parties = source.filter((id) => kind.get(id) !== "state");
    const states = source.filter((id) => kind.get(id) === "state");
    const mutual = /双方|对方|共同|一同|相互|互相|联合/u.test(input.analysis.slice(start, end));
    const sentence = sentenceStart(input.analysis, start);
    const nameAll = (ids: string[]): string[] =>
      ids.map((id) => nameOf(id, start, sentence)).filter((n): n is string => n !== null);
    // Note: a person or body without a name in reach gives way to the state named in the sentence.
    const party = nameAll(parties).slice(0, 1);
    const names = named ? [] : party.length > 0 ? party : nameAll(states).slice(0, mutual ? 2 : 1);
    const tokens: SummaryToken[] = [];
    for (let i = lowerBound(input.tokens, start); i < input.tokens.length; i += 1) {
      const t = input.tokens[i] as SummaryToken;
      if (t.start >= end) break;
      tokens.push({ start: t.start - start, end: Math.min(t.end, end) - start, tag: t.tag });
    }
    return summarize({
      text: shown.slice(start, end),
      analysis: input.analysis.slice(start, end),
      tokens,
      links: near(links, start, end).map((l): [number, number] => [l.start - start, l.end - start]),
      subject: names.length > 0 ? names.join("和") : null,
      times: near(times, start, end)
        .filter((t) => t.start >= start && t.end <= end)
        .map((t): [number, number] => [t.start - start, t.end - start]),
      topic,
    });
  };
}
