import { describe, expect, it } from "vitest";
import { reportable } from "./index.js";
import { checkPassage, type BlockSpec, type TimexSpec } from "./fixture.js";

function run(blocks: BlockSpec[], timexes: TimexSpec[]) {
  return checkPassage(blocks, timexes);
}

const SLIP_PARAGRAPH =
  "2009年，奥巴马出任美国总统。2009年1月21日，奥巴马在就职演说中表示愿与朝鲜接触。" +
  "但2008年4月5日朝鲜发射了导弹。4月13日，安理会发表主席声明谴责朝鲜。" +
  "5月25日，朝鲜进行第二次地下核试验。奥巴马政府在2009年内一再尝试同朝鲜接触，" +
  "并派特使于12月8日至10日访朝。";
const SLIP_TIMEXES: TimexSpec[] = [
  { text: "2009年", value: "2009" },
  { text: "2009年1月21日", value: "2009-01-21" },
  { text: "2008年4月5日", value: "2008-04-05" },
  { text: "4月13日", value: "2008-04-13", anchor: "2008年4月5日" },
  { text: "5月25日", value: "2008-05-25", anchor: "2008年4月5日" },
  { text: "2009年", value: "2009" },
  { text: "12月8日", value: "2009-12-08", anchor: "2009年" },
  { text: "10日", value: "2009-12-10", anchor: "12月8日" },
];

