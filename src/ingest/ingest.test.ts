import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import type { Document, Span } from "../model/index.js";
import { ingest } from "./index.js";
import { articleFiles, SEED_ARTICLE } from "../../test/corpus.js";

const seedRaw = readFileSync(SEED_ARTICLE, "utf8");
const seed = ingest(seedRaw, { name: "us-dprk.md" });
const articles = articleFiles().map((f) => [basename(f), readFileSync(f, "utf8")] as const);

const one = (md: string): Document => ingest(md, { name: "t.md" });

describe("seed facts (us-dprk.md)", () => {
  it("has the bold lead as title", () => {
    expect(seed.title).toBe("美國-北韓關係");
    expect(seed.displayTitle).toBeNull();
  });

  it('has 147 internal wiki links: every "wikilink" title except the 3 categories', () => {
    const wikilinkTitles = seedRaw.match(/ "wikilink"\)/g)?.length;
    expect(wikilinkTitles).toBe(150);
    const internal = seed.links.filter((l) => l.kind === "internal");
    expect(internal).toHaveLength(147);
    expect(seed.links.filter((l) => l.kind === "category")).toHaveLength(3);
    expect(seed.links.filter((l) => l.kind === "file")).toHaveLength(3);
    expect(seed.links.filter((l) => l.kind === "external").map((l) => l.target)).toEqual([
      "http://www.usspueblo.org/",
    ]);
    const targets = new Set(internal.map((l) => l.target));
    for (const t of [
      "美利堅合眾國",
      "紐約州",
      "共和党 (美国)",
      "民主党 (美国)",
      "李氏朝鮮",
      "火星14彈道飛彈",
    ]) {
      expect(targets).toContain(t);
    }
  });

  it.each([
    ["紐約州議員", "紐約州", false],
    ["李氏-{朝鮮}-時期", "李氏-{朝鮮}-", false],
    ["韓戰以來的一系列意識形態衝突和國際因素未能建交并实现关系正常化", "韓戰", false],
    ["柯林頓在", "柯林頓在", true],
  ])("link trail: [%s] → entity %s", (anchor, entity, uncertain) => {
    const link = seed.links.find((l) => l.anchor.text === anchor);
    expect(link?.entity?.text).toBe(entity);
    expect(link?.anchorUncertain).toBe(uncertain);
  });

  it("has 40 footnote markers, each attached to a sentence and a reference", () => {
    expect(seed.footnotes).toHaveLength(40);
    expect(seed.footnotes.map((f) => f.n)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    for (const f of seed.footnotes) {
      expect(f.sentence).not.toBeNull();
      expect(seed.sentences[f.sentence!]!.footnotes).toContain(f.id);
      expect(seed.references[f.reference!]!.n).toBe(f.n);
    }
    const first = seed.sentences[seed.footnotes[0]!.sentence!]!;
    expect(first.text.endsWith("兩次小衝突勝利讓李氏自得意滿，鎖國政策更甚。")).toBe(true);
    expect(seed.references).toHaveLength(40);
    expect(seed.references.filter((r) => !r.empty).map((r) => r.n)).toEqual([2]);
  });

  it("has 3 images, 2 leaked captions outside body text, 3 categories", () => {
    expect(seed.images.map((i) => i.file)).toEqual([
      "155mm-SPGs-north-of-seoul-195105.jpg",
      "Cho Myong-nok and Bill Clinton.jpg",
      "Kim and Trump shaking hands at the red carpet during the DPRK–USA Singapore Summit.jpg",
    ]);
    expect(seed.images[0]!.caption).toBeNull();
    const captions = seed.images.flatMap((i) => (i.caption ? [i.caption] : []));
    expect(captions.map((c) => c.text.slice(0, 6))).toEqual(["[柯林頓在]", "[唐纳德·特"]);
    expect(captions.map((c) => c.text.slice(-6))).toEqual(['ink")。', "次正式會悟。"]);
    const captionBlocks = seed.blocks.filter((b) => b.kind === "caption");
    expect(captionBlocks).toHaveLength(2);
    expect(captionBlocks.map((b) => b.start - 1)).toEqual(captions.map((c) => c.start));
    for (const b of seed.blocks.filter((x) => x.kind === "paragraph")) {
      const shown = seed.text.slice(b.textStart, b.textEnd);
      expect(shown).not.toContain("會見了朝鮮民主主義人民共和國國防委員會");
      expect(shown).not.toContain("]]");
      expect(shown).not.toContain("缩略图");
    }
    // The text after a caption's \]\] is body text again.
    expect(
      seed.blocks.some((b) => b.kind === "paragraph" && b.text.startsWith("2018年6月12日")),
    ).toBe(true);
    expect(seed.categories.map((c) => c.name)).toEqual([
      "朝鮮雙邊關係",
      "朝美關係",
      "美國雙邊關係",
    ]);
  });

  it("has 10 converter spans shown without markup", () => {
    expect(seed.converter.map((c) => c.text)).toEqual([...Array(9).fill("-{朝鮮}-"), "-{里}-"]);
    for (const c of seed.converter) {
      expect(c.flags).toEqual([]);
      expect(seed.text.slice(c.textStart, c.textEnd)).toBe(c.shown.cn);
      expect(c.shown.tw).toBe(c.shown.cn);
    }
    expect(seed.text).not.toContain("-{");
  });

  it("renders display text: soft breaks as spaces, no escapes, no markers", () => {
    expect(seed.text).toContain("普拉特（Z. Pratt）");
    expect(seed.text).toContain("《闰日协议》（Leap Day Agreement）");
    expect(seed.text).toContain("鎖國政策更甚。\n直到1882年");
    expect(seed.text).not.toMatch(/\[\d+\]/);
    expect(seed.text).not.toContain("\\");
    expect(seed.text).not.toContain("wikilink");
    expect(seed.sentences.some((s) => s.text.includes("Z.\nPratt"))).toBe(true);
  });

  it("builds the section tree", () => {
    expect(seed.sections.map((s) => [s.level, s.title, s.parent])).toEqual([
      [2, "歷史", null],
      [3, "二战之前", 0],
      [3, "冷战", 0],
      [3, "冷战之后", 0],
      [3, "2018年朝美首脑会晤", 0],
      [2, "参考文献", null],
      [2, "參見", null],
    ]);
    expect(seed.blocks.filter((b) => b.kind === "list-item")).toHaveLength(3);
  });
});

