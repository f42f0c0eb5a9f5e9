/**
 * Decides which expressions are asides off the narrative line (`Timex.aside`): future plans
 * (将于2012年3月, 2015年春将举行, an invitation to attend: 邀请朝鲜参加2012年…, but not
 * 应…邀请于2005年访问), the start of a 以来/至今 period (2005年以来, 自2010年3月…至今), quoted speech,
 * parentheses (life spans, glosses) and years inside names (申办1990年亚运会).
 *
 * The time stage's own narrative line skips future, since and quote asides, parenthesized
 * ranges, captions and reference items. A single parenthesized date still supplies the year
 * (明治35年（1902年）2月7日: the gloss restates it), and so does a name's year.
 */
import { alternation, lexicon, once } from "../tables.js";
import type { AsideKind, Placed, Refiner } from "../types.js";
import { MarkDepth } from "../marks.js";
import { sentenceStart } from "./sentences.js";

/** The characters that end a clause (read one by one: a string lookup, not a regex test). */
const CLAUSE_END = "，。；！？,;!?\n";
/** `CLAUSE_END` by UTF-16 unit (a lookup per character instead of a string search). */
const CLAUSE_ENDS = new Uint8Array(0x10000);
for (let k = 0; k < CLAUSE_END.length; k += 1) CLAUSE_ENDS[CLAUSE_END.charCodeAt(k)] = 1;
/**
 * How far back a clause is read. Note: real clauses end within a few dozen characters; the cap
 * keeps a paragraph without punctuation ('1999年' × 16000) linear instead of rereading it per date.
 */
const CLAUSE_MAX = 200;
const HAN = /\p{Script=Han}/u;

const patterns = once(() => {
  const lex = lexicon();
  const inv = lex.invite;
  const attend = alternation(inv.attend);
  const since = alternation(lex.sinceAfter);
  return {
    futureBefore: new RegExp(alternation(lex.futureBefore)),
    futureAfter: new RegExp(`^(?:${alternation(lex.futureAfter)})`),
    // 邀请 … 参加 <date>: the attend verb (not followed by 了/过) is the last one before the date.
    invite: new RegExp(
      `(?<invite>${alternation(inv.words)})(?:(?!${attend}).)*?(?:${attend})(?!${alternation(inv.done)})(?:(?!${attend}).)*$`,
      "u",
    ),
    acceptedBefore: new RegExp(`(?:${alternation(inv.accepted)})$`),
    // 应美国总统邀请 (not 应该/应当…): the frame char, then a few characters up to the invitation.
    acceptedFrame: new RegExp(
      `${alternation([inv.acceptedFrame])}(?![该当对用有])[^，。；]{0,12}$`,
      "u",
    ),
    // 以来/至今 within a few characters of the date, in its clause (2005年朝鲜退出以来).
    sinceNear: new RegExp(`^[^，。；！？,;!?\\n]{0,12}?(?:${since})`),
    sinceAnywhere: new RegExp(since),
    sinceFrom: new RegExp(`(?:${alternation(lex.sinceBefore)})\\s*$`),
    flashbackAfter: new RegExp(
      `^起?(?!${alternation(lex.flashbackAfter.not)})(?:${alternation(lex.flashbackAfter.words)})`,
    ),
    // Note: the word lists below are tested as one prefix-factored pattern each (one pass over
    // the clause instead of one search per word; the same answer as `some(includes/endsWith)`).
    flashbackBefore: new RegExp(alternation(lex.flashbackBefore)),
    documentBefore: new RegExp(`(?:${alternation(lex.documentBefore)})$`),
    documentMade: new RegExp(`^(?:${alternation(lex.documentMade)})`),
    nameOkBefore: new RegExp(`(?:${alternation(lex.nameModifier.okBefore)})$`),
  };
});

function clauseBefore(text: string, item: Placed): string {
  let i = item.textStart;
  const stop = Math.max(item.block.textStart, item.textStart - CLAUSE_MAX);
  while (i > stop && CLAUSE_ENDS[text.charCodeAt(i - 1)] === 0) i -= 1;
  return text.slice(i, item.textStart);
}

function clauseAfter(text: string, item: Placed): string {
  let i = item.textEnd;
  const end = Math.min(item.block.textEnd, item.textEnd + 40);
  while (i < end && CLAUSE_ENDS[text.charCodeAt(i)] === 0) i += 1;
  return text.slice(item.textEnd, i);
}

/** Whether the clause before a date invites someone to attend it (邀请朝鲜参加2012年…). */
export function invitedFuture(clause: string): boolean {
  const p = patterns();
  const m = p.invite.exec(clause);
  if (m === null) return false;
  const head = clause.slice(0, m.index);
  return !p.acceptedBefore.test(head) && !p.acceptedFrame.test(head);
}

