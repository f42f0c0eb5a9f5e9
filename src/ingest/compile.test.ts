import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import { articleFiles, SEED_ARTICLE } from "../../test/corpus.js";
import { malformed, seeded } from "../../test/hostile/inputs.js";
import { Builder } from "./build.js";
import { parsePieces } from "./parse.js";
import {
  readMarkdown,
  readMarkdownLean,
  readMarkdownRemark,
  readMarkdownTokens,
} from "./reader.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Every article in the repository: the sample, the test articles and the corpus. */
function repositoryArticles(): string[] {
  const corpus = join(ROOT, "corpus");
  const named = readdirSync(corpus)
    .sort()
    .map((name) => join(corpus, name, `${name}.md`))
    .filter((path) => existsSync(path));
  return [join(ROOT, "samples/us-dprk.md"), SEED_ARTICLE, ...articleFiles(), ...named];
}

const read = (path: string): string => readFileSync(path, "utf8").replace(/^\uFEFF/, "");

/** The document model the builder makes of `text` read by `reader` (in pieces, as ingest). */
const built = (reader: (text: string) => Root, text: string, pieceChars?: number) =>
  new Builder(text).build(parsePieces(reader, text, pieceChars));

/** Constructs each handled by its own branch of `compile.ts` (none holds `[^`). */
const CONSTRUCTS: Array<[string, string]> = [
  ["empty text", ""],
  ["blank lines only", "\n\n  \n"],
  ["ATX headings with closing marks", "# 甲 #\n## 乙 ##  \n###### 丙\n####### 非标题\n"],
  ["setext headings", "甲\n===\n\n乙\n丙\n---\n"],
  ["fenced code with info and meta", "```js title=x\nlet a = 1;\n\n```\n~~~\n未闭合\n"],
  ["indented code", "    甲\n      乙\n\n    丙\n"],
  ["code in a list item", "- 甲\n\n      代码\n- ```\n  x\n  ```\n"],
  ["inline code with line ending", "前`a\nb`后 `` ` `` 与 `  `\n"],
  ["HTML flow and text", "<div>\n甲\n</div>\n\n乙<b>丙</b><br>丁<!-- 注 -->\n"],
  ["hard breaks", "甲  \n乙\\\n丙\n"],
  ["character references", "&amp; &copy; &#35; &#x4E2D; &#0; &bogus; &#xFFFFFF;\n"],
  ["escapes", "\\*非强调\\* \\[1\\] \\\\ \\a\n"],
  ["emphasis, strong and delete", "*甲* **乙** _丙_ __丁__ ***戊*** ~~己~~ *a **b** c*\n"],
  ["links with titles", "[甲](http://a.example \"题\") [乙](<b c> 't') [丙](d (t)) [](e)\n"],
  ["images and images in links", '![图](a.png "fig:说明") [![内](b.png)](c) ![*强*`码`](d)\n'],
  ["autolinks", "<http://a.example/x> <mailto:a@b.org> <a@b.org> <不是>\n"],
  ["literal autolinks", "见 https://a.example/b?c=d。 www.e.example 与 f@g.org。\n"],
  [
    "reference links and images",
    '[甲][一] [一][] [一] ![乙][一] ![一][] [缺][无]\n\n[一]: http://a.example/ "题"\n',
  ],
  [
    "definitions in every form",
    "[a]: <http://x y> 't'\n[B  b]: /u (t)\n[c]:\n/v\n\"多\n行\"\n\n[a] [b b] [C]\n",
  ],
  ["bullet lists tight and loose", "- 甲\n- 乙\n\n* 丙\n\n* 丁\n+ 戊\n"],
  ["ordered lists with starts", "3. 甲\n4. 乙\n\n7) 丙\n1) 丁\n"],
  ["nested lists and quotes", "- 甲\n  - 乙\n    > 丙\n    > - 丁\n\n  戊\n- 己\n"],
  ["blank line before a nested list", "1. 甲\n\n   - 乙\n2. 丙\n"],
  ["lazy continuation", "> 甲\n乙\n> - 丙\n丁\n"],
  ["task lists", "- [ ] 未做\n- [x] 已做\n- [X]\n- [ ]  双空格\n* [x] 甲\n\n  [ ] 非\n"],
  ["tables with alignment", "| 年 | 事 | 注 |\n| :-- | :-: | --: |\n| 1950 | 战争 |\n"],
  ["tables with escaped pipes", "| a | b |\n|---|---|\n| `x\\|y` | \\| `\\\\|` |\n"],
  ["thematic breaks", "***\n- - -\n___\n"],
  ["tabs", "\t甲\n-\t乙\n  \t丙\n>\t丁\n\n\t```\n\tx\n\t```\n|\ta\t|\n|-|\n"],
  ["NUL characters", "甲\u0000乙\n`\u0000`\n\n\u0000\n"],
  ["a second byte-order mark", "\ufeff# 甲\n乙\n"],
  ["CRLF and CR line endings", "甲\r\n乙\r\n\r\n- 丙\r\n- 丁\r丙\r\r```\r\nx\r\n```\r\n"],
  [
    "labels across the lines of a quote and a list item",
    "> [甲\n> 乙](u) [丙\n> 丁][一] ![戊\n> 己](i)\n>\n> [一\n> ]: /x\n\n- [庚\n  辛](v)\n",
  ],
  ["a task list in a quote", "> - [x] 甲\n>   乙\n"],
  ["wiki link and trail", '[美国](美国 "wikilink")的[朝鲜](朝鲜 "wikilink")人\n'],
];

