import { describe, expect, it } from "vitest";
import { ingest } from "../ingest/index.js";
import { normalize } from "../normalize/index.js";
import { affiliationOf, findEntities, loadGazetteer } from "./index.js";

function mentionsOf(markdown: string): string[] {
  return findEntities(normalize(ingest(markdown, { name: "snippet.md" })))
    .flatMap((e) => e.mentions.map((m) => ({ id: e.id, ...m })))
    .sort((a, b) => a.start - b.start)
    .map((m) => `${m.text}=${m.id}`);
}

describe("entities:body — a state's forces and ministries", () => {
  const cases: Array<[string, string[]]> = [
    // a state's name before a force word: the force, of the state of that year
    ["1883年，法国军队进攻越南。", ["法国军队=FRA_ARMY", "越南=DAI_NAM"]],
    ["1895年，日本海军发动总攻。", ["日本海军=JPN_NAVY"]],
    ["1883年，中国军队驻守北圻。", ["中国军队=QING_ARMY"]],
    ["1950年，朝鲜军队南下。", ["朝鲜军队=KPA"]],
    // the gazetteer's body of that state when one of its forms names it
    ["1895年，日军攻占威海卫。", ["日军=IJA"]],
    ["2010年，美国海军进入黄海。", ["美国海军=US_NAVY"]],
    ["2010年，韩军开始演习。", ["韩军=ROK_ARMY"]],
    ["2010年，朝鲜外交部发表声明。", ["朝鲜外交部=PRK_MFA"]],
    // ministries
    ["2010年，韩国国防部表示。", ["韩国国防部=KOR_MND"]],
    ["1890年，英国外交部同意谈判。", ["英国外交部=GBR_MFA"]],
    // negatives: the force word inside a longer word, or no body word at all
    ["2003年，美国军事顾问抵达。", ["美国=USA"]],
    ["1884年，法国军官被俘。", ["法国=FRA"]],
    ["1950年，朝鲜军民欢迎。", ["朝鲜=PRK"]],
    ["2010年，中国政府表示。", ["中国=CHN"]],
    ["他的看法军队不同意。", []],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(mentionsOf(text)).toEqual(expected);
  });

  it("gives a derived body the state it acts for", () => {
    const g = loadGazetteer();
    expect(affiliationOf("FRA_ARMY", g)).toBe("FRA");
    expect(affiliationOf("KOR_MND", g)).toBe("KOR");
    expect(affiliationOf("RUS_TSARDOM_ARMY", g)).toBe("RUS_TSARDOM");
    expect(affiliationOf("IJA", g)).toBe("JPN");
    expect(affiliationOf("NOWHERE_ARMY", g)).toBeNull();
    expect(affiliationOf("FRA_PARTY", g)).toBeNull();
  });
});
