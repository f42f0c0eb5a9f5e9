import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/season", () => {
  it.each([
    ["2015年春将举行", ["2015年春=2015-SP"]],
    ["1950年夏季", ["1950年夏季=1950-SU"]],
    ["1950年。同年秋天", ["同年秋天=1950-FA"]],
    ["次年冬", ["次年冬=XXXX-WI"]],
    ["2015年春节", []],
    ["春季攻势", []],
    ["1903年（光绪二十九年）冬，组织成立", ["冬=1903-WI"]],
    ["（甲）冬天", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "season", false)).toEqual(expected);
  });
});
