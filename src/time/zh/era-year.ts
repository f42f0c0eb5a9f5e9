/**
 * Era-name and reign years → the Gregorian year (calendar era): 光绪二十一年 (1895), 民国38年
 * (1949), 民国元年 (1912), 昭和20年 (1945), 明治27年, 世宗二十五年 (1443).
 * Must not match: 唐高宗三年 (a Chinese ruler, not the Joseon king), 明朝太祖三年 (a Joseon
 * temple name with no Korean context in its block or the title), 明治维新 (no year).
 */
import type { Candidate, ParseInput, Parser } from "../types.js";
import { eras, once } from "../tables.js";
import { eraNames, eraStarts, num } from "./fragments.js";

const pattern = once(
  () =>
    new RegExp(`(?<era>${eraNames()})(?<n>\\d{1,2}|元|[一二三四五六七八九十廿]{1,3})年(?!代)`, "g"),
);

/** The era at a match, or undefined when the character before or a missing context rules it out. */
export function eraAt(name: string | undefined, input: ParseInput, at: number) {
  if (name === undefined) return undefined;
  const era = eras().get(name);
  if (era === undefined) return undefined;
  const text = input.text;
  const before = at > 0 ? (text[at - 1] ?? "") : "";
  if (before !== "" && era.table.skipAfter.includes(before)) return undefined;
  const context = era.table.context;
  if (context !== undefined) {
    const named =
      context.words.some((w) => text.includes(w) || input.title.includes(w)) ||
      context.suffixes.some((s) => text.includes(name + s));
    if (!named) return undefined;
  }
  return era;
}

/** An era year's candidate (a Gregorian year, `calendar: era`). */
function eraCandidate(
  start: number,
  end: number,
  year: number,
  traditional: boolean,
  lunarNumerals = false,
  eraFirst?: number,
): Candidate {
  return {
    start,
    end,
    type: "DATE",
    rule: "era-year",
    calendar: "era",
    mod: null,
    point: { year },
    need: "none",
    ...(traditional ? { traditionalMonths: true } : {}),
    ...(lunarNumerals && !traditional ? { lunarNumerals: true } : {}),
    ...(eraFirst !== undefined ? { eraFirst } : {}),
  };
}

/** `time:zh/era-year`. */
export const eraYear: Parser = {
  name: "era-year",
  triggers: "年",
  get starts() {
    return eraStarts();
  },
  get pattern() {
    return pattern();
  },
  extract(match, input) {
    const g = match.groups ?? {};
    const era = eraAt(g.era, input, match.index);
    const n = num(g.n);
    if (era === undefined || n === undefined || n < 1 || n > 70) return null;
    const year = era.first + n - 1;
    const traditional = era.table.traditionalMonthDays === true && year < era.table.lunarBefore;
    return eraCandidate(
      match.index,
      match.index + match[0].length,
      year,
      traditional,
      year < era.table.lunarBefore,
      era.first,
    );
  },
};

// A reign year told without its era (十八年, 二十三年): not after a digit, a numeral or 第/每, not
// before a word that makes it a span (十年后, 三年间, 十年代).
const continuedPattern =
  /(?:(?<![\d〇零一二两三四五六七八九十廿百千第每后後前近约逾达满过])(?<n>元|[一二三四五六七八九十廿]{1,3})年(?=[（(]1\d{3}年[）)])|(?<=(?:^|[。；\n])\s{0,3})(?<n2>元|[一二三四五六七八九十廿]{1,3})年(?![代级度后後前来间内多余半以的制期]))/g;
const GLOSS_AFTER = /^[（(](?<y>1\d{3})年[）)]/;

/**
 * The last era year stated in the block before `at` (光绪十六年 before 十八年), as its era and count,
 * or undefined.
 */
function lastEraYear(input: ParseInput, at: number): { first: number; n: number } | undefined {
  const head = input.text.slice(0, at);
  const re = new RegExp(pattern().source, "g");
  let found: { first: number; n: number } | undefined;
  for (let m = re.exec(head); m !== null; m = re.exec(head)) {
    const era = eraAt(m.groups?.era, input, m.index);
    const n = num(m.groups?.n);
    if (era !== undefined && n !== undefined) found = { first: era.first, n };
  }
  return found;
}

/**
 * `time:zh/era-year` for a reign year told without its era, as classical biographies continue
 * one: 光绪十六年（1890年）…十八年（1892年）, …。十九年調內閣學士 (the block's last era, counted
 * on). With a Gregorian gloss right after it, the gloss gives the year; without one it must open
 * a sentence and count on from an era year stated earlier in its block.
 * Must not match: 十年后, 三年间, 历时十年, 第十年, 十年（1990年—2000年）, a sentence-opening 十年 with no
 * era before it in the block, or counting back (光绪二十年…。十年前).
 */
export const eraContinued: Parser = {
  name: "era-year",
  triggers: "年",
  starts: "元一二三四五六七八九十廿",
  // Every match has a gloss after it or opens its block or a sentence (a cheap test per block).
  // Note: the block's start is its own branch (`(?:^|[。；\n])` first made the engine try the
  // whole alternation at every position; this form is a third faster, same answers).
  gate: /[元一二三四五六七八九十廿]年[（(]|[。；\n]\s*[元一二三四五六七八九十廿]|^\s*[元一二三四五六七八九十廿]/,
  pattern: continuedPattern,
  extract(match, input) {
    const n = num(match.groups?.n ?? match.groups?.n2);
    if (n === undefined || n < 1 || n > 70) return null;
    const end = match.index + match[0].length;
    const gloss = GLOSS_AFTER.exec(input.text.slice(end, end + 9));
    let year: number | undefined;
    const last = lastEraYear(input, match.index);
    if (gloss !== null) year = Number.parseInt(gloss.groups?.y ?? "", 10);
    else {
      if (last === undefined || last.n >= n) return null;
      year = last.first + n - 1;
    }
    // Note: the era is known when the block's last era counts on to this year (for era-counted).
    const first = last !== undefined && last.first + n - 1 === year ? last.first : undefined;
    return eraCandidate(match.index, end, year, false, false, first);
  },
};
