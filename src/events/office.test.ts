import { describe, expect, it } from "vitest";
import { loadGazetteer } from "../entities/index.js";
import { isPost, officeState, withOpener, type ActorMention } from "./actors.js";
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
    ).toEqual(["visit 1897-03 张荫棠,伍廷芳>USA"]);
  });
});

describe("events:actors — 抵达/到达/经过 X names a place", () => {
  const cases: Array<[string, string[]]> = [
    [
      "1899年，日本首相访问英国。同年抵达美国，会见总统。\n",
      ["visit 1899 JPN>GBR", "visit 1899 JPN>"],
    ],
    [
      "**伍廷芳**（），清朝外交官。\n\n1897年4月，到达美国华盛顿，访问国务院。\n",
      ["visit 1897-04 伍廷芳>"],
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
