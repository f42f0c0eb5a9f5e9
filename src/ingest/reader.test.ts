import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { articleFiles, SEED_ARTICLE } from "../../test/corpus.js";
import { malformed, seeded } from "../../test/hostile/inputs.js";
import { readMarkdown, readMarkdownFull, readMarkdownLean } from "./reader.js";

/** GFM and pandoc constructs the lean reader must read like remark-gfm (no `[^` in any). */
const CONSTRUCTS: Array<[string, string]> = [
  ["pipe table", "| 年份 | 事件 |\n| --- | :-: |\n| 1950 | 朝鲜战争 |\n"],
  ["table without edge pipes", "a | b\n--|--\n1 | 2\n"],
  ["strikethrough", "美国~~撤军~~增兵，~单~波浪。\n"],
  ["task list", "- [ ] 未做\n- [x] 已做\n"],
  ["literal autolinks", "见 https://zh.wikipedia.org/wiki/朝鲜 与 www.example.com，或 a@b.org。\n"],
  ["wiki link and trail", '[美国](美国 "wikilink")的[朝鲜](朝鲜 "wikilink")人\n'],
  ["link reference", '见[甲][1]。\n\n[1]: http://e.example/ "t"\n'],
  ["caret outside a footnote", "x^2 与 [ ^a] 与 [a^]\n"],
  ["image and escaped brackets", '![图](a.png "fig:说明") \\[1\\]\n'],
];

/** Texts with GFM footnotes: the lean reader sees no footnote there (why readMarkdown picks). */
const FOOTNOTES = [
  "正文[^1]。\n\n[^1]: 注释。\n",
  "甲[^a]乙[^b]\n\n[^a]: 一\n[^b]: 二\n",
  "> 引文[^n]\n\n[^n]: 出处\n",
];

describe("ingest: the lean reader", () => {
  it("reads the seed and the test articles like remark-gfm", () => {
    for (const path of [SEED_ARTICLE, ...articleFiles()]) {
      const raw = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
      expect(raw.includes("[^"), path).toBe(false);
      expect(readMarkdownLean(raw), path).toEqual(readMarkdownFull(raw));
    }
  });

  it.each(CONSTRUCTS)("reads a %s like remark-gfm", (_, text) => {
    expect(text.includes("[^")).toBe(false);
    expect(readMarkdownLean(text)).toEqual(readMarkdownFull(text));
  });

  it("reads 1 500 malformed documents (seed 16) like remark-gfm", () => {
    const random = seeded(16);
    for (let n = 0; n < 1_500; n += 1) {
      const raw = malformed(random, 30);
      if (raw.includes("[^")) continue;
      expect(readMarkdownLean(raw), JSON.stringify(raw)).toEqual(readMarkdownFull(raw));
    }
  }, 120_000);

  it.each(FOOTNOTES)("misses the footnotes of %j, so readMarkdown reads it in full", (text) => {
    expect(readMarkdownLean(text)).not.toEqual(readMarkdownFull(text));
    expect(readMarkdown(text)).toEqual(readMarkdownFull(text));
    expect(JSON.stringify(readMarkdown(text))).toContain('"footnoteReference"');
  });
});
