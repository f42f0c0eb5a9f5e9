import { describe, expect, it } from "vitest";
import { DEFAULT_MIN_CONFIDENCE } from "./index.js";
import { checkPassage, type BlockSpec, type TimexSpec } from "./fixture.js";

function run(blocks: BlockSpec[], timexes: TimexSpec[]) {
  return checkPassage(blocks, timexes).filter((f) => f.kind === "duration-mismatch");
}

const signed = (second: string, secondValue: string, dur: string, durValue: string) =>
  [
    [
      "2012年2月23日，双方在北京会谈。2月29日，双方签订《闰日协议》。",
      `${second}，在《闰日协议》签署仅${dur}后，朝鲜宣布发射卫星。`,
    ],
    [
      { text: "2012年2月23日", value: "2012-02-23" },
      { text: "2月29日", value: "2012-02-29", anchor: "2012年2月23日" },
      { text: second, value: secondValue },
      { text: dur, value: durValue, type: "DURATION" as const },
    ],
  ] as const;

describe("check:duration-mismatch", () => {
  it("check:duration-mismatch reports 两周 for 16 days with low confidence", () => {
    const [blocks, timexes] = signed("2012年3月16日", "2012-03-16", "两周", "P2W");
    const found = run([...blocks], [...timexes]);
    expect(found.map((f) => f.text)).toEqual(["两周"]);
    expect(found[0]?.message).toContain("16 days");
    expect(found[0]?.confidence).toBeLessThan(DEFAULT_MIN_CONFIDENCE);
    expect(found[0]?.evidence.map((e) => e.text)).toEqual(["2月29日", "2012年3月16日"]);
  });

  it("check:duration-mismatch reports a gross mismatch with high confidence", () => {
    const [blocks, timexes] = signed("2012年6月16日", "2012-06-16", "两周", "P2W");
    const found = run([...blocks], [...timexes]);
    expect(found).toHaveLength(1);
    expect(found[0]?.confidence).toBeGreaterThanOrEqual(DEFAULT_MIN_CONFIDENCE);
  });

  it("check:duration-mismatch does not flag an exact duration", () => {
    const [blocks, timexes] = signed("2012年3月14日", "2012-03-14", "两周", "P2W");
    expect(run([...blocks], [...timexes])).toEqual([]);
  });

  it("check:duration-mismatch flags a relative date that disagrees with its gloss", () => {
    const found = run(
      ["2008年2月25日，佩里到首尔出席仪式，又出席一天后（即2008年2月27日）在平壤举行的音乐会。"],
      [
        { text: "2008年2月25日", value: "2008-02-25" },
        { text: "一天后", value: "2008-02-26", anchor: "2008年2月25日" },
        { text: "2008年2月27日", value: "2008-02-27" },
      ],
    );
    expect(found.map((f) => [f.text, f.suggestion])).toEqual([["一天后", "2008-02-27"]]);
  });

  it("check:duration-mismatch does not flag a relative date that agrees with its gloss", () => {
    const found = run(
      ["2008年2月25日，佩里到首尔出席仪式，又出席一天后（即2008年2月26日）在平壤举行的音乐会。"],
      [
        { text: "2008年2月25日", value: "2008-02-25" },
        { text: "一天后", value: "2008-02-26", anchor: "2008年2月25日" },
        { text: "2008年2月26日", value: "2008-02-26" },
      ],
    );
    expect(found).toEqual([]);
  });
});
