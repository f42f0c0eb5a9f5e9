import { describe, expect, it } from "vitest";
import { ingest } from "../ingest/index.js";
import { normalize } from "../normalize/index.js";
import { findEntities, loadGazetteer, pickByEra, unreadName } from "./index.js";

function mentionsOf(markdown: string): string[] {
  const doc = ingest(markdown, { name: "snippet.md" });
  return findEntities(normalize(doc))
    .flatMap((e) => e.mentions.map((m) => ({ id: e.id, ...m })))
    .sort((a, b) => a.start - b.start)
    .map((m) => `${m.text}=${m.id}`);
}

function entitiesOf(md: string): ReturnType<typeof findEntities> {
  return findEntities(normalize(ingest(md, { name: "s.md" })));
}

describe("entities:gazetteer", () => {
  const cases: Array<[string, string[]]> = [
    ["2009年，朝鮮與美國舉行會談。", ["朝鮮=PRK", "美國=USA"]],
    ["北韓和南韓都派了代表。", ["北韓=PRK", "南韓=KOR"]],
    ["美方和朝方同意。", ["美方=USA", "朝方=PRK"]],
    ["联合国安理会通过决议，安理会再次开会。", ["联合国安理会=UNSC", "安理会=UNSC"]],
    ["柯林頓與川普都曾是總統。", ["柯林頓=bill_clinton", "川普=donald_trump"]],
    // a transliterated name with · is one person; no 克里 (Kerry) inside it
    ["克里斯托弗·希尔在会上发言。", ["克里斯托弗·希尔=克里斯托弗·希尔"]],
    // one-character forms only inside compounds
    ["中日关系和美苏会谈，以及对华政策。", ["中=CHN", "日=JPN", "美=USA", "苏=SUN", "华=CHN"]],
    ["其中日本代表团最大。", ["日本=JPN"]],
    // a state glued to an institution by the segmenter is still the state
    ["伊朗外交部和中国政府发表声明。", ["伊朗外交部=IRN_MFA", "中国=CHN"]],
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
    ["1866年，朝鲜击退法军。1950年，朝鲜南下。", ["朝鲜=JOSEON", "法军=FRA_ARMY", "朝鲜=PRK"]],
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
    const states = g.entries.filter((e) => e.kind === "state" && e.to === null);
    expect(states.length).toBeGreaterThanOrEqual(193);
    for (const s of states) expect(s.id).toMatch(/^[A-Z]{3}$/u);
  });
  it("finds Traditional forms through the Simplified analysis text", () => {
    expect(mentionsOf("蘇聯與大清。")).toEqual(["蘇聯=SUN", "大清=QING"]);
  });
  it("picks by era between entries sharing a name", () => {
    const both = g.byAlias.get("朝鲜") ?? [];
    expect(pickByEra(both, 1880, "朝鲜")?.id).toBe("JOSEON");
    expect(pickByEra(both, 2000, "朝鲜")?.id).toBe("PRK");
    expect(pickByEra(both, 1930, "朝鲜")).toBeUndefined();
  });
  it("gives every state, organisation and dated office a consistent era", () => {
    for (const e of g.entries) {
      if (e.from !== null && e.to !== null) expect(e.from, e.id).toBeLessThanOrEqual(e.to);
      for (const s of e.states) expect(g.byId.get(s.id)?.kind, `${e.id} → ${s.id}`).toBe("state");
      for (const [name, era] of e.nameYears) {
        // a name's years lie inside the entry's
        if (e.from !== null && era.from !== null)
          expect(era.from, `${e.id} ${name}`).toBeGreaterThanOrEqual(e.from);
        if (e.to !== null && era.to !== null)
          expect(era.to, `${e.id} ${name}`).toBeLessThanOrEqual(e.to);
      }
    }
    const undated = g.entries.filter(
      (e) => e.kind === "organization" && e.from === null && e.to === null,
    );
    expect(undated.map((e) => e.id)).toEqual([]);
  });
});

