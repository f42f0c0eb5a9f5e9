import { describe, expect, it } from "vitest";
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
    // Handed out once: a second call tags again and gets new tokens of the same content.
    const again = tagged(jieba, text);
    expect(again).toEqual(reused);
    if (text !== "") expect(again).not.toBe(reused);
  });
});
