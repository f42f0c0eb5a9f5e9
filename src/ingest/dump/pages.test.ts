import { describe, expect, it } from "vitest";
import { exportXml, type ExportPage } from "../../../test/wikitext/from-markdown.js";
import { AnnalsError } from "../../model/index.js";
import { DumpReader, writtenCategories, type DumpPage } from "./pages.js";

const AT = "2024-05-01T12:34:56Z";
const PAGES: ExportPage[] = [
  {
    title: "甲",
    ns: 0,
    id: 1,
    revision: 11,
    timestamp: AT,
    text: "'''甲'''<ref>x</ref> & {{lang|en|A}}",
  },
  {
    title: "乙",
    ns: 0,
    id: 2,
    revision: 12,
    timestamp: AT,
    text: "#重定向 [[甲]]",
    redirect: "甲",
  },
  { title: "Talk:甲", ns: 1, id: 3, revision: 13, timestamp: AT, text: "討論" },
  { title: "Template:丙", ns: 10, id: 4, revision: 14, timestamp: AT, text: "{{{1}}}" },
];

/** Reads an export fed in pieces of `size` characters. */
function readAll(xml: string, size: number): { pages: DumpPage[]; reader: DumpReader } {
  const reader = new DumpReader("t.xml");
  const pages: DumpPage[] = [];
  for (let i = 0; i < xml.length; i += size) {
    reader.write(xml.slice(i, i + size));
    pages.push(...reader.take());
  }
  reader.end();
  pages.push(...reader.take());
  return { pages, reader };
}

describe("DumpReader", () => {
  it.each([["0.11"], ["0.10"]])("reads export schema %s, whatever the piece size", (version) => {
    const xml = exportXml(PAGES, "zhwiki", version);
    for (const size of [1, 7, 100, xml.length]) {
      const { pages, reader } = readAll(xml, size);
      expect(reader.wiki).toBe("zhwiki");
      expect(pages.map((p) => [p.title, p.ns, p.id, p.revision, p.redirect])).toEqual([
        ["甲", 0, "1", "11", false],
        ["乙", 0, "2", "12", true],
        ["Talk:甲", 1, "3", "13", false],
        ["Template:丙", 10, "4", "14", false],
      ]);
      expect(pages[0]?.text).toBe("'''甲'''<ref>x</ref> & {{lang|en|A}}");
      expect(pages[0]?.timestamp).toBe(AT);
      expect(pages[0]?.model).toBe("wikitext");
    }
  });

  it("takes the last revision of a history dump, not the contributor's id", () => {
    const xml = exportXml([PAGES[0] as ExportPage]).replace(
      "</revision>",
      "</revision>\n    <revision><id>99</id><timestamp>2025-01-01T00:00:00Z</timestamp><contributor><id>7</id></contributor><text>新版</text></revision>",
    );
    const [page] = readAll(xml, 64).pages;
    expect([page?.id, page?.revision, page?.timestamp, page?.text]).toEqual([
      "1",
      "99",
      "2025-01-01T00:00:00Z",
      "新版",
    ]);
  });

  it("tells a redirect by its text when the dump has no <redirect> element", () => {
    const xml = exportXml([{ ...(PAGES[0] as ExportPage), text: "#REDIRECT [[丁]]" }]);
    expect(readAll(xml, 50).pages[0]?.redirect).toBe(true);
  });

  it("refuses broken XML with its line and column", () => {
    const xml = exportXml(PAGES).replace("</title>", "</titel>");
    let error: unknown;
    try {
      readAll(xml, 1000);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AnnalsError);
    expect((error as AnnalsError).format()).toMatch(/^t\.xml:\d+:\d+: invalid XML: /);
  });
});

describe("writtenCategories", () => {
  it.each([
    ["[[Category:朝美關係]]", ["朝美關係"]],
    ["[[分类:冷战|排序]] [[分類: 韓戰 ]]", ["冷战", "韓戰"]],
    ["[[category:A_b]]", ["A b"]],
    ["[[:Category:不是分類]] [[Categoryx:甲]] [[朝美關係]]", []],
  ])("%s → %j", (text, names) => {
    expect(writtenCategories(text, ["category", "分类", "分類"])).toEqual(names);
  });
});
