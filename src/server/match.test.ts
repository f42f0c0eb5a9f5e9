import { describe, expect, test } from "vitest";
import { locateMatch } from "./match.js";

const display = (cn: string, tw: string) => ({ cn, tw });

describe("locateMatch", () => {
  test.each([
    // [name, cn, tw, query, highlighted cn text or null]
    ["Simplified query", "美国与朝鲜会谈", "美國與朝鮮會談", "朝鲜", "朝鲜"],
    ["Traditional query", "美国与朝鲜会谈", "美國與朝鮮會談", "朝鮮", "朝鲜"],
    ["Latin, other case", "安理会（un）通过决议", "安理會（un）通過決議", "UN", "un"],
    ["Latin, mixed case", "Kim Jong-un 访问", "Kim Jong-un 訪問", "kim jong-UN", "Kim Jong-un"],
    [
      "several terms: the first that shows",
      "联合国制裁朝鲜",
      "聯合國制裁朝鮮",
      "美国 制裁",
      "制裁",
    ],
    ["absent", "美国与朝鲜会谈", "美國與朝鮮會談", "日本", null],
  ])("%s", (_name, cn, tw, q, shown) => {
    const match = locateMatch(display(cn, tw), q);
    expect(match && cn.slice(match.start, match.end)).toBe(shown);
  });
});
