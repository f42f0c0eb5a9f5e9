/**
 * Numbered military formations (`formation` rows of `compound-contexts.tsv`): 第38军, 38军,
 * 第三十八军, 第二二一师, 第1师团, 第2集团军, 第七舰队, with the one-character state form glued
 * before them (韩9师, 美第7师, 日第3军) and the side the words before them name (韩军第9师, 志愿军第45师,
 * 美国第7师). Every form of one formation is one entity (第38军 … 38军 … 第三十八军).
 * Not: 三军 or 十万大军 (a Chinese numeral needs 第), 下辖3师 (an Arabic number without 第 needs a
 * side named before it or 第 on the same formation elsewhere), 2010军 (more than three digits),
 * 第38军军长 (the head inside a longer word), 1950年.
 */
import { pickByEra, type Gazetteer } from "./gazetteer.js";

/** A formation named in the text: its span and its key (the number and the head: 38军). */
export interface Formation {
  /** Start of the span (the glued state form included: 韩9师). */
  start: number;
  end: number;
  /** Number and head, whatever the numeral's form: 38军 for 第三十八军 and 38军. */
  key: string;
  /** The state whose side the text names, or null. */
  state: string | null;
}

const DIGITS = "〇零一二三四五六七八九";
/** Characters after which a one-character state form may open a formation's name. */
const GLUE_AFTER = /[\P{Script=Han}和与及对向被同跟将把由]/u;

/** A Chinese numeral below 1000 (三十八, 二二一, 十五, 两) as a number, or null. */
export function chineseNumber(s: string): number | null {
  if (s === "") return null;
  const plain = s.replace(/两/gu, "二");
  // Note: digit by digit when there is no 十 or 百 (二二一 is 221).
  if (!/[十百]/u.test(plain)) {
    let n = 0;
    for (const c of plain) {
      const d = DIGITS.indexOf(c);
      if (d < 0) return null;
      n = n * 10 + Math.max(0, d - 1);
    }
    return n;
  }
  // Note: 零 stands for empty tens after the hundreds (一百零五 is 105).
  const m =
    /^(?:([一二三四五六七八九])百)?(?:([一二三四五六七八九])?(十)|(?<=百)零(?=[一二三四五六七八九]))?([一二三四五六七八九])?$/u.exec(
      plain,
    );
  if (!m) return null;
  const digit = (c: string | undefined): number => (c === undefined ? 0 : DIGITS.indexOf(c) - 1);
  const tens = m[3] === undefined ? 0 : m[2] === undefined ? 1 : digit(m[2]);
  return digit(m[1]) * 100 + tens * 10 + digit(m[4]);
}

/** The state named right before `at` (韩军, 志愿军, 美国, 日本陆军), or null. */
function sideBefore(
  text: string,
  at: number,
  gazetteer: Gazetteer,
  year: number | null,
): string | null {
  const whole = text.slice(Math.max(0, at - 8), at);
  const bare = whole.replace(/(?:军队|陆军|军)$/u, "");
  for (const before of bare === whole ? [whole] : [whole, bare])
    for (let n = Math.min(6, before.length); n >= 1; n -= 1) {
      // Note: a one-character form counts only before a force word (韩军第9师, not 战斗中第9师).
      if (n === 1 && before === whole) continue;
      const name = before.slice(-n);
      const alias = n === 1 ? gazetteer.abbreviations.get(name)?.alias : name;
      if (alias === undefined) continue;
      const entry = pickByEra(gazetteer.byAlias.get(alias) ?? [], year, alias);
      if (entry?.kind === "state") return entry.id;
      if (entry?.kind === "organization" && entry.state !== null) return entry.state;
    }
  return null;
}

/**
 * The numbered formations of `text` (the Simplified analysis text): `starts` marks jieba word
 * starts (a head must end a word), `yearAt` the year a position is dated.
 */
export function formations(
  text: string,
  gazetteer: Gazetteer,
  starts: Uint8Array,
  yearAt: (at: number) => number | null,
): Formation[] {
  const heads = gazetteer.formationWords;
  if (heads.length === 0) return [];
  const pattern = new RegExp(`(第)?(\\d{1,3}|[${DIGITS}十百两]{1,5})(${heads.join("|")})`, "gu");
  const out: Array<Formation & { bare: boolean }> = [];
  for (const m of text.matchAll(pattern)) {
    const [all, ordinal, numeral = "", head = ""] = m;
    const end = m.index + all.length;
    const arabic = /^\d+$/u.test(numeral);
    // Note: a Chinese numeral needs 第 (三军 is the armed forces, 十万大军 a number of men).
    if (!ordinal && !arabic) continue;
    const prev = text.charAt(m.index - 1);
    if (!ordinal && /[\d.,万千百余几多数第]/u.test(prev)) continue;
    if (end < text.length && starts[end] !== 1 && /\p{Script=Han}/u.test(text.charAt(end)))
      continue;
    const n = arabic ? Number(numeral) : chineseNumber(numeral);
    if (n === null || n === 0) continue;
    let start = m.index;
    const year = yearAt(m.index);
    // 韩9师, 美第7师: a one-character state form glued before the number belongs to the name.
    const glued = gazetteer.abbreviations.get(prev);
    let state: string | null = null;
    // Note: only as a word of its own after a boundary (，韩9师, 与美第7师; not 战斗中第9师).
    const lead = text.charAt(m.index - 2);
    if (glued && starts[m.index - 1] === 1 && (lead === "" || GLUE_AFTER.test(lead))) {
      const entry = pickByEra(gazetteer.byAlias.get(glued.alias) ?? [], year, glued.alias);
      if (entry?.kind === "state") {
        state = entry.id;
        start -= 1;
      }
    }
    state ??= sideBefore(text, start, gazetteer, year);
    out.push({ start, end, key: `${n}${head}`, state, bare: !ordinal });
  }
  // Note: an Arabic number without 第 is a count (该军下辖3师, 派出5师兵力) unless a side is named
  // before it (韩9师, 韩军9师) or the article names the formation with 第 (第9师 … 9师).
  const ordinals = new Set(out.filter((f) => !f.bare).map((f) => f.key));
  return out
    .filter((f) => !f.bare || f.state !== null || ordinals.has(f.key))
    .map(({ bare: _bare, ...f }) => f);
}

/**
 * Ids of formations: `STATE_第N头` when the text names its side (KOR_第9师), else the side named
 * for the same key elsewhere in the article when the article names formations of that one side
 * only, else `第N头`.
 */
export function formationIds(found: readonly Formation[]): string[] {
  const sides = new Map<string, string>();
  const named = new Set<string>();
  for (const f of found)
    if (f.state !== null) {
      sides.set(f.key, f.state);
      named.add(f.state);
    }
  // Note: when both belligerents field formations (俄军第2军 … 第1军、第2军以正面进攻 in Mukden, the
  // Japanese 2nd Army), an unnamed 第2军 may be either side's: it stays without one.
  const spread = named.size === 1;
  return found.map((f) => {
    const state = f.state ?? (spread ? sides.get(f.key) : undefined);
    return state === undefined ? `第${f.key}` : `${state}_第${f.key}`;
  });
}
