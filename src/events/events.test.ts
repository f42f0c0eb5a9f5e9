import { describe, expect, it } from "vitest";
import { eventsOf, show } from "./testing.js";

describe("events:trigger typing", () => {
  const cases: Array<[string, string[]]> = [
    ["2006年10月9日，朝鲜进行了一次地下核试验。", ["weapons_test 2006-10-09 PRK>"]],
    [
      "2010年，朝鲜进行核试验。2011年2月28日，美韩举行大规模联合军演。",
      ["weapons_test 2010 PRK>", "military_exercise 2011-02-28 USA,KOR>PRK"],
    ],
    ["2013年3月7日，联合国安理会谴责朝鲜的核试验。", ["condemnation 2013-03-07 UNSC>PRK"]],
    ["2015年1月2日，美国对朝鲜实施新一轮制裁。", ["sanction 2015-01-02 USA>PRK"]],
    ["2010年8月25日，美国前总统卡特访朝。", ["visit 2010-08-25 jimmy_carter>PRK"]],
    ["2001年，小布什就任美国总统。", ["leadership_change 2001 george_w_bush>"]],
    ["1999年，朝鲜同意暂停试射远程导弹。", ["concession 1999 PRK>"]],
    ["2017年，美国在韩国部署反导系统。", ["deployment 2017 USA>"]],
    ["2011年3月15日，朝鲜向俄罗斯表示愿重返六方会谈。", ["statement 2011-03-15 PRK>RUS"]],
    [
      "2000年，金正日与金大中在平壤举行首次会晤。",
      ["talks 2000 kim_jong_il,PRK,kim_dae_jung,KOR>"],
    ],
    // The speech verb is transparent to a realized act: 宣布退出 is a rejection.
    ["2009年4月14日，朝鲜宣布退出六方会谈。", ["rejection 2009-04-14 PRK>"]],
    // The act after a demand verb is only its content.
    ["2009年6月12日，安理会要求朝鲜停止核试验。", ["demand 2009-06-12 UNSC>PRK"]],
    // Two acts in one sentence.
    [
      "2009年4月14日，朝鲜宣布退出六方会谈，驱逐美国的核观察员。",
      ["rejection 2009-04-14 PRK>", "rejection 2009-04-14 PRK>USA"],
    ],
    // 停战 is an armed incident (the armistice), 签署 alone with one party is no agreement.
    ["1953年，中朝联军和联合国军签订停战协定。", ["armed_incident 1953 CPV_KPA,UNC>"]],
    ["2009年6月，奥巴马签署一项行政令。", []],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events:modality (promised, planned, hypothetical, negated acts are not the act)", () => {
  const cases: Array<[string, string[]]> = [
    // plan → only the statement
    ["2012年3月16日，朝鲜表示计划在4月中旬发射卫星。", ["statement 2012-03-16 PRK>"]],
    ["2015年2月7日，朝鲜称要测试一种新导弹。", ["statement 2015-02-07 PRK>"]],
    // future
    ["2011年，朝鲜将于明年进行核试验。", []],
    // hypothetical
    ["2011年，如果朝鲜进行核试验，美国将实施制裁。", []],
    // negation
    ["2005年，朝鲜没有进行核试验。", []],
    ["2005年，美国从未访问朝鲜。", []],
    // wish
    [
      "2009年1月21日，奥巴马在就职演说中表示，愿与朝鲜会谈。",
      ["statement 2009-01-21 barack_obama,USA>"],
    ],
    // promise
    ["2002年，美国试图以援助换取朝鲜承诺暂停核试验。", []],
    // a demand governs its content: no weapons test
    ["2013年，安理会谴责朝鲜发射卫星。", ["condemnation 2013 UNSC>PRK"]],
    // a setting, not an act
    ["2012年，在闰日协议签署仅两周后，朝鲜宣布发射卫星。", ["weapons_test 2012 PRK>"]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events:actors", () => {
  it("takes the running subject when the clause drops it (随后将…驱逐出境)", () => {
    const events = eventsOf(
      "2009年8月，朝鲜最高领导人金正日会见了访问朝鲜的美国前总统克林顿，随后将两名美国女记者释放。",
    );
    expect(events.map(show)).toEqual([
      "visit 2009-08 bill_clinton>PRK,kim_jong_il",
      "release 2009-08 PRK,kim_jong_il>USA",
    ]);
    // the former president's state is a third party, not the visitor
    expect(events[0]?.actors.other).toContain("USA");
  });
  it("puts both parties of symmetric talks in source", () => {
    expect(eventsOf("2012年2月23日，美朝在北京举行第三轮高级别会谈。").map(show)).toEqual([
      "talks 2012-02-23 USA,PRK>",
    ]);
  });
  it("reads the passive (遭…拒绝): the agents are the source, the subject the target", () => {
    expect(
      eventsOf("2010年11月29日，中国呼吁召开紧急会议，但遭韩国、美国和日本拒绝。").map(show),
    ).toEqual(["statement 2010-11-29 CHN>", "rejection 2010-11-29 KOR,USA,JPN>CHN"]);
  });
  it("dates by the narrative line when the clause has no date", () => {
    const [a, b] = eventsOf("2011年2月28日，美韩举行联合军演。朝鲜对此反应强烈。");
    expect(b?.date).toMatchObject({ value: "2011-02-28", inferred: true, basis: "narrative" });
    expect(a?.date).toMatchObject({ value: "2011-02-28", inferred: false, basis: "explicit" });
  });
});

describe("events:merge", () => {
  it("merges an act told twice into one event with two mentions", () => {
    const events = eventsOf(
      "1998年8月，朝鲜发射了人造卫星。\n\n其他事件之后，1998年8月，朝鲜发射人造卫星。",
    );
    expect(events.map(show)).toEqual(["weapons_test 1998-08 PRK>"]);
    expect(events[0]?.mentions).toHaveLength(2);
  });
  it("keeps two acts of the same type in one sentence apart", () => {
    expect(eventsOf("2009年，朝鲜宣布退出会谈，驱逐观察员。")).toHaveLength(2);
  });
  it("scores a nuclear test lower than a satellite launch", () => {
    const [nuclear] = eventsOf("2006年10月9日，朝鲜进行核试验。");
    const [satellite] = eventsOf("2012年12月12日，朝鲜发射卫星。");
    expect(nuclear?.score).toBe(-7);
    expect(satellite?.score).toBe(-5);
  });
});
