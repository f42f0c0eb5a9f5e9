import { describe, expect, it } from "vitest";
import { ingest } from "../ingest/index.js";
import { normalize } from "../normalize/index.js";
import { findEntities } from "./index.js";

function craftOf(markdown: string): string[] {
  return findEntities(normalize(ingest(markdown, { name: "snippet.md" })))
    .filter((e) => e.kind === "craft")
    .flatMap((e) => e.mentions.map((m) => ({ id: e.id, ...m })))
    .sort((a, b) => a.start - b.start)
    .map((m) => `${m.text}=${m.id}`);
}

describe("entities:craft — named ships, spacecraft and aircraft", () => {
  const cases: Array<[string, string[]]> = [
    // a quoted name with 号 inside or after the quotes; the bare quoted name later
    ["6月12日“第二丁卯”号驶入釜山海域。", ["第二丁卯=第二丁卯号"]],
    ["呼号为“鹰号”的登月舱分离，鹰号开始下降。", ["鹰号=鹰号", "鹰号=鹰号"]],
    ["“云扬”号驶入江华岛，“云扬”随即开炮。", ["云扬=云扬号", "云扬=云扬号"]],
    // a series name and a number (Arabic or Chinese numerals)
    ["2013年12月2日嫦娥三号发射升空。", ["嫦娥三号=嫦娥三号"]],
    ["1969年7月16日阿波罗11号发射。", ["阿波罗11号=阿波罗11号"]],
    ["1970年东方红一号进入轨道。", ["东方红一号=东方红一号"]],
    ["2003年神舟五号返回地面。", ["神舟五号=神舟五号"]],
    // a name jieba knows as a proper noun, or cannot read, before 号; a name before a craft noun
    ["2003年2月1日哥伦比亚号解体。", ["哥伦比亚号=哥伦比亚号"]],
    ["1866年舍门将军号驶入大同江。", ["舍门将军号=舍门将军号"]],
    ["1894年康济号载运灵柩。", ["康济号=康济号"]],
    ["2月，仅练习舰康济号载丁汝昌灵柩。", ["康济号=康济号"]],
    // Traditional script: one id in Simplified
    ["1970年東方紅一號進入軌道。", ["東方紅一號=东方红一号"]],
    // a link to a craft's page: the name up to 号 is the id
    ['[哥伦比亚号](../Page/哥伦比亚号航天飞机.md "wikilink")解体。', ["哥伦比亚号=哥伦比亚号"]],
    // a craft's name qualifying a noun names no craft
    ["2010年天安号沉没事件发生。", []],
    ["云扬号舰长写了报告。", []],
    // negatives: days, numbered documents and lines, words ending in 号, an address
    ["5月3号晚上，双方会谈。", []],
    ["安理会通过第1718号决议。", []],
    ["地铁1号线开通。", []],
    ["民众高呼口号，发出信号。", []],
    ["美国“发出混乱的信号”。", []],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(craftOf(text)).toEqual(expected);
  });
});
