import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

const REF = "2018-06-30T12:00"; // a Saturday, ISO week 2018-W26 (Mon 25 June – Sun 1 July)

describe("time:zh/relative-week", () => {
  it.each([
    ["上周一他来了", ["上周一=2018-06-18"], REF],
    ["下下周日", ["下下周日=2018-07-15"], REF],
    ["这周末去玩", ["这周末=2018-W26-WE"], REF],
    ["本周三开会", ["本周三=2018-06-27"], REF],
    ["上个星期五", ["上个星期五=2018-06-22"], REF],
    ["下周再说", ["下周=2018-W27"], REF],
    ["周末见", ["周末=2018-W26-WE"], REF],
    // without a reference date: the week of the narrative's day
    ["2018年3月1日，上周一他来了", ["上周一=2018-02-19<2018年3月1日"], undefined],
    // negatives: a set, an anniversary, a period, a duration
    ["每周一开会", [], REF],
    ["上周年纪念", [], REF],
    ["本周期内", [], REF],
    ["一周之内", [], REF],
    // without a reference date or a narrative day: the weekday kept, its week open (TimeML)
    ["上周一", ["上周一=XXXX-WXX-1"], undefined],
    ["下周三再谈", ["下周三=XXXX-WXX-3"], undefined],
    ["这周末去玩", ["这周末=XXXX-WXX-WE"], undefined],
    ["下周再说", [], undefined],
  ] as Array<[string, string[], string | undefined]>)("%s", (text, expected, ref) => {
    expect(hits(text, "relative-week", true, ref)).toEqual(expected);
  });
});
