/**
 * Named craft: ships, spacecraft and aircraft, whose Chinese names end in 号 (舰 for a warship).
 * Matches: “云扬”号, “鹰号”, 「东方红一号」 (a quoted name), 嫦娥三号, 阿波罗11号, 东方红一号 (a
 * series name and a number), 哥伦比亚号 (a name jieba knows), 鹰号登月舱, 天安号巡逻舰 (a name
 * before a craft noun), and link targets of these forms (来远号, 哥伦比亚号航天飞机).
 * Not: 5月3号 (a day), 第1718号决议, 口号, 信号, 称号 (words of their own), 地铁1号线.
 */
import type { Jieba } from "@node-rs/jieba";
import type { TaggedToken } from "./segment.js";

/** A craft's name found in a text: its id form (ending in 号) and the evidence's offsets. */
export interface CraftName {
  /** The name as the id: Simplified, ending in 号 (云扬号, 嫦娥三号). */
  name: string;
  start: number;
  end: number;
}

const NUMERAL = /^(?:\d+|[一二三四五六七八九十百零〇]+)$/u;
const HAN = /^\p{Script=Han}+$/u;
// Note: a numbered 号 before these nouns is a line, a building, a unit or a document (1号线, 2号机组).
const NOT_CRAFT_AFTER =
  /^(?:[线楼院门房令字条款章井站口甲乙丙丁]|机组|文件|决议|公告|码头|病房|高炉)/u;
// Note: the words before a number that make it no name (5月3号, 第1718号, 每年三号).
const NOT_NAME_TAG = /^(?:[mtqfpcurdv]|x$)/u;
const QUOTED = /[“「『]([\p{Script=Han}\d]{1,8}?)(号?)[”」』]([号舰]?)/gu;

/** True when jieba reads `word` as one common word (口号/n, 信号/n), not a name (哥伦比亚号/nz). */
function commonWord(jieba: Jieba, word: string): boolean {
  const t = jieba.tag(word, false);
  return t.length === 1 && !/^(?:nz|nr|nrt|ns|x|i)$/u.test(t[0]?.tag ?? "");
}

/**
 * The craft names of a block: `text` is the block's analysis text, `tokens` its jieba tokens,
 * `nouns` the craft nouns that may follow a name (航天飞机, 登月舱, 炮舰).
 */
export function craftNames(
  jieba: Jieba,
  text: string,
  tokens: readonly TaggedToken[],
  nouns: readonly string[],
): CraftName[] {
  const out: CraftName[] = [];
  const push = (name: string, start: number, end: number): void => {
    if (name.length >= 2 && !commonWord(jieba, name)) out.push({ name, start, end });
  };
  for (const m of text.matchAll(QUOTED)) {
    const [, inner = "", hao, after] = m;
    // “云扬”号, “第二丁卯”舰, “鹰号”: a quoted name with 号 inside or 号/舰 right after.
    if (hao === "" && after === "") continue;
    if (hao === "" && NUMERAL.test(inner)) continue;
    // Note: a quoted phrase ending in a word with 号 (“发出混乱的信号”) names no craft.
    if (hao !== "" && commonWord(jieba, `${inner.slice(-1)}号`)) continue;
    push(`${inner}号`, m.index + 1, m.index + 1 + inner.length);
  }
  for (let k = 0; k < tokens.length; k += 1) {
    const t = tokens[k];
    if (!t?.word.endsWith("号")) continue;
    const rest = text.slice(t.end);
    if (NOT_CRAFT_AFTER.test(rest)) continue;
    const noun = nouns.some((n) => rest.startsWith(n));
    const body = t.word.slice(0, -1);
    // A word of its own ending in a number and 号 (东方红一号/nz, 神舟五号) or a name jieba knows
    // (哥伦比亚号/nz).
    if (body.length >= 2 && HAN.test(body.replace(/\d+$/u, ""))) {
      const num = /(?:\d+|[一二三四五六七八九十]+)$/u.exec(body)?.[0] ?? "";
      const series = num !== "" && body.length - num.length >= 2;
      if ((series && !body.includes("第")) || t.tag === "nz" || noun) push(t.word, t.start, t.end);
      continue;
    }
    // 嫦娥|三号, 阿波罗|11|号, 月球|15|号: a name token, a number, 号.
    let j = k - 1;
    let number = body;
    if (body === "" && NUMERAL.test(tokens[j]?.word ?? "")) {
      number = tokens[j]?.word ?? "";
      j -= 1;
    }
    if (number !== "" && !NUMERAL.test(number)) continue;
    const name = tokens[j];
    if (!name || name.end !== t.start - (body === "" ? number.length : 0)) continue;
    if (!HAN.test(name.word) || /第$/u.test(name.word)) continue;
    // Note: a place and a number is an address (外滩9号).
    if (
      number !== "" &&
      name.word.length >= 2 &&
      !NOT_NAME_TAG.test(name.tag) &&
      name.tag !== "ns"
    ) {
      // 光|明星|一号, 史普|尼克|一号: a single character or a piece jieba cannot read before the
      // name belongs to it.
      let from = j;
      for (let p = tokens[from - 1]; p && p.end === tokens[from]?.start; p = tokens[from - 1]) {
        if (!HAN.test(p.word) || (p.word.length > 1 && p.tag !== "x") || /^[upcrdmv]/u.test(p.tag))
          break;
        from -= 1;
      }
      const start = tokens[from]?.start ?? name.start;
      push(`${text.slice(start, name.end)}${number}号`, start, t.end);
    } else if (number === "" && noun) push(`${name.word}号`, name.start, t.end);
    else if (number === "") {
      // 康济号, 天安号, 斯特西|姆|号, 舍门|将军|号: a name jieba cannot read (x, its pieces joined)
      // or reads as a proper noun (nz), of two characters or more.
      let from = j;
      while (tokens[from - 1]?.tag === "x" && HAN.test(tokens[from - 1]?.word ?? "")) from -= 1;
      // Note: jieba glues a date unit or a class noun to an unknown name (1894年|康济 → 年康济,
      // 练习舰|康济 → 舰康济): the name starts after it.
      let start = tokens[from]?.start ?? name.start;
      const glued = /^(?:[年月日]|[^号]*[舰船艇])/u.exec(text.slice(start, name.end));
      if (glued) start += glued[0].length;
      const read = tokens.slice(from, j + 1).some((x) => x.tag === "x" || x.tag === "nz");
      if (read && name.end - start >= 2) push(`${text.slice(start, name.end)}号`, start, t.end);
    }
  }
  return out;
}

/**
 * The craft name a link target gives (来远号 → 来远号, 哥伦比亚号航天飞机 → 哥伦比亚号, 天安号巡逻舰
 * → 天安号), or null: the target is a name, 号, and at most a craft noun.
 */
export function craftTarget(jieba: Jieba, title: string, nouns: readonly string[]): string | null {
  const at = title.lastIndexOf("号");
  if (at < 1) return null;
  const tail = title.slice(at + 1);
  // Note: the craft noun may be qualified (普韦布洛号通用环境研究舰).
  if (tail !== "" && !nouns.some((n) => tail.endsWith(n))) return null;
  const name = title.slice(0, at + 1);
  if (!HAN.test(name.replace(/\d+/gu, "")) || /第/u.test(name) || commonWord(jieba, name))
    return null;
  return name;
}
