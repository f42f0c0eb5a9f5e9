import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/era-start", () => {
  it.each([
    ["民國初期的政治及外交人物", ["民國初期=191@START"]],
    ["總括而言，民國初年軍閥混戰", ["民國初年=191@START"]],
    // An era starting late in its decade: its first year, not the decade (mostly before it).
    ["光绪初年，他到上海", ["光绪初年=1875@START"]],
    ["明治初期的改革", ["明治初期=1868@START"]],
    ["宣统初年，他到上海", ["宣统初年=1909@START"]],
    ["洪武初年，他到南京", ["洪武初年=1368@START"]],
    ["昭和初期的日本", ["昭和初期=1926@START"]],
    ["民国初年，他到上海", ["民国初年=191@START"]],
    ["同治初年，他到济南", ["同治初年=186@START"]],
    ["中華民國初年的外交", ["中華民國初年=191@START"]],
    // negatives: dynasties, a school year, no part, a temple name without Korean context
    ["清朝初年", []],
    ["南宋末年", []],
    ["民国初年级的学生", []],
    ["民国时期", []],
    ["唐高宗初年", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "era-start", false)).toEqual(expected);
  });
});
