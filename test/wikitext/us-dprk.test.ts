/**
 * Must-show check of issue 16: the bundled article rewritten as wikitext (by `from-markdown.ts`),
 * in a bzip2 MediaWiki export with a redirect, a talk page and a template page.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Bzip2 } from "compressjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extract, type Extraction } from "../../src/extract.js";
import { ingestPaths } from "../../src/ingest-worker/index.js";
import { childrenAt, parseWikitext, type WikiNode } from "../../src/ingest/wikitext/tree.js";
import { templateRule } from "../../src/ingest/wikitext/templates.js";
import { openStore } from "../../src/store/index.js";
import { exportXml, markdownToWikitext, type ExportPage } from "./from-markdown.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const markdown = readFileSync(join(root, "samples/us-dprk.md"), "utf8");
const TITLE = "美國-北韓關係";
const wikitext = markdownToWikitext(markdown, TITLE);
const tmp = mkdtempSync(join(tmpdir(), "annals-wikitext-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The export: the article, a redirect to it, its talk page and a template. */
function pages(text: string, revision: number): ExportPage[] {
  const at = "2024-05-01T12:34:56Z";
  return [
    { title: TITLE, ns: 0, id: 1001, revision, timestamp: at, text },
    {
      title: "美朝關係",
      ns: 0,
      id: 1002,
      revision: 5001,
      timestamp: at,
      text: `#REDIRECT [[${TITLE}]]`,
      redirect: TITLE,
    },
    {
      title: `Talk:${TITLE}`,
      ns: 1,
      id: 1003,
      revision: 5002,
      timestamp: at,
      text: "== 1994年的協議 ==\n1994年10月21日簽署的協議應該寫進來。--~~~~",
    },
    {
      title: "Template:朝美關係",
      ns: 10,
      id: 1004,
      revision: 5003,
      timestamp: at,
      text: "{{Navbox|title=朝美關係|list1=[[1994年朝美核框架協議]]}}<noinclude>[[Category:導航模板]]</noinclude>",
    },
  ];
}

/** Raw ranges of `<ref>` tags and of templates that show nothing. */
function hiddenRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const walk = (node: WikiNode, start: number): void => {
    const end = start + String(node).length;
    if (node.type === "ext" && node.name === "ref") out.push([start, end]);
    else if (node.type === "template" && templateRule(node.name ?? "")?.show === undefined) {
      out.push([start, end]);
    }
    for (const [child, at] of childrenAt(node, start)) walk(child, at);
  };
  walk(parseWikitext(text, "t.wiki"), 0);
  return out;
}

describe("the bundled article as wikitext", () => {
  let md: Extraction;
  let wiki: Extraction;
  beforeAll(() => {
    md = extract({ raw: markdown, name: "us-dprk.md" });
    wiki = extract({ raw: wikitext, name: "us-dprk.wiki" });
  });

  it("is read as wikitext, with spans that slice it", () => {
    expect(wiki.document.meta?.format).toBe("wikitext");
    const { chronicle, document } = wiki;
    const spans = [
      ...chronicle.timexes,
      ...chronicle.events.flatMap((e) => e.mentions),
      ...chronicle.findings,
      ...document.blocks,
      ...document.sentences,
      ...document.links,
      ...document.footnotes,
      ...document.references,
      ...document.categories,
    ];
    for (const s of spans) expect(wikitext.slice(s.start, s.end)).toBe(s.text);
    for (let i = 0; i < document.text.length; i += 1) {
      expect(document.rawStarts[i]).toBeLessThanOrEqual(document.rawEnds[i] ?? -1);
    }
  });

  it("finds at least 150 timexes and 90% of the markdown article's events", () => {
    expect(wiki.chronicle.timexes.length).toBeGreaterThanOrEqual(150);
    expect(wiki.chronicle.events.length).toBeGreaterThanOrEqual(
      Math.ceil(0.9 * md.chronicle.events.length),
    );
  });

  it("takes no event, timex or narrative anchor from a <ref> or a template", () => {
    const hidden = hiddenRanges(wikitext);
    expect(hidden.length).toBeGreaterThan(20);
    const inside = (s: { start: number; end: number }): boolean =>
      hidden.some(([a, b]) => s.start >= a && s.end <= b);
    for (const e of wiki.chronicle.events)
      for (const m of e.mentions) expect(inside(m)).toBe(false);
    for (const t of wiki.chronicle.timexes) expect(inside(t)).toBe(false);
    // The cite templates' `date=2018年6月12日` and the infobox dates are not in the text.
    expect(wiki.document.text).not.toContain("accessdate");
  });

  it("keeps the infobox dates, the categories, the refs and the NoteTA rules", () => {
    const { document } = wiki;
    expect(document.meta?.infobox.map((f) => [f.name, f.text])).toEqual([
      ["established", "1866年"],
      ["signed", "2018年6月12日"],
    ]);
    expect(document.categories.map((c) => c.name)).toEqual(
      md.document.categories.map((c) => c.name),
    );
    expect(document.footnotes.length).toBeGreaterThan(20);
    expect(document.footnotes.every((f) => f.reference !== null)).toBe(true);
    const rules = document.converter.flatMap((c) => c.rules);
    expect(rules).toContainEqual({ variant: "zh-hant", to: "北韓" });
  });
});

describe("the article in a bzip2 MediaWiki export", () => {
  const dump = join(tmp, "zhwiki-test-pages-articles.xml.bz2");
  beforeAll(() => {
    writeFileSync(dump, Bzip2.compressFile(Buffer.from(exportXml(pages(wikitext, 7001)))));
  });

  it("keeps only the article, named by wiki and page id, dated by its revision", async () => {
    const db = join(tmp, "dump.db");
    const store = openStore(db);
    try {
      const result = await ingestPaths(store, [dump], { jobs: 0 });
      expect(result).toMatchObject({ ingested: 1, failed: 0, pages: 4, skipped: 3 });
      const docs = store.documents();
      expect(docs.map((d) => [d.source, d.title])).toEqual([["zhwiki:1001", TITLE]]);
    } finally {
      store.close();
    }
  });

  it("re-extracts only the pages whose text changed in a newer dump", async () => {
    const db = join(tmp, "newer.db");
    const older = join(tmp, "older.xml.bz2");
    const newer = join(tmp, "newer.xml.bz2");
    const second: ExportPage = {
      title: "朝美關係年表",
      ns: 0,
      id: 1005,
      revision: 9001,
      timestamp: "2024-05-02T00:00:00Z",
      text: "'''朝美關係年表'''。1994年10月21日，[[美國]]與[[朝鮮]]簽署了協議。",
    };
    writeFileSync(
      older,
      Bzip2.compressFile(Buffer.from(exportXml([...pages(wikitext, 7001), second]))),
    );
    const edited = { ...second, revision: 9002, text: `${second.text}2000年10月，雙方會談。` };
    writeFileSync(
      newer,
      Bzip2.compressFile(Buffer.from(exportXml([...pages(wikitext, 7001), edited]))),
    );
    const store = openStore(db);
    try {
      expect(await ingestPaths(store, [older], { jobs: 0 })).toMatchObject({ ingested: 2 });
      expect(await ingestPaths(store, [newer], { jobs: 0 })).toMatchObject({
        ingested: 1,
        replaced: 1,
        unchanged: 1,
      });
      expect(store.documents()).toHaveLength(2);
    } finally {
      store.close();
    }
  });
});
