import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences.js";

const split = (text: string): string[] => splitSentences(text).map(([a, b]) => text.slice(a, b));

describe("splitSentences", () => {
  it.each<[string, string, string[]]>([
    ["after 。", "甲。乙。", ["甲。", "乙。"]],
    ["after ！ and ？", "好！真的？是", ["好！", "真的？", "是"]],
    ["closing quote stays", "他說：「好。」然後走了。", ["他說：「好。」", "然後走了。"]],
    ["closing bracket stays", "（見上。）下文", ["（見上。）", "下文"]],
    ["runs of terminals", "什麼？！不", ["什麼？！", "不"]],
    ["ASCII ? before CJK", "Why? 因為", ["Why?", "因為"]],
    ["whitespace trimmed", "  甲。  乙  ", ["甲。", "乙"]],
    ["no terminal", "只有一句", ["只有一句"]],
    ["empty", "", []],
    // Negative cases: never on an ASCII dot, nor ASCII ?/! before Latin text.
    ["Z. Pratt", "普拉特（Z. Pratt）就向眾議院提交過。", ["普拉特（Z. Pratt）就向眾議院提交過。"]],
    ["1.75万", "分别动员1.75万人与5万人。", ["分别动员1.75万人与5万人。"]],
    [".NET", ".NET Core 是框架。", [".NET Core 是框架。"]],
    ["ASCII ! before Latin", "Yahoo! Japan 成立", ["Yahoo! Japan 成立"]],
  ])("%s", (_name, text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});
