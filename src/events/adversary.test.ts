import { describe, expect, it } from "vitest";
import { eventsOf, show } from "./testing.js";

describe("events: an attack with no named object is aimed at the other side", () => {
  const cases: Array<[string, string[]]> = [
    // the other state of the passage, not the attacker's own
    ["1895年，日本与清朝开战。2月，日军进攻威海卫。", ["armed_incident 1895-02 IJA,JPN>QING"]],
    ["1944年，美国与日本交战。6月，美军进攻塞班岛。", ["armed_incident 1944-06 US_FORCES,USA>JPN"]],
    [
      "1950年，朝鲜与韩国爆发战争。6月，朝鲜军队进攻汉城。",
      ["armed_incident 1950 PRK,KOR>", "armed_incident 1950-06 KPA,PRK>KOR"],
    ],
    ["2010年，朝鲜炮击延坪岛，韩国随即还击。", ["armed_incident 2010 PRK>KOR"]],
    // negatives: a named object is kept; a clash of both sides has no one-sided target
    ["1895年，日本与清朝开战。2月，日军进攻清朝。", ["armed_incident 1895-02 IJA,JPN>QING"]],
    ["1969年，中苏两国军队在珍宝岛交火。", ["armed_incident 1969 CHN,SUN>"]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events: a deployment in a host state has no implied adversary", () => {
  it("keeps the host in other and names no target", () => {
    expect(eventsOf("2017年，美国在韩国部署萨德。").map(show)).toEqual(["deployment 2017 USA>"]);
  });
});
