import { describe, expect, it } from "vitest";
import { ingest } from "../../ingest/index.js";
import { normalize } from "../../normalize/index.js";
import { findTimes, tagTimes } from "../index.js";
import { show, tagText } from "../testing.js";
import { invitedFuture } from "./asides.js";

function all(text: string): string[] {
  const tx = tagText(text);
  return tx.map((t) => show(t, tx));
}

describe("time:zh/modifiers", () => {
  it.each([
    ["约10秒", ["10秒=PT10S@APPROX"]],
    ["1998年8月前后", ["1998年8月前后=1998-08@APPROX"]],
    ["1900年左右", ["1900年左右=1900@APPROX"]],
    ["不到两年", ["两年=P2Y@LESS_THAN"]],
    ["超过两年", ["两年=P2Y@MORE_THAN"]],
    // negatives: 条约 is not 约; 前后 with no timex before it is nothing
    ["《辛丑条约》1901年签订", ["1901年=1901"]],
    ["音乐会前后", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(all(text)).toEqual(expected);
  });
});

describe("time:zh/ranges", () => {
  it.each([
    [
      "2010年8月25日。11月28日至12月1日",
      [
        "2010年8月25日=2010-08-25",
        "11月28日=2010-11-28<2010年8月25日",
        "12月1日=2010-12-01<11月28日",
      ],
    ],
    ["2013年2月和9月", ["2013年2月=2013-02", "9月=2013-09<2013年2月"]],
    ["1997年至2001年", ["1997年=1997", "2001年=2001"]],
    // negative: a duration is not a range endpoint
    ["2017年3月1日起，为期两个月", ["2017年3月1日=2017-03-01", "两个月=P2M"]],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(all(text)).toEqual(expected);
  });

  // Which later endpoint is linked to the endpoint before it (text → linked endpoints).
  it.each([
    ["1998年一2000年", ["2000年"]],
    ["1998一2000年", ["2000年"]],
    ["1998年3月一2000年5月", ["2000年5月"]],
    ["1998年至2000年", ["2000年"]],
    // negatives: 一 between a Chinese-numeral date and another date is the numeral one
    ["一九九八年一二〇〇〇年", []],
    ["1998年，一年后", []],
  ] as Array<[string, string[]]>)("links range endpoints in %s", (text, expected) => {
    const items = findTimes(normalize(ingest(text, { name: "x.md" })));
    const linked = items.filter((t) => t.head !== undefined);
    expect(linked.map((t) => text.slice(t.textStart, t.textEnd))).toEqual(expected);
  });
});

describe("time:zh/asides and time:zh/anchor", () => {
  it.each([
    [
      "2011年7月28日会面。10月21日达成协议，将于2012年3月重启，这是2005年以来第一次。10月24日会谈。",
      [
        "2011年7月28日=2011-07-28",
        "10月21日=2011-10-21<2011年7月28日",
        "2012年3月=2012-03",
        "2005年=2005",
        "10月24日=2011-10-24<2011年7月28日",
      ],
    ],
    [
      "2015年1月2日制裁。1月10日，要求取消2015年春将举行的演习。1月19日会谈。",
      [
        "2015年1月2日=2015-01-02",
        "1月10日=2015-01-10<2015年1月2日",
        "2015年春=2015-SP",
        "1月19日=2015-01-19<2015年1月2日",
      ],
    ],
    [
      "2011年3月15日表示。5月9日，邀请朝鲜参加2012年在首尔召开的峰会。7月22日会面。",
      [
        "2011年3月15日=2011-03-15",
        "5月9日=2011-05-09<2011年3月15日",
        "2012年=2012",
        "7月22日=2011-07-22<2011年3月15日",
      ],
    ],
    [
      "李鸿章（1823年－1901年）于1895年签约。7月回国。",
      ["1823年=1823", "1901年=1901", "1895年=1895", "7月=1895-07<1895年"],
    ],
    [
      "1895年4月17日签约。他说：“明年我们再来。”5月8日换约。",
      ["1895年4月17日=1895-04-17", "明年=1896<1895年4月17日", "5月8日=1895-05-08<1895年4月17日"],
    ],
    [
      "1977年1月，文件称去年8月6日开会。3月，发布报告。",
      ["1977年1月=1977-01", "去年8月6日=1976-08-06<1977年1月", "3月=1977-03<1977年1月"],
    ],
    // negatives: 次年 moves the line (it is the narrative's next year); so does a new year
    [
      "1977年1月，会议召开。次年3月，发布报告。5月，散会。",
      ["1977年1月=1977-01", "次年3月=1978-03<1977年1月", "5月=1978-05<次年3月"],
    ],
    ["2010年5月1日。2011年。6月", ["2010年5月1日=2010-05-01", "2011年=2011", "6月=2011-06<2011年"]],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(all(text)).toEqual(expected);
  });

  it("lets a heading with a year start a new line", () => {
    const md = "## 2016年\n\n10月22日演出。\n\n## 2018年\n\n6月16日演出。25日返回。\n";
    expect(all(md)).toEqual([
      "2016年=2016",
      "10月22日=2016-10-22<2016年",
      "2018年=2018",
      "6月16日=2018-06-16<2018年",
      "25日=2018-06-25<6月16日",
    ]);
  });
});

describe("time:zh/asides: an invitation to attend is a plan", () => {
  it.each([
    ["邀请朝鲜参加", true],
    ["邀朝鲜领导人出席", true],
    ["美国邀请朝鲜派代表团参加", true],
    // negatives: an accepted invitation, attending told as done, no attend verb
    ["应美国总统邀请于", false],
    ["他应邀参加", false],
    ["受邀请出席", false],
    ["邀请他参加了", false],
    ["邀请朝鲜代表团于", false],
  ] as Array<[string, boolean]>)("%s → %s", (clause, expected) => {
    expect(invitedFuture(clause)).toBe(expected);
  });

  it.each([
    [
      "2004年3月1日会面。应美国总统邀请于2005年访问华盛顿。6月回国。",
      ["2004年3月1日=2004-03-01", "2005年=2005", "6月=2005-06<2005年"],
    ],
    [
      "2004年3月1日会面。5月，美国邀请朝鲜参加2005年的峰会。6月回国。",
      [
        "2004年3月1日=2004-03-01",
        "5月=2004-05<2004年3月1日",
        "2005年=2005",
        "6月=2004-06<2004年3月1日",
      ],
    ],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(all(text)).toEqual(expected);
  });
});

describe("time:zh/asides: Timex.aside and Timex.rangeHead", () => {
  function flags(text: string): string[] {
    return tagText(text).map(
      (t) => `${t.text}:${t.aside ?? "-"}${t.rangeHead === true ? "+head" : ""}`,
    );
  }
  it.each([
    [
      "双方达成协议，将于2012年3月重启工作，这是2005年以来的首次合作。",
      ["2012年3月:future", "2005年:since"],
    ],
    ["自2010年3月朝鲜宣布退出六方会谈并拒绝任何形式的对话以来，局势紧张。", ["2010年3月:since"]],
    ["1990年至今", ["1990年:since", "至今:-"]],
    ["佩里说：“2000年那次访问是黄金机会。”", ["2000年:quote"]],
    ["张三（1855年－1911年）出任公使。", ["1855年:paren+head", "1911年:paren"]],
    ["中国在1983年提出申办1990年亚运会的申请。", ["1983年:-", "1990年:name"]],
    ["从2001年至2006年底，强硬派主导政策。", ["2001年:-+head", "2006年底:-"]],
    // negatives: a plain date, a coordination (no range head), an accepted invitation
    ["2010年5月1日，双方会谈。", ["2010年5月1日:-"]],
    ["1998年、2001年和1995年", ["1998年:-", "2001年:-", "1995年:-"]],
    ["应美国邀请于2005年访问。", ["2005年:-"]],
    // a date being prepared for is planned (prague-spring; 准备在/准备于: saipan, triangle-hill)
    ["干部会议忙于准备9月9日的党员大会。", ["9月9日:future"]],
    ["日军方面准备在1944年6月动用航空母舰。", ["1944年6月:future"]],
    ["经过准备，1944年6月日军动用航空母舰。", ["1944年6月:-"]],
    // a forecast: a date then 有望 (chang-e-2's 2014年7月有望达到1亿公里; 2030年有望突破…)
    [
      "探测器2013年7月达到5000万公里，2014年7月有望达到1亿公里。",
      ["2013年7月:-", "2014年7月:future"],
    ],
    ["该市场2030年有望突破5000亿美元。", ["2030年:future"]],
    // flashbacks and the dates of documents and sources
    ["1914年，战争爆发。早前俄国与法国在1893年结成同盟。", ["1914年:-", "1893年:flashback"]],
    ["各方依据1982年《联合国海洋法公约》第58条主张权利。", ["1982年:document"]],
    ["据2012年3月16日中央日报报道，他是指挥者。", ["2012年3月16日:document"]],
    // an earlier state: a year-only date followed by 就 (as early as); not 就读/就任, not a day
    ["总督在1884年就拿不出军饷。", ["1884年:flashback"]],
    ["他指挥1867年起就被赶入越南的黑旗军。", ["1867年:flashback"]],
    ["1884年就读于广方言馆。", ["1884年:-"]],
    ["1912年就任总统。", ["1912年:-"]],
    ["3月5日就撤出了城市。", ["3月5日:-"]],
    // a relative clause's date, also before a quoted or linked noun
    ["双方恢复德国1937年后在欧洲吞并的领土。", ["1937年:attributive"]],
    ["他指挥1867年5月被赶入越南的「黑旗军」。", ["1867年5月:attributive"]],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(flags(text)).toEqual(expected);
  });
});

describe("time:zh/anchor: the document's focal time, asides and rollover", () => {
  it.each([
    [
      "a section with no date continues from the lead's date, not the background's last year",
      "事件发生在2010年11月23日。\n\n## 背景\n\n2009年11月10日，双方交火。\n\n## 后续\n\n11月24日，两国通话。",
      [
        "2010年11月23日=2010-11-23",
        "2009年11月10日=2009-11-10",
        "11月24日=2010-11-24<2010年11月23日",
      ],
    ],
    [
      "a source's date does not move the line",
      "2010年11月23日，炮击。据2012年3月16日中央日报报道，他是指挥者。11月24日，两国通话。",
      [
        "2010年11月23日=2010-11-23",
        "2012年3月16日=2012-03-16",
        "11月24日=2010-11-24<2010年11月23日",
      ],
    ],
    [
      "a flashback does not move the line",
      "1914年8月，战争爆发。早在1893年俄法结盟。9月5日，马恩河战役开始。",
      ["1914年8月=1914-08", "1893年=1893", "9月5日=1914-09-05<1914年8月"],
    ],
    [
      "a relative clause's earlier year does not move the line",
      "1945年7月17日，会议召开，讨论恢复德国1937年后吞并的领土。7月26日，发布公告。",
      ["1945年7月17日=1945-07-17", "1937年=1937", "7月26日=1945-07-26<1945年7月17日"],
    ],
    [
      "negative: a relative clause's later year still moves the line",
      "1945年7月17日，会议召开。他出任1950年成立的委员会主席。3月2日，他辞职。",
      ["1945年7月17日=1945-07-17", "1950年=1950", "3月2日=1950-03-02<1950年"],
    ],
    [
      "an earlier state does not move the line",
      "1885年3月23日法军进攻。总督在1884年就拿不出军饷。6月9日签订条约。",
      ["1885年3月23日=1885-03-23", "1884年=1884", "6月9日=1885-06-09<1885年3月23日"],
    ],
    [
      "a reference item starts from the focal time, not from the item before",
      "事件发生在2010年11月23日，朝鲜炮击延坪岛。\n\n## 参考资料\n\n1.  [韩美西海军演28日启动](http://x.com/a)\n2.  [2009年5月3日报道](http://x.com/b)\n3.  [外交部24日声明](http://x.com/c)",
      [
        "2010年11月23日=2010-11-23",
        "28日=2010-11-28<2010年11月23日",
        "2009年5月3日=2009-05-03",
        "24日=2010-11-24<2010年11月23日",
      ],
    ],
    [
      "a January after a December rolls the year over",
      "2010年12月20日开战。1月5日停火。",
      ["2010年12月20日=2010-12-20", "1月5日=2011-01-05<2010年12月20日"],
    ],
    [
      "negative: a December after a January does not roll back",
      "2010年1月5日停火，12月20日开战。",
      ["2010年1月5日=2010-01-05", "12月20日=2010-12-20<2010年1月5日"],
    ],
  ] as Array<[string, string, string[]]>)("%s", (_name, text, expected) => {
    expect(all(text)).toEqual(expected);
  });
});

describe("time:zh/anchor: the document's focus from its title, categories and headings", () => {
  it.each([
    [
      "the year most categories name dates bare dates before any year",
      '4月1日，两机相撞。\n\n[Category:2001年航空事故](https://zh.wikipedia.org/wiki/Category:2001年航空事故 "wikilink")\n[Category:2001年中国](https://zh.wikipedia.org/wiki/Category:2001年中国 "wikilink")\n[Category:1999年建立](https://zh.wikipedia.org/wiki/Category:1999年建立 "wikilink")',
      ["4月1日=2001-04-01"],
    ],
    [
      "a subsection continues from its section's dated heading, not from the lead's date",
      "事件发生在1895年4月17日。\n\n## 1894年\n\n### 黄海\n\n9月17日，海战。\n\n## 1895年\n\n2月12日，投降。",
      [
        "1895年4月17日=1895-04-17",
        "1894年=1894",
        "9月17日=1894-09-17<1894年",
        "1895年=1895",
        "2月12日=1895-02-12<1895年",
      ],
    ],
    [
      "a decade heading outside the focal year leaves bare months without a year",
      "事件发生在1895年4月17日。\n\n## 1950年代\n\n3月，纪念馆落成。",
      ["1895年4月17日=1895-04-17", "1950年代=195", "3月=XXXX-03"],
    ],
    [
      "negative: a decade heading holding the focal year keeps it",
      "事件发生在1895年4月17日。\n\n## 1890年代\n\n3月，议和。",
      ["1895年4月17日=1895-04-17", "1890年代=189", "3月=1895-03<1895年4月17日"],
    ],
  ] as Array<[string, string, string[]]>)("%s", (_name, text, expected) => {
    expect(all(text)).toEqual(expected);
  });
});

describe("time:zh/anchor: a year in the document's title", () => {
  const titled = (name: string, text: string): string[] => {
    const tx = tagTimes(normalize(ingest(text, { name })));
    return tx.map((t) => show(t, tx));
  };
  it("dates bare dates before any year", () => {
    expect(titled("1976年唐山大地震.md", "7月28日凌晨，地震发生。")).toEqual([
      "7月28日凌晨=1976-07-28TMO",
    ]);
    expect(titled("2001年南海撞机.md", "4月1日，两机相撞。")).toEqual(["4月1日=2001-04-01"]);
  });
  it("negative: a stated year wins over the title's, and a title without a year gives none", () => {
    expect(titled("1976年唐山大地震.md", "1977年，重建开始。7月28日，纪念。")).toEqual([
      "1977年=1977",
      "7月28日=1977-07-28<1977年",
    ]);
    expect(titled("唐山大地震.md", "7月28日凌晨，地震发生。")).toEqual([
      "7月28日凌晨=XXXX-07-28TMO",
    ]);
  });
});

describe("time:zh/asides: a dated title with a verb of making is on the line", () => {
  it.each([
    [
      "次年 counts from the year a treaty was signed",
      "1895年《马关条约》签订，次年两国换约。",
      ["1895年=1895", "次年=1896<1895年"],
    ],
    [
      "a law promulgated in a year moves the line",
      "1898年《定国是诏》颁布。9月21日，政变。",
      ["1898年=1898", "9月21日=1898-09-21<1898年"],
    ],
    [
      "negative: a document cited in an argument stays an aside",
      "2010年3月，舰沉。依1982年《联合国海洋法公约》第58条，5月20日公布报告。",
      ["2010年3月=2010-03", "1982年=1982", "5月20日=2010-05-20<2010年3月"],
    ],
  ] as Array<[string, string, string[]]>)("%s", (_name, text, expected) => {
    expect(all(text)).toEqual(expected);
  });
});

describe("time:zh/zones", () => {
  it.each([
    [
      "UTC is converted to the zone the lead writes",
      "北京时间2003年10月15日9时，飞船发射。\n\n## 过程\n\n协调世界时2003年10月15日20时，飞船入轨。",
      ["2003年10月15日9时=2003-10-15T09:00", "2003年10月15日20时=2003-10-16T04:00"],
    ],
    [
      "a zone after the time, and UTC+9",
      "北京时间2010年11月23日14时，炮击开始。\n\n## 过程\n\n2010年11月23日14:34（UTC+9），还击。",
      ["2010年11月23日14时=2010-11-23T14:00", "2010年11月23日14:34=2010-11-23T13:34"],
    ],
    [
      "a UTC gloss in brackets is the moment it glosses, on that time's local day",
      "北京时间1976年7月28日3时42分（协调世界时19时42分），地震发生。\n\n## 过程\n\n北京时间2010年11月23日14时（协调世界时6时），炮击开始。",
      [
        "1976年7月28日3时42分=1976-07-28T03:42",
        "19时42分=1976-07-28T03:42<1976年7月28日3时42分",
        "2010年11月23日14时=2010-11-23T14:00",
        "6时=2010-11-23T14:00<2010年11月23日14时",
      ],
    ],
    [
      "negative: without a zone in the lead, times stay as written",
      "2003年2月1日，解体。\n\n## 过程\n\nGMT 13:59:37失效。",
      ["2003年2月1日=2003-02-01", "13:59:37=2003-02-01T13:59:37<2003年2月1日"],
    ],
  ] as Array<[string, string, string[]]>)("%s", (_name, text, expected) => {
    expect(all(text)).toEqual(expected);
  });
});

describe("time:zh/anchor: month/days after a pre-1873 Japanese era year are lunisolar", () => {
  it.each([
    ["安政2年（1855年）9月16日生", "9月16日=1855-10-26<1855年"],
    ["文久元年，他赴江户。9月", "9月=1861-10<文久元年"],
    // negatives: Meiji 6 onwards is Gregorian; a Chinese era gloss keeps Gregorian month/days
    ["明治35年（1902年）2月7日", "2月7日=1902-02-07<1902年"],
    ["1908年（光绪三十四年）7月11日", "7月11日=1908-07-11<光绪三十四年"],
  ] as Array<[string, string]>)("%s", (text, expected) => {
    expect(all(text)).toContain(expected);
  });
});

describe("time:zh/titles", () => {
  it.each([
    // A written year and a count of years stay tagged; other calendar words are the name's.
    ["《晚清七十年》出版。", ["七十年=P70Y"]],
    ["《四天四夜》上映。", []],
    ["《2012年国防授权法》", ["2012年=2012"]],
    ["〈1984年〉一文", ["1984年=1984"]],
    ["〈輪船招商局經營管理問題，1872-1901〉", ["1872=1872", "1901=1901"]],
    ["据《南方周末》报道", []],
    ["《每日电讯报》", []],
    ["《三月的雪》", []],
    // A periodical's name holding a calendar word, also without 《》 (a link's text).
    ['记者在[南方周末](../Page/南方周末.md "wikilink")发表文章', []],
    ["[每日电讯报](../Page/每日电讯报.md)报道", []],
    ["[今日美国](https://x.org/a)报道", []],
    // In prose the name's characters are words of the sentence: 今日 is today, 每日 a set.
    ["2010年3月5日。今日俄罗斯仍然反对。", ["2010年3月5日=2010-03-05", "今日=PRESENT_REF"]],
    ["每日新闻发布会照常举行", ["每日=P1D"]],
    [
      "2010年3月5日，今日他到达，本周末返回",
      ["2010年3月5日=2010-03-05", "今日=PRESENT_REF", "本周末=2010-W09-WE<2010年3月5日"],
    ],
    // Not a four-figure number without 年, nor 百年 without a count (an idiom).
    ["《2001太空漫游》上映", []],
    ["《百年孤独》出版", []],
    ["《国际事务概览：1939-1946年》", ["1939=1939", "1946年=1946"]],
    ["《北京大学五十周年》", ["五十周年=P50Y"]],
    // The title's year does not move the line: 8月 stays in 1914.
    [
      "1914年6月，根据《1878年柏林条约》，8月宣战",
      ["1914年6月=1914-06", "1878年=1878", "8月=1914-08<1914年6月"],
    ],
    // negatives: dates around a title, and an unclosed bracket, are tagged
    ["他在1990年出版《晚清七十年》，两年后再版", ["1990年=1990", "七十年=P70Y", "两年=P2Y"]],
    ["《中美关系1990年", ["1990年=1990"]],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(all(text)).toEqual(expected);
  });
});

describe("time:zh/resolve-overlaps", () => {
  it("keeps the longest expression", () => {
    expect(all("光绪二十一年三月二十三日")).toEqual(["光绪二十一年三月二十三日=1895-04-17"]);
    expect(all("1969年7月20日20时17分")).toEqual(["1969年7月20日20时17分=1969-07-20T20:17"]);
  });
  it("breaks a tie by parser order (a 4-digit year is a date, not a duration)", () => {
    expect(all("1999年")).toEqual(["1999年=1999"]);
  });
});

describe("time:zh/drop-traps", () => {
  it.each([
    "《闰日协议》（Leap Day Agreement）",
    "辛未洋擾发生",
    "联合国安理会第1718号决议",
    "《5015行动计划》",
    "概念计划8022-02",
    "“火星-14”试验发射",
    "分别动员1.75万人与5万人",
    "一座360米高的山",
    "宁边反应堆8000根乏燃料棒",
    "第一届任期，两次访问，五枚导弹",
    "享年76岁，他12歲时",
    "冷战时期，当时，此时，此后，随后，之後，起初",
    "长期，一度，日益，同时，早日，很快",
    "[图](https://example.org/2018/06/12/a.jpg)",
  ])("tags nothing in %s", (text) => {
    expect(all(text)).toEqual([]);
  });
});

describe("time:zh/asides — parenthetical remarks and names after 的", () => {
  // Each case: the text, then the value the last bare date takes.
  it.each([
    // a parenthesis that says more than a date dates its remark, not the narrative
    ["1925年5月，工人罢工（直到1927年3月进驻会馆）。6月23日，学生游行。", "1925-06-23"],
    ["1950年6月，他抵达东京（1953年7月离开）。8月2日，会议召开。", "1950-08-02"],
    ["1884年8月，孤拔（Courbet，1827年6月26日－1885年6月11日）攻击。23日开战。", "1884-08-23"],
    ["1894年7月，丁汝昌（字禹廷，1836年－1895年）率舰出海。25日，海战爆发。", "1894-07-25"],
    // a year after 的 modifying a noun, earlier than the line, dates that noun
    [
      "1968年1月5日，改革开始。在2月22日举行的1948年革命纪念庆典上，众人出席。3月23日，会议召开。",
      "1968-03-23",
    ],
    ["1990年春，他参观了美国的1960年人口普查档案。5月2日，他回国。", "1990-05-02"],
    // negatives: a gloss or a bare date in parentheses still supplies the year
    ["明治35年（1902年）2月7日，条约签订。3月1日，生效。", "1902-03-01"],
    ["1908年，他上任（光绪三十四年）。7月11日，抵达。", "1908-07-11"],
    // negative: a later year after 的 still moves the line forward
    ["1945年，战争结束。他参加了战后的1948年奥运会。8月1日，比赛开始。", "1948-08-01"],
  ] as Array<[string, string]>)("%s", (text, value) => {
    const tx = tagText(text);
    expect(tx[tx.length - 1]?.value).toBe(value);
  });
});

describe("time:zh/anchor — a bare 点 hour continues the afternoon before it", () => {
  it.each([
    ["1995年6月29日。下午5时，天花板下陷。大约5点50分，传出断裂声", "5点50分=1995-06-29T17:50"],
    [
      "1884年8月23日。下午兩點八分，偷袭法舰。兩點二十五分，船政局被击",
      "兩點二十五分=1884-08-23T14:25",
    ],
    ["1952年10月6日，晚上6点发起进攻，7點15分開始交火", "7點15分=1952-10-06T19:15"],
    // negatives: a 24-hour 时 or colon, a half of day said, a time after a morning
    ["1894年7月25日。下午2时，开战。9时15分，撤退", "9时15分=1894-07-25T09:15"],
    ["2003年2月1日。13:59:37信号消失。09:00:18，再次", "09:00:18=2003-02-01T09:00:18"],
    ["1995年6月29日。下午5点，开会。凌晨2点，倒塌", "凌晨2点=1995-06-29T02:00"],
    ["1995年6月29日。上午10点，开会。11点半，散会", "11点半=1995-06-29T11:30"],
  ] as Array<[string, string]>)("%s", (text, expected) => {
    const tx = tagText(text);
    const last = tx[tx.length - 1]!;
    expect(`${last.text}=${last.value}`).toBe(expected);
  });
});

describe("time:zh/anchor — 当年 alone is “back then” a decade after the focal year", () => {
  it.each([
    [
      "1971年4月，美国乒乓球队访华。\n\n## 纪念\n\n2006年3月27日，包括当年到访球队的6人重聚",
      "当年=1971",
    ],
    ["1994年12月8日，克拉玛依发生大火。\n\n## 后续\n\n2007年，他公开了当年的一些回忆", "当年=1994"],
    ["1920年12月16日，海原发生地震。\n\n## 情形\n\n1976年的记录说，当年采用陇蜀时间", "当年=1920"],
    // negatives: within a decade; with a month, season or 底 it is the line's year
    ["1872年12月，招商局成立。\n\n## 发展\n\n1877年，当年收购旗昌轮船公司", "当年=1877"],
    ["1971年4月，乒乓外交。\n\n## 纪念\n\n2006年，当年9月举行纪念", "当年9月=2006-09"],
    ["1971年4月，乒乓外交。\n\n## 纪念\n\n2006年，当年底举行纪念", "当年底=2006@END"],
    ["1950年，公司成立。\n\n## 发展\n\n1965年，当年公司扩张到三百人", "当年=1965"],
  ] as Array<[string, string]>)("%s", (text, expected) => {
    const tx = tagText(text);
    const hit = tx.find((t) => t.text.startsWith("当年"))!;
    expect(`${hit.text}=${hit.value}${hit.mod !== null ? `@${hit.mod}` : ""}`).toBe(expected);
  });
});

describe("time:zh/anchor — a year reached by 到…才 or by 到 after a verb leaves the line", () => {
  it.each([
    [
      "1894年7月25日，操江被俘，并一直利用到1965年。\n\n7月28日夜，日军进攻",
      "7月28日夜=1894-07-28TNI",
    ],
    ["1968年8月，苏军入侵，直到1991年才最终撤退。10月28日实行联邦制", "10月28日=1968-10-28"],
    ["1882年7月，兵变。雲峴君被监禁，到1885年才释放回国。8月30日签约", "8月30日=1882-08-30"],
    // negatives: 到 opening a clause without 才, the second end of a range, a month
    ["1937年7月，战争爆发，到1938年，日军占领武汉。10月25日，武汉沦陷", "10月25日=1938-10-25"],
    ["从1937年到1945年，战争持续。8月15日，日本投降", "8月15日=1945-08-15"],
    ["1968年8月，入侵。一直持续到1969年4月。5月3日，会谈", "5月3日=1969-05-03"],
  ] as Array<[string, string]>)("%s", (text, expected) => {
    const tx = tagText(text);
    const last = tx[tx.length - 1]!;
    expect(`${last.text}=${last.value}`).toBe(expected);
  });
});
