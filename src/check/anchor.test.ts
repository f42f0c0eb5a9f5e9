import { describe, expect, it } from "vitest";
import { reportable } from "./index.js";
import { checkPassage, type BlockSpec, type TimexSpec } from "./fixture.js";

function run(blocks: BlockSpec[], timexes: TimexSpec[]) {
  return reportable(checkPassage(blocks, timexes));
}

describe("check:doubtful-anchor", () => {
  it("check:doubtful-anchor flags a bare date whose passage names an incident dated elsewhere", () => {
    const found = run(
      [
        "早在1866年，两国就有接触，发生了舍门将军号事件。1853年1月一艘美国船只驶入东莱府。" +
          "8月22日到达平壤府，地方官命其退去。但舍门将军号继续溯江而上，船员上岸侦察。",
      ],
      [
        { text: "1866年", value: "1866" },
        { text: "1853年1月", value: "1853-01" },
        { text: "8月22日", value: "1853-08-22", anchor: "1853年1月" },
      ],
    );
    expect(found.map((f) => [f.kind, f.text, f.suggestion])).toEqual([
      ["doubtful-anchor", "8月22日", "1866-08-22"],
    ]);
    expect(found[0]?.evidence.map((e) => e.text)).toEqual(["1853年1月", "1866年"]);
    expect(found[0]?.message).toContain("舍门将军号");
  });

  const clean: Array<[string, BlockSpec[], TimexSpec[]]> = [
    [
      "a name that is also told between the anchor and the date",
      [
        "2011年3月15日，朝鲜表示愿重返会谈。2011年7月22日，韩国代表李桑南与朝鲜代表李勇浩会面。" +
          "7月24日，三国联合发表声明，欢迎李桑南与李勇浩的会面。",
        "2015年1月19日，学者与朝鲜代表李勇浩在新加坡会谈。",
      ],
      [
        { text: "2011年3月15日", value: "2011-03-15" },
        { text: "2011年7月22日", value: "2011-07-22" },
        { text: "7月24日", value: "2011-07-24", anchor: "2011年7月22日" },
        { text: "2015年1月19日", value: "2015-01-19" },
      ],
    ],
    [
      "a passage that goes on with an earlier, in-order year's story",
      [
        "1905年，中国驻美国公使梁诚与美方商讨赔款。1908年5月，美国国会通过退款案。" +
          "7月11日，美国政府照会清廷，中国驻美国公使随即转告外务部。",
      ],
      [
        { text: "1905年", value: "1905" },
        { text: "1908年5月", value: "1908-05" },
        { text: "7月11日", value: "1908-07-11", anchor: "1908年5月" },
      ],
    ],
    [
      "a name dated elsewhere only in another section",
      [
        "## 甲",
        "1998年，普韦布洛号被改作博物馆，据说停在舍门将军号事件发生地。",
        "## 乙",
        "1853年1月一艘船只驶入东莱府。8月22日到达平壤府，但舍门将军号继续溯江而上。",
      ],
      [
        { text: "1998年", value: "1998" },
        { text: "1853年1月", value: "1853-01" },
        { text: "8月22日", value: "1853-08-22", anchor: "1853年1月" },
      ],
    ],
    [
      "a bare date whose passage shares only a frequent phrase with another year",
      ["2010年1月，朝鲜发表声明。2月，韩国发表声明。3月26日，美国发表声明。2012年，日本发表声明。"],
      [
        { text: "2010年1月", value: "2010-01" },
        { text: "2月", value: "2010-02", anchor: "2010年1月" },
        { text: "3月26日", value: "2010-03-26", anchor: "2010年1月" },
        { text: "2012年", value: "2012" },
      ],
    ],
  ];
  it.each(clean)("check:doubtful-anchor does not flag %s", (_name, blocks, timexes) => {
    expect(run(blocks, timexes)).toEqual([]);
  });
});
