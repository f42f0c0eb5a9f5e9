/**
 * Word segmentation with @node-rs/jieba and a user dictionary built from the gazetteer, used to
 * keep short aliases from matching inside longer words (克里 in 克里斯托弗, 朝鲜 in 朝鲜半岛).
 */
import { createRequire } from "node:module";
import type { Jieba } from "@node-rs/jieba";
import type { Gazetteer } from "./gazetteer.js";

let cutter: Jieba | null = null;

// Note: jieba and its 5 MB dictionary load on the first `segmenter` call, not on import, so a
// command that never segments (`annals --help`, `parse`, `serve`) never reads them.
const require = createRequire(import.meta.url);

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
  const { Jieba } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
  const { dict } = require("@node-rs/jieba/dict.js") as typeof import("@node-rs/jieba/dict.js");
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

/** A token of `tagged`: the word, its part-of-speech tag and its offsets in the text. */
export interface TaggedToken {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/**
 * Tokens `wordStarts` made, by text, until they are asked for. jieba's `tag` is its `cut` with a
 * tag looked up per word (same words), so one `tag` pass serves both calls: the entities stage
 * asks for the boundaries of every body block, then for its tagged tokens; the events stage then
 * asks for the tokens of the whole analysis text, whose lines are those blocks.
 */
const pending = new Map<string, TaggedToken[]>();
let pendingChars = 0;
/** Past this many characters the waiting tokens are dropped (a caller that never asks for them). */
const PENDING_CHARS = 1_000_000;

function tagOnce(jieba: Jieba, text: string, offset = 0, out: TaggedToken[] = []): TaggedToken[] {
  let at = offset;
  for (const t of jieba.tag(text, true)) {
    const end = at + t.word.length;
    out.push({ word: t.word, tag: t.tag, start: at, end });
    at = end;
  }
  return out;
}

/** Word boundaries of `text`: `out[i]` is true when a token starts at i (and at text.length). */
export function wordStarts(jieba: Jieba, text: string): Uint8Array {
  const tokens = tagOnce(jieba, text);
  if (pendingChars + text.length > PENDING_CHARS) {
    pending.clear();
    pendingChars = 0;
  }
  pending.set(text, tokens);
  pendingChars += text.length;
  const out = new Uint8Array(text.length + 1);
  for (const t of tokens) out[t.start] = 1;
  out[Math.min(tokens.at(-1)?.end ?? 0, text.length)] = 1;
  return out;
}

/**
 * Tokens of `text` with their part-of-speech tags and offsets. A text of several lines is tagged
 * line by line (reusing the tokens `wordStarts` made for a line), which gives jieba's tokens of
 * the whole: jieba cuts runs of Han, Latin letters and digits on their own and makes every
 * whitespace character but the pair "\r\n" a token of its own, so no token crosses a "\n".
 */
export function tagged(jieba: Jieba, text: string): TaggedToken[] {
  if (!text.includes("\n") || text.includes("\r")) return pending.get(text) ?? tagOnce(jieba, text);
  const out: TaggedToken[] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    const waiting = pending.get(line);
    if (waiting === undefined) tagOnce(jieba, line, at, out);
    else for (const t of waiting) out.push({ ...t, start: t.start + at, end: t.end + at });
    at += line.length;
    if (at < text.length) out.push({ word: "\n", tag: NEWLINE_TAG, start: at, end: at + 1 });
    at += 1;
  }
  // Note: the whole text is the last consumer of its lines' tokens.
  pending.clear();
  pendingChars = 0;
  return out;
}

/** jieba's tag of a line break (a token of its own, `x`: not a word). */
const NEWLINE_TAG = "x";
