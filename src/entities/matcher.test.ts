import { describe, expect, it } from "vitest";
import { matchNames, NameSet } from "./matcher.js";

/** The matches of the alternation regex the matcher replaces (names longest first, /gu). */
function byRegex(text: string, names: readonly string[]): Array<[string, number]> {
  const escaped = [...names]
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"));
  return [...text.matchAll(new RegExp(escaped.join("|"), "gu"))].map((m) => [m[0], m.index]);
}

const matches = (text: string, ...sets: string[][]): Array<[string, number]> =>
  [
    ...matchNames(
      text,
      sets.map((s) => new NameSet(s)),
    ),
  ].map((m) => [m.name, m.index]);

describe("matchNames", () => {
  const table: Array<[string, string[], Array<[string, number]>]> = [
    [
      "朝鲜半岛与韩国",
      ["朝鲜", "朝鲜半岛", "韩国"],
      [
        ["朝鲜半岛", 0],
        ["韩国", 5],
      ],
    ],
    [
      "美国人在美国",
      ["美国"],
      [
        ["美国", 0],
        ["美国", 4],
      ],
    ],
    ["北朝", ["朝鲜"], []],
    [
      "中华人民共和国和中华民国",
      ["中华", "中华民国", "中华人民共和国"],
      [
        ["中华人民共和国", 0],
        ["中华民国", 8],
      ],
    ],
    // Leftmost wins over longest: 苏联 starts before 联合国 and takes its 联.
    ["苏联合国", ["苏联", "联合国"], [["苏联", 0]]],
    ["", ["美国"], []],
    [
      "英国英国",
      ["英国"],
      [
        ["英国", 0],
        ["英国", 2],
      ],
    ],
    // Astral characters (CJK extension B) step as one code point.
    [
      "𠀀美国𠀀",
      ["美国", "𠀀"],
      [
        ["𠀀", 0],
        ["美国", 2],
        ["𠀀", 4],
      ],
    ],
    ["a.b+c", ["a.b", "b+c"], [["a.b", 0]]],
  ];
  it.each(table)("%s with %j", (text, names, expected) => {
    expect(matches(text, names)).toEqual(expected);
    expect(byRegex(text, names)).toEqual(expected);
  });

  it("takes the longest name across several sets", () => {
    expect(matches("日本海军", ["日本"], ["日本海军"])).toEqual([["日本海军", 0]]);
    expect(matches("日本海军", ["日本海军"], ["日本"])).toEqual([["日本海军", 0]]);
    expect(matches("日本海军", [], [])).toEqual([]);
  });

  it("matches an empty name where nothing longer does, as the regex does", () => {
    expect(matches("美a国", ["", "a"])).toEqual(byRegex("美a国", ["", "a"]));
  });

  it("agrees with the regex on random texts over a small alphabet", () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = ["美", "国", "中", "华", "𠀀", "·"];
    const word = (max: number): string =>
      Array.from({ length: 1 + next(max) }, () => alphabet[next(alphabet.length)]).join("");
    for (let round = 0; round < 300; round += 1) {
      const names = [...new Set(Array.from({ length: 1 + next(6) }, () => word(4)))];
      const text = word(30);
      expect(
        matches(text, names.slice(0, 2), names.slice(2)),
        `${text} ${names.join(",")}`,
      ).toEqual(byRegex(text, names));
    }
  });
});
