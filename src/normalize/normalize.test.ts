import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingest } from "../ingest/index.js";
import { applyFixes, type Fix } from "./fixes.js";
import {
  convertKeepingLength,
  halfWidthAlnum,
  normalize,
  toSimplified,
  toTraditional,
} from "./index.js";
import { SHORT_TEXT } from "./opencc.js";
import { articleFiles, SEED_ARTICLE } from "../../test/corpus.js";

const seedRaw = readFileSync(SEED_ARTICLE, "utf8");
const seed = normalize(ingest(seedRaw, { name: "us-dprk.md" }));
const n = (md: string) => normalize(ingest(md, { name: "t.md" }));

describe("normalize", () => {
  it("keeps every view as long as the display text (seed and every article)", () => {
    const all = [seed, ...articleFiles().map((f) => n(readFileSync(f, "utf8")))];
    for (const v of all) {
      expect(v.cn.length).toBe(v.doc.text.length);
      expect(v.tw.length).toBe(v.doc.text.length);
      expect(v.analysis.length).toBe(v.doc.text.length);
    }
  });

  it("converts to Simplified with tw→cn (隨著 → 随着) and to Traditional", () => {
    const v = n("隨著李明博對朝强硬政策，美国对朝鲜。");
    expect(v.cn).toBe("随着李明博对朝强硬政策，美国对朝鲜。");
    expect(v.tw).toBe("隨著李明博對朝強硬政策，美國對朝鮮。");
  });

  it("leaves converter spans unconverted in cn and tw, shows tw choices in tw", () => {
    const text = seed.doc.text;
    for (const c of seed.doc.converter) {
      expect(seed.cn.slice(c.textStart, c.textEnd)).toBe(c.shown.cn);
      expect(seed.tw.slice(c.textStart, c.textEnd)).toBe(c.shown.tw);
    }
    const li = seed.doc.converter.find((c) => c.text === "-{里}-")!;
    expect(seed.tw.slice(li.textStart - 6, li.textEnd)).toBe("吉州郡舞水端里");
    expect(text.slice(li.textStart, li.textEnd)).toBe("里");
    const v = n("向-{zh-hans:意;zh-hant:義;}-宣战");
    expect(v.cn).toBe("向意宣战");
    expect(v.tw).toBe("向義宣戰");
    // The analysis text is for matching: it converts converter spans too.
    expect(seed.analysis).not.toContain("朝鮮");
  });

  it.each([
    ["佩里 stays 佩里", "时任防长佩里全程参与其中。", "時任防長佩里全程參與其中。"],
    ["中国制裁 → 中國制裁", "就能迫使中国制裁朝鲜", "就能迫使中國制裁朝鮮"],
    ["咸鏡 is not 鹹鏡", "朝鮮在咸鏡北道", "朝鮮在咸鏡北道"],
    ["国情咨文 → 國情咨文", "小布什在国情咨文中", "小布什在國情咨文中"],
    ["包括发射 is not 括髮", "協議不包括发射卫星", "協議不包括發射衛星"],
    ["建交并实现 is not 交併", "两国建交并实现和平", "兩國建交並實現和平"],
  ])("fixes opencc miss-conversions: %s", (_name, md, tw) => {
    expect(n(md).tw).toBe(tw);
  });

  it("keeps the seed's known fixes", () => {
    expect(seed.tw).toContain("時任防長佩里");
    expect(seed.tw).not.toContain("佩裡");
    expect(seed.tw).toContain("中國制裁");
    expect(seed.tw).toContain("咸鏡北道");
    expect(seed.tw).toContain("國情咨文");
  });

  it("makes full-width digits and letters half-width in the analysis text only", () => {
    const v = n("２００６年１０月，ＵＮ表示。");
    expect(v.analysis).toBe("2006年10月，UN表示。");
    expect(v.cn).toBe("２００６年１０月，ＵＮ表示。");
    expect(halfWidthAlnum("ａＺ９（）")).toBe("aZ9（）");
  });
});

describe("convertKeepingLength", () => {
  it("falls back per line, then per character, when a converter changes length", () => {
    // A fake converter that expands 甲 to two characters and maps 乙 → 丙.
    const fake = (s: string): string => s.replace(/甲/g, "甲甲").replace(/乙/g, "丙");
    expect(convertKeepingLength("乙甲乙\n乙乙", fake)).toBe("丙甲丙\n丙丙");
    expect(convertKeepingLength("乙乙", fake)).toBe("丙丙");
    const identity = (s: string): string => s;
    expect(convertKeepingLength("甲乙", identity)).toBe("甲乙");
  });
});

describe("toSimplified and toTraditional on short texts (remembered)", () => {
  it("give each direction its own conversion, again and after many other texts", () => {
    // Note: 發展/发展 and 臺灣/台湾 each way, asked for in turn, so a shared or stale memory of
    // the other direction's answer shows; then over 10 000 other short texts (the memory is
    // emptied and filled again) and the same again.
    const check = (): void => {
      expect(toSimplified("發展與臺灣")).toBe("发展与台湾");
      expect(toTraditional("发展与台湾")).toBe("發展與臺灣");
      expect(toTraditional("發展與臺灣")).toBe("發展與臺灣");
      expect(toSimplified("发展与台湾")).toBe("发展与台湾");
    };
    check();
    for (let n = 0; n < 10_050; n += 1) {
      const text = `第${n}條`;
      expect(toSimplified(text)).toBe(`第${n}条`);
    }
    check();
    const long = "發展".repeat(SHORT_TEXT);
    expect(toSimplified(long)).toBe("发展".repeat(SHORT_TEXT));
  });
});

describe("applyFixes", () => {
  const fixes: Fix[] = [{ variant: "tw", source: "佩里", wrong: "佩裡", right: "佩里" }];
  it.each([
    ["applies where the source matches", "佩裡說", "佩里说", "佩里說"],
    ["not where the source differs", "佩裡說", "佩里说".replace("里", "裏"), "佩裡說"],
    ["every occurrence", "佩裡佩裡", "佩里佩里", "佩里佩里"],
  ])("%s", (_name, out, simplified, expected) => {
    expect(applyFixes(out, simplified, "tw", fixes)).toBe(expected);
    expect(applyFixes(out, simplified, "cn", fixes)).toBe(out);
  });
});
