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

/**
 * Autolink literals in some blocks and not in others: the lean reader runs GFM's autolink
 * transform only over blocks whose source holds `@`, `&`, `http` or `www` (any case) and one of
 * whose text nodes outside links does; character references and escapes that decode to those
 * characters, and links, lists, quotes and tables around them, must read as remark-gfm reads
 * them.
 */
const AUTOLINK_BLOCKS: Array<[string, string]> = [
  [
    "a URL in the second paragraph only",
    "朝鲜战争。\n\n参见 https://example.org/a 。\n\n无链接。\n",
  ],
  ["www in upper case", "见 WWW.EXAMPLE.COM 与 Http://E.example/x\n\n甲\n"],
  ["an e-mail address in a list item", "- 甲\n- 联系 a.b@example.org。\n\n乙\n"],
  ["a numeric character reference for @", "写信 a&#64;example.org 或 b&#x40;example.net\n\n丙\n"],
  ["a named character reference for @", "写信 a&commat;example.org\n\n丁\n"],
  ["an escaped @", "写信 a\\@example.org\n"],
  ["a reference spelling www.", "见 &#119;ww.example.org 与 w&#119;w.example.org\n"],
  ["a URL inside a link (not linked again)", "[见 www.a.org](http://b.org) 与 www.c.org\n\n戊\n"],
  [
    "a URL in a quote and a table",
    "> 引 http://q.example/\n\n| a | b |\n|---|---|\n| www.t.org | x |\n",
  ],
  [
    "hints only in link destinations, titles and text (skipped: nothing to link)",
    '[朝鲜](https://zh.wikipedia.org/wiki/朝鲜 "www") 与 [a@b.org](mailto:a@b.org)\n\n甲\n',
  ],
  [
    "a link's destination and a URL in emphasis in the same block",
    "[朝鲜](http://a.org) 与 *见 www.b.org* 与 `http://c.org`\n",
  ],
  ["a hint only in an image's alt and code", '![www.a.org](http://b.org "x") `a@b.org`\n'],
  [
    "a URL in a table cell beside a link",
    "| a | b |\n|---|---|\n| [x](http://y.org) | https://z.org |\n",
  ],
  ["no hint anywhere", "美国与朝鲜。\n\n1950年6月25日。\n"],
  ["hints that find nothing", "AT&T 与 @某人 与 httpd 与 wwwx\n\n己\n"],
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

  it.each(AUTOLINK_BLOCKS)("reads %s like remark-gfm", (_, text) => {
    expect(text.includes("[^")).toBe(false);
    expect(readMarkdownLean(text)).toEqual(readMarkdownFull(text));
  });

  it("links the autolink literals of every block that holds one", () => {
    const tree = JSON.stringify(readMarkdownLean(AUTOLINK_BLOCKS[0]?.[1] ?? ""));
    expect(tree).toContain('"url":"https://example.org/a"');
    const references = JSON.stringify(readMarkdownLean(AUTOLINK_BLOCKS[3]?.[1] ?? ""));
    expect(references).toContain('"url":"mailto:a@example.org"');
    expect(references).toContain('"url":"mailto:b@example.net"');
    expect(JSON.stringify(readMarkdownLean("美国与朝鲜。\n"))).not.toContain('"link"');
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
