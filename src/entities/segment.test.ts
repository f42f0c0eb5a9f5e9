import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { articleFiles, SEED_ARTICLE } from "../../test/corpus.js";
import { ingest } from "../ingest/index.js";
import { normalize } from "../normalize/index.js";
import { loadGazetteer } from "./gazetteer.js";
import { segmenter, tagged, wordStarts } from "./segment.js";

const TEXTS = [
  "1994年10月21日，美国与朝鲜在日内瓦签署《美朝核框架协议》。",
  "克里斯托弗抵达汉城，与金泳三会谈，讨论朝鲜半岛局势。",
  "1900年，八国联军攻入北京，慈禧太后与光绪帝出逃西安。",
  "微软于2016年发布.NET Core 1.0，支持Windows、macOS和Linux。",
  "",
];

describe("entities:segment (one jieba tag pass for boundaries and tags)", () => {
  const jieba = segmenter(loadGazetteer());

  it.each(TEXTS)("word starts equal jieba.cut's boundaries: %s", (text) => {
    const expected = new Uint8Array(text.length + 1);
    let at = 0;
    for (const w of jieba.cut(text, true)) {
      expected[at] = 1;
      at += w.length;
    }
    expected[at] = 1;
    expect([...wordStarts(jieba, text)]).toEqual([...expected]);
  });

  it.each(TEXTS)("tokens after word starts equal a fresh tag pass: %s", (text) => {
    const fresh = tagged(jieba, text);
    wordStarts(jieba, text);
    const reused = tagged(jieba, text);
    expect(reused).toEqual(fresh);
    expect(reused.map((t) => t.word)).toEqual(jieba.cut(text, true));
    for (const t of reused) expect(text.slice(t.start, t.end)).toBe(t.word);
    // Asked again (the events stage after the entities stage): the same tokens.
    expect(tagged(jieba, text)).toEqual(reused);
  });

  /** jieba's own tokens of the whole text, with offsets. */
  const whole = (text: string) => {
    let at = 0;
    return jieba.tag(text, true).map((t) => {
      at += t.word.length;
      return { word: t.word, tag: t.tag, start: at - t.word.length, end: at };
    });
  };

  const LINES: Array<[string, string]> = [
    ["the texts above as lines", TEXTS.join("\n")],
    ["blank lines, a leading and a trailing break", "\n\n美国\n\n朝鲜\n"],
    ["digits and Latin letters across a break", "1994\n10月\nNET\nCore 2.0\n"],
    ["spaces and U+3000 beside a break", "中　\n 国 \n\t美"],
    ["punctuation beside a break", "。\n“朝鲜”\n（1950年）"],
    ["a Windows line end (tagged whole)", "美国\r\n朝鲜\r\n"],
    ["a lone carriage return (tagged whole)", "美国\r朝鲜\n中国"],
  ];

  it.each(LINES)("a text of lines (%s): jieba's tokens of the whole", (_, text) => {
    expect(tagged(jieba, text)).toEqual(whole(text));
    // Again with the lines' tokens waiting (what the entities stage leaves for the events stage).
    for (const line of text.split("\n")) wordStarts(jieba, line);
    expect(tagged(jieba, text)).toEqual(whole(text));
  });

  it("the seed and the test articles: line-by-line tokens equal jieba's of the whole text", () => {
    for (const path of [SEED_ARTICLE, ...articleFiles()]) {
      const analysis = normalize(ingest(readFileSync(path, "utf8"), { name: path })).analysis;
      expect(analysis.split("\n").length, path).toBeGreaterThan(10);
      for (const line of analysis.split("\n")) wordStarts(jieba, line);
      expect(tagged(jieba, analysis), path).toEqual(whole(analysis));
    }
  }, 60_000);
});
