import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingest } from "../ingest/index.js";
import { normalize } from "../normalize/index.js";
import { articleFiles, SEED_ARTICLE } from "../../test/corpus.js";
import { PARSERS } from "./config.js";
import { RegExpParser } from "@eslint-community/regexpp";
import { getFirstConsumedChar } from "regexp-ast-analysis";
import { classUnits, engineMatches } from "./engine.js";
import { alternation } from "./tables.js";

/** Every taggable block text of the test corpus, plus sentences at the edges of each gate. */
function texts(): string[] {
  const out = [
    "辛丑年七月二十五日",
    "光绪庚子年",
    "大年初一",
    "2018年春节前后",
    "下午3时30分",
    "17:55:23",
    "8：00",
    "三点钟",
    "1982年上半年",
    "2015年第一季度，上个季度，本季度",
    "5月上旬",
    "年底",
    "三天前",
    "2小时之后",
    "五年以前",
    "半年后",
    "次日",
    "第5天",
    "事变第三日",
    "这一天",
    "一天后",
    "公元前221年",
    "前206年",
    "1990年代",
    "二十世纪",
    "光绪三十四年七月十一日",
    "农历八月十五",
    "腊月二十三",
    "闰五月",
    "三月初三",
    "一个半小时",
    "好几天",
    "若干年",
    "3.5秒",
    "5日",
    "他于5日抵达",
    "3日至5日",
    "十二日和十三日",
    "3~6个月",
    "三至五年",
    "1995-98年",
    "07年8月",
    "2012-03-16 10:58",
    "3/3/2015与13.5.2015",
    "本月十日，下个月",
    "上周一和这周末",
    "1971年3-4月，16-19日",
    "星期三（周四）",
    "民國初期，同治初年",
    "光緒十六年（1890年），再任大臣。十八年（1892年），任光祿寺卿。十九年調內閣學士",
  ];
  for (const path of [SEED_ARTICLE, ...articleFiles()]) {
    const raw = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
    const norm = normalize(ingest(raw, { name: path }));
    for (const b of norm.doc.blocks) out.push(norm.analysis.slice(b.textStart, b.textEnd));
  }
  return out;
}

describe("time: parser gates never reject a text their pattern matches", () => {
  const all = texts();
  const gated = PARSERS.filter((p) => p.gate !== undefined);

  it("gates some parsers", () => {
    expect(gated.map((p) => p.name)).toEqual(
      expect.arrayContaining(["holiday", "sexagenary-year", "clock-time"]),
    );
  });

  it.each(gated.map((p) => [p.name, p] as const))("%s", (_, parser) => {
    const pattern = new RegExp(parser.pattern.source, parser.pattern.flags.replace("g", ""));
    const missed = all.filter((t) => pattern.test(t) && !parser.gate!.test(t));
    expect(missed).toEqual([]);
    // The sentences above exercise each gate: at least one text passes it and matches.
    expect(all.some((t) => pattern.test(t) && parser.gate!.test(t))).toBe(true);
  });

  it("rejects texts without the gate's part (a block with only the trigger characters)", () => {
    const byName = new Map(PARSERS.map((p) => [p.name, p]));
    expect(byName.get("sexagenary-year")!.gate!.test("他于1901年出生")).toBe(false);
    expect(byName.get("clock-time")!.gate!.test("当时他在城中")).toBe(false);
    expect(byName.get("from-now")!.gate!.test("前后两次会谈")).toBe(false);
  });
});

describe("time: a parser's leading characters (starts) never drop a match", () => {
  const all = texts();
  const started = PARSERS.filter((p) => p.starts !== undefined);

  it("prefilters every parser", () => {
    expect(started.map((p) => p.name)).toEqual(PARSERS.map((p) => p.name));
  });

  // The proof: every character a match of the pattern may begin with (regexp-ast-analysis's
  // first-character set of the pattern, a superset of the true one) is in `starts`.
  it.each(started.map((p, i) => [`${p.name} #${i}`, p] as const))(
    "%s: starts holds the pattern's first characters",
    (_, parser) => {
      const ast = new RegExpParser().parseLiteral(
        `/${parser.pattern.source}/${parser.pattern.flags}`,
      );
      const first = getFirstConsumedChar(ast.pattern.alternatives, "ltr", ast.flags);
      const units = new Set(classUnits(parser.starts!));
      const missing: string[] = [];
      for (const { min, max } of first.char.ranges) {
        for (let c = min; c <= max; c += 1)
          if (!units.has(c)) missing.push(String.fromCodePoint(c));
      }
      expect(missing).toEqual([]);
    },
  );

  it.each(started.map((p, i) => [`${p.name} #${i}`, p] as const))(
    "%s: the engine finds the plain pattern's matches",
    (_, parser) => {
      const plain = all.map((t) => [...t.matchAll(parser.pattern)].filter((m) => m[0] !== ""));
      const found = engineMatches(parser, all);
      const key = (ms: RegExpExecArray[] | RegExpMatchArray[]): string[] =>
        ms.map((m) => `${m.index}:${m[0]}:${JSON.stringify(m.groups ?? {})}`);
      expect(plain.flat().length).toBeGreaterThan(0);
      expect(found.map(key)).toEqual(plain.map(key));
    },
  );
});

describe("time: classUnits reads a character class body as the regex engine does", () => {
  it.each(["\\d〇零一二", "公西前", "~～\\-－—–至到", "a-c", "(（今", "'’‘", "三-下"])(
    "%s",
    (body) => {
      const re = new RegExp(`^[${body}]$`);
      const units = new Set(classUnits(body));
      const differ: number[] = [];
      for (let c = 0; c < 0x10000; c += 1) {
        if (units.has(c) !== re.test(String.fromCharCode(c))) differ.push(c);
      }
      expect(differ).toEqual([]);
    },
  );
});

describe("time: alternation factors words by prefix and keeps the longest first", () => {
  it.each([
    [["洪武", "洪熙", "洪"], "洪熙元年", "洪熙"],
    [["晚", "晚上", "夜"], "晚上八点", "晚上"],
    [["a.b", "ab"], "axb a.b", "a.b"],
    [["上午", "上"], "以上", "上"],
  ])("%j in %s finds %s", (words, text, found) => {
    expect(new RegExp(alternation(words)).exec(text)?.[0]).toBe(found);
  });

  it("matches nothing it was not given", () => {
    expect(new RegExp(`^(?:${alternation(["洪武", "洪熙"])})$`).test("洪")).toBe(false);
    expect(new RegExp(`^(?:${alternation(["洪武", "洪熙"])})$`).test("洪宪")).toBe(false);
  });
});
