import { describe, expect, it } from "vitest";
import { ingest } from "../ingest/index.js";
import { normalize } from "../normalize/index.js";
import { findEntities, loadGazetteer, personWord, segmenter, titledName } from "./index.js";

describe("entities:link — a link target right after an office title is a person", () => {
  const gazetteer = loadGazetteer();
  const jieba = segmenter(gazetteer);
  const cases: Array<[string, string, boolean]> = [
    ["德国外长威斯特威勒当天表示", "威斯特威勒", true],
    ["日本首相菅直人下令", "菅直人", true],
    ["法国外交部长米谢勒·阿利奥-玛丽表示", "米谢勒·阿利奥-玛丽", true],
    ["美国国务卿希拉里访华", "希拉里", true],
    ["英国驻华公使威妥玛抗议", "威妥玛", true],
    // negatives: no title before it, a common word, a name not at the anchor, too long
    ["当天威斯特威勒表示", "威斯特威勒", false],
    ["总统石墨", "石墨", false],
    ["总统府宣布", "宣布", false],
    ["德国外长对此表示", "威斯特威勒", false],
    [
      "首相约翰·克里斯托弗·威廉·弗里德里希·冯·某某",
      "约翰·克里斯托弗·威廉·弗里德里希·冯·某某",
      false,
    ],
  ];
  it.each(cases)("%s → %s: %s", (text, name, expected) => {
    const at = text.indexOf(name);
    expect(titledName(text, at < 0 ? 0 : at, name, gazetteer, jieba)).toBe(expected);
  });

  it("finds the person of a link-trail anchor after a title", () => {
    const md =
      '2010年11月，德国外长[威斯特威勒当天表示](https://zh.wikipedia.org/wiki/威斯特威勒 "wikilink")担忧。\n\n' +
      '当天[石墨产量](https://zh.wikipedia.org/wiki/石墨 "wikilink")下降。\n';
    const norm = normalize(ingest(md, { name: "x.md" }));
    const people = findEntities(norm)
      .filter((e) => e.kind === "person")
      .map((e) => e.id);
    expect(people).toContain("威斯特威勒");
    expect(people).not.toContain("石墨");
  });
});

describe("entities:recurring personWord — words jieba tags as names that name no one", () => {
  const gazetteer = loadGazetteer();
  const cases: Array<[string, boolean]> = [
    ["蒲安臣", true],
    ["吴惠秋", true],
    ["撒切尔夫人", true],
    ["万里", true],
    ["詹姆士·艾伦", true],
    ["三浦梧楼", true],
    ["九条道孝", true],
    ["五十岚", true],
    // negatives: a count, a regnal number, a state's people
    ["二人", false],
    ["四世", false],
    ["五世", false],
    ["一二·八大", false],
    ["古巴人", false],
    ["塞尔维亚人", false],
    ["美国人", false],
  ];
  it.each(cases)("%s → %s", (word, expected) => {
    expect(personWord(word, gazetteer)).toBe(expected);
  });
});
