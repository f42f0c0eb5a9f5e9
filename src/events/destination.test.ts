import { describe, expect, it } from "vitest";
import { loadGazetteer, segmenter, tagged } from "../entities/index.js";
import { motionBefore } from "./actors.js";
import { eventsOf, show } from "./testing.js";

describe("events:actors motionBefore — 到 as a visit's motion verb only as a word of its own", () => {
  const jieba = segmenter(loadGazetteer());
  // [text, the name after the verb, expected]
  const cases: Array<[string, string, boolean]> = [
    ["到美国访问", "美国", true],
    ["他到法国考察", "法国", true],
    ["派到美国", "美国", true],
    ["再到英国", "英国", true],
    ["到达美国", "美国", true],
    ["来到美国", "美国", true],
    ["抵达朝鲜", "朝鲜", true],
    ["前往美国", "美国", true],
    ["飞往美国", "美国", true],
    ["奔赴朝鲜", "朝鲜", true],
    ["转赴法国", "法国", true],
    ["赴朝鲜访问", "朝鲜", true],
    // a verb jieba glues to the name (赴美国, 抵美) is read without it
    ["赴美国", "美国", true],
    ["抵美", "美", true],
    // an adverb or verb jieba keeps with the motion verb
    ["亲赴朝鲜", "朝鲜", true],
    ["专程前往美国", "美国", true],
    ["动身前往法国", "法国", true],
    ["赶到英国", "英国", true],
    ["返抵美国", "美国", true],
    // negatives: 到 inside another word is no motion to a destination
    ["回到美国", "美国", false],
    ["直到美国宣布", "美国", false],
    ["受到美国制裁", "美国", false],
    ["得到美国支持", "美国", false],
    ["收到美国来信", "美国", false],
    ["遇到美国舰队", "美国", false],
    ["达到美国", "美国", false],
    ["感到美国", "美国", false],
    ["送到美国", "美国", false],
    ["返回美国", "美国", false],
    ["提到美国", "美国", false],
    ["见到美国总统", "美国", false],
  ];
  it.each(cases)("%s: %s → %s", (text, name, expected) => {
    expect(motionBefore(text, text.indexOf(name), tagged(jieba, text))).toBe(expected);
  });
});

describe("events:actors — a visit's destination after 到 is its target, never after 得到/直到/收到", () => {
  const cases: Array<[string, string[]]> = [
    ["1899年，日本首相到美国访问。\n", ["visit 1899 JPN>USA"]],
    ["1880年，英国首相抵达法国访问。\n", ["visit 1880 GBR>FRA"]],
    ["1899年，日本首相专程前往美国访问。\n", ["visit 1899 JPN>USA"]],
    // negatives: a state after 得到/直到/收到 is no destination
    ["1899年，日本首相得到美国支持后访问英国。\n", ["visit 1899 JPN>GBR"]],
    ["1899年，日本首相直到美国宣布后才访问英国。\n", ["visit 1899 JPN>GBR"]],
    ["1902年，英国首相收到法国来信后访问德国。\n", ["visit 1902 GBR>GERMAN_EMPIRE"]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});
