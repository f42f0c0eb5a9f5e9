import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/century", () => {
  it.each([
    ["20世纪", ["20世纪=19"]],
    ["十九世纪末", ["十九世纪末=18@END"]],
    ["19世纪中后期", ["19世纪中后期=18@MID"]],
    ["公元前3世纪", ["公元前3世纪=-02"]],
    ["两个世纪", []],
    ["世纪大战", []],
    ["20世纪90年代", []],
    ["一世纪前的悲剧", []],
    ["17世纪以来", ["17世纪=16"]],
    ["十九世纪前", ["十九世纪=18"]],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "century", false)).toEqual(expected);
  });
});
