import { describe, expect, it } from "vitest";
import { hanGrams, NAME_GRAM } from "./names.js";
import { bigrams } from "./similarity.js";

// The former implementations (every window sliced from an array of code points): the fast
// paths must give the same sets in the same order.
function hanGramsByWindow(t: string): string[] {
  const chars = [...t];
  const out = new Set<string>();
  for (let i = 0; i + NAME_GRAM <= chars.length; i += 1) {
    const g = chars.slice(i, i + NAME_GRAM).join("");
    if (/^\p{Script=Han}+$/u.test(g)) out.add(g);
  }
  return [...out];
}

function bigramsByWindow(s: string): string[] {
  const t = [...s.replace(/[^\p{L}\p{N}]+/gu, "")];
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i += 1) out.add(`${t[i]}${t[i + 1]}`);
  return [...out];
}

const TEXTS = [
  "",
  "舍门将军号",
  "1866年，舍门将军号驶入大同江，平壤军民焚毁舍门将军号。",
  "美国总统杜鲁门宣布出兵朝鲜",
  "中美",
  "中美日",
  "abc def 12 34",
  "The USS Pueblo (AGER-2) 于1968年1月23日被朝鲜扣留",
  "𠮷野家𠮷野家开业", // CJK Extension B characters (two UTF-16 code units each)
  "𠮷𠮷𠮷𠮷𠮷",
  "吉野\uD842家店铺", // a lone surrogate inside a Han run
  "日本日本日本日本",
  "《中美共同声明》与「上海公报」",
  "〇一二三四五",
];

describe("hanGrams", () => {
  it.each(TEXTS)("gives the grams of every Han window of %j, in order", (text) => {
    expect([...hanGrams(text)]).toEqual(hanGramsByWindow(text));
  });

  it("keeps only windows of four Han characters", () => {
    expect([...hanGrams("平壤军民焚毁")]).toEqual(["平壤军民", "壤军民焚", "军民焚毁"]);
    expect([...hanGrams("平壤1军民焚")]).toEqual([]);
    expect([...hanGrams("𠮷野家店")]).toEqual(["𠮷野家店"]);
  });
});

describe("bigrams", () => {
  it.each(TEXTS)("gives the bigrams of %j without punctuation, in order", (text) => {
    expect([...bigrams(text)]).toEqual(bigramsByWindow(text));
  });

  it("never splits a character outside the BMP", () => {
    expect([...bigrams("𠮷野 家")]).toEqual(["𠮷野", "野家"]);
  });
});
