import { describe, expect, it } from "vitest";
import { loadGazetteer } from "../entities/index.js";
import { actorsInTime, type ActorMention } from "./actors.js";
import { introducedStates, prefixState } from "./affiliation.js";
import { eventsOf, show } from "./testing.js";

const TITLES = ["公使", "大使", "副将", "参将", "游击", "提督"];
const CRAFT = ["巡洋舰", "炮舰", "运兵船", "飞船", "舰"];

/** Mentions found by their text, in order (`kind:text` pieces; the id is the text). */
function mentionsOf(text: string, pieces: string[]): ActorMention[] {
  let from = 0;
  return pieces.map((p) => {
    const [kind, name] = p.split(":") as [ActorMention["kind"], string];
    const start = text.indexOf(name, from);
    from = start + name.length;
    return { id: name, kind, start, end: start + name.length };
  });
}

describe("events:affiliation introducedStates — the state an article gives where it introduces", () => {
  // [text, mentions, states known before (id=state), person or craft, expected state]
  const cases: Array<[string, string[], Record<string, string>, string, string | undefined]> = [
    ["日本驻华公使林董到任", ["state:日本", "state:华", "person:林董"], {}, "林董", "日本"],
    [
      "朝鲜驻联合国大使申善虎反驳",
      ["state:朝鲜", "organization:联合国", "person:申善虎"],
      {},
      "申善虎",
      "朝鲜",
    ],
    [
      "派北洋海军巡洋舰“济远”、“广乙”护航",
      ["organization:北洋海军", "craft:济远", "craft:广乙"],
      { 北洋海军: "QING" },
      "广乙",
      "QING",
    ],
    [
      "湘军副将刘神山、参将彭友胜战死",
      ["organization:湘军", "person:刘神山", "person:彭友胜"],
      { 湘军: "QING" },
      "彭友胜",
      "QING",
    ],
    // negatives: a post after 驻 names no state of the envoy's own; a list item after a comma
    // or with other words between; a ship the state only meets
    ["驻华公使林董到任", ["state:华", "person:林董"], {}, "林董", undefined],
    [
      "北洋海军巡洋舰“济远”，随后“广乙”赶到",
      ["organization:北洋海军", "craft:济远", "craft:广乙"],
      { 北洋海军: "QING" },
      "广乙",
      undefined,
    ],
    ["日本击沉“高陞”", ["state:日本", "craft:高陞"], {}, "高陞", undefined],
    // negatives: 和, 及, 与 join two sides; an item after 、 naming its own side (敌, 驻, a state)
    [
      "俄国全权代表维特和小村寿太郎签约",
      ["state:俄国", "person:维特", "person:小村寿太郎"],
      {},
      "小村寿太郎",
      undefined,
    ],
    [
      "清朝代表李鸿章及伊藤博文会谈",
      ["state:清朝", "person:李鸿章", "person:伊藤博文"],
      {},
      "伊藤博文",
      undefined,
    ],
    [
      "北洋海军巡洋舰“济远”和“吉野”交战",
      ["organization:北洋海军", "craft:济远", "craft:吉野"],
      { 北洋海军: "QING" },
      "吉野",
      undefined,
    ],
    [
      "北洋海军“济远”、敌舰“吉野”",
      ["organization:北洋海军", "craft:济远", "craft:吉野"],
      { 北洋海军: "QING" },
      "吉野",
      undefined,
    ],
    [
      "日本驻华公使林董、驻日公使汪凤藻",
      ["state:日本", "state:华", "person:林董", "person:汪凤藻"],
      {},
      "汪凤藻",
      undefined,
    ],
    [
      "日本驻华公使林董、英公使窦纳乐",
      ["state:日本", "state:华", "person:林董", "person:窦纳乐"],
      {},
      "窦纳乐",
      undefined,
    ],
    // Note: a bracketed aside stops the list as a comma does
    [
      "联合舰队“吉野”（旗舰）、“浪速”",
      ["organization:联合舰队", "craft:吉野", "craft:浪速"],
      { 联合舰队: "JPN" },
      "浪速",
      undefined,
    ],
  ];
  // The article's state forms (ids are the texts here), so the ship-prefix rule runs too.
  const caseForms = new Map([
    ["日本", "日本"],
    ["日", "日本"],
    ["英", "英国"],
    ["俄国", "俄国"],
    ["清朝", "清朝"],
  ]);
  it.each(cases)("%s", (text, pieces, known, who, expected) => {
    const stateOf = new Map(Object.entries(known));
    introducedStates(text, mentionsOf(text, pieces), stateOf, TITLES, CRAFT, caseForms);
    expect(stateOf.get(who)).toBe(expected);
  });

  // [text before the craft, expected]
  const prefixes: Array<[string, string | undefined]> = [
    ["突遭日本联合舰队第一游击队巡洋舰“", "JPN"],
    ["8时10分日舰“", "JPN"],
    ["租用英国商船“", "GBR"],
    // negatives: no craft or unit word before the name; the state in another clause; 日 alone
    ["日本政府派“", undefined],
    ["日本宣战，巡洋舰“", undefined],
    ["次日，巡洋舰“", undefined],
    ["苏联的探测飞船“", undefined],
  ];
  const forms = new Map([
    ["日本", "JPN"],
    ["日", "JPN"],
    ["英国", "GBR"],
    ["苏联", "SUN"],
  ]);
  it.each(prefixes)("prefixState: %s", (lead, expected) => {
    const text = `${lead}吉野”`;
    const b: ActorMention = { id: "吉野", kind: "craft", start: lead.length, end: lead.length + 2 };
    expect(prefixState(text, b, forms, CRAFT)).toBe(expected);
  });

  it("gives a ship the state of its introduction in every later act", () => {
    expect(
      eventsOf(
        "1894年7月，日本与清朝开战。7月25日，日本联合舰队巡洋舰“吉野”号驶近。“吉野”号击沉“高陞”号。\n",
      ).map(show),
    ).toContainEqual(expect.stringMatching(/^armed_incident 1894-07-25 吉野号,JPN>/u));
  });
});