/** Checks a span against the raw text. */
function checkSpan(raw: string, span: Span | null | undefined, what: string): void {
  if (span === null || span === undefined) return;
  expect(span.start, what).toBeGreaterThanOrEqual(0);
  expect(span.end, what).toBeLessThanOrEqual(raw.length);
  expect(span.start, what).toBeLessThanOrEqual(span.end);
  expect(raw.slice(span.start, span.end), what).toBe(span.text);
}

describe.each([["seed us-dprk.md", seedRaw] as const, ...articles])(
  "invariants: %s",
  (name, raw) => {
    const doc = ingest(raw, { name });
    it("every span covers its text, in bounds and sorted", () => {
      const lists = {
        sections: doc.sections,
        blocks: doc.blocks,
        sentences: doc.sentences,
        links: doc.links,
        categories: doc.categories,
        images: doc.images,
        footnotes: doc.footnotes,
        references: doc.references,
        converter: doc.converter,
      };
      for (const [what, list] of Object.entries(lists)) {
        let prev = -1;
        for (const item of list as Span[]) {
          checkSpan(raw, item, what);
          expect(item.start, `${what} sorted`).toBeGreaterThanOrEqual(prev);
          prev = item.start;
        }
      }
      for (const l of doc.links) {
        checkSpan(raw, l.anchor, "anchor");
        checkSpan(raw, l.entity, "entity");
        if (l.entity) expect(l.entity.start).toBe(l.anchor.start);
      }
      for (const i of doc.images) checkSpan(raw, i.caption, "caption");
    });

    it("display text maps back to raw", () => {
      expect(doc.rawStarts.length).toBe(doc.text.length);
      expect(doc.rawEnds.length).toBe(doc.text.length);
      for (let i = 0; i < doc.text.length; i += 1) {
        expect(doc.rawStarts[i]!).toBeLessThanOrEqual(doc.rawEnds[i]!);
        if (i > 0) expect(doc.rawStarts[i]!).toBeGreaterThanOrEqual(doc.rawStarts[i - 1]!);
      }
      for (const b of doc.blocks) {
        expect(doc.text.slice(b.textStart, b.textEnd)).not.toMatch(/^\s|\s$/);
        if (b.textEnd > b.textStart) expect(b.start).toBe(doc.rawStarts[b.textStart]);
      }
      for (const s of doc.sentences) {
        expect(s.start).toBe(doc.rawStarts[s.textStart]);
        expect(s.end).toBe(doc.rawEnds[s.textEnd - 1]);
      }
      expect(doc.text).not.toContain("wikilink");
    });

    it("has no converter markup or footnote markers left in the display text", () => {
      expect(doc.text).not.toContain("-{");
      expect(doc.footnotes.every((f) => f.sentence !== null)).toBe(true);
    });
  },
);

