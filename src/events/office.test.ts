import { describe, expect, it } from "vitest";
import { loadGazetteer } from "../entities/index.js";
import type { EventType } from "../model/index.js";
import {
  assignActors,
  isPost,
  leadState,
  officeState,
  withOpener,
  type ActorContext,
  type ActorMention,
} from "./actors.js";
import { eventsOf, show } from "./testing.js";

describe("events:actors officeState — an office that names one state's service", () => {
  const titles = loadGazetteer().titles;
  // [text with the person last, year, states the article names, expected state]
  const cases: Array<[string, number | null, string[], string | null]> = [
    ["广西巡抚潘鼎新", 1885, ["QING", "FRA"], "QING"],
    ["江西巡抚王守仁", 1519, ["MING", "QING"], "MING"],
    ["署理两江总督的张之洞", 1894, ["QING"], "QING"],
    ["直隶总督李鸿章", 1880, ["QING", "JPN"], "QING"],
    ["军机大臣左宗棠", 1884, ["QING"], "QING"],
    ["国务卿徐世昌", 1915, ["TWN", "USA"], "TWN"],
    ["国务卿杜勒斯", 1955, ["TWN", "USA"], "USA"],
    ["国务卿布赖恩", 1915, ["USA"], "USA"],
    ["外交总长陆徵祥", 1912, ["TWN"], "TWN"],
    ["外务卿寺岛宗则", 1875, ["JPN", "JOSEON"], "JPN"],
    ["沙皇亚历山大二世", 1858, ["RUS_EMPIRE", "QING"], "RUS_EMPIRE"],
    ["领议政金炳国", 1882, ["JOSEON"], "JOSEON"],
    ["国务总理段祺瑞", null, ["TWN"], "TWN"],
    // negatives: an office many states have, a state the article does not name, a year the
    // office did not exist, a title not right before the name
    ["总统卢拉", 2010, ["BRA"], null],
    ["西伯利亚总督穆拉维约夫", 1850, ["QING", "RUS_EMPIRE"], null],
    ["香港总督轩尼诗", 1878, ["GBR", "QING"], null],
    ["广西巡抚潘鼎新", 1885, ["FRA"], null],
    ["巡抚王某", 1950, ["QING", "CHN"], null],
    ["外交总长王某", 1935, ["TWN"], null],
    ["巡抚，潘鼎新", 1885, ["QING"], null],
  ];
  it.each(cases)("%s (%s)", (text, year, known, expected) => {
    // Note: the name is the text after the last office character or punctuation.
    const name = /(?:寺岛宗则|亚历山大二世|穆拉维约夫|[^，]{2,3})$/u.exec(text)?.[0] ?? "";
    const m: ActorMention = {
      id: name,
      kind: "person",
      start: text.length - name.length,
      end: text.length,
    };
    expect(officeState(text, m, titles, year, new Set(known))).toBe(expected);
  });

  it("gives an office holder's acts the state of the event's date", () => {
    expect(
      eventsOf("1884年，清朝与法国开战。1885年3月，广西巡抚潘鼎新访问越南。\n").map(show),
    ).toEqual(["visit 1885-03 潘鼎新,QING>DAI_NAM"]);
    // negative: no state for an office many states have
    expect(
      eventsOf("1884年，清朝与法国开战。1885年3月，西伯利亚总督穆拉维约夫访问越南。\n")
        .map(show)
        .some((s) => s.includes("QING>") || s.includes("RUS")),
    ).toBe(false);
  });
});