/** Whether a date's parts name a year and nothing finer (1990年, 同年; not 1990年代, 3月). */
function yearOnly(item: Placed): boolean {
  if (item.type !== "DATE" || item.value !== undefined || item.lunar !== undefined) return false;
  const p = item.point ?? {};
  if (p.month !== undefined || p.decade !== undefined || p.century !== undefined) return false;
  return p.year !== undefined || item.relative?.unit === "year" || item.sexagenary !== undefined;
}

/** A year-only date between two Han characters that modifies a name (申办1990年亚运会). */
function inName(text: string, item: Placed): boolean {
  if (!yearOnly(item)) return false;
  const prev = text[item.textStart - 1] ?? "";
  const next = text[item.textEnd] ?? "";
  if (!HAN.test(prev) || !HAN.test(next)) return false;
  const { okAfter } = lexicon().nameModifier;
  const before = text.slice(Math.max(0, item.textStart - 2), item.textStart);
  if (patterns().nameOkBefore.test(before)) return false;
  return !okAfter.includes(next);
}

// Note: a preposition (在/于/自/从/到/至/截至/直到) or nothing before the date in its clause puts it
// on the narrative line (朝鲜于2006年10月9日进行的核试验); content before it embeds it in a phrase.
const OPENS_DATE = /(?:^|[在于自从到至止迄])\s*$/u;

/**
 * A date embedded in a relative clause that modifies a noun (恢复德国1937年后在欧洲吞并的领土,
 * 八周前（5月8日）投降的德国): it dates that noun's background. Events do not take their narrative
 * line from it; the time stage's own anchoring still does (measured: skipping it there lost more
 * values on unseen articles than it won). Not when 的 follows the date itself (1945年的会议) or the
 * date opens its clause.
 */
function attributive(before: string, after: string): boolean {
  if (OPENS_DATE.test(before) || !HAN.test(before.charAt(before.length - 1))) return false;
  const de = after.indexOf("的");
  if (de < 1) return false;
  const stretch = after.slice(0, de);
  if (/[《》“”「」]/u.test(stretch)) return false;
  return HAN.test(
    after
      .slice(de + 1)
      .replace(/^[「“《[]+/u, "")
      .charAt(0),
  );
}

/**
 * A date of a named document or of a source: 1982年《联合国海洋法公约》, 据2012年3月16日中央日报报道.
 * Not when a verb of making follows the title (1895年《马关条约》签订, 1898年《定国是诏》颁布): the
 * date is then the document's own event, on the narrative line (次年 counts from it).
 */
function documentDate(text: string, item: Placed): boolean {
  if (/^的?《/u.test(text.slice(item.textEnd, item.textEnd + 2))) {
    // Note: the search is bounded (a text of unclosed titles stays linear).
    const found = text
      .slice(item.textEnd, Math.min(item.block.textEnd, item.textEnd + 42))
      .indexOf("》");
    if (found < 0) return true;
    const close = item.textEnd + found;
    const after = text
      .slice(close + 1, close + 8)
      .replace(/^[》〉\s]*(?:[在于的]|正式|得以|终于)?/u, "");
    return !patterns().documentMade.test(after);
  }
  const before = text.slice(Math.max(item.block.textStart, item.textStart - 2), item.textStart);
  return patterns().documentBefore.test(before);
}

/** A year-only date told as an earlier state: 在1884年就拿不出, 1867年起就被赶入越南的黑旗军. */
function earlierState(item: Placed, after: string): boolean {
  return (
    item.point?.year !== undefined &&
    item.point.month === undefined &&
    patterns().flashbackAfter.test(after)
  );
}

function sinceAside(before: string, after: string, clause: () => string): boolean {
  const p = patterns();
  if (p.sinceNear.test(after)) return true;
  return p.sinceFrom.test(before) && p.sinceAnywhere.test(clause());
}

/** What `asideKind` reads: the text, its sentence starts and the remembered mark scans. */
interface AsideInput {
  text: string;
  starts: Int32Array;
  /** Parentheses from the sentence start; quotes from the block start. */
  parens: MarkDepth;
  quotes: MarkDepth;
}

/** The kind of aside a placed expression is, or null when it stands on the narrative line. */
function asideKind(input: AsideInput, item: Placed): AsideKind | null {
  const { text, parens, quotes } = input;
  if (parens.unbalanced(sentenceStart(input.starts, item), item.textStart)) return "paren";
  if (quotes.unbalanced(item.block.textStart, item.textStart)) return "quote";
  const p = patterns();
  // Note: each clause is read once per expression (the tests below share them).
  const before = clauseBefore(text, item);
  const after = text.slice(item.textEnd, Math.min(item.block.textEnd, item.textEnd + 16));
  let clause: string | undefined;
  const afterClause = (): string => (clause ??= clauseAfter(text, item));
  if (p.futureBefore.test(before) || p.futureAfter.test(after) || invitedFuture(before)) {
    return "future";
  }
  if (sinceAside(before, after, afterClause)) return "since";
  if (documentDate(text, item)) return "document";
  if (p.flashbackBefore.test(before) || earlierState(item, after)) {
    return "flashback";
  }
  if (inName(text, item)) return "name";
  if (attributive(before, afterClause())) return "attributive";
  return null;
}

/** How far a parenthesis around a date is looked for, on either side. */
const PAREN_REACH = 60;
/** What a date, a range of dates or a gloss is written with (digits, date units, links' marks). */
const DATE_CHARS =
  /[\d\uFF10-\uFF19〇零一二三四五六七八九十百千廿卅元初正闰冬腊年月日号時时分秒点世纪代公西农阳历即约前后\s\p{P}\p{S}\p{Script=Latin}]/gu;

/**
 * Where the parenthesis around `[from, to)` opens and closes (the nearest unmatched marks within
 * `PAREN_REACH` characters of the block), or null.
 */
function enclosingParen(
  text: string,
  item: Placed,
  from: number,
  to: number,
): [number, number] | null {
  let open = -1;
  let depth = 0;
  for (let i = from - 1; i >= Math.max(item.block.textStart, from - PAREN_REACH); i -= 1) {
    const ch = text.charAt(i);
    if (ch === "）" || ch === ")") depth += 1;
    else if (ch === "（" || ch === "(") {
      if (depth === 0) {
        open = i;
        break;
      }
      depth -= 1;
    }
  }
  if (open < 0) return null;
  depth = 0;
  for (let i = to; i < Math.min(item.block.textEnd, to + PAREN_REACH); i += 1) {
    const ch = text.charAt(i);
    if (ch === "（" || ch === "(") depth += 1;
    else if (ch === "）" || ch === ")") {
      if (depth === 0) return [open, i];
      depth -= 1;
    }
  }
  return null;
}

/**
 * A date inside a parenthetical remark, a parenthesis that says more than a date or a gloss
 * (直到1927年3月进驻闸北湖州会馆): it dates the remark, not the narrative. A gloss (（1902年）,
 * （光绪三十四年）, （2月21日）, （即1895年）) still supplies the year.
 */
export function parenRemark(text: string, item: Placed): boolean {
  const paren = enclosingParen(text, item, item.textStart, item.textEnd);
  if (paren === null) return false;
  const rest = text.slice(paren[0] + 1, item.textStart) + text.slice(item.textEnd, paren[1]);
  const words = rest.replace(/\[[^\]]*\]\([^)]*\)/gu, (link) => link.slice(1, link.indexOf("]")));
  return words.replace(DATE_CHARS, "").length >= 2;
}

