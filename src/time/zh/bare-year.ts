/**
 * A year written without 年: before a name it modifies (1968普韦布洛号事件), in a life span
 * (（1855－1911）), alone in a table cell (| 1990 |), as the first end of a range of years
 * (1995 - 1997年, 1995-98年), or both ends of a range standing alone (问题，1872-1901) or after
 * 从/自 (从2016到2018, 自1998-2000).
 * Must not match: 约1400受过训练的 (a count; but 约1900前后, 他于约1885赴美 are years), 8022-02, 第1718号, 5015行动计划, 8000根, 1.75万人, 1990多人, file names
 * (SPGs-195105.jpg), URLs, EC-121, 2000 in running prose followed by a unit (also a linked one:
 * 1440[海里]), 1440-1450页, 1990-1800, 从1200到1300人.
 */
import type { Candidate, ParseInput, Parser } from "../types.js";
import { lexicon, once } from "../tables.js";

const pattern =
  /(?<![\w.\-/:#%@－·])(?<y>1\d{3}|20\d{2})(?:(?<dash>[—–\-－~～至到])(?<y2>1\d{3}|20\d{2}))?(?!\d)/g;

const stops = once(
  () =>
    new Set([...lexicon().bareYearStops, "多", "余", "来", "几", "万", "亿", "至", "到", "·", "-"]),
);

const RANGE_TAIL = /^\s*[—–\-－~～至到]\s*(?:1\d{3}|20\d{2}|\d{2})年/;

function isCjk(ch: string): boolean {
  return /[\u4e00-\u9fff]/.test(ch);
}

/**
 * A year in a citation or a Latin-script remark: after a space or an opening parenthesis that
 * follows Latin script or its punctuation (Anderson, Jon L. 1997. …; (New York: Scribner's,
 * 1912).; Press, 2007. pp. 160; Diss., 1933⏎; Earthquake in 1995）), after a comma right after
 * another year (1997,1998.), or, in a reference or list item, between commas (《…》，2002，原民文化;
 * 中华书局，2004，188至190页; 出版社，1999⏎: an item naming a title, a publisher or an ISBN,
 * `citationCues`) — each before punctuation or the end of the line. Not
 * a page, volume or number (pp. 1200., Vol. 1999,, 页1291, 1354: `citationNumberBefore`), not
 * before a word (Boeing 1900 jets) or an issue (2014(1):74).
 */
function citationYear(input: ParseInput, start: number, end: number): boolean {
  const text = input.text;
  const next = text[end] ?? "";
  if (!(next === "" || /^[.,;)）\]\n，。；"”*]$/.test(next))) return false;
  if (next === "." && /\w/.test(text[end + 1] ?? "")) return false;
  const lead = text.slice(Math.max(0, start - 24), start);
  const cited = input.block.kind === "reference" || input.block.kind === "list-item";
  const listed = cited && /[^\d\s][，,] ?$/.test(lead) && hasCitationCue(text);
  const afterYear = /(?:^|\D)(?:1\d{3}|20\d{2}),$/.test(lead);
  // Note: after Latin punctuation anywhere (Press, 2007.; Jon L. 1997.); after any Latin word in
  // a reference or list item, elsewhere only after a preposition of time (Earthquake in 1995）; not
  // The army numbered 1500., room 1204.).
  const latin = cited ? LATIN_LEAD : LATIN_PROSE_LEAD;
  if (!listed && !afterYear && !latin.test(lead)) return false;
  // Note: a number after a cited year and a spaced comma is its page (Clarendon, 1999), 1150.).
  return !pageBefore(lead) && !/(?:1\d{3}|20\d{2})\)?[,，] $/.test(lead);
}

/** Whether the block is a reference or list item and `lead` ends in Latin script before a space. */
function citedLatin(input: ParseInput, lead: string): boolean {
  const cited = input.block.kind === "reference" || input.block.kind === "list-item";
  return cited && LATIN_LEAD.test(lead);
}

/**
 * Two years of a cited item written with a slash or a two-digit second end, after Latin script
 * (America and the World 1989/1990, Vol.; Wiener Kongress 1814/15.*; Intervention Operations
 * 1985-90]: malta-summit, congress-of-vienna, plaza-accord): both ends, the second a later year
 * (15 → 1815), across a century within ten years (Annual Report 1999/00 → 2000). Not a date
 * (1881/02/19), not a count after the pair (1985-90 pages), not pages (pp. 1645-58.), not in
 * prose.
 */
function citedPair(
  input: ParseInput,
  start: number,
  end: number,
  year: string,
): Candidate[] | null {
  const text = input.text;
  const m = CITED_PAIR.exec(text.slice(end, end + 8));
  if (m === null) return null;
  const lead = text.slice(Math.max(0, start - 24), start);
  if (!citedLatin(input, lead) || pageBefore(lead)) return null;
  const first = Number.parseInt(year, 10);
  const second = m[1] ?? "";
  let value =
    second.length === 4
      ? Number.parseInt(second, 10)
      : first - (first % 100) + Number.parseInt(second, 10);
  // Note: a two-digit end at or below the first crosses into the next century (1999/00 → 2000),
  // within a short span (not 1990-85).
  if (second.length === 2 && value <= first && value + 100 - first <= CARRIED_SPAN) value += 100;
  if (value <= first || value - first > 150) return null;
  const at = end + 1;
  return [candidate(start, end, year), candidate(at, at + second.length, String(value))];
}
const CARRIED_SPAN = 10;
const CITED_PAIR = /^[/\-–—](\d{4}|\d{2})(?![\d/-]|\.\d)(?=$|[\s.,;:)）\]*"”，。；])/;

const LATIN_LEAD = /[a-z.,:;'"’*)\]](?: ?[(（]| )$/i;
const LATIN_PROSE_LEAD =
  /(?:[.,:;'"’*)\]]|(?<![a-z])(?:in|of|since|from|until|by|and))(?: ?[(（]| )$/i;

/** The word before a run of numbers is a page, volume or number (页1291, 1354; pp. 1021-1035). */
function pageBefore(lead: string): boolean {
  const head = lead.replace(/[\d,，\s(（–-]+$/, "");
  return lexicon().citationNumberBefore.some((w) => head.endsWith(w));
}

// Note: a block's cue test is remembered for its text, since every number of the block asks it.
let cueText: string | null = null;
let cueFound = false;
function hasCitationCue(text: string): boolean {
  if (text !== cueText) {
    cueText = text;
    cueFound = lexicon().citationCues.some((w) => text.includes(w));
  }
  return cueFound;
}

/**
 * Whether `text` holds only white space before `start` and from `end` on (the match is the whole
 * trimmed text). Note: reads from the match outwards and stops at the first other character,
 * where `text.trim() === match` copied the whole block for every number in it.
 */
function blankOutside(text: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0; i -= 1) if (!BLANK.test(text.charAt(i))) return false;
  for (let i = end; i < text.length; i += 1) if (!BLANK.test(text.charAt(i))) return false;
  return true;
}
const BLANK = /^\s$/;

function candidate(start: number, end: number, year: string): Candidate {
  return {
    start,
    end,
    type: "DATE",
    rule: "bare-year",
    calendar: "gregorian",
    mod: null,
    point: { year: Number.parseInt(year, 10) },
    need: "none",
  };
}

/**
 * Whether the number ending at `end`, after an approximator, counts things (约1400受过训练的流亡古巴人,
 * 大约1500逃亡者) rather than being a year (约1900前后, 他于约1885赴美): see the note at its use.
 */
function approxCount(text: string, end: number): boolean {
  const rest = text.slice(end, end + 10);
  if (APPROX_YEAR_AFTER.test(rest)) return false;
  if (lexicon().approxCountAfter.includes(rest.charAt(0))) return true;
  const phrase = rest.split(/[，。；、！？,;\n]/)[0] ?? "";
  return [...phrase].some((ch) => lexicon().approxCountHeads.includes(ch));
}
const APPROX_YEAR_AFTER = /^(?:前后|左右|以前|以后|之前|之后|以来|期间)/;

/** `time:zh/bare-year`. */
export const bareYear: Parser = {
  name: "bare-year",
  triggers: "12",
  starts: "12",
  pattern,
  extract(match, input) {
    const g = match.groups ?? {};
    const start = match.index;
    const end = start + match[0].length;
    const text = input.text;
    const before = text.slice(Math.max(0, start - 3), start);
    if (lexicon().ordinalBefore.some((w) => before.endsWith(w))) return null;
    const next = text[end] ?? "";
    // Note: most matches are a year before 年 (1990年…, five in six on the corpus), which only a
    // link starting at 年 makes a bare year: every test below rejects it (年 is a stop, not a unit
    // word, a range's tail, a citation's end or a cell's blank), so it is answered here.
    if (next === "年" && g.y2 === undefined && !input.linkStart(end)) return null;
    const prev = text[start - 1] ?? "";
    const wholeCell = blankOutside(text, start, end);
    const inParens = /[（(]$/.test(prev) && /^[)）]/.test(next);
    const word = text.slice(end, end + 2);
    // Note: a year glued to a link's text names the linked thing (1969[EC-121击落事件]).
    // Not before a linked unit (1440[海里]).
    const unitWord = lexicon().bareYearStopWords.some((w) => word.startsWith(w));
    if (input.linkStart(end) && g.y2 === undefined && !/[（(]$/.test(prev) && !unitWord)
      return [candidate(start, end, g.y ?? "")];
    // Note: the first end of a range of years (1995 - 1997年, 1995-98年, 1995至1997年).
    const tail = text.slice(end, end + 12);
    if (g.y2 === undefined ? RANGE_TAIL.test(tail) : tail.startsWith("年")) {
      return [candidate(start, start + (g.y ?? "").length, g.y ?? "")];
    }
    if (g.y2 === undefined) {
      const pair = citedPair(input, start, end, g.y ?? "");
      if (pair !== null) return pair;
    }
    if (g.y2 === undefined && citationYear(input, start, end)) {
      return [candidate(start, end, g.y ?? "")];
    }
    // Note: a period closing the sentence may follow a range (Army, 1861-1914. Indiana).
    if (
      /[\w.%/:@\-－]/.test(next) &&
      !(next === "." && /^(?:\s|$)/.test(text.slice(end + 1, end + 2)))
    )
      return null;
    // Note: not a model number after a Latin name (Fusil Gras M80 1874步枪), not a count after
    // an approximator (约1400受过训练的流亡者, bay-of-pigs; 约1500米 and 共1200人 stop at the unit
    // anyway). Whether a noun phrase follows is not decidable here, so the count reading needs a
    // character of `approxCountAfter` (measure and person nouns, 受, 多/余) next, or a person noun
    // of `approxCountHeads` within ten characters before the clause ends (大约1500逃亡者); never
    // before 前后/左右/以前/之后… Else it is an approximate year (约1900前后, 大约1910左右,
    // 他于约1885赴美).
    const modifier =
      g.y2 === undefined &&
      isCjk(next) &&
      !stops().has(next) &&
      !unitWord &&
      !/[a-z\d]+ $/i.test(text.slice(Math.max(0, start - 12), start)) &&
      !(lexicon().approxBefore.some((w) => before.endsWith(w)) && approxCount(text, end));
    // Note: a range of years standing alone after a comma or a space (经营管理问题，1872-1901;
    // conflict, 1652—1689), up to a century and a half long; not before a unit (1440-1450页).
    // Not pages in a citation (pp. 1021-1035.; Press, 2007, 1021-1035.).
    const lead = text.slice(Math.max(0, start - 24), start);
    const range =
      g.y2 !== undefined &&
      (/^[，,、：:\s*]?$/.test(prev) || (/^[从自]$/.test(prev) && !unitWord)) &&
      !stops().has(next) &&
      !pageBefore(lead) &&
      !/(?:^|\D)(?:1\d{3}|20\d{2}), ?$/.test(lead) &&
      Number.parseInt(g.y2, 10) - Number.parseInt(g.y ?? "", 10) <=
        (citedLatin(input, lead) ? 300 : 150);
    if (!(wholeCell || inParens || modifier || range)) return null;
    const out = [candidate(start, start + (g.y ?? "").length, g.y ?? "")];
    if (g.y2 !== undefined) {
      if (Number.parseInt(g.y2, 10) < Number.parseInt(g.y ?? "", 10)) return null;
      out.push(candidate(end - g.y2.length, end, g.y2));
    }
    return out;
  },
};