describe("entities:gazetteer names in their own time", () => {
  // [name, year (null: no date in the text), expected id (null: no state then)] — general knowledge.
  const cases: Array<[string, number | null, string | null]> = [
    ["朝鲜", 1866, "JOSEON"],
    ["朝鲜", 1903, "KOREAN_EMPIRE"],
    ["朝鲜", 1930, null],
    ["朝鲜", 1950, "PRK"],
    ["朝鲜", null, "PRK"],
    ["韩国", 1880, null],
    ["韩国", 1905, "KOREAN_EMPIRE"],
    ["韩国", 1960, "KOR"],
    ["中国", 1600, "MING"],
    ["中国", 1900, "QING"],
    ["中国", 1930, "TWN"],
    ["中国", 1960, "CHN"],
    ["中国", null, "CHN"],
    ["中方", 1884, "QING"],
    ["中华民国", 1960, "TWN"],
    ["台湾", 1930, null],
    ["台湾", 1958, "TWN"],
    ["德国", 1895, "GERMAN_EMPIRE"],
    ["德国", 1925, "WEIMAR_REPUBLIC"],
    ["德国", 1940, "NAZI_GERMANY"],
    ["德国", 1960, "DEU"],
    ["德国", 2000, "DEU"],
    ["东德", 1960, "DDR"],
    ["俄国", 1689, "RUS_TSARDOM"],
    ["俄国", 1860, "RUS_EMPIRE"],
    ["俄国", 1920, "RSFSR"],
    ["俄罗斯", 2000, "RUS"],
    ["苏联", 1970, "SUN"],
    ["苏联", 1995, null],
    ["越南", 1885, "DAI_NAM"],
    ["越南", 1970, "VNM"],
    ["北越", 1965, "VNM"],
    ["南越", 1965, "RVN"],
    ["南越", 1980, null],
    ["塞尔维亚", 1914, "SRB_KINGDOM"],
    ["塞尔维亚", 2010, "SRB"],
    ["锡兰", 1955, "LKA"],
    ["太平天国", 1855, "TAIPING"],
    ["太平天国", 1900, null],
    ["土耳其", 1910, "OTTOMAN"],
    ["土耳其", 1950, "TUR"],
    ["奥国", 1900, "AUSTRIA_HUNGARY"],
    ["奥地利", 1950, "AUT"],
    ["美国", 1700, null],
    ["美国", 1955, "USA"],
    ["国务院", 1920, "ROC_STATE_COUNCIL"],
    ["国务院", 1980, "CHN_STATE_COUNCIL"],
    ["罗斯福", 1906, "theodore_roosevelt"],
    ["罗斯福", 1940, "franklin_roosevelt"],
    ["布什", 1990, "george_h_w_bush"],
  ];
  it.each(cases)("%s in %s → %s", (name, year, expected) => {
    const lead = year === null ? "当时" : `${year}年`;
    const found = mentionsOf(`${lead}，${name}发表声明。`).filter((m) => m.startsWith(`${name}=`));
    expect(found).toEqual(expected === null ? [] : [`${name}=${expected}`]);
  });
  it("reads the year later in the same clause (朝鲜于1866年) and one-character forms by era", () => {
    expect(mentionsOf("朝鲜于1866年击退法军。")).toEqual(["朝鲜=JOSEON", "法军=FRA_ARMY"]);
    expect(mentionsOf("1860年，中俄签订条约。")).toEqual(["中=QING", "俄=RUS_EMPIRE"]);
    expect(mentionsOf("1960年，中苏关系破裂。")).toEqual(["中=CHN", "苏=SUN"]);
  });
});

describe("entities:persons without a gazetteer entry", () => {
  const cases: Array<[string, string[]]> = [
    // an honorific closes the name; a transliteration jieba cut before it is rejoined (not 尔夫人)
    ["1982年，梅杰夫人抵达。", ["梅杰夫人=梅杰夫人"]],
    ["梅傑夫人抵達，梅杰夫人会见记者。", ["梅傑夫人=梅杰夫人", "梅杰夫人=梅杰夫人", "记者=记者"]],
    ["默克尔夫人抵达。", ["默克尔夫人=默克尔夫人"]],
    ["戴卓爾夫人抵達。", ["戴卓爾夫人=margaret_thatcher"]],
    ["赫德先生建议设立海关。", ["赫德=赫德"]],
    ["宋美龄女士抵达。", ["宋美龄=宋美龄"]],
    // a name right after an office title, seen once
    ["公使蒲安臣出使欧美。", ["蒲安臣=蒲安臣"]],
    ["国务卿杜勒斯访台。", ["杜勒斯=杜勒斯"]],
    // transliterated names with ·, one id for the full name and its last part
    ["约翰·海提出门户开放政策。", ["约翰·海=约翰·海"]],
    [
      "亨利·基辛格秘密访华，基辛格会见周恩来。",
      ["亨利·基辛格=亨利·基辛格", "华=CHN", "基辛格=亨利·基辛格", "周恩来=zhou_enlai"],
    ],
    // a two-character name after an office or a rank, seen once (三字 names need no title)
    ["副市长李建国宣布。", ["李建国=李建国"]],
    ["管带邓世昌指挥致远号。", ["邓世昌=邓世昌"]],
    // a name jieba cannot read (x): after a title, or of three characters seen twice
    ["1994年，副市长赵兰秀面部烧伤。", ["赵兰秀=赵兰秀"]],
    ["曹钦熙帮助徐锡麟，曹钦熙随后被捕。", ["曹钦熙=曹钦熙", "曹钦熙=曹钦熙"]],
    // negative: a two-character word jieba cannot read, with no title, is no name
    ["登录载具降落，载具随后回收。", []],
    // no person: honorifics and titles alone, common nouns
    ["他是一位好先生，夫人们也出席了。", []],
    ["总统表示，将军们同意。", []],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(mentionsOf(text)).toEqual(expected);
  });
});

