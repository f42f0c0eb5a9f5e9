import { describe, expect, it } from "vitest";
import type { Document } from "../../model/index.js";
import { detectFormat, ingest } from "../index.js";
import { normalize } from "../../normalize/index.js";

function read(raw: string): Document {
  return ingest(raw, { name: "t.wiki" });
}

/** Every span of the document slices the raw text. */
function spansHold(doc: Document): void {
  const spans = [
    ...doc.blocks,
    ...doc.sentences,
    ...doc.links,
    ...doc.links.map((l) => l.anchor),
    ...doc.links.flatMap((l) => (l.entity === null ? [] : [l.entity])),
    ...doc.categories,
    ...doc.images,
    ...doc.images.flatMap((i) => (i.caption === null ? [] : [i.caption])),
    ...doc.footnotes,
    ...doc.references,
    ...doc.converter,
    ...doc.sections,
    ...(doc.meta?.infobox ?? []),
  ];
  for (const s of spans) expect(doc.raw.slice(s.start, s.end)).toBe(s.text);
  expect(doc.rawStarts.length).toBe(doc.text.length);
}

describe("wikitext: what MediaWiki shows is the text", () => {
  it.each([
    ["plain text", "1994年，雙方簽署了協議。", "1994年，雙方簽署了協議。"],
    ["a link shows its target", "[[美國]]與[[朝鮮]]會談。", "美國與朝鮮會談。"],
    ["a piped link shows its text", "[[朝鮮民主主義人民共和國|朝鮮]]宣布。", "朝鮮宣布。"],
    ["bold and italics are markup", "'''美朝關係'''是''雙邊''關係。", "美朝關係是雙邊關係。"],
    [
      "a ref is not text",
      "會談舉行。<ref>{{cite web|date=2018-06-12|title=X}}</ref>其後",
      "會談舉行。其後",
    ],
    ["a cite template is not text", "甲{{cite news|date=2001年9月11日}}乙", "甲乙"],
    ["an unknown template shows nothing", "甲{{main|韓戰}}乙", "甲乙"],
    ["{{lang}} shows its text", "普韋布洛號（{{lang|en|Pueblo}}）", "普韋布洛號（Pueblo）"],
    ["{{lang-en}} shows its text", "（{{lang-en|Agreed Framework}}）", "（Agreed Framework）"],
    ["a comment is not text", "甲<!-- 2001年 -->乙", "甲乙"],
    ["a category is not text", "甲。\n[[Category:朝美關係]]", "甲。"],
    ["an interlanguage link is not text", "甲。[[en:Foo]]", "甲。"],
    ["an external link shows its text", "見[http://example.org 官方網站]。", "見官方網站。"],
    ["character references are decoded", "甲&amp;乙&#20013;", "甲&乙中"],
    ["<br> is a space", "甲<br />乙", "甲 乙"],
    ["converter markup is rendered", "-{zh-hans:朝鲜;zh-hant:北韓;}-半島", "朝鲜半島"],
    ["-{H|…}- shows nothing", "-{H|zh-hans:朝鲜;zh-hant:北韓;}-北韓", "北韓"],
    ["nowiki text is read as written", "<nowiki>[[甲]]</nowiki>", "[[甲]]"],
  ])("%s", (_name, raw, text) => {
    const doc = read(raw);
    expect(doc.text).toBe(text);
    spansHold(doc);
  });
});

