import { describe, expect, it } from "vitest";
import { AnnalsError } from "../model/errors.js";
import { parseTables, rowsOf } from "./tables.js";
import { heldFor } from "./detect.js";
import { eventsOf, show } from "./testing.js";

describe("events:trigger typing", () => {
  const cases: Array<[string, string[]]> = [
    ["1998年5月11日，印度进行了三次地下核试验。", ["weapons_test 1998-05-11 IND>"]],
    ["2014年3月17日，欧盟对俄罗斯实施制裁。", ["sanction 2014-03-17 EU>RUS"]],
    ["1990年8月6日，联合国安理会对伊拉克实行全面禁运。", ["sanction 1990-08-06 UNSC>IRQ"]],
    ["1979年1月，邓小平访问美国。", ["visit 1979-01 deng_xiaoping,CHN>USA"]],
    ["2018年11月，伊朗外交部谴责以色列。", ["condemnation 2018-11 IRN_MFA,IRN>ISR"]],
    // concession: agreeing to or announcing a halt, freeze or renunciation
    ["1991年10月，苏联宣布暂停核试验。", ["concession 1991-10 SUN>"]],
    ["2015年，伊朗同意冻结铀浓缩活动。", ["concession 2015 IRN>"]],
    // release is 释放/获释/遣返/放回; an expulsion is a rejection
    ["1981年1月20日，伊朗释放了52名美国人质。", ["release 1981-01-20 IRN>USA"]],
    ["2018年3月，英国将23名俄罗斯外交官驱逐出境。", ["rejection 2018-03 GBR>RUS"]],
    // two one-character state forms in a row name both parties
    ["1972年9月29日，中日签署联合声明。", ["agreement 1972-09-29 CHN,JPN>"]],
    // the speech verb is transparent to a realized act
    ["2019年5月，美国宣布退出中导条约。", ["rejection 2019-05 USA>"]],
    // a demand governs its content
    ["2006年7月，安理会要求伊朗停止铀浓缩。", ["demand 2006-07 UNSC>IRN"]],
    // 签署 alone with one party is no agreement
    ["2009年6月，奥巴马签署一项行政令。", []],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events:trigger general combinations (conditions, reactions, alliances, labels, ultimatums)", () => {
  const cases: Array<[string, string[]]> = [
    // setting conditions for talks is a demand; other conditions are no event
    [
      "2008年底，朝鲜宣布重启核设施，并提出了新的谈判条件。",
      ["statement 2008 PRK>", "demand 2008 PRK>"],
    ],
    ["1990年，苹果公司提出了新的价格条件。", []],
    // a strong reaction is a condemnation
    ["1996年3月，中国对此反应强烈。", ["condemnation 1996-03 CHN>"]],
    // strengthening an alliance is a policy
    ["1995年，日本不断强化与美国的军事同盟。", ["policy 1995 JPN>USA"]],
    ["1995年，该公司不断强化产品质量。", []],
    // lowering one's asking price is a concession
    ["2004年，美国在谈判中降低了要价。", ["concession 2004 USA>"]],
    // planning missile defence is a deployment
    ["2012年3月，日本开始筹划反导系统。", ["deployment 2012-03 JPN>"]],
    // submitting a bill is a statement
    ["1880年，美国议员向国会提交过《禁止华工的议案》。", ["statement 1880 USA>"]],
    // labelling with an insult is a condemnation; a neutral label is not
    ["1999年，伊朗称其为美国闹剧。", ["condemnation 1999 IRN>USA"]],
    [
      "1986年，里根将利比亚同叙利亚一道列为“恐怖国家”。",
      ["condemnation 1986 ronald_reagan,USA>LBY,SYR"],
    ],
    // a statement with 否则 is an ultimatum, a threat
    [
      "2003年5月，布什称，伊拉克最好交出武器，否则将招致打击。",
      ["threat 2003-05 george_w_bush,USA>IRQ"],
    ],
    ["2003年5月，布什称伊拉克已交出武器。", ["statement 2003-05 george_w_bush,USA>IRQ"]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events: a speech over several clauses, purpose clauses", () => {
  const cases: Array<[string, string[]]> = [
    // the speaker of 发表声明称 is the agent of the act told clauses later; 为… names no subject
    [
      "2016年7月8日，伊朗革命卫队发言人发表声明称，为牵制美国在海湾的军事基地，并向美国发出严重警告信号。",
      ["threat 2016-07-08 IRN>USA"],
    ],
    ["2016年，为牵制美国在海湾的军事基地，并向美国发出严重警告信号。", ["threat 2016 >USA"]],
    // negative: a statement with no act after it stays a statement
    [
      "2016年7月8日，伊朗外交部发表声明称，为维护地区和平，各方应保持克制。",
      ["statement 2016-07-08 IRN_MFA,IRN>"],
    ],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events:actors replies (后者, 前者, 对此, 引起…抗议)", () => {
  const cases: Array<[string, string[]]> = [
    [
      "1983年9月1日，美日两国指控苏联击落该客机，但后者至今不承认，还称其为美国闹剧。",
      [
        "condemnation 1983-09-01 USA,JPN>SUN",
        "rejection 1983-09-01 SUN>USA,JPN",
        "condemnation 1983-09-01 SUN>USA",
      ],
    ],
    [
      "2011年2月28日，美韩举行联合军演，伊朗对此反应强烈。",
      ["military_exercise 2011-02-28 USA,KOR>IRN", "condemnation 2011-02-28 IRN>USA,KOR"],
    ],
    [
      "2017年，美国在韩国部署萨德，引起了中国、俄罗斯的强烈抗议。",
      ["deployment 2017 USA>", "condemnation 2017 CHN,RUS>USA"],
    ],
    // negative: a new subject with no reply word keeps its own actors
    [
      "2017年，美国在韩国部署萨德，中国与俄罗斯举行会谈。",
      ["deployment 2017 USA>", "talks 2017 CHN,RUS>"],
    ],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events: conditions, near misses, agreement content, reports", () => {
  const cases: Array<[string, string[]]> = [
    // an act on a condition (会谈才可重启) did not happen; a realized restart did
    [
      "2010年11月29日，美国称，伊朗必须先兑现承诺，多边会谈才可重启。",
      ["statement 2010-11-29 USA>"],
    ],
    ["2010年11月29日，美国称，多边会谈已经重启。", ["talks 2010-11-29 USA>"]],
    // coming close to an agreement is no agreement
    ["1999年，经过一年多的谈判，双方已十分接近就关系正常化达成协议。", ["talks 1999 >"]],
    // what the parties decide in an agreement is its content
    [
      "2011年10月21日，美国与越南达成协议，决定恢复遗骸搜寻行动。",
      ["agreement 2011-10-21 USA,VNM>"],
    ],
    [
      "2011年10月21日，美国与越南达成协议。2012年，美国决定恢复遗骸搜寻行动。",
      ["agreement 2011-10-21 USA,VNM>", "policy 2012 USA>"],
    ],
    // a spokesman's report of another party's act is a mention of that act
    [
      "2013年8月30日，美国国务院发言人通报称，伊朗取消了美国特使原计划当日对伊朗的访问。",
      ["rejection 2013-08-30 IRN>USA"],
    ],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events: a paragraph summarizing habits under a term of office", () => {
  const cases: Array<[string, string[]]> = [
    ["里根任内，美国一直对利比亚保持高压，多采取单边制裁。美国还联合盟国抨击利比亚。", []],
    // an act with its own date in such a paragraph is still an event
    ["里根任内，1986年4月15日美国轰炸了利比亚。", ["armed_incident 1986-04-15 USA>LBY"]],
    // a habit marker without a tenure opening leaves dated acts alone
    ["1986年，美国一直对利比亚保持高压，美国对利比亚实施制裁。", ["sanction 1986 USA>LBY"]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events:trigger negatives (ordinary text is no diplomatic event)", () => {
  const cases: string[] = [
    "2010年，该公司的工作条件十分恶劣。",
    "2015年，日本的人口统计不包括外国居民。",
    "2012年，苹果公司降低了iPhone的售价。",
    "2003年5月，登山队到达珠穆朗玛峰峰顶。",
    "1998年，政府限制了进口汽车的数量。",
    "2011年，这艘货轮驶入港口。",
    "2016年，他向法院提交了诉状。",
    "2008年，列车在站台待命。",
    "2004年，公司举行了开业仪式。",
    // a trigger right before 的 modifies a noun
    "2005年，这次制裁的效果有限。",
    "2013年，火箭发射的费用很高。",
    // received opinions, reports with no speaker, a symbol that "denotes"
    "1976年，唐山被认为是地震风险较低的城市。",
    "2016年，测试报告显示性能提升约25%。",
    "2010年，图中的红点表示震中。",
    "1976年7月28日，全市交通、通讯、供电中断。",
    "2016年，新版本不再要求程序跟随主线版本。",
  ];
  it.each(cases)("%s", (text) => {
    expect(eventsOf(text).map(show)).toEqual([]);
  });
});

describe("events:modality (promised, planned, hypothetical, negated acts are not the act)", () => {
  const cases: Array<[string, string[]]> = [
    ["2008年3月，印度表示计划在年底发射月球探测器。", ["statement 2008-03 IND>"]],
    ["2015年2月7日，伊朗称要测试一种新导弹。", ["statement 2015-02-07 IRN>"]],
    ["2011年，伊朗将于明年进行核试验。", []],
    ["2011年，如果伊朗进行核试验，美国将实施制裁。", []],
    ["2005年，巴基斯坦没有进行核试验。", []],
    ["2005年，美国从未访问古巴。", []],
    ["1985年11月，里根在记者会上表示，愿与苏联会谈。", ["statement 1985-11 ronald_reagan,USA>SUN"]],
    ["2002年，美国试图以援助换取伊朗承诺暂停核试验。", []],
    ["2013年，欧盟谴责伊朗发射卫星。", ["condemnation 2013 EU>IRN"]],
    ["1995年，在协议签署仅两周后，以色列宣布发射卫星。", ["weapons_test 1995 ISR>"]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events:actors", () => {
  it("takes the running subject when the clause drops it, and 将他们 as the earlier target", () => {
    const events = eventsOf("2019年7月，俄罗斯逮捕了两名日本渔民，随后将他们释放。");
    expect(events.map(show)).toEqual(["detention 2019-07 RUS>JPN", "release 2019-07 RUS>JPN"]);
  });
  it.each([
    // a reported accusation: the speaker accuses, the party said to violate is the target
    ["2019年8月2日，美国称俄罗斯违反中导条约。", "condemnation 2019-08-02 USA>RUS"],
    // after a governing verb only the addressee is the target
    ["2014年3月，欧盟要求俄罗斯停止对乌克兰的干涉。", "demand 2014-03 EU>RUS"],
    // 作为X的特使: the principal is a third party, the state stays the agent's
    ["1972年，基辛格作为美国总统尼克松的特使访问中国。", "visit 1972 USA>CHN"],
    // a party qualifying a person is a third party
    ["1992年，民主党的克林顿当选美国总统。", "leadership_change 1992 bill_clinton>"],
  ])("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual([expected]);
  });
  it("gives a concession with no named addressee to the counterpart of the passage", () => {
    expect(
      eventsOf("1991年，美国与苏联举行会谈。1991年10月，苏联宣布暂停核试验。").map(show),
    ).toEqual(["talks 1991 USA,SUN>", "concession 1991-10 SUN>USA"]);
    // no counterpart named before: no target
    expect(eventsOf("1991年10月，苏联宣布暂停核试验。").map(show)).toEqual([
      "concession 1991-10 SUN>",
    ]);
  });
  it.each([
    // the running subject carries the state its person acts for
    [
      "2001年，小布什就任美国总统。2002年，小布什便调整了对伊朗的强硬姿态。",
      ["leadership_change 2001 george_w_bush>", "policy 2002 george_w_bush,USA>IRN"],
    ],
    // two one-character state forms in a row are both addressees
    ["2015年，朝鲜要求美韩取消军演。", ["demand 2015 PRK>USA,KOR"]],
    // 对其: the party the sentence's previous act was aimed at
    [
      "1990年8月，安理会谴责伊拉克，并对其实施制裁。",
      ["condemnation 1990-08 UNSC>IRQ", "sanction 1990-08 UNSC>IRQ"],
    ],
    // a reason given after a criticism adds no parties (波兰 is not a target)
    [
      "1983年，里根批评苏联，认为苏联对波兰的干涉是错误的。",
      ["condemnation 1983 ronald_reagan,USA>SUN"],
    ],
    // a series named by the trigger has all its parties; a series name modifying a noun does not
    [
      "2003年8月，中国、美国、朝鲜、韩国、日本和俄罗斯在北京举行六方会谈。2007年3月，美朝重返第六轮六方会谈。",
      ["talks 2003-08 CHN,USA,PRK,KOR,JPN,RUS>", "talks 2007-03 USA,PRK,CHN,KOR,JPN,RUS>"],
    ],
    [
      "2003年8月，中国、美国、朝鲜、韩国、日本和俄罗斯在北京举行六方会谈。2015年，美国学者与朝鲜六方会谈代表在新加坡会谈。",
      ["talks 2003-08 CHN,USA,PRK,KOR,JPN,RUS>", "talks 2015 USA,PRK>"],
    ],
  ])("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
  it.each([
    // the subject of a patient verb undergoes the act
    ["2010年3月26日，韩国海军天安舰沉没。", "armed_incident 2010-03-26 >ROK_NAVY,KOR"],
    ["1981年1月20日，52名美国人质获释。", "release 1981-01-20 >USA"],
    // an ordinary transitive verb keeps its subject as the agent
    ["1982年5月2日，英国击沉阿根廷巡洋舰。", "armed_incident 1982-05-02 GBR>ARG"],
    // an annexation has a target although its type (other) usually has none
    ["1910年，日本吞并朝鲜。", "other 1910 JPN>KOREAN_EMPIRE"],
  ])("valency: %s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual([expected]);
  });
  it("puts both parties of symmetric talks in source", () => {
    expect(eventsOf("1985年11月19日，美苏在日内瓦举行首脑会谈。").map(show)).toEqual([
      "talks 1985-11-19 USA,SUN>",
    ]);
  });
  it("reads the passive (遭…拒绝): the agents are the source, the subject the target", () => {
    expect(eventsOf("2003年2月10日，法国提议召开紧急会议，但遭美国和英国拒绝。").map(show)).toEqual(
      ["statement 2003-02-10 FRA>", "rejection 2003-02-10 USA,GBR>FRA"],
    );
  });
  it("dates by the narrative line when the clause has no date", () => {
    const [a, b] = eventsOf("1983年9月1日，苏联击落一架韩国客机。美国对此强烈谴责。");
    expect(a?.date).toMatchObject({ value: "1983-09-01", inferred: false, basis: "explicit" });
    expect(b?.date).toMatchObject({ value: "1983-09-01", inferred: true, basis: "narrative" });
  });
});

describe("events:merge", () => {
  it("merges an act told twice into one event with two mentions", () => {
    const events = eventsOf(
      "1998年5月，印度进行了核试验。\n\n其他事件之后，1998年5月，印度进行核试验。",
    );
    expect(events.map(show)).toEqual(["weapons_test 1998-05 IND>"]);
    expect(events[0]?.mentions).toHaveLength(2);
  });
  it("merges a month told elsewhere into the day it holds (the finer date wins)", () => {
    const events = eventsOf(
      "1998年5月11日，印度进行核试验。\n\n其他段落。印度先后进行两次核试验（1974年5月、1998年5月）。",
    );
    expect(events.map(show)).toEqual(["weapons_test 1998-05-11 IND>", "weapons_test 1974-05 IND>"]);
    expect(events[0]?.mentions).toHaveLength(2);
    // a different month is a different act
    expect(
      eventsOf("1998年5月11日，印度进行核试验。\n\n其他段落。1998年6月，印度进行核试验。").map(
        show,
      ),
    ).toEqual(["weapons_test 1998-05-11 IND>", "weapons_test 1998-06 IND>"]);
  });
  it("keeps two acts of the same type in one sentence apart", () => {
    expect(eventsOf("2018年，美国宣布退出伊核协议，驱逐俄罗斯外交官。")).toHaveLength(2);
  });
  it("scores a nuclear test lower than a satellite launch", () => {
    const [nuclear] = eventsOf("1998年5月11日，印度进行核试验。");
    const [satellite] = eventsOf("2012年12月12日，伊朗发射卫星。");
    expect(nuclear?.score).toBe(-7);
    expect(satellite?.score).toBe(-5);
  });
});

describe("events:what counts as an act (descriptions, settings, anchors, habits are not)", () => {
  const cases: Array<[string, string[]]> = [
    // a trend or state description
    ["1985年以后，美苏双边对话日趋频繁。", []],
    ["1985年，美苏举行对话。", ["talks 1985 USA,SUN>"]],
    // a reference back to an act told before
    [
      "1972年2月，尼克松访问中国。此次访问结束了两国二十多年的隔绝。",
      ["visit 1972-02 richard_nixon,USA>CHN"],
    ],
    // the head of a setting (按照…的要求, 在…压力下) or of a time phrase (访华前)
    ["1905年，按照《朴茨茅斯条约》的要求，俄国撤出东北。", []],
    ["1895年，在列强的压力下，日本归还辽东半岛。", []],
    ["1971年，基辛格访华前的两个月，美国放宽了对华贸易限制。", ["concession 1971 USA>CHN"]],
    // an undated cause noun is background; a dated one is narrated
    ["1973年，石油禁运让西方经济陷入衰退。", []],
    ["2001年9月11日的恐怖袭击造成近3000人死亡。", ["armed_incident 2001-09-11 >"]],
    // an incident noun needs a verb of occurrence; a named war alone is an anchor
    ["1979年2月，中国和越南发生边境冲突。", ["armed_incident 1979-02 CHN,VNM>"]],
    ["1990年，他撰写了一部关于越南战争的小说。", []],
    // habitual acts and purposes (一直要求, 以…换取…) are not dated acts
    ["1990年代，美国一直要求日本开放大米市场。", []],
    ["1994年，美国以提供重油换取朝鲜冻结核设施。", []],
    // undated opinions and undated recollections are no acts
    ["他认为两国关系将很快恶化。", []],
    ["2005年，英国认为两国关系将很快恶化。", ["statement 2005 GBR>"]],
    ["美国回忆称，当时局势很紧张。", []],
    ["2011年，美国回忆称，当时局势很紧张。", ["statement 2011 USA>"]],
    // 表示 after a thing means "denotes"; after an actor (here or in the clause before) it is speech
    ["1990年，会徽由长城图案构成，表示本届亚运会在北京举行。", []],
    ["1990年，中国政府表示，愿与韩国建交。", ["statement 1990 CHN>KOR"]],
    [
      "1990年3月，中国外长访问韩国，表示愿与韩国建交。",
      ["visit 1990-03 CHN>KOR", "statement 1990-03 CHN>KOR"],
    ],
    // a reason clause (由于…) states no act; the act is the clause it explains
    ["1976年，由于极左势力排斥外国的影响，中国拒绝国际援助。", ["rejection 1976 CHN>"]],
    // an exception frame (除…外) states no act
    ["除1972年的会谈外，两国没有接触。", []],
    // an unnamed public is no actor; a public named by its state is that state's collective
    ["2003年，民众纷纷抗议美国发动战争。", []],
    ["2003年，法国民众纷纷抗议美国发动战争。", ["condemnation 2003 FRA>USA"]],
    // 轰炸机 is a bomber, not a bombing
    ["1950年，美国向日本部署战略轰炸机。", ["deployment 1950 USA>JPN"]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events:folding and dating across clauses", () => {
  it.each([
    // a flashback timex (已于1997年) dates its own act, not the act after it
    [
      "1999年，已于1997年卸任国防部长的佩里访问朝鲜。",
      ["leadership_change 1997 >", "visit 1999 >PRK"],
    ],
    // talks during a visit fold into the visit told before
    [
      "1972年2月21日，美国总统访问中国。在为期一周的访问中，美国与中国举行了会谈。",
      ["visit 1972-02-21 USA>CHN"],
    ],
    // the critic's reasons are part of the criticism
    ["1983年，里根多次批评苏联，认为苏联是邪恶帝国。", ["condemnation 1983 ronald_reagan,USA>SUN"]],
    // but a new announcement is a new act
    [
      "1983年，美国批评苏联，并宣布将召回大使。",
      ["condemnation 1983 USA>SUN", "statement 1983 USA>"],
    ],
    // the clauses after a policy shift describe the same policy
    ["1983年，美国一改对苏缓和政策，转而关闭了对苏谈判的大门。", ["policy 1983 USA>SUN"]],
    // the same act told twice, the second time dated by its sentence, is one event
    [
      "1998年8月，印度发射卫星，美国认为其发射的是导弹。\n\n其他段落。1998年8月，印度发射卫星，美国认为其发射的是导弹。",
      ["weapons_test 1998-08 IND>", "statement 1998-08 USA>"],
    ],
  ])("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events:dates a verb governs through 于/在", () => {
  it.each([
    // the clause's date after its verb, not the narrative line before it
    ["1990年，英国与法国举行会谈。同盟会成立于1905年8月。", "1905-08"],
    ["2001年，双方举行会谈。招商局成立于1872年12月。", "1872-12"],
    // a date before the verb still comes first
    ["1990年，英国与法国举行会谈。1912年，该会成立于上海。", "1912"],
  ])("%s", (text, expected) => {
    expect(eventsOf(text).map((e) => e.date.value)).toContain(expected);
  });
});

describe("events:a clock time on the narrative line dates the acts of its paragraph", () => {
  it.each([
    // 当地时间…，: the fronted time is the act's, with its clock time
    ["当地时间2010年11月23日14时30分，朝鲜炮击延坪岛。", ["2010-11-23T14:30"]],
    ["北京时间2003年10月16日6时23分，中国宣布与美国举行会谈。", ["2003-10-16T06:23"]],
    // a later clause or sentence of the same paragraph is told at that time too
    [
      "当地时间2010年11月23日14时30分，朝鲜炮击延坪岛，韩国谴责朝鲜。",
      ["2010-11-23T14:30", "2010-11-23T14:30"],
    ],
    [
      "1894年7月25日9时15分，日舰炮击高升号。英国抗议日本。",
      ["1894-07-25T09:15", "1894-07-25T09:15"],
    ],
    // a later paragraph keeps the day only
    [
      "当地时间2010年11月23日14时30分，朝鲜炮击延坪岛。\n\n韩国谴责朝鲜。",
      ["2010-11-23T14:30", "2010-11-23"],
    ],
  ])("%s", (text, expected) => {
    expect(eventsOf(text).map((e) => e.date.value)).toEqual(expected);
  });
});

describe("events:held-for modifiers (关押了五个月的…)", () => {
  it.each([
    // the detention began that long before the act; expelling people who were held frees them
    [
      "2009年8月，朝鲜将关押了五个月的两名美国记者驱逐出境。",
      ["release 2009-08 PRK>USA", "detention 2009-03 PRK>USA"],
    ],
    [
      "2010年8月，伊朗释放了关押了两年的美国徒步者。",
      ["release 2010-08 IRN>USA", "detention 2008-08 IRN>USA"],
    ],
    // no held-for modifier: an expulsion stays a rejection, a detention is dated by its clause
    ["2018年3月，英国将23名俄罗斯外交官驱逐出境。", ["rejection 2018-03 GBR>RUS"]],
    ["2009年8月，朝鲜关押了两名美国记者。", ["detention 2009-08 PRK>USA"]],
  ])("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
  it.each([
    ["了五个月的", 5],
    ["了两年的", 24],
    ["十五个月的", 15],
    ["了3个月的", 3],
    ["了五月的", null],
    ["了两名美国", null],
  ])("heldFor(%s) = %s", (after, months) => {
    expect(heldFor(after)).toBe(months);
  });
});

describe("events:collective mentions (one event per act)", () => {
  it.each([
    [
      "2018年5月和10月，美国国务卿两次访问朝鲜。",
      ["visit 2018-05 USA>PRK", "visit 2018-10 USA>PRK"],
    ],
    [
      "2019年3月，美韩展开“同盟”和“警戒”两场联合军演。",
      ["military_exercise 2019-03 USA,KOR>", "military_exercise 2019-03 USA,KOR>"],
    ],
    // no count: one act (dated by the nearest date)
    ["2019年3月，美韩展开“同盟”联合军演。", ["military_exercise 2019-03 USA,KOR>"]],
    ["2018年5月和10月，美国国务卿访问朝鲜。", ["visit 2018-10 USA>PRK"]],
  ])("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});

describe("events:tables", () => {
  const good = {
    triggers: rowsOf("t.tsv", [["制裁", "sanction", "act", "8", ""]]),
    modality: rowsOf("m.tsv", [["未", "negation", "adjacent"]]),
    scores: rowsOf("s.tsv", [["sanction", "-6"]]),
    adjustments: rowsOf("a.tsv", []),
    series: rowsOf("r.tsv", []),
    patterns: rowsOf("p.tsv", [
      ["appositive", "^这是"],
      ["frame", "^在.*后$"],
      ["policy-verb", "采取"],
      ["agreement-noun", "协议"],
      ["description", "日益"],
      ["anaphora", "此次$"],
      ["cause", "^导致"],
      ["occurrence", "发生"],
      ["nominal-frame", "按照.*＿$"],
      ["during-visit", "访问中"],
      ["public", "民众"],
      ["tenure", "任内$"],
      ["habitual", "一直"],
    ]),
  };
  it("loads well-formed rows", () => {
    expect(parseTables(good).triggers.map((t) => t.word)).toEqual(["制裁"]);
  });
  it.each([
    ["an unknown type", { triggers: rowsOf("t.tsv", [["x", "sanctoin", "act", "1"]]) }, "t.tsv:1"],
    ["a missing priority", { triggers: rowsOf("t.tsv", [["x", "sanction", "act"]]) }, "t.tsv:1"],
    ["an unknown modality", { modality: rowsOf("m.tsv", [["未", "nope", "before"]]) }, "m.tsv:1"],
    ["a missing scope", { modality: rowsOf("m.tsv", [["未", "negation"]]) }, "m.tsv:1"],
    ["a bad pattern", { triggers: rowsOf("t.tsv", [["/(/", "sanction", "act", "1"]]) }, "t.tsv:1"],
    [
      "an unknown valency",
      { triggers: rowsOf("t.tsv", [["沉没", "armed_incident", "act", "6", "", "passive"]]) },
      "t.tsv:1",
    ],
  ])("throws on %s, naming file and line", (_, change, where) => {
    let error: unknown;
    try {
      parseTables({ ...good, ...change });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AnnalsError);
    expect((error as AnnalsError).format()).toContain(where);
  });
});

describe("events: a state's bodies and their officers act for the state", () => {
  const cases: Array<[string, string[]]> = [
    // a force or a ministry acts with its state
    ["1885年3月，法军进攻镇南关。", ["armed_incident 1885-03 FRA_ARMY,FRA>"]],
    ["2010年5月，韩国国防部谴责朝鲜。", ["condemnation 2010-05 KOR_MND,KOR>PRK"]],
    // a body and an office before a person: the person acts for the body's state
    ["1884年，法军将领尼格里率军进攻谅山。", ["armed_incident 1884 FRA_ARMY,FRA,尼格里>"]],
    ["1895年2月，北洋水师提督丁汝昌拒绝投降。", ["rejection 1895-02 BEIYANG_FLEET,QING,丁汝昌>"]],
    // 将军 is an office, not 将 marking the object
    [
      "1686年，黑龙江将军萨布素率领清军攻打雅克萨。",
      ["armed_incident 1686 萨布素,QING_ARMY,QING>"],
    ],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(eventsOf(text).map(show)).toEqual(expected);
  });
});
