import { describe, expect, it } from "vitest";
import type { Event } from "../model/index.js";
import { checkChronology, reportable } from "./index.js";
import {
  chronicleOf,
  makeDoc,
  makeEvent,
  normalizedOf,
  placeTimexes,
  type TimexSpec,
} from "./fixture.js";

describe("check:conflicting-dates", () => {
  const text = [
    "2006年10月9日，朝鲜进行了一次地下核试验。之后朝鲜陆续进行两次核试验（2009年5月、2013年2月）。",
    "2010年1月，朝鲜发表声明。5月25日，朝鲜成功进行第二次地下核试验。2月12日，朝鲜进行第三次核试验。",
  ];
  const timexes: TimexSpec[] = [
    { text: "2006年10月9日", value: "2006-10-09" },
    { text: "2009年5月", value: "2009-05" },
    { text: "2013年2月", value: "2013-02" },
    { text: "2010年1月", value: "2010-01" },
    { text: "5月25日", value: "2010-05-25", anchor: "2010年1月" },
    { text: "2月12日", value: "2010-02-12", anchor: "2010年1月" },
  ];

  it("check:conflicting-dates flags mentions of one event with incompatible dates", () => {
    const doc = makeDoc(text);
    const events: Event[] = [
      makeEvent(doc, "e1", {
        type: "weapons_test",
        mentions: [
          "之后朝鲜陆续进行两次核试验（2009年5月、2013年2月）",
          "5月25日，朝鲜成功进行第二次地下核试验",
        ],
      }),
      makeEvent(doc, "e2", {
        type: "weapons_test",
        mentions: [
          "之后朝鲜陆续进行两次核试验（2009年5月、2013年2月）",
          "2月12日，朝鲜进行第三次核试验",
        ],
      }),
    ];
    const found = reportable(
      checkChronology(chronicleOf(doc, placeTimexes(doc, timexes), events), normalizedOf(doc)),
    );
    const conflicts = found.filter((f) => f.kind === "conflicting-dates");
    expect(conflicts.map((f) => [f.text, f.suggestion])).toEqual([
      ["5月25日", "2009-05-25"],
      ["2月12日", "2013-02-12"],
    ]);
    expect(conflicts[0]?.evidence.map((e) => e.text)).toEqual(["2009年5月"]);
  });

  it("check:conflicting-dates accepts a collective mention that covers each date", () => {
    const doc = makeDoc([
      "2011年7月28日，美朝举行第一轮高级别会谈。2012年2月23日，美朝举行第三轮高级别会谈。",
      "除2011年7月至2012年2月美朝三轮高级别会谈外，接触保持在最低限度。",
    ]);
    const tx = placeTimexes(doc, [
      { text: "2011年7月28日", value: "2011-07-28" },
      { text: "2012年2月23日", value: "2012-02-23" },
      { text: "2011年7月", value: "2011-07" },
      { text: "2012年2月", value: "2012-02" },
    ]);
    const events = [
      makeEvent(doc, "e1", {
        type: "talks",
        mentions: [
          "2011年7月28日，美朝举行第一轮高级别会谈",
          "除2011年7月至2012年2月美朝三轮高级别会谈外",
        ],
      }),
      makeEvent(doc, "e2", {
        type: "talks",
        mentions: [
          "2012年2月23日，美朝举行第三轮高级别会谈",
          "除2011年7月至2012年2月美朝三轮高级别会谈外",
        ],
      }),
    ];
    expect(reportable(checkChronology(chronicleOf(doc, tx, events), normalizedOf(doc)))).toEqual(
      [],
    );
  });

  it("check:conflicting-dates flags twin events that differ only in the year", () => {
    const doc = makeDoc([
      "2009年4月5日，朝鲜发射大浦洞二号导弹。",
      "2010年，双方会谈。",
      "2008年4月5日，朝鲜发射大浦洞二号导弹。",
    ]);
    const tx = placeTimexes(doc, [
      { text: "2009年4月5日", value: "2009-04-05" },
      { text: "2010年", value: "2010" },
      { text: "2008年4月5日", value: "2008-04-05" },
    ]);
    const actors = { source: ["PRK"], target: [], other: [] };
    const twin = (id: string, date: string, m: string) =>
      makeEvent(doc, id, {
        type: "weapons_test",
        summary: "朝鲜发射大浦洞二号导弹",
        actors,
        date,
        mentions: [m],
      });
    const events = [
      twin("e1", "2009-04-05", "2009年4月5日，朝鲜发射大浦洞二号导弹"),
      twin("e2", "2008-04-05", "2008年4月5日，朝鲜发射大浦洞二号导弹"),
    ];
    const found = reportable(checkChronology(chronicleOf(doc, tx, events), normalizedOf(doc)));
    expect(found.filter((f) => f.kind === "conflicting-dates").map((f) => f.text)).toEqual([
      "2008年4月5日，朝鲜发射大浦洞二号导弹",
    ]);
  });

  it("check:conflicting-dates does not flag annual twins on different days", () => {
    const doc = makeDoc([
      "2016年3月7日，美韩举行年度联合军演。",
      "2017年3月1日，美韩举行年度联合军演。",
    ]);
    const tx = placeTimexes(doc, [
      { text: "2016年3月7日", value: "2016-03-07" },
      { text: "2017年3月1日", value: "2017-03-01" },
    ]);
    const actors = { source: ["USA", "KOR"], target: [], other: [] };
    const events = [
      makeEvent(doc, "e1", {
        type: "military_exercise",
        summary: "美韩举行年度联合军演",
        actors,
        date: "2016-03-07",
        mentions: ["2016年3月7日，美韩举行年度联合军演"],
      }),
      makeEvent(doc, "e2", {
        type: "military_exercise",
        summary: "美韩举行年度联合军演",
        actors,
        date: "2017-03-01",
        mentions: ["2017年3月1日，美韩举行年度联合军演"],
      }),
    ];
    expect(reportable(checkChronology(chronicleOf(doc, tx, events), normalizedOf(doc)))).toEqual(
      [],
    );
  });
});
