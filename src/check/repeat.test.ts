import { describe, expect, it } from "vitest";
import { reportable } from "./index.js";
import { checkPassage, type BlockSpec, type TimexSpec } from "./fixture.js";

function run(blocks: BlockSpec[], timexes: TimexSpec[]) {
  return reportable(checkPassage(blocks, timexes));
}

const LAUNCH =
  "1998年8月，朝鲜发射了光明星一号人造地球卫星，美方则认为其发射的是大浦洞远程弹道导弹。";

describe("check:repeated-passage", () => {
  it("check:repeated-passage flags a passage told twice with the same dates", () => {
    const found = run(
      [
        `${LAUNCH}朝鲜的行为激怒了美国，双方关系又生变数。`,
        "1999年，佩里作为总统特使访问朝鲜，斡旋朝核危机。",
        "1994年5月30日，安理会提出对朝鲜进行核项目调查。",
        `${LAUNCH.replace("发射了", "发射")}朝鲜的行为激怒了美国。`,
        "1999年，已于1997年卸任的佩里作为总统特使出访朝鲜。",
      ],
      [
        { text: "1998年8月", value: "1998-08" },
        { text: "1999年", value: "1999" },
        { text: "1994年5月30日", value: "1994-05-30" },
        { text: "1998年8月", value: "1998-08" },
        { text: "1999年", value: "1999" },
        { text: "1997年", value: "1997" },
      ],
    );
    expect(found.map((f) => f.kind)).toEqual(["repeated-passage", "repeated-passage"]);
    expect(found[0]?.text.startsWith("1998年8月，朝鲜发射人造")).toBe(false);
    expect(found[0]?.text).toContain("朝鲜的行为激怒了美国。");
    expect(found[0]?.evidence[0]?.text).toContain("朝鲜发射了光明星一号");
    expect(found[1]?.text).toContain("1999年，已于1997年卸任");
  });

  const clean: Array<[string, BlockSpec[], TimexSpec[]]> = [
    [
      "the same wording with different dates (annual events)",
      [
        "2016年3月7日，美韩举行年度联合军事演习，规模为历届之最。",
        "2017年3月1日，美韩举行年度联合军事演习，规模为历届之最。",
      ],
      [
        { text: "2016年3月7日", value: "2016-03-07" },
        { text: "2017年3月1日", value: "2017-03-01" },
      ],
    ],
    [
      "a lead that summarizes the body in the same words",
      [
        "唐山大地震于1976年7月28日发生在河北省唐山市，造成二十四万余人死亡。",
        "## 经过",
        "1976年7月28日，唐山大地震发生在河北省唐山市，造成二十四万余人死亡。",
      ],
      [
        { text: "1976年7月28日", value: "1976-07-28" },
        { text: "1976年7月28日", value: "1976-07-28" },
      ],
    ],
    [
      "repeated table cells",
      [
        { kind: "table-cell", text: "2019年5月2日，首尔奥林匹克公园演出，门票售罄。" },
        { kind: "table-cell", text: "2019年5月2日，首尔奥林匹克公园演出，门票售罄。" },
      ],
      [
        { text: "2019年5月2日", value: "2019-05-02" },
        { text: "2019年5月2日", value: "2019-05-02" },
      ],
    ],
    [
      "a quoted document's signature block quoted twice",
      [
        "> 本约以日文俄文各缮两份，于明治三十八年九月五日在朴茨茅斯签字盖印为据。",
        "> 本约以日文俄文各缮两份，于明治三十八年九月五日在朴茨茅斯签字盖印为据。",
      ],
      [
        { text: "明治三十八年九月五日", value: "1905-09-05" },
        { text: "明治三十八年九月五日", value: "1905-09-05" },
      ],
    ],
    [
      "two sentences on the same date with different content",
      [
        "2009年5月25日，朝鲜进行第二次地下核试验，随后宣称其为拥核国。",
        "2009年5月25日，韩国宣布全面加入防扩散安全倡议。",
      ],
      [
        { text: "2009年5月25日", value: "2009-05-25" },
        { text: "2009年5月25日", value: "2009-05-25" },
      ],
    ],
  ];
  it.each(clean)("check:repeated-passage does not flag %s", (_name, blocks, timexes) => {
    expect(run(blocks, timexes)).toEqual([]);
  });
});