describe("other articles", () => {
  const byName = new Map(articles.map(([n, raw]) => [n, ingest(raw, { name: n })]));
  it("takes the title from the provenance banner, else the bold lead", () => {
    expect(byName.get("12_asian-games-1990.md")!.title).toBe("1990年亚洲运动会");
    expect(byName.get("02_boxer-indemnity.md")!.title).toBe("庚子赔款");
    expect(byName.get("13_dotnet-core.md")!.title).toBe(".NET Core");
    expect(byName.get("10_lee-rubber-group.md")!.text.startsWith("南益集团,是")).toBe(true);
  });

  it("parses the converter markup in a link, wrapped over a line", () => {
    const doc = byName.get("04_southeast-mutual-protection.md")!;
    expect(doc.converter.map((c) => [c.shown.cn, c.shown.tw])).toEqual([["意", "義"]]);
    const link = doc.links.find((l) => l.target === "義大利王國 (1861年–1946年)");
    expect(link?.anchorUncertain).toBe(true);
    expect(byName.get("09_tangshan-earthquake.md")!.converter.map((c) => c.text)).toEqual([
      "-{中}-",
    ]);
  });

  it("reads code blocks and pipe and HTML tables", () => {
    const dotnet = byName.get("13_dotnet-core.md")!;
    const code = dotnet.blocks.filter((b) => b.kind === "code");
    expect(code.length).toBeGreaterThanOrEqual(2);
    expect(dotnet.text.slice(code[0]!.textStart, code[0]!.textEnd)).toMatch(/^\{\n {4}"version"/);
    const gidle = byName.get("14_gidle-performances.md")!;
    const cells = gidle.blocks.filter((b) => b.kind === "table-cell");
    expect(cells[0]!.table).toEqual({ table: 0, row: 0, column: 0, header: true });
    expect(gidle.text.slice(cells[4]!.textStart, cells[4]!.textEnd)).toBe("2018年5月2日");
    const games = byName.get("12_asian-games-1990.md")!;
    const html = games.blocks.filter((b) => b.kind === "table-cell");
    expect(html.some((b) => b.text === "總計")).toBe(true);
    expect(games.text).not.toMatch(/<\/?(?:td|tr|table|div|p|small)\b/);
  });
});

describe("small inputs", () => {
  it("a CRLF or bare CR line break inside a paragraph is one space, no CR left", () => {
    for (const raw of ["甲事\r\n乙事。\r\n\r\n丙。\r\n", "甲事\r乙事。\r\r丙。\r"]) {
      const doc = one(raw);
      expect(doc.text).toBe("甲事 乙事。\n丙。");
      const s = doc.sentences[0]!;
      expect(raw.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it("attaches \\[1\\]\\[2\\] to the sentence they follow", () => {
    const doc = one("甲事發生。\\[1\\]\\[2\\]乙事\\[3\\]發生。\n\n1.  a\n2.  b\n3.  c\n");
    expect(doc.footnotes.map((f) => [f.n, f.sentence, f.reference])).toEqual([
      [1, 0, 0],
      [2, 0, 1],
      [3, 1, 2],
    ]);
    expect(doc.sentences.map((s) => s.footnotes)).toEqual([[0, 1], [2], [], [], []]);
    expect(doc.text).toBe("甲事發生。乙事發生。\na\nb\nc");
  });

  it("does not take bracketed years in references for markers, nor long numbers", () => {
    const doc = one("甲\\[2003\\]乙。\n\n1.  Chang. \\[2003\\] (2003).\n");
    expect(doc.footnotes).toHaveLength(0);
    expect(doc.text).toContain("[2003]");
  });

  it("a caption without \\]\\] stays body text", () => {
    const doc = one('[a.jpg](https://zh.wikipedia.org/wiki/File:a.jpg "fig:a.jpg")說明文字。');
    expect(doc.images[0]!.caption).toBeNull();
    expect(doc.blocks.map((b) => b.kind)).toEqual(["paragraph"]);
  });

  it("drops HTML comments and tags, keeps their text", () => {
    const doc = one("甲<small>（乙）</small>丙<!-- x -->丁\n\n<!-- end list -->\n\n</div>\n");
    expect(doc.text).toBe("甲（乙）丙丁");
  });

  it.each([
    ["unclosed [", "[甲乙丙"],
    ["stray backslash", "甲\\乙\\"],
    ["unclosed link", "[甲](http://x"],
    ["unclosed fence", "```\n甲\n"],
    ["many brackets", "[".repeat(20000)],
    ["many converters", "-{".repeat(20000)],
    ["unclosed HTML", "<table><tr><td>甲"],
    ["CRLF", "甲。\r\n乙。\r\n\r\n## 丙\r\n"],
  ])(
    "odd but valid text gives a normal result: %s",
    (_name, md) => {
      const doc = one(md);
      expect(doc.text.length).toBeGreaterThan(0);
      for (const s of doc.sentences) expect(md.slice(s.start, s.end)).toBe(s.text);
    },
    10_000,
  );

  it("drops a leading BOM", () => {
    const doc = one("\uFEFF甲。");
    expect(doc.raw).toBe("甲。");
    expect(doc.sentences[0]!.start).toBe(0);
  });

  it("falls back to the file name as title", () => {
    expect(ingest("沒有粗體。", { name: "dir/some-article.md" }).title).toBe("some-article");
    expect(ingest("# 標題\n\n文。", { name: "x.md" }).title).toBe("標題");
  });

  it("shows nothing for behaviour switches (__NOTOC__): not text, not the bold title", () => {
    const doc = ingest(
      "__NOTOC__\n**曾纪泽**，清代外交家。\n\n__TOC__ __NOEDITSECTION__\n\n1878年出使。",
      {
        name: "zeng.md",
      },
    );
    expect(doc.title).toBe("曾纪泽");
    expect(doc.text).not.toMatch(/TOC|NOEDITSECTION/);
    expect(doc.text.startsWith("曾纪泽")).toBe(true);
    // Other words between double underscores stay text.
    expect(ingest("__甲__乙。", { name: "a.md" }).text).toContain("甲");
  });
});