function inParenthesizedRange(text: string, items: Placed[], i: number): boolean {
  const item = items[i]!;
  const other =
    item.head !== undefined
      ? items[item.head]
      : items[i + 1]?.head === i
        ? items[i + 1]
        : undefined;
  if (other === undefined) return false;
  const from = Math.min(item.textStart, other.textStart);
  const to = Math.max(item.textEnd, other.textEnd);
  // Note: a name may come before the range inside the parenthesis (（Amédée Courbet，1827年－1885年）).
  const paren = enclosingParen(text, item, from, to);
  return (
    paren !== null &&
    /^\P{Script=Han}*$/u.test(text.slice(paren[0] + 1, from)) &&
    /^\s*$/.test(text.slice(to, paren[1]))
  );
}

/** `time:zh/asides`. */
export const asides: Refiner = {
  name: "asides",
  refine(items, input) {
    const text = input.text;
    const lex = lexicon();
    const aside: AsideInput = {
      text,
      starts: input.sentenceStarts,
      parens: new MarkDepth(text, lex.parenMarks.open, lex.parenMarks.close),
      quotes: new MarkDepth(text, lex.quoteMarks.open, lex.quoteMarks.close),
    };
    // Note: the candidates are this run's own (fresh from the parsers): marked in place.
    return items.map((item, i) => {
      const kind = asideKind(aside, item);
      const out: Placed = item;
      if (kind !== null) out.asideKind = kind;
      const blockKind = item.block.kind;
      if (
        blockKind === "caption" ||
        blockKind === "reference" ||
        kind === "future" ||
        kind === "since" ||
        kind === "quote" ||
        kind === "flashback" ||
        kind === "document" ||
        inParenthesizedRange(text, items, i) ||
        (kind === "paren" && parenRemark(text, item))
      ) {
        out.aside = true;
      }
      return out;
    });
  },
};
