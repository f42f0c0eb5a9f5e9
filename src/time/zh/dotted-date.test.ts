import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/dotted-date", () => {
  it.each([
    ["2005年“9·19共同声明”达成", ["9·19=2005-09-19"]],
    ["1.75万人", []],
    ["13·40", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "dotted-date", false)).toEqual(expected);
  });
});
