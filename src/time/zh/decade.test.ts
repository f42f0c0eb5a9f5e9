import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/decade", () => {
  it.each([
    ["1990年代", ["1990年代=199"]],
    ["1990年代初", ["1990年代初=199@START"]],
    ["90年代", ["90年代=199"]],
    ["八十年代末", ["八十年代末=198@END"]],
    ["二十世纪九十年代", ["二十世纪九十年代=199"]],
    ["六七十年代", ["六七十年代=196"]],
    ["00年代", ["00年代=200"]],
    ["1990年", []],
    ["70年", []],
    ["1995年代", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "decade", false)).toEqual(expected);
  });
});
