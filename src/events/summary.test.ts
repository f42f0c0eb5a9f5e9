import { describe, expect, it } from "vitest";
import { loadGazetteer, segmenter, tagged } from "../entities/index.js";
import { toAnalysisText } from "../normalize/index.js";
import { SUMMARY_LENGTH, summarize } from "./summary.js";
import { eventsOf } from "./testing.js";

/** The summary of `text` (either script), with jieba's words of its Simplified form. */
function summaryOf(
  text: string,
  subject: string | null = null,
  links: Array<[number, number]> = [],
  topic: string | null = null,
): string {
  const analysis = toAnalysisText(text);
  const tokens = tagged(segmenter(loadGazetteer()), analysis);
  // Dates of the test sentences (the pipeline passes its timexes).
  const times = [...analysis.matchAll(/\d+年(?:\d+月)?(?:\d+日)?|\d+月\d+日(?:和\d+日)?/gu)].map(
    (m): [number, number] => [m.index, m.index + m[0].length],
  );
  return summarize({ text, analysis, tokens, subject, links, times, topic });
}

describe("events:summary", () => {
  it.each<[string, string | null, string]>([
    // a subject restored before a predicate, connectives dropped (简 and 繁)
    ["并表示将继续与美国谈判", "朝鲜", "朝鲜表示将继续与美国谈判"],
    ["並表示將繼續與美國談判", "朝鮮", "朝鮮表示將繼續與美國談判"],
    ["随后于1899年考入上海英华书院", "顾维钧", "顾维钧于1899年考入上海英华书院"],
    ["隨後於1899年考入上海英華書院", "顧維鈞", "顧維鈞於1899年考入上海英華書院"],
    ["击退洋人", "清军", "清军击退洋人"],
    ["但拒絕了這項要求", "日本", "日本拒絕了這項要求"],
    ["同时宣布对朝鲜实施制裁", "美国", "美国宣布对朝鲜实施制裁"],
    ["而后在北京签订条约", "清朝", "清朝在北京签订条约"],
    // after a leading date, and before a connective glued to a preposition (并于)
    ["2016年3月21日停止运行", "中国", "中国2016年3月21日停止运行"],
    ["1866年時又增設天文及算學等課程", "奕訢", "奕訢1866年時又增設天文及算學等課程"],
    [
      "并于11月3日和14日两次与天宫一号对接",
      "神舟八号",
      "神舟八号于11月3日和14日两次与天宫一号对接",
    ],
    ["而在會上拒絕簽字", "顧維鈞", "顧維鈞在會上拒絕簽字"],
    // a named event or a noun phrase needs no subject
    ["限制海军军备条约", "美国", "限制海军军备条约"],
    ["1921年12月13日，两个委员会分别进行讨论", "美国", "1921年12月13日，两个委员会分别进行讨论"],
    // a subject pronoun gives way to the name; 其 only before a verb
    ["他隨即宣佈辭職", "袁世凱", "袁世凱隨即宣佈辭職"],
    ["她随后出访日本", "撒切尔夫人", "撒切尔夫人随后出访日本"],
    ["其率领清军攻打天津", "曾国藩", "曾国藩率领清军攻打天津"],
    ["其隨即宣佈辭職", "袁世凱", "袁世凱隨即宣佈辭職"],
    ["其主要目的是培养翻译人员", "奕䜣", "其主要目的是培养翻译人员"],
    // a clause that names its subject keeps it
    ["英法联军攻打天津", "英国", "英法联军攻打天津"],
    ["苏联军队越过边界", "苏联", "苏联军队越过边界"],
    ["据报道，朝鲜试射了一枚导弹", "美国", "据报道，朝鲜试射了一枚导弹"],
    ["包括山西、陕西等九个省亦受到影响", "中国", "包括山西、陕西等九个省亦受到影响"],
    // empty brackets left by converter markup; a parenthesis around the whole mention
    ["一座小鹰营（）被改名为柏尼法斯营", null, "一座小鹰营被改名为柏尼法斯营"],
    [
      "（日方在作战报告中表示北洋水师可能全军覆没）",
      null,
      "日方在作战报告中表示北洋水师可能全军覆没",
    ],
    // 与 and 和 open a phrase (与…合并), not a dangling clause
    ["並與輔仁文社合併", null, "與輔仁文社合併"],
    ["并与日本签订条约", "清朝", "清朝与日本签订条约"],
    // no subject known: the clause is only cleaned
    ["并表示将继续谈判", null, "表示将继续谈判"],
    // footnote markers, a quote mark left over from the sentence
    ["朝鲜宣布退出条约[1]", null, "朝鲜宣布退出条约"],
    ["而数处火起”", null, "数处火起"],
  ])("%s (%s) → %s", (text, subject, expected) => {
    expect(summaryOf(text, subject)).toBe(expected);
  });

  it("drops a parenthesized aside before cutting a long clause", () => {
    const text = "咸丰九年（1859年），英法联军攻打天津大沽炮台，僧格林沁率领清军击退英法联军的舰队";
    const out = summaryOf(text);
    expect(out).toBe("咸丰九年，英法联军攻打天津大沽炮台，僧格林沁率领清军击退英法联军的舰队");
    expect(out.length).toBeLessThanOrEqual(SUMMARY_LENGTH);
  });

  it.each([
    ["是指1969年3月中苏两国在珍宝岛发生的武装冲突", "珍宝岛事件"],
    ["是發生於1556年1月23日的大地震", "嘉靖大地震"],
    ["是清朝末年的一个革命团体", "兴中会"],
  ])("gives a definition the article's topic as subject: %s", (text, topic) => {
    expect(summaryOf(text, "苏联", [], topic)).toBe(`${topic}${text}`);
  });

  it("drops a leading date closed by ， when the summary is too long", () => {
    const text =
      "1894年7月25日，日本联合舰队第一游击队的三艘巡洋舰在丰岛海域突然袭击北洋水师的两艘巡洋舰";
    const out = summaryOf(text);
    expect(out.startsWith("日本联合舰队第一游击队")).toBe(true);
    expect(out.length).toBeLessThanOrEqual(SUMMARY_LENGTH + 1);
  });

  it("drops an aside left open by the mention", () => {
    expect(summaryOf("京师同文馆成立于1862年（光绪年间停办")).toBe("京师同文馆成立于1862年");
  });

  it.each([
    "中華民國政府在華盛頓會議上提出十項原則，要求各國尊重中國的領土完整與行政獨立，並撤退駐華軍隊",
    "中华民国政府在华盛顿会议上提出十项原则，要求各国尊重中国的领土完整与行政独立，并撤退驻华军队",
  ])("cuts a long clause at a clause break, with …: %s", (text) => {
    const out = summaryOf(text);
    expect(out.endsWith("…")).toBe(true);
    expect(out.length).toBeLessThanOrEqual(SUMMARY_LENGTH + 1);
    expect(text.startsWith(out.slice(0, -1))).toBe(true);
    expect(out).toMatch(/独立…$|獨立…$/u);
  });

  it("cuts at a word boundary when there is no clause break", () => {
    const text =
      "美国总统尼克松访问中华人民共和国并与毛泽东主席和周恩来总理在北京中南海举行了具有历史意义的会谈";
    const out = summaryOf(text);
    expect(out.length).toBeLessThanOrEqual(SUMMARY_LENGTH + 1);
    const analysis = toAnalysisText(text);
    const starts = new Set(tagged(segmenter(loadGazetteer()), analysis).map((t) => t.start));
    expect(starts.has(out.length - 1)).toBe(true);
  });

  it.each([
    [
      "美国国务卿在记者会上表示：“我们将继续对朝鲜施加最大压力直到它放弃全部核武器”，并呼吁各国合作",
      "”…",
    ],
    [
      "美國國務卿在記者會上表示：「我們將繼續對朝鮮施加最大壓力直到它放棄全部核武器」，並呼籲各國合作",
      "」…",
    ],
    [
      "清政府与英国签订了《中英南京条约及其附约虎门条约之善后事宜章程》，割让香港岛并开放五口通商",
      "》…",
    ],
  ])("never cuts inside a quote or a title: %s", (text, ending) => {
    const out = summaryOf(text);
    expect(out.endsWith(ending)).toBe(true);
  });

  it("keeps a quote whole when it closes soon after the limit", () => {
    const text =
      "他说：“我们将继续对朝鲜施加最大压力，直到它放弃全部核武器和弹道导弹计划，并接受全面核查为止”";
    expect(summaryOf(text, "特朗普")).toBe(`特朗普${text.slice(1)}`);
  });

  it("cuts before a long quote that opens early rather than inside it", () => {
    const text =
      "他說：「我們將繼續對朝鮮施加最大壓力，直到它放棄全部核武器和彈道導彈計劃，並接受國際原子能機構的全面核查，否則制裁不會解除」";
    expect(summaryOf(text, "特朗普")).toBe("特朗普說…");
  });

  it("never cuts inside a link", () => {
    const text =
      "1858年清朝政府在天津与俄国美国英国法国四国代表分别签订了第二次鸦片战争后的天津条约";
    const start = text.indexOf("第二次鸦片战争");
    const link: [number, number] = [start, start + "第二次鸦片战争后的天津条约".length];
    const out = summaryOf(text, null, [link]);
    expect(out).toBe("1858年清朝政府在天津与俄国美国英国法国四国代表分别签订了…");
  });
});

describe("events:summary (a restored subject)", () => {
  // Measured on the dev split (bench/summary-subjects.js): a state or organization carried over
  // from an earlier sentence was the gold's source in under half the summaries.
  it("does not put a state named only in an earlier sentence before a clause", () => {
    const events = eventsOf(
      "## 历史\n\n1950年，美国政府宣布对朝鲜实施制裁。11月3日，在平壤举行会谈。\n",
    );
    const talks = events.find((e) => e.mentions[0]?.text.includes("会谈"));
    expect(talks?.actors.source.length ?? 0).toBeGreaterThan(0);
    expect(talks?.summary).toBe("11月3日，在平壤举行会谈");
  });

  it("still puts a state named earlier in the same sentence before a clause", () => {
    const events = eventsOf(
      "## 历史\n\n1950年11月3日，美国宣布对朝鲜实施制裁，并表示将继续施压。\n",
    );
    expect(events.map((e) => e.summary)).toContain("美国表示将继续施压");
  });
});
