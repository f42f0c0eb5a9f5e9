import { describe, expect, it } from "vitest";
import { ingest } from "../ingest/index.js";
import { normalize } from "../normalize/index.js";
import { affiliationOf, classifyTarget, findEntities, loadGazetteer, segmenter } from "./index.js";
import { chineseNumber } from "./units.js";

function mentionsOf(markdown: string): string[] {
  return findEntities(normalize(ingest(markdown, { name: "snippet.md" })))
    .flatMap((e) => e.mentions.map((m) => ({ id: e.id, kind: e.kind, ...m })))
    .sort((a, b) => a.start - b.start)
    .map((m) => `${m.text}=${m.id}/${m.kind}`);
}

describe("entities:unit — numbered military formations", () => {
  const cases: Array<[string, string[]]> = [
    // the side named before the formation: a force, a state, a one-character form glued on
    [
      "1952年，志愿军第38军进攻韩军第9师。",
      [
        "志愿军=CPV/organization",
        "第38军=CHN_第38军/organization",
        "韩军=ROK_ARMY/organization",
        "第9师=KOR_第9师/organization",
      ],
    ],
    [
      "1952年，韩9师撤退，与美第7师会合。",
      ["韩9师=KOR_第9师/organization", "美第7师=USA_第7师/organization"],
    ],
    [
      "1894年，日军第1师团攻占旅顺。",
      ["日军=IJA/organization", "第1师团=JPN_第1师团/organization"],
    ],
    // one formation whatever the numeral; an unnamed side takes the one named elsewhere
    [
      "1952年，韩国第9师守备。第九师随后撤出，9师伤亡很大。",
      [
        "韩国=KOR/state",
        "第9师=KOR_第9师/organization",
        "第九师=KOR_第9师/organization",
        "9师=KOR_第9师/organization",
      ],
    ],
    [
      "1949年，第二二一师驻防，第八十七军增援。",
      ["第二二一师=第221师/organization", "第八十七军=第87军/organization"],
    ],
    ["1905年，第2集团军被迫后撤。", ["第2集团军=第2集团军/organization"]],
    // negatives: a Chinese numeral without 第, a head inside a longer word, a count, 中 as a postposition
    ["三军将士和十万大军出发。", []],
    ["第38军官学校成立。", []],
    ["战斗中第9师撤出。", ["第9师=第9师/organization"]],
    ["共有1000余师生参加。", []],
    // both sides field formations: an unnamed one takes neither's side (Mukden's Japanese 第2军)
    [
      "1905年，俄军第2军撤退。日军第1军、第2军向前推进。",
      [
        "俄军=RUS_EMPIRE_ARMY/organization",
        "第2军=RUS_EMPIRE_第2军/organization",
        "日军=IJA/organization",
        "第1军=JPN_第1军/organization",
        "第2军=第2军/organization",
      ],
    ],
    // one side only: its side spreads to the same formation named without it
    [
      "1905年，日军第2军进攻。第1军、第2军向前推进。",
      [
        "日军=IJA/organization",
        "第2军=JPN_第2军/organization",
        "第1军=第1军/organization",
        "第2军=JPN_第2军/organization",
      ],
    ],
    // an Arabic count without 第 or a side is no formation
    ["1950年，该军下辖3师。", []],
    ["1950年，派出5师兵力。", []],
    ["1950年，全军3师人马出发。", []],
    ["1950年，韩军9师撤退。", ["韩军=ROK_ARMY/organization", "9师=KOR_第9师/organization"]],
    ["1944年，第一百零五师出发。", ["第一百零五师=第105师/organization"]],
    ["1944年，第一百二十五师出发。", ["第一百二十五师=第125师/organization"]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(mentionsOf(text)).toEqual(expected);
  });

  it("reads Chinese numerals below a thousand", () => {
    expect(
      [
        "三十八",
        "二二一",
        "十五",
        "两",
        "八十七",
        "一百零五",
        "二百零一",
        "一百零",
        "十",
        "甲",
      ].map(chineseNumber),
    ).toEqual([38, 221, 15, 2, 87, 105, 201, null, 10, null]);
  });

  it("gives a formation of a named side that state", () => {
    const g = loadGazetteer();
    expect(affiliationOf("KOR_第9师", g)).toBe("KOR");
    expect(affiliationOf("CHN_第38军", g)).toBe("CHN");
    expect(affiliationOf("第9师", g)).toBeNull();
    expect(affiliationOf("NOWHERE_第9师", g)).toBeNull();
  });
});

describe("entities:group — groups of people named by a noun", () => {
  const cases: Array<[string, string[]]> = [
    [
      "1925年，学生罢课，警察开枪，市民围攻警方。",
      ["学生=学生/group", "警察=警察/group", "市民=市民/group", "警方=警察/group"],
    ],
    ["1870年，传教士被杀，商人罢市。", ["商人=商人/group"]],
    // negatives: the noun inside a longer word; a state's name before it makes the state the actor
    ["1925年，学生会成立，警察局关闭。", []],
    // a one-character form counts only as a word of such forms (日|学生, 中日|学生; not 其中|学生)
    ["1925年，其中学生罢课。", ["学生=学生/group"]],
    ["1925年，次日学生罢课。", ["学生=学生/group"]],
    ["1925年，留日学生罢课。", ["学生=学生/group"]],
    ["1925年，抗日学生罢课。", ["日=JPN/state", "学生=学生/group"]],
    ["1925年，美国学生罢课。", ["美国=USA/state"]],
    ["1925年，日学生罢课。", []],
    ["1925年，中日学生罢课。", ["中=TWN/state", "日=JPN/state"]],
    [
      "2009年，朝鲜关押了两名美国记者，韩国媒体报道。",
      ["朝鲜=PRK/state", "美国=USA/state", "韩国=KOR/state"],
    ],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(mentionsOf(text)).toEqual(expected);
  });
});

describe("entities — a Taiping rebel force in its years", () => {
  it.each([
    ["1860年，太平军进攻上海。", ["太平军=TAIPING_ARMY/organization"]],
    ["1853年，太平天国定都天京。", ["太平天国=TAIPING/state"]],
    ["1900年，太平天国早已不存在。", []],
  ])("%s", (text, expected) => {
    expect(mentionsOf(text)).toEqual(expected);
  });
});

describe("classifyTarget — place names a surname opens", () => {
  const g = loadGazetteer();
  it.each([
    ["张家口", "place"],
    ["姜家窝堡", "place"],
    ["马家哨口", "place"],
    ["张之洞", "person"],
    ["约翰·冯·维森堡", "person"],
  ])("%s → %s", (title, kind) => {
    expect(classifyTarget(title, g, segmenter(g))).toBe(kind);
  });
});
