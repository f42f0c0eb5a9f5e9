/**
 * Word segmentation with @node-rs/jieba and a user dictionary built from the gazetteer, used to
 * keep short aliases from matching inside longer words (克里 in 克里斯托弗, 朝鲜 in 朝鲜半岛).
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import type { Gazetteer } from "./gazetteer.js";

let cutter: Jieba | null = null;

const TAG: Record<string, string> = {
  state: "ns",
  place: "ns",
  organization: "nt",
  group: "nt",
  person: "nr",
};

/** The shared jieba instance, with every gazetteer name of 3+ characters as a user word. */
export function segmenter(gazetteer: Gazetteer): Jieba {
  if (cutter) return cutter;
  const jieba = Jieba.withDict(dict);
  const lines: string[] = [];
  for (const e of gazetteer.entries)
    for (const n of [...e.names, ...e.metonyms])
      if ((n.length >= 3 || e.kind === "person") && !/\s/u.test(n))
        lines.push(`${n} 2000 ${TAG[e.kind] ?? "n"}`);
  jieba.loadDict(Buffer.from(lines.join("\n") + "\n", "utf8"));
  cutter = jieba;
  return jieba;
}

/** Word boundaries of `text`: `out[i]` is true when a token starts at i (and at text.length). */
export function wordStarts(jieba: Jieba, text: string): Uint8Array {
  const out = new Uint8Array(text.length + 1);
  let at = 0;
  for (const token of jieba.cut(text, true)) {
    out[at] = 1;
    at += token.length;
  }
  out[Math.min(at, text.length)] = 1;
  return out;
}

/** Tokens of `text` with their part-of-speech tags and offsets. */
export function tagged(
  jieba: Jieba,
  text: string,
): Array<{ word: string; tag: string; start: number; end: number }> {
  const out: Array<{ word: string; tag: string; start: number; end: number }> = [];
  let at = 0;
  for (const t of jieba.tag(text, true)) {
    out.push({ word: t.word, tag: t.tag, start: at, end: at + t.word.length });
    at += t.word.length;
  }
  return out;
}