describe("entities:biography", () => {
  it("makes a biography's title person an entity, with the other names its lead gives", () => {
    const md = "**伍廷芳**（），字**文爵**，又名**伍才**，清朝外交官。\n\n伍才後赴英國留學。\n";
    const bio = entitiesOf(md).find((e) => e.rule === "entities:biography");
    expect(bio?.id).toBe("伍廷芳");
    expect(bio?.mentions.map((m) => m.text)).toEqual(["伍廷芳", "伍才", "伍才"]);
  });
  it("reads 是…外交官 as a biography lead and a gazetteer person keeps its id", () => {
    expect(
      entitiesOf("**小村壽太郎**是日本明治時代的外交官。\n").find(
        (e) => e.rule === "entities:biography",
      )?.id,
    ).toBe("小村寿太郎");
    expect(
      entitiesOf("**李鴻章**（），晚清重臣。\n").find((e) => e.rule === "entities:biography")?.id,
    ).toBe("li_hongzhang");
  });
  it("finds no title person in an organisation's, an event's or a place's article", () => {
    for (const md of [
      "**興中會**（1894年－1905年），是革命團體。\n",
      "**甲午战争**（1894年），是中日之间的战争。\n",
      "**北京**是中国的首都。\n",
      // an event's lead naming an official, a title with a name-like part (布拉格/nrt)
      "**虎门销烟**是指1839年清朝钦差大臣林则徐在虎门销毁鸦片。\n",
      "**布拉格之春**（）是1968年开始的一场政治民主化运动。\n",
      "**甲午战争**（1894年），是由将军指挥的战争。\n",
    ])
      expect(entitiesOf(md).filter((e) => e.rule === "entities:biography")).toEqual([]);
  });
  it("reads a person noun closing the lead's predicate for a name jieba cannot read", () => {
    const md = "**胡惟德**（），浙江吴兴人，清朝及民国初期的政治及外交人物。\n";
    expect(entitiesOf(md).find((e) => e.rule === "entities:biography")?.id).toBe("胡惟德");
    expect(
      entitiesOf("**沈昌焕**（），中华民国外交官、政治人物之一。\n").find(
        (e) => e.rule === "entities:biography",
      )?.id,
    ).toBe("沈昌焕");
  });
});

describe("entities: a state's side, vessels and institutions", () => {
  const cases: Array<[string, string[]]> = [
    // a one-character form before a unit word names that state's side; before a force word,
    // the state's force (entities:body), of the state of that year
    ["1885年，法军占领澎湖。", ["法军=FRA_ARMY"]],
    ["2001年，英舰驶入海峡。", ["英舰=GBR_NAVY"]],
    ["2014年，俄军撤退，德方表示反对。", ["俄军=RUS_ARMY", "德方=DEU"]],
    ["1945年，德军投降。", ["德军=NAZI_GERMANY_ARMY"]],
    ["1685年，俄军投降。", ["俄军=RUS_TSARDOM_ARMY"]],
    // negatives: inside a longer word, or a compound that is a word of its own
    ["他的看法军队不同意。", []],
    ["主帅统领中军。", []],
    ["这种说法方面很多。", []],
    // X号 names a ship or a craft (entities:craft), not the state
    ["哥伦比亚号航天飞机解体，哥伦比亚宣布哀悼。", ["哥伦比亚号=哥伦比亚号", "哥伦比亚=COL"]],
    ["朝鲜号商船沉没。", ["朝鲜号=朝鲜号"]],
    // a link to a state's institution with no entry of its own names the state, or its body
    ["[秘鲁政府](../Page/秘鲁政府.md)发表声明。", ["秘鲁=PER"]],
    ["[越南外交部](https://zh.wikipedia.org/wiki/越南外交部)表示关切。", ["越南外交部=VNM_MFA"]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(mentionsOf(text)).toEqual(expected);
  });
});

