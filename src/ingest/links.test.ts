import { describe, expect, it } from "vitest";
import { classifyLink, decodeTitle } from "./links.js";

describe("classifyLink", () => {
  it.each<[string, string, string | null, string, string]>([
    // [name, url, title attribute, kind, target]
    ["zhwiki URL", "https://zh.wikipedia.org/wiki/美國", "wikilink", "internal", "美國"],
    ["Page/ file", "../Page/白宮.md", "wikilink", "internal", "白宮"],
    [
      "escaped parentheses",
      "https://zh.wikipedia.org/wiki/共和党_(美国)",
      "wikilink",
      "internal",
      "共和党 (美国)",
    ],
    [
      "percent-encoded",
      "https://zh.wikipedia.org/wiki/%E6%9C%9D%E9%AE%AE",
      "wikilink",
      "internal",
      "朝鮮",
    ],
    ["variant path", "https://zh.wikipedia.org/zh-hant/臺灣", null, "internal", "臺灣"],
    [
      "index.php title",
      "https://zh.wikipedia.org/w/index.php?title=朝鮮&action=edit",
      null,
      "internal",
      "朝鮮",
    ],
    ["fragment kept", "../Page/朝鮮.md#歷史", "wikilink", "internal", "朝鮮#歷史"],
    [
      "category",
      "https://zh.wikipedia.org/wiki/Category:朝美關係",
      "wikilink",
      "category",
      "Category:朝美關係",
    ],
    ["category (zh)", "../Page/分类:朝美關係.md", "wikilink", "category", "分类:朝美關係"],
    [
      "colon category is a link",
      "https://zh.wikipedia.org/wiki/:Category:朝美關係",
      "wikilink",
      "internal",
      "Category:朝美關係",
    ],
    ["File:", "https://zh.wikipedia.org/wiki/File:A_b.jpg", "fig:A_b.jpg", "file", "File:A b.jpg"],
    ["文件:", "../Page/文件:甲.png", "wikilink", "file", "文件:甲.png"],
    ["檔案:", "https://zh.wikipedia.org/wiki/檔案:甲.png", "wikilink", "file", "檔案:甲.png"],
    [
      "fig: title without namespace",
      "https://zh.wikipedia.org/wiki/甲.png",
      "fig:甲.png",
      "file",
      "甲.png",
    ],
    [
      "other-language host",
      "https://en.wikipedia.org/wiki/Leap_Day_Agreement",
      null,
      "interlanguage",
      "en:Leap Day Agreement",
    ],
    [
      "language prefix",
      "https://zh.wikipedia.org/wiki/ja:小村寿太郎",
      "wikilink",
      "interlanguage",
      "ja:小村寿太郎",
    ],
    ["external", "http://www.usspueblo.org/", null, "external", "http://www.usspueblo.org/"],
    [
      "external wiki-like path",
      "https://example.org/wiki/X",
      "wikilink",
      "external",
      "https://example.org/wiki/X",
    ],
    ["not a URL", "foo bar", null, "external", "foo bar"],
  ])("%s", (_name, url, title, kind, target) => {
    const c = classifyLink(url, title);
    expect(c.kind).toBe(kind);
    expect(c.target).toBe(target);
  });
});

describe("decodeTitle", () => {
  it.each([
    ["共和党_\\(美国\\)", "共和党 (美国)"],
    ["%E7%BE%8E%E5%9C%8B", "美國"],
    ["100%_sure", "100% sure"],
    ["  a__b ", "a b"],
  ])("%s → %s", (input, expected) => {
    expect(decodeTitle(input)).toBe(expected);
  });
});
