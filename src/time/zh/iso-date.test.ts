import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/iso-date", () => {
  it.each([
    ["2018-06-12", ["2018-06-12=2018-06-12"]],
    ["2018/6/12", ["2018/6/12=2018-06-12"]],
    ["8022-02", []],
    ["2018-13-01", []],
    ["2.1.0", []],
    ["环球时报，2012-03-16 10:58", ["2012-03-16 10:58=2012-03-16T10:58"]],
    ["2018-06-12T08:30:05", ["2018-06-12T08:30:05=2018-06-12T08:30:05"]],
    ["2018-06-12 比分 3:1", ["2018-06-12=2018-06-12"]],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "iso-date", false)).toEqual(expected);
  });
});