describe("check:year-out-of-sequence and check:inherited-slip", () => {
  it("check:year-out-of-sequence flags a year slip among agreeing neighbours", () => {
    const found = reportable(run([SLIP_PARAGRAPH], SLIP_TIMEXES));
    const slip = found.filter((f) => f.kind === "year-out-of-sequence");
    expect(slip).toHaveLength(1);
    expect(slip[0]?.text).toBe("2008年4月5日");
    expect(slip[0]?.suggestion).toBe("2009-04-05");
    expect(slip[0]?.evidence.map((e) => e.text)).toEqual(["2009年1月21日", "2009年"]);
    const inherited = found.filter((f) => f.kind === "inherited-slip");
    expect(inherited.map((f) => [f.text, f.suggestion])).toEqual([
      ["4月13日", "2009-04-13"],
      ["5月25日", "2009-05-25"],
    ]);
    expect(found).toHaveLength(3);
  });

  const clean: Array<[string, BlockSpec[], TimexSpec[]]> = [
    [
      "a flashback introduced by 早在",
      ["2009年，奥巴马出任总统。早在2003年，朝鲜已表示拥有核武器。2009年5月，朝鲜进行核试验。"],
      [
        { text: "2009年", value: "2009" },
        { text: "2003年", value: "2003", aside: "flashback" },
        { text: "2009年5月", value: "2009-05" },
      ],
    ],
    [
      "a biography's life span in parentheses",
      ["1901年，张三（1855年－1911年）出任公使。1902年，张三签订条约。"],
      [
        { text: "1901年", value: "1901" },
        { text: "1855年", value: "1855", aside: "paren", rangeHead: true },
        { text: "1911年", value: "1911", aside: "paren" },
        { text: "1902年", value: "1902" },
      ],
    ],
    [
      "a table of dates in any order",
      [
        { kind: "table-cell", text: "2010年3月1日" },
        { kind: "table-cell", text: "2008年5月1日" },
        { kind: "table-cell", text: "2010年6月1日" },
      ],
      [
        { text: "2010年3月1日", value: "2010-03-01" },
        { text: "2008年5月1日", value: "2008-05-01" },
        { text: "2010年6月1日", value: "2010-06-01" },
      ],
    ],
    [
      "a coordinated list of dates",
      ["2010年，乐队先后在2012年、2008年和2011年发行专辑，2010年解散。"],
      [
        { text: "2010年", value: "2010" },
        { text: "2012年", value: "2012" },
        { text: "2008年", value: "2008" },
        { text: "2011年", value: "2011" },
        { text: "2010年", value: "2010" },
      ],
    ],
    [
      "a passage that legitimately moves forward by years",
      ["1990年，公司成立。1995年，公司上市。2003年，公司被收购。2010年，公司更名。"],
      [
        { text: "1990年", value: "1990" },
        { text: "1995年", value: "1995" },
        { text: "2003年", value: "2003" },
        { text: "2010年", value: "2010" },
      ],
    ],
    [
      "a 以来 clause and a future plan",
      [
        "2011年10月21日，双方达成协议，将于2012年3月重启工作，这是2005年以来的首次合作。2011年10月24日，双方会谈。",
      ],
      [
        { text: "2011年10月21日", value: "2011-10-21" },
        { text: "2012年3月", value: "2012-03", aside: "future" },
        { text: "2005年", value: "2005", aside: "since" },
        { text: "2011年10月24日", value: "2011-10-24" },
      ],
    ],
    [
      "a date in a quotation",
      ["2017年，佩里说：“2000年那次访问是黄金机会。”2017年9月，朝鲜进行核试验。"],
      [
        { text: "2017年", value: "2017" },
        { text: "2000年", value: "2000", aside: "quote" },
        { text: "2017年9月", value: "2017-09" },
      ],
    ],
    [
      "years that modify a name (申办1990年亚运会)",
      [
        "中国在1983年提出申办1990年亚运会的申请。于1984年召开的大会中，北京获得1990年亚运会举办权，把1994年亚运会授予广岛。",
      ],
      [
        { text: "1983年", value: "1983" },
        { text: "1990年", value: "1990", aside: "name" },
        { text: "1984年", value: "1984" },
        { text: "1990年", value: "1990", aside: "name" },
        { text: "1994年", value: "1994", aside: "name" },
      ],
    ],
    [
      "a past-perfect aside (已于1997年卸任)",
      ["1999年，已于1997年卸任的佩里作为特使出访朝鲜。1999年10月12日，美国发布报告。"],
      [
        { text: "1999年", value: "1999" },
        { text: "1997年", value: "1997", aside: "flashback" },
        { text: "1999年10月12日", value: "1999-10-12" },
      ],
    ],
    [
      "the head of a range (从2001年至2006年底)",
      ["2002年1月，小布什发表国情咨文。从2001年至2006年底，强硬派主导政策。2003年，美国发动战争。"],
      [
        { text: "2002年1月", value: "2002-01" },
        { text: "2001年", value: "2001", rangeHead: true },
        { text: "2006年底", value: "2006" },
        { text: "2003年", value: "2003" },
      ],
    ],
    [
      "a chronological list in any order (one date per item)",
      [
        { kind: "list-item", text: "2009年：发行首张专辑。" },
        { kind: "list-item", text: "2008年：组建乐队。" },
        { kind: "list-item", text: "2009年：举行首次巡演。" },
      ],
      [
        { text: "2009年", value: "2009" },
        { text: "2008年", value: "2008" },
        { text: "2009年", value: "2009" },
      ],
    ],
    [
      "an uncued jump back to the event the narrative starts from (1945年二战结束后)",
      ["1950年，甲国与乙国建交。1945年二战结束后，两国曾分属不同阵营。1950年10月，两国签订条约。"],
      [
        { text: "1950年", value: "1950" },
        { text: "1945年", value: "1945" },
        { text: "1950年10月", value: "1950-10" },
      ],
    ],
    [
      "neighbours in different sections",
      [
        "## 甲",
        "2009年，甲事件发生。",
        "## 乙",
        "2008年，乙事件发生。",
        "## 丙",
        "2009年，丙事件发生。",
      ],
      [
        { text: "2009年", value: "2009" },
        { text: "2008年", value: "2008" },
        { text: "2009年", value: "2009" },
      ],
    ],
  ];
  it.each(clean)("check:year-out-of-sequence does not flag %s", (_name, blocks, timexes) => {
    expect(reportable(run(blocks, timexes))).toEqual([]);
  });

  it("check:year-out-of-sequence trusts Timex.aside: the same quoted year unmarked is flagged", () => {
    const found = reportable(
      run(
        ["2017年，佩里说：“2000年那次访问是黄金机会。”2017年9月，朝鲜进行核试验。"],
        [
          { text: "2017年", value: "2017" },
          { text: "2000年", value: "2000" },
          { text: "2017年9月", value: "2017-09" },
        ],
      ),
    );
    expect(found.map((f) => [f.kind, f.text])).toEqual([["year-out-of-sequence", "2000年"]]);
  });

  it("check:year-out-of-sequence flags a slip inside one list item", () => {
    const found = reportable(
      run(
        [
          { kind: "list-item", text: SLIP_PARAGRAPH },
          { kind: "list-item", text: "2001年，另一项。" },
        ],
        SLIP_TIMEXES.concat([{ text: "2001年", value: "2001" }]),
      ),
    );
    expect(found.filter((f) => f.kind === "year-out-of-sequence").map((f) => f.text)).toEqual([
      "2008年4月5日",
    ]);
  });

  it("check:year-out-of-sequence does not flag a slip whose neighbours disagree", () => {
    const found = run(
      ["2009年，甲。2010年，乙。2008年，丙。2007年，丁。"],
      [
        { text: "2009年", value: "2009" },
        { text: "2010年", value: "2010" },
        { text: "2008年", value: "2008" },
        { text: "2007年", value: "2007" },
      ],
    );
    expect(reportable(found)).toEqual([]);
  });

  it("check:year-out-of-sequence keeps two neighbours that contradict each other below the threshold", () => {
    // 1906 and 1905 each break the order only against the other (wu-tingfang; also
    // beijing-zhangjiakou-railway, xu-jingcheng): one finding is wrong, and nothing says which.
    const found = run(
      ["1902年，甲。1906年，乙。1905年，丙。1907年，丁。"],
      [
        { text: "1902年", value: "1902" },
        { text: "1906年", value: "1906" },
        { text: "1905年", value: "1905" },
        { text: "1907年", value: "1907" },
      ],
    );
    expect(found.map((f) => [f.kind, f.text])).toEqual([
      ["year-out-of-sequence", "1906年"],
      ["year-out-of-sequence", "1905年"],
    ]);
    expect(reportable(found)).toEqual([]);
  });

  it("check:year-out-of-sequence keeps a cross-paragraph outlier below the threshold", () => {
    const found = run(
      ["2009年，甲事件发生。", "2008年，乙事件发生。", "2009年，丙事件发生。"],
      [
        { text: "2009年", value: "2009" },
        { text: "2008年", value: "2008" },
        { text: "2009年", value: "2009" },
      ],
    );
    expect(found.map((f) => f.kind)).toEqual(["year-out-of-sequence"]);
    expect(reportable(found)).toEqual([]);
  });
  it("check:year-out-of-sequence doubts a date that opens a span its own sentence closes", () => {
    const timexes: TimexSpec[] = [
      { text: "1906年9月30日", value: "1906-09-30" },
      { text: "1905年", value: "1905" },
      { text: "1906年", value: "1906" },
    ];
    const confidence = (text: string) =>
      run([text], timexes).find((f) => f.kind === "year-out-of-sequence")?.confidence ?? 0;
    // 西直门站 opened in 1905 and finished in 1906 is told in one breath after the line's 1906.
    const span = confidence("1906年9月30日，该段通车。期间西直门站于1905年开建，并于1906年建成。");
    const apart = confidence("1906年9月30日，该段通车。期间西直门站于1905年开建。1906年建成。");
    expect(apart).toBeGreaterThan(0.5);
    expect(span).toBeCloseTo(apart - 0.2, 5);
  });
});
