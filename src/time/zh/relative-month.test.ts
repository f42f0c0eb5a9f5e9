import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/relative-month", () => {
  it.each([
    ["2010年8月25日。同月28日", ["同月28日=2010-08-28"]],
    ["2010年12月5日。次月", ["次月=2011-01"]],
    ["2010年8月25日。当月底", ["当月底=2010-08@END"]],
    ["每月", []],
    ["2018年12月8日发射。实现国际首次月球背面软着陆", []],
    ["2013年12月2日。当月球车驶离着陆器时", []],
    ["本月", []],
    // A 球 that starts another word (球队, 球迷) is not the moon.
    ["2010年5月3日，比赛开始。次月球队解散。", ["次月=2010-06"]],
    ["2010年5月3日，比赛开始。同月球迷抗议。", ["同月=2010-05"]],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "relative-month", false)).toEqual(expected);
  });
});

describe("time:zh/relative-month, months counted from the writer's now", () => {
  it.each([
    ["上个月我去了北京", "2013-02-12", ["上个月=2013-01"]],
    ["下个月3号开会", "2013-02-12", ["下个月3号=2013-03-03"]],
    ["本月十日", "2017-03-22", ["本月十日=2017-03-10"]],
    ["这个月底", "2017-12-22", ["这个月底=2017-12@END"]],
    // Without a reference date: counted from the narrative's month, as 去年/明年.
    ["2010年8月。他说下个月再来", undefined, ["下个月=2010-09"]],
    // 上月/下月 without 个 are not counted (登上月球); 每月 is a set.
    ["首次登上月球", "2013-02-12", []],
    ["每月一次", "2013-02-12", []],
  ] as Array<[string, string | undefined, string[]]>)("%s @%s", (text, reference, expected) => {
    expect(hits(text, "relative-month", false, reference)).toEqual(expected);
  });
});
