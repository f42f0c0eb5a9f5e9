import { describe, expect, it } from "vitest";
import { ingest } from "../ingest/index.js";
import { normalize } from "../normalize/index.js";
import { findEntities, loadGazetteer, pickByEra } from "./index.js";

function mentionsOf(markdown: string): string[] {
  const doc = ingest(markdown, { name: "snippet.md" });
  return findEntities(normalize(doc))
    .flatMap((e) => e.mentions.map((m) => ({ id: e.id, ...m })))
    .sort((a, b) => a.start - b.start)
    .map((m) => `${m.text}=${m.id}`);
}

describe("entities:gazetteer", () => {
  const cases: Array<[string, string[]]> = [
    ["2009年，朝鮮與美國舉行會談。", ["朝鮮=PRK", "美國=USA"]],
    ["北韓和南韓都派了代表。", ["北韓=PRK", "南韓=KOR"]],
    ["美方和朝方同意。", ["美方=USA", "朝方=PRK"]],
    ["联合国安理会通过决议，安理会再次开会。", ["联合国安理会=UNSC", "安理会=UNSC"]],
    ["柯林頓與川普都曾是總統。", ["柯林頓=bill_clinton", "川普=donald_trump"]],
    ["克里斯托弗·希尔在会上发言。", []],
    // one-character forms only inside compounds
    ["中日关系和美苏会谈，以及对华政策。", ["中=CHN", "日=JPN", "美=USA", "苏=SUN", "华=CHN"]],
    ["其中日本代表团最大。", ["日本=JPN"]],
    // a state glued to an institution by the segmenter is still the state
    ["伊朗外交部和中国政府发表声明。", ["伊朗=IRN", "中国=CHN"]],
    // 布什 by era: 1989–1993 the elder, 2001–2009 the younger
    [
      "1990年，布什访问莫斯科。2003年，布什访问伦敦。",
      ["布什=george_h_w_bush", "布什=george_w_bush"],
    ],
    ["美、日、韩三国发表声明。", ["美=USA", "日=JPN", "韩=KOR"]],
    ["这是一个美好的日子，朝阳升起。", []],
    // a capital is a state only outside locative phrases
    ["平壤宣布试射成功，美国代表在北京举行会谈。", ["平壤=PRK", "美国=USA"]],
    // not inside longer words
    ["朝鲜半岛局势紧张。", []],
    // era: 朝鲜 before 1910 is Joseon, after 1948 the DPRK
    ["1866年，朝鲜击退法军。1950年，朝鲜南下。", ["朝鲜=JOSEON", "朝鲜=PRK"]],
    // a recurring name with a common surname is a person, unless a word runs across its end
    ["姚文元甚至说。后来姚文元被捕。", ["姚文元=姚文元", "姚文元=姚文元"]],
    ["唐山大地震的报告显示，唐山大地震死亡人数很多。", []],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(mentionsOf(text)).toEqual(expected);
  });
});

describe("entities:link", () => {
  it("takes the link target as the wiki key and the entity span inside a link with a trail", () => {
    const md = '[趙明錄訪美](https://zh.wikipedia.org/wiki/趙明錄 "wikilink")，之後趙明錄回國。';
    const doc = ingest(md, { name: "snippet.md" });
    const entities = findEntities(normalize(doc));
    const jo = entities.find((e) => e.wiki.includes("趙明錄"));
    expect(jo?.kind).toBe("person");
    expect(jo?.mentions.map((m) => m.text)).toEqual(["趙明錄", "趙明錄"]);
    for (const m of jo?.mentions ?? []) expect(doc.raw.slice(m.start, m.end)).toBe(m.text);
  });
  it("finds the short name in a piped link (target 马德琳·科贝尔·奥尔布赖特)", () => {
    const md =
      '[奥尔布赖特访朝](https://zh.wikipedia.org/wiki/马德琳·科贝尔·奥尔布赖特 "wikilink")。';
    const entities = findEntities(normalize(ingest(md, { name: "s.md" })));
    const a = entities.find((e) => e.id === "madeleine_albright");
    expect(a?.mentions.map((m) => m.text)).toEqual(["奥尔布赖特"]);
  });
  it("does not make offices or common nouns into entities", () => {
    const md =
      '[韩国总统](https://zh.wikipedia.org/wiki/韩国总统 "wikilink")和[石墨](https://zh.wikipedia.org/wiki/石墨 "wikilink")。';
    const entities = findEntities(normalize(ingest(md, { name: "s.md" })));
    expect(entities.map((e) => e.id)).toEqual(["KOR"]);
  });
});

describe("entities:gazetteer data", () => {
  const g = loadGazetteer();
  it("lists every UN member state with an ISO alpha-3 id", () => {
    const states = g.entries.filter((e) => e.kind === "state" && e.from === null && e.to === null);
    expect(states.length).toBeGreaterThanOrEqual(193);
    for (const s of states) expect(s.id).toMatch(/^[A-Z]{3}$/u);
  });
  it("finds Traditional forms through the Simplified analysis text", () => {
    expect(mentionsOf("蘇聯與大清。")).toEqual(["蘇聯=SUN", "大清=QING"]);
  });
  it("picks by era between entries sharing a name", () => {
    const both = g.byAlias.get("朝鲜") ?? [];
    expect(pickByEra(both, 1880)?.id).toBe("JOSEON");
    expect(pickByEra(both, 2000)?.id).toBe("PRK");
  });
});