describe("events:actors actorsInTime — an ended state's namesake among all its names", () => {
  const gazetteer = loadGazetteer();
  it("gives a Qing official serving on in 1914 the ROC the article names (through 中国)", () => {
    const actors = { source: ["胡惟德", "QING"], target: [], other: [] };
    const formsOf = new Map([["QING", ["清朝"]]]);
    expect(
      actorsInTime(actors, 1914, gazetteer, formsOf, new Set(["QING", "TWN", "胡惟德"])).source,
    ).toEqual(["胡惟德", "TWN"]);
    // negative: no namesake the article names — dropped, never a state it does not have
    expect(
      actorsInTime(actors, 1914, gazetteer, formsOf, new Set(["QING", "胡惟德"])).source,
    ).toEqual(["胡惟德"]);
  });

  it("drops an ended state two of whose successors the article has at the date", () => {
    const run = (state: string, form: string, year: number, known: string[]): string[] =>
      actorsInTime(
        { source: ["X", state], target: [], other: [] },
        year,
        gazetteer,
        new Map([[state, [form]]]),
        new Set(["X", state, ...known]),
      ).source;
    // 1950: the PRC and the ROC both follow the Qing; the DPRK and the ROK both follow Joseon
    expect(run("QING", "清朝", 1950, ["CHN", "TWN"])).toEqual(["X"]);
    expect(run("JOSEON", "李氏朝鲜", 1950, ["PRK", "KOR"])).toEqual(["X"]);
    // one successor the article has at the date: still its namesake
    expect(run("QING", "清朝", 1914, ["CHN", "TWN"])).toEqual(["X", "TWN"]);
    expect(run("QING", "清朝", 1950, ["CHN"])).toEqual(["X", "CHN"]);
    expect(run("JOSEON", "李氏朝鲜", 1950, ["PRK"])).toEqual(["X", "PRK"]);
  });
});
