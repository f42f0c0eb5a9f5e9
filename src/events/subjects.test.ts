import { describe, expect, it } from "vitest";
import { eventsOf, show } from "./testing.js";

describe("events:subjects (该国, 后者/前者 inside a clause, the article's topic: title person or organisation)", () => {
  const cases: Array<[string, string[]]> = [
    // 该国: the last state named before the clause, never the clause's own subject
    [
      "2006年10月，朝鲜进行核试验。同月，美国宣布对该国实施制裁。",
      ["weapons_test 2006-10 PRK>", "sanction 2006-10 USA>PRK"],
    ],
    [
      "1998年，印度进行核试验，日本随即宣布对该国实施制裁。",
      ["weapons_test 1998 IND>", "sanction 1998 JPN>IND"],
    ],
    // 后者/前者 as a target inside the clause
    ["1990年，苏联与韩国建交，朝鲜随即谴责后者。", ["condemnation 1990 PRK>KOR"]],
    ["1990年，苏联与韩国建交，朝鲜随即谴责前者。", ["condemnation 1990 PRK>SUN"]],
    // negative: no party named before → no actor from 该国
    ["2001年，该国宣布制裁。", []],
    // a biography's title person acts when a clause names no one (each paragraph)
    [
      "**薛福成**（），清朝外交官。\n\n1890年访问英国。\n\n1892年与英国外交大臣会谈。\n",
      ["visit 1890 薛福成,QING>GBR", "talks 1892 GBR,薛福成,QING>"],
    ],
    // … and of each sentence, whoever the sentence before named
    [
      "**薛福成**（），清朝外交官。\n\n1890年，英国与法国举行会谈。1891年访问德国。\n",
      ["talks 1890 GBR,FRA>", "visit 1891 薛福成,QING>GERMAN_EMPIRE"],
    ],
    // negative: inside a sentence the running subject goes on (随后 → the Japanese premier)
    [
      "**薛福成**（），清朝外交官。\n\n1890年，日本首相访问英国，随后访问法国。\n",
      ["visit 1890 JPN>GBR,FRA"],
    ],
    // the organisation an article is about is its topic too
    [
      "**兴中会**（1894年），是革命团体。\n\n1895年，英国与法国举行会谈。1896年访问日本。\n",
      ["talks 1895 GBR,FRA>", "visit 1896 兴中会>JPN"],
    ],
    // negative: an article about neither keeps the subject named last, and none across paragraphs
    [
      "**甲午战争**，是一场战争。\n\n1895年，英国与法国举行会谈。1896年访问日本。\n\n1897年访问日本。\n",
      ["talks 1895 GBR,FRA>", "visit 1896 GBR,FRA>JPN", "visit 1897 >JPN"],
    ],
    // negative: a subjectless act with no trigger names no one
    ["**兴中会**（1894年），是革命团体。\n\n1895年起义失败。\n", []],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events:actors — the parties of a symmetric act named after its verb, or met", () => {
  const cases: Array<[string, string[]]> = [
    // coordinated parties after the verb of a talk or an agreement with no agent before it
    [
      "1943年11月28日，在德黑兰举行了美国、英国和苏联三国首脑会谈。",
      ["talks 1943-11-28 USA,GBR,SUN>"],
    ],
    ["1860年10月，在北京签订了清朝与英国之间的条约。", ["agreement 1860-10 QING,GBR>"]],
    ["1972年，在上海签署了美国和中国的联合公报。", ["agreement 1972 USA,CHN>"]],
    // a state and its office holder are one party of the list
    [
      "1943年11月28日，在德黑兰举行了美国总统罗斯福、英国首相丘吉尔和苏联领导人斯大林的会谈。",
      ["talks 1943-11-28 USA,franklin_roosevelt,GBR,winston_churchill,SUN,joseph_stalin>"],
    ],
    // the states an agreement's title names
    ["1885年6月，在天津签订了《中法新约》。", ["agreement 1885-06 QING,FRA>"]],
    ["1876年2月，在江华岛签订《日朝修好条规》。", ["agreement 1876-02 JPN,JOSEON>"]],
    // the one met or received meets as much as the host (talks have no one-sided target)
    ["1946年11月9日，英国首相会晤美国总统。", ["talks 1946-11-09 GBR,USA>"]],
    ["1972年2月21日，毛泽东会见尼克松。", ["talks 1972-02-21 mao_zedong,CHN,richard_nixon,USA>"]],
    // negatives: a one-sided act, or an agent before the verb, keeps its targets
    ["1895年，日本舰队炮击清朝军舰。", ["armed_incident 1895 JPN_NAVY,JPN>QING_NAVY,QING"]],
    ["2010年，美国对朝鲜和伊朗实施制裁。", ["sanction 2010 USA>PRK,IRN"]],
    [
      "1894年8月1日，日本在丰岛附近袭击清朝和朝鲜的船只。",
      ["armed_incident 1894-08-01 JPN>QING,JOSEON"],
    ],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events:actors — places after 沿, states qualifying a craft or a newspaper", () => {
  const cases: Array<[string, string[]]> = [
    // 沿 (along) marks a place, not a new subject: the craft keeps acting
    [
      "1875年9月，“云扬”号沿朝鲜西海岸北上，炮击江华岛炮台。",
      ["armed_incident 1875-09 云扬号>JOSEON"],
    ],
    ["1875年9月，云扬号沿朝鲜西海岸北上并炮击江华岛。", ["armed_incident 1875-09 云扬号>JOSEON"]],
    // a state qualifying a craft or a newspaper that does not act for it is no source
    ["1969年7月，苏联的探测飞船月球15号发射升空。", ["weapons_test 1969-07 月球15号>"]],
    [
      '2010年5月，韩国媒体《[朝鲜日报](https://zh.wikipedia.org/wiki/朝鲜日报 "wikilink")》报道称，朝鲜潜艇发射了鱼雷。',
      ["statement 2010-05 朝鲜日报>", "weapons_test 2010-05 PRK>"],
    ],
    // negative: a state's own body acts with it
    ["2010年，韩国海军在黄海举行演习。", ["military_exercise 2010 ROK_NAVY,KOR>"]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events:actors — an organisation's office before a person", () => {
  const cases: Array<[string, string[]]> = [
    // 秘书长 is an office: the holder acts with the organisation
    [
      "2010年5月24日，联合国秘书长潘基文表示，朝鲜应停止挑衅。",
      ["statement 2010-05-24 UN,潘基文>"],
    ],
    ["1994年6月，联合国秘书长加利访问朝鲜。", ["visit 1994-06 UN>PRK"]],
    // negative: the secretariat itself is the body
    ["2010年11月，联合国秘书处发表声明。", ["statement 2010-11 UN_SECRETARIAT>"]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});