describe("events:actors withOpener — 与/同 opening a clause before a party or its office", () => {
  const titles = [...loadGazetteer().titles.keys()];
  const cases: Array<[string, boolean]> = [
    ["与", true],
    ["随后同", true],
    ["与外交次长", true],
    ["3月13日与三等参赞", true],
    ["跟国务卿", true],
    // negatives: a word ending in 与/同/和, words after 与 that are no office, another clause
    ["参与", false],
    ["共同", false],
    ["局势缓和", false],
    ["与当地", false],
    ["与其盟友", false],
    ["他说，与", false],
  ];
  it.each(cases)("%s → %s", (lead, expected) => {
    expect(withOpener(lead, titles)).toBe(expected);
  });

  it("gives an act opened by 与 and an office the running subject as a co-party", () => {
    expect(
      eventsOf("**伍廷芳**（），清朝外交官。\n\n1897年3月，与三等参赞张荫棠访问美国。\n").map(show),
    ).toEqual(["visit 1897-03 张荫棠,伍廷芳,QING>USA"]);
  });
});

describe("events:actors — 抵达/到达/前往 X: the state a visit goes to is its target", () => {
  const cases: Array<[string, string[]]> = [
    [
      "1899年，日本首相访问英国。同年抵达美国，会见总统。\n",
      ["visit 1899 JPN>GBR", "visit 1899 JPN>USA"],
    ],
    // a capital as the destination stands for its state (a place, no entity mention)
    [
      "**伍廷芳**（），清朝外交官。\n\n1896年，美国与清朝会谈。1897年4月，到达华盛顿进行访问。\n",
      ["talks 1896 USA,QING>", "visit 1897-04 伍廷芳,QING>USA"],
    ],
    [
      "1869年1月，日本首相前往巴黎访问。同年法国与清朝会谈。\n",
      ["visit 1869-01 JPN>FRA", "talks 1869 FRA,QING>"],
    ],
    // negatives: a place left (从, 自) or where the visitor is (在) is no destination
    [
      "**伍廷芳**（），清朝外交官。\n\n1897年4月，从华盛顿出发访问秘鲁。\n",
      ["visit 1897-04 伍廷芳,QING>PER"],
    ],
    [
      "1899年，日本首相在伦敦访问。同年英国与法国会谈。\n",
      ["visit 1899 JPN>", "talks 1899 GBR,FRA>"],
    ],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events:actors isPost — a state naming an envoy's post", () => {
  const cases: Array<[string, string, boolean]> = [
    ["拜会驻英公使郭嵩焘", "英", true],
    ["任驻美国公使", "美国", true],
    ["出使美国、墨西哥四国大臣", "美国", true],
    ["出使英国钦差大臣", "英国", true],
    // negatives: 出使 as a visit, a state after another word, a state that is no post
    ["出使朝鲜未果", "朝鲜", false],
    ["访问美国大使馆", "美国", false],
    ["出使期间与英国交涉", "英国", false],
  ];
  it.each(cases)("%s: %s → %s", (text, name, expected) => {
    const start = text.indexOf(name);
    const m: ActorMention = { id: name, kind: "state", start, end: start + name.length };
    const lead = text.slice(Math.max(0, start - 2), start);
    expect(isPost(text, m, lead)).toBe(expected);
  });
});

describe("events:actors leadState — the state a biography's lead names before the person's calling", () => {
  // [lead paragraph, states named in it (name, id), one-character forms, expected]
  const forms = new Map([["清", "QING"]]);
  const cases: Array<[string, Array<[string, string]>, string | null]> = [
    [
      "王宠惠（），字亮畴，广东东莞人，生于香港。中华民国政治家、外交家。",
      [["中华民国", "TWN"]],
      "TWN",
    ],
    ["薛福成（），字叔耘，江苏无锡县人，清朝官员、外交官。", [["清朝", "QING"]], "QING"],
    ["邓世昌（），广东番禺人，中国北洋水师将领，甲午战争时阵亡。", [["中国", "CHN"]], "CHN"],
    ["陆奥宗光是日本明治时代的政治家和外交官。", [["日本", "JPN"]], "JPN"],
    ["许景澄（），浙江嘉兴人，晚清政治家、外交家。", [], "QING"],
    ["胡惟德（），浙江吴兴人，中国清朝及民国初期的政治及外交人物。", [["清朝", "QING"]], "QING"],
    ["蔡锷（），湖南邵阳人，清朝末年的军事人物。", [["清朝", "QING"]], "QING"],
    ["文祥（），盛京正红旗人，清代晚期的政治人物。", [], "QING"],
    ["伍廷芳（），生于南洋，清末民初外交家、法学家。", [], "QING"],
    // negatives: a place of birth or a post is no service; a calling a name follows is another
    // person's office; a lead with no calling; a dynasty form the table does not hold
    ["蒋某（），生于日本，后为学者。", [["日本", "JPN"]], null],
    ["张某（），曾任驻美国外交官。", [["美国", "USA"]], null],
    ["李某（），美国总统林肯的朋友。", [["美国", "USA"]], null],
    ["朴某（），出身京畿道水原市，韩国人。", [["韩国", "KOR"]], null],
    ["某某（），晚明画家。", [], null],
  ];
  it.each(cases)("%s", (text, named, expected) => {
    const mentions: ActorMention[] = named.map(([name, id]) => {
      const start = text.indexOf(name);
      return { id, kind: "state", start, end: start + name.length };
    });
    expect(leadState(text, 0, text.length, mentions, forms)).toBe(expected);
  });

  it("gives a biography's person that state in the acts of its clauses with no subject", () => {
    expect(
      eventsOf(
        "**薛福成**（），清朝官员、外交官。\n\n1890年，英国与法国会谈。1891年访问德国。\n",
      ).map(show),
    ).toEqual(["talks 1890 GBR,FRA>", "visit 1891 薛福成,QING>GERMAN_EMPIRE"]);
    // negative: a lead naming a state only as the place of birth gives none
    expect(
      eventsOf(
        "**薛福成**（），生于日本，外交官。\n\n1890年，英国与法国会谈。1891年访问德国。\n",
      ).map(show),
    ).toEqual(["talks 1890 GBR,FRA>", "visit 1891 薛福成>GERMAN_EMPIRE"]);
  });
});

describe("events:actors — a passive head (被捕, 被判, 遭袭) makes its subject the target", () => {
  const context: ActorContext = {
    stateOf: new Map(),
    series: new Map(),
    salientStates: [],
    states: new Set(["USA", "PRK", "JPN", "QING"]),
    abbreviations: new Map(),
    titles: [],
    words: [],
  };
  // [clause, head word (jieba's token), type, named states, expected source>target]
  const cases: Array<[string, string, EventType, string[], string]> = [
    ["两名美国记者在朝鲜被捕", "被捕", "detention", ["美国:USA", "朝鲜:PRK"], ">USA"],
    ["日本首相被刺", "被刺", "armed_incident", ["日本:JPN"], ">JPN"],
    ["朝鲜遭到美国还击", "遭到", "armed_incident", ["朝鲜:PRK", "美国:USA"], "USA>PRK"],
    // negatives: 被迫 (forced to) and an active head leave the subject the agent
    ["清朝被迫签约", "签约", "agreement", ["清朝:QING"], "QING>"],
    ["美国逮捕朝鲜人", "逮捕", "detention", ["美国:USA", "朝鲜:PRK"], "USA>PRK"],
  ];
  it.each(cases)("%s (%s)", (text, head, type, named, expected) => {
    const mentions: ActorMention[] = named.map((n) => {
      const [name = "", id = ""] = n.split(":");
      const start = text.indexOf(name);
      return { id, kind: "state", start, end: start + name.length };
    });
    const at = text.indexOf(head);
    const { actors } = assignActors(
      text,
      { start: 0, end: text.length },
      { start: at, end: at + head.length },
      type,
      mentions,
      context,
      { subject: [], parties: [] },
    );
    expect(`${actors.source.join(",")}>${actors.target.join(",")}`).toBe(expected);
  });

  it("reads 被迫 in a rule's clause as no passive", () => {
    expect(eventsOf("1895年4月，清朝被迫与日本签订条约。").map(show)).toEqual([
      "agreement 1895-04 QING,JPN>",
    ]);
  });
});