describe("wikitext: blocks", () => {
  it("splits paragraphs at blank lines and joins a soft line break with a space", () => {
    const doc = read("第一段，\n續行。\n\n第二段。");
    expect(doc.blocks.map((b) => [b.kind, doc.text.slice(b.textStart, b.textEnd)])).toEqual([
      ["paragraph", "第一段， 續行。"],
      ["paragraph", "第二段。"],
    ]);
  });

  it("reads headings as sections and list items as blocks", () => {
    const doc = read(
      "導言。\n== 歷史 ==\n=== 冷戰 ===\n* 1950年，韓戰爆發。\n# 1953年停戰。\n正文。",
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual([
      "paragraph",
      "heading",
      "heading",
      "list-item",
      "list-item",
      "paragraph",
    ]);
    expect(doc.sections.map((s) => [s.title, s.level, s.parent])).toEqual([
      ["歷史", 2, null],
      ["冷戰", 3, 0],
    ]);
    spansHold(doc);
  });

  it("reads table cells as blocks with row, column and header", () => {
    const doc = read(
      '{| class="wikitable"\n! 年 !! 事件\n|-\n| 1994年 || 框架協議\n|-\n| 2018年 || 新加坡會晤\n|}',
    );
    const cells = doc.blocks.map((b) => [doc.text.slice(b.textStart, b.textEnd), b.table]);
    expect(cells).toEqual([
      ["年", { table: 0, row: 0, column: 0, header: true }],
      ["事件", { table: 0, row: 0, column: 1, header: true }],
      ["1994年", { table: 0, row: 1, column: 0, header: false }],
      ["框架協議", { table: 0, row: 1, column: 1, header: false }],
      ["2018年", { table: 0, row: 2, column: 0, header: false }],
      ["新加坡會晤", { table: 0, row: 2, column: 1, header: false }],
    ]);
    spansHold(doc);
  });

  it("keeps a file's caption out of body text, as a caption block", () => {
    const doc = read(
      "[[File:Kim and Trump.jpg|thumb|right|2018年[[金正恩]]與特朗普會晤]]\n2019年，雙方再次會晤。",
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual(["caption", "paragraph"]);
    expect(doc.images).toHaveLength(1);
    expect(doc.images[0]?.file).toBe("Kim and Trump.jpg");
    expect(doc.images[0]?.caption?.text).toBe("2018年[[金正恩]]與特朗普會晤");
    spansHold(doc);
  });
});

describe("wikitext: links, refs, categories, rules, metadata", () => {
  it("makes the whole link text the entity, and takes a link trail into the link", () => {
    const doc = read("[[朝鮮民主主義人民共和國|朝鮮]]與[[United State]]s會談。");
    const [piped, trail] = doc.links;
    expect(piped?.target).toBe("朝鮮民主主義人民共和國");
    expect(piped?.entity?.text).toBe("朝鮮");
    expect(piped?.anchorUncertain).toBe(false);
    expect(trail?.text).toBe("[[United State]]s");
    expect(trail?.entity?.text).toBe("United State");
    expect(doc.text).toBe("朝鮮與United States會談。");
    spansHold(doc);
  });

  it("numbers refs, reuses a named one, and attaches markers to their sentence", () => {
    const doc = read(
      '甲。<ref name="a">來源甲</ref>乙。<ref>來源乙</ref>丙。<ref name="a" />\n== 參考 ==\n<references />',
    );
    expect(doc.references.map((r) => [r.n, r.text])).toEqual([
      [1, "來源甲"],
      [2, "來源乙"],
    ]);
    expect(doc.footnotes.map((f) => [f.n, f.sentence, f.reference])).toEqual([
      [1, 0, 0],
      [2, 1, 1],
      [1, 2, 0],
    ]);
    spansHold(doc);
  });

  it("records categories with their names, sort keys left out", () => {
    const doc = read("甲。\n[[Category:朝美關係|朝]]\n[[分類:冷戰]]");
    expect(doc.categories.map((c) => c.name)).toEqual(["朝美關係", "冷戰"]);
  });

  it("reads {{NoteTA}} and -{H|…}- as page rules that feed the conversion", () => {
    const doc = read(
      "{{NoteTA|G1=政治|1=zh-hans:朝鲜;zh-hant:北韓;}}\n-{H|zh-cn:导弹;zh-tw:飛彈;}-北韓試射飛彈。",
    );
    expect(doc.converter.flatMap((c) => c.rules)).toEqual([
      { variant: "zh-hans", to: "朝鲜" },
      { variant: "zh-hant", to: "北韓" },
      { variant: "zh-cn", to: "导弹" },
      { variant: "zh-tw", to: "飛彈" },
    ]);
    expect(normalize(doc).cn).toBe("朝鲜试射导弹。");
    spansHold(doc);
  });

  it("leaves forms of another length and protected markup alone", () => {
    const doc = read(
      "-{H|zh-hans:朝鲜;zh-hant:北朝鮮;}--{H|zh-cn:美国;zh-tw:美國;}-北朝鮮、-{美國}-與美国。",
    );
    const n = normalize(doc);
    expect(n.cn).toBe("北朝鲜、美國与美国。");
    expect(n.tw).toBe("北朝鮮、美國與美國。");
  });

  it("keeps the infobox's dates as metadata, not as text", () => {
    const doc = read(
      "{{Infobox country|name=甲國|established=1948年9月9日|area=120540|capital=平壤}}\n'''甲國'''成立。",
    );
    expect(doc.text).toBe("甲國成立。");
    expect(doc.title).toBe("甲國");
    expect(doc.meta?.infobox.map((f) => [f.name, f.text])).toEqual([
      ["established", "1948年9月9日"],
    ]);
    spansHold(doc);
  });

  it("names a page by a given title over its bold lead", () => {
    expect(ingest("'''乙'''。", { name: "x", format: "wikitext", title: "甲" }).title).toBe("甲");
  });
});

describe("detectFormat", () => {
  it.each([
    ["a.wiki", "anything", "wikitext"],
    ["a.wikitext", "**x**", "wikitext"],
    ["a.md", "'''x''' [[y]]", "md"],
    ["-", "'''美國'''是[[國家]]。\n== 歷史 ==\n{{main|X}}", "wikitext"],
    ["-", '**美國**是[國家](https://zh.wikipedia.org/wiki/國家 "wikilink")。\n\n## 歷史', "md"],
    ["-", "1994年，雙方簽署了協議。", "md"],
    ["a.txt", "[[甲]]與[[乙]]", "wikitext"],
  ])("%s %j → %s", (name, raw, format) => {
    expect(detectFormat(name, raw)).toBe(format);
  });
});