/** Pieces of the constructs above that the malformed documents of the tests do not draw. */
const MORE_PIECES = [
  "===\n",
  "---\n",
  "    ",
  "~~",
  "~~~\n",
  "- [ ] ",
  "- [x] ",
  "[一]",
  "[一][]",
  "[a]: http://x.example/ 't'\n",
  "[一]: /u\n",
  "<http://a.example>",
  "<a@b.org>",
  "www.a.example",
  "&copy;",
  "&#x4E2D;",
  "  \n",
  "\\\n",
  "<div>\n",
  "<b>",
  "3) ",
  "***",
  ":-:|",
  "![x][一]",
];

/** A malformed document drawn from both piece sets. */
function mixed(random: () => number): string {
  let out = "";
  const n = 1 + Math.floor(random() * 12);
  for (let i = 0; i < n; i += 1) {
    out +=
      random() < 0.5
        ? malformed(random, 4)
        : (MORE_PIECES[Math.floor(random() * MORE_PIECES.length)] ?? "");
  }
  return out;
}

describe("ingest: micromark events compiled without from-markdown", () => {
  it.each(CONSTRUCTS)("reads %s like remark", (_, text) => {
    expect(text.includes("[^")).toBe(false);
    expect(readMarkdownTokens(text)).toEqual(readMarkdownLean(text));
  });

  it("reads every repository article like remark, tree and document model", () => {
    const paths = repositoryArticles();
    expect(paths.length).toBeGreaterThan(50);
    let compiled = 0;
    for (const path of paths) {
      const raw = read(path);
      if (!raw.includes("[^")) {
        compiled += 1;
        expect(readMarkdownTokens(raw), path).toEqual(readMarkdownLean(raw));
      }
      expect(built(readMarkdown, raw), path).toEqual(built(readMarkdownRemark, raw));
    }
    expect(compiled).toBe(paths.length);
  }, 900_000);

  it("reads 1 500 malformed documents (seed 17) like remark", () => {
    const random = seeded(17);
    for (let n = 0; n < 1_500; n += 1) {
      const raw = malformed(random, 30);
      if (raw.includes("[^")) continue;
      expect(readMarkdownTokens(raw), JSON.stringify(raw)).toEqual(readMarkdownLean(raw));
    }
  }, 600_000);

  it("reads 1 500 documents of mixed constructs (seed 18) like remark, in pieces too", () => {
    const random = seeded(18);
    for (let n = 0; n < 1_500; n += 1) {
      const raw = [mixed(random), mixed(random), mixed(random)].join("\n\n");
      if (raw.includes("[^")) continue;
      expect(readMarkdownTokens(raw), JSON.stringify(raw)).toEqual(readMarkdownLean(raw));
      expect(built(readMarkdown, raw, 1), JSON.stringify(raw)).toEqual(
        built(readMarkdownRemark, raw, 1),
      );
    }
  }, 600_000);

  it("leaves a text with GFM footnotes to remark-gfm", () => {
    const text = "正文[^1]。\n\n[^1]: 注释。\n";
    expect(readMarkdown(text)).toEqual(readMarkdownRemark(text));
    expect(JSON.stringify(readMarkdown(text))).toContain('"footnoteReference"');
  });

  it("gives the source slice, not a re-serialized value, only where they agree", () => {
    // A tab inside inline code and a NUL in text: micromark's chunks differ from the slice.
    for (const text of ["`a\tb`\n", "甲\u0000乙\n", "\ttab\n"]) {
      expect(readMarkdownTokens(text)).toEqual(readMarkdownLean(text));
    }
    expect(JSON.stringify(readMarkdownTokens("甲\u0000乙\n"))).toContain("甲\uFFFD乙");
  });
});
