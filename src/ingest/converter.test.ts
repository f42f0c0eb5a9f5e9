import { describe, expect, it } from "vitest";
import { ingest } from "./index.js";

/** Ingests one paragraph and returns its display text and converter spans. */
function run(md: string) {
  const doc = ingest(md, { name: "t.md" });
  return { doc, text: doc.text, spans: doc.converter };
}

describe("converter markup -{…}-", () => {
  it.each<[string, string, string, string, string[]]>([
    // [name, markdown, display (cn), shown tw, flags]
    ["plain", "在-{朝鮮}-王朝", "在朝鮮王朝", "朝鮮", []],
    ["empty", "甲-{}-乙", "甲乙", "", []],
    ["R flag", "甲-{R|里}-乙", "甲里乙", "里", ["R"]],
    ["variants", "向-{zh-hans:意;zh-hant:義;}-宣戰", "向意宣戰", "義", []],
    ["fallback cn→zh-cn, tw→zh-tw", "-{zh-cn:软件;zh-tw:軟體;}-", "软件", "軟體", []],
    ["fallback to sg and hk", "-{zh-sg:甲;zh-hk:乙}-", "甲", "乙", []],
    ["only one variant given", "-{zh-hant:義大利}-", "義大利", "義大利", []],
    ["uneven lengths are padded", "-{zh-hans:意大利;zh-hant:義}-", "意大利", "義\u200b\u200b", []],
    ["A flag shows and adds a rule", "-{A|zh-hans:意;zh-hant:義}-", "意", "義", ["A"]],
    ["H flag shows nothing", "甲-{H|zh-hans:意;zh-hant:義}-乙", "甲乙", "", ["H"]],
    ["T alone is T+H", "-{T|zh-hans:甲;zh-hant:乙}-丙", "丙", "", ["T", "H"]],
    ["- removes a rule", "-{-|zh-hans:意;zh-hant:義}-", "", "", ["-"]],
    ["N shows the variant name", "-{N|zh-tw}-", "臺灣正體", "臺灣正體", ["N"]],
    ["R wins over others", "-{R;A|zh-hans:意}-", "zh-hans:意", "zh-hans:意", ["R"]],
    [
      "variant flags keep the text",
      "-{zh-hans;zh-hant|乾隆}-",
      "乾隆",
      "乾隆",
      ["zh-hans", "zh-hant"],
    ],
    [
      "D describes",
      "-{D|zh-hans:意;zh-hant:義}-",
      "简体：意；繁體：義；",
      "简体：意；繁體：義；",
      ["D"],
    ],
    [
      "; inside text is not a separator",
      "-{zh-hans:甲;乙;zh-hant:丙}-",
      "甲;乙",
      "丙\u200b\u200b",
      [],
    ],
    [
      "invalid variant makes it plain",
      "-{xx:甲;zh-hant:乙}-",
      "xx:甲;zh-hant:乙",
      "xx:甲;zh-hant:乙",
      [],
    ],
    ["nested", "-{zh-hans:-{甲}-乙;zh-hant:丙丁}-", "甲乙", "丙丁", []],
    ["inline markup inside", "-{**朝鮮**}-", "朝鮮", "朝鮮", []],
    [
      "wrapped over a line",
      '[-{zh-hans:意;\nzh-hant:義;}-](https://zh.wikipedia.org/wiki/X "wikilink")',
      "意",
      "義",
      [],
    ],
  ])("%s", (_name, md, display, tw, flags) => {
    const { text, spans } = run(md);
    expect(text).toBe(display);
    expect(spans).toHaveLength(1);
    const span = spans[0]!;
    expect(span.flags).toEqual(flags);
    expect(span.shown.tw).toBe(tw);
    expect(span.shown.cn.length).toBe(span.shown.tw.length);
    expect(span.textEnd - span.textStart).toBe(span.shown.cn.length);
  });

  it("records page rules from A| and H|", () => {
    const { spans } = run("-{A|zh-hans:意;zh-hant:義}-");
    expect(spans[0]!.rules).toEqual([
      { variant: "zh-hans", to: "意" },
      { variant: "zh-hant", to: "義" },
    ]);
    expect(run("-{-|zh-hans:意}-").spans[0]!.rules).toEqual([
      { variant: "zh-hans", to: "意", remove: true },
    ]);
  });

  it("sets the display title from T|", () => {
    expect(run("-{T|zh-hans:美朝关系;zh-hant:美朝關係}-").doc.displayTitle).toBe("美朝关系");
  });

  it.each([
    ["unclosed", "在-{朝鮮王朝", "在-{朝鮮王朝", 0],
    ["unclosed outer, closed inner", "-{甲-{乙}-丙", "-{甲乙丙", 1],
    ["closing without opening", "甲}-乙", "甲}-乙", 0],
    ["escaped braces in pandoc output", "-\\{甲\\}-", "甲", 1],
  ])("%s stays literal where it must", (_name, md, display, count) => {
    const { text, spans } = run(md);
    expect(text).toBe(display);
    expect(spans).toHaveLength(count);
  });

  it("stops nesting at depth 10 and never hangs on deep input", () => {
    const deep = "-{".repeat(5000) + "x" + "}-".repeat(5000);
    const { doc } = run(deep);
    expect(doc.converter).toHaveLength(1);
  }, 10_000); // a hang fails by the timeout, not by a clock assertion

  it("keeps raw spans exact", () => {
    const md = '早在1866年[李氏-{朝鮮}-時期](https://zh.wikipedia.org/wiki/李氏朝鮮 "wikilink")';
    const { doc } = run(md);
    const span = doc.converter[0]!;
    expect(span.text).toBe("-{朝鮮}-");
    expect(doc.raw.slice(span.start, span.end)).toBe(span.text);
  });
});