describe("entities: persons linked by name", () => {
  const cases: Array<[string, string | null]> = [
    // jieba tags the whole name as a person (no common surname needed)
    ["[康有为](../Page/康有为.md)上书。", "person"],
    // two- and three-character surnames (Japanese, 欧阳)
    ["[井上良馨](../Page/井上良馨.md)率舰前往。", "person"],
    ["[大久保利通](../Page/大久保利通.md)主张谈判。", "person"],
    ["[欧阳修](../Page/欧阳修.md)作文。", "person"],
    // negatives: a word jieba knows as a common noun, a transliterated place it tags nr
    ["[牛津](../Page/牛津.md)大学。", null],
    ["[石墨](../Page/石墨.md)是一种矿物。", null],
    ["[雅克萨](../Page/雅克萨.md)被围。", null],
    ["[克拉玛依](../Page/克拉玛依.md)发生火灾。", null],
  ];
  it.each(cases)("%s", (md, kind) => {
    const linked = entitiesOf(md).find((e) => e.rule === "entities:link");
    expect(linked?.kind ?? null).toBe(kind);
  });
});

describe("entities:title (the organisation an article is about)", () => {
  it("makes the title organisation an entity, with the other names its lead gives", () => {
    const md = "**光復會**又稱「**復古會**」，是清朝末年的反清革命組織。\n\n1904年，復古會成立。\n";
    const org = entitiesOf(md).find((e) => e.rule === "entities:title");
    expect(org?.kind).toBe("organization");
    expect(org?.mentions.map((m) => m.text)).toEqual(["光復會", "復古會", "復古會"]);
  });
  it("reads an organisation's suffix or noun in the lead", () => {
    const title = (md: string) => entitiesOf(md).find((e) => e.rule === "entities:title")?.id;
    expect(title("**强学会**，清朝末期一个政治团体。\n\n强学会被查封。\n")).toBe("强学会");
    expect(title("**轮船招商局**（简称招商局）是晚清的企业。\n")).toBe("轮船招商局");
  });
  it("finds no title organisation in a person's, an event's or a place's article", () => {
    for (const md of [
      "**伍廷芳**（），清朝外交官。\n",
      "**甲午战争**（1894年），是中日之间的战争。\n",
      "**北京**是中国的首都。\n",
      // an accident's article whose lead names a company (事故, 空难, 惨案 name events)
      "**三丰百货店倒塌事故**（），为韩国大型百货公司商场倒塌事故。\n",
      "**华航611号班机空难**是一起航空公司的事故。\n",
    ])
      expect(entitiesOf(md).filter((e) => e.rule === "entities:title")).toEqual([]);
  });
});

describe("entities: person names jieba cannot read (x)", () => {
  const g = loadGazetteer();
  const cases: Array<[string, string | null]> = [
    // a one-character surname and a given name of one or two characters
    ["赵兰秀", "赵兰秀"],
    ["曹钦熙", "曹钦熙"],
    ["陈耀文", "陈耀文"],
    // a function word or verb jieba glued to the name is left out
    ["吴惠秋因", "吴惠秋"],
    ["徐学禹任", "徐学禹"],
    ["赵兰秀外", "赵兰秀"],
    // negatives: no surname, a place, a word for people or a clan, a glued function word
    ["余人", null],
    ["伍姓", null],
    ["赵氏", null],
    ["龙堂浦", null],
    ["文渊城", null],
    ["伍为", null],
    ["曾任", null],
  ];
  it.each(cases)("%s", (word, expected) => {
    expect(unreadName(word, "x", g.surnames)).toBe(expected);
  });
  it("reads only what jieba could not (tag x)", () => {
    expect(unreadName("赵兰秀", "n", g.surnames)).toBeNull();
  });
});

describe("entities: a person named by the surname alone", () => {
  const cases: Array<[string, string[]]> = [
    // the surname opening a clause before a verb: the person of that surname named last
    [
      "1896年，[伍廷芳](../Page/伍廷芳.md)出使美国。1899年，伍拒绝回国。",
      ["伍廷芳=伍廷芳", "美国=USA", "伍=伍廷芳"],
    ],
    ["[丁汝昌](../Page/丁汝昌.md)召集众将，丁说：“我必须先死。”", ["丁汝昌=丁汝昌", "丁=丁汝昌"]],
    ["[章太炎](../Page/章太炎.md)赴日本，章为会长。", ["章太炎=章太炎", "日本=JPN", "章=章太炎"]],
    // negatives: a surname that is a function word, a word of its own, no person named before
    [
      "[曾纪泽](../Page/曾纪泽.md)出使英国，曾任驻英公使。",
      ["曾纪泽=曾纪泽", "英国=GBR", "英=GBR"],
    ],
    ["[高芾](../Page/高芾.md)到任，高于众人。", ["高芾=高芾"]],
    ["王说要来。", []],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(mentionsOf(text)).toEqual(expected);
  });
});
