import { describe, expect, it } from "vitest";
import type { Event } from "../model/index.js";
import { FIXTURE_EVENTS } from "../query/fixture.js";
import { toTimelineJs } from "./timelinejs.js";

const base = FIXTURE_EVENTS[0]!;
function dated(id: string, value: string | null, extra: Partial<Event> = {}): Event {
  return { ...base, id, date: { ...base.date, value }, ...extra };
}

describe("toTimelineJs", () => {
  const timeline = toTimelineJs(FIXTURE_EVENTS, { title: "美朝關係 <测试>" });

  it("has one slide per placeable event, each with a numeric year, headline, group and id", () => {
    expect(timeline.events.map((s) => s.unique_id)).toEqual([
      "e4",
      "e1",
      "e2",
      "e3",
      "e5",
      "e6",
      "e9",
      "e8",
    ]);
    for (const slide of timeline.events) {
      expect(typeof slide.start_date.year).toBe("number");
      expect(slide.text.headline.length).toBeGreaterThan(0);
      expect(typeof slide.group).toBe("string");
    }
    expect(new Set(timeline.events.map((s) => s.unique_id)).size).toBe(timeline.events.length);
  });

  it("groups by event type and escapes HTML", () => {
    const slide = timeline.events.find((s) => s.unique_id === "e4");
    expect(slide?.group).toBe("sanction");
    expect(slide?.text.headline).toContain("&quot;粮食|援助&quot;");
    expect(timeline.title?.text.headline).toBe("美朝關係 &lt;测试&gt;");
    expect(JSON.stringify(timeline)).not.toMatch(/<(?!\/?(?:p|blockquote)>)/);
  });

  it.each<[string, string, object, object | undefined, string | undefined]>([
    ["day", "2018-06-12", { year: 2018, month: 6, day: 12 }, undefined, "2018年6月12日"],
    ["month only", "2009-12", { year: 2009, month: 12 }, undefined, "2009年12月"],
    ["year only", "1866", { year: 1866 }, undefined, "1866年"],
    ["decade", "199", { year: 1990 }, { year: 1999 }, "1990年代"],
    ["century", "19", { year: 1900 }, { year: 1999 }, "20世纪"],
    ["season", "2015-SP", { year: 2015, month: 3 }, { year: 2015, month: 5 }, "2015年春"],
    [
      "time",
      "2018-06-12T09:30",
      { year: 2018, month: 6, day: 12, hour: 9, minute: 30 },
      undefined,
      "2018年6月12日9时30分",
    ],
    [
      "part of day",
      "2009-04-05TAF",
      { year: 2009, month: 4, day: 5 },
      undefined,
      "2009年4月5日下午",
    ],
  ])("%s %s: only known parts", (_name, value, start, end, display) => {
    const [slide] = toTimelineJs([dated("x", value)]).events;
    expect(slide?.start_date).toEqual(start);
    expect(slide?.end_date).toEqual(end);
    if (display === undefined) expect(slide?.display_date).toBeUndefined();
    else expect(slide?.display_date).toBe(display);
  });

  it("labels a modified date (1990年代初)", () => {
    const slide = timeline.events.find((s) => s.unique_id === "e4");
    expect(slide?.display_date).toBe("1990年代初");
    expect(slide?.end_date).toEqual({ year: 1999 });
  });

  it.each([null, "PRESENT_REF", "P2Y", "XXXX-06"])("leaves out an event dated %s", (value) => {
    expect(toTimelineJs([dated("x", value)]).events).toEqual([]);
  });

  it("makes eras from one leadership change to the next, the last to the latest date", () => {
    expect(timeline.eras).toEqual([
      {
        start_date: { year: 2011, month: 12 },
        end_date: { year: 2017, month: 1 },
        text: { headline: "金正恩接任最高领导人" },
      },
      {
        start_date: { year: 2017, month: 1 },
        end_date: { year: 2017, month: 1, day: 31 },
        text: { headline: "特朗普就任美国总统" },
      },
    ]);
  });

  it("has no eras without leadership changes, and merges changes on one date", () => {
    expect(toTimelineJs([dated("a", "2001")]).eras).toEqual([]);
    const change = (id: string, value: string, summary: string): Event =>
      dated(id, value, { type: "leadership_change", summary });
    const { eras } = toTimelineJs([
      change("a", "2001", "甲"),
      change("b", "2001", "乙"),
      change("c", "2005-03", "丙"),
      dated("z", "2010-07-01"),
    ]);
    expect(eras.map((e) => [e.text.headline, e.start_date, e.end_date])).toEqual([
      ["甲；乙", { year: 2001 }, { year: 2005, month: 3 }],
      ["丙", { year: 2005, month: 3 }, { year: 2010, month: 7, day: 1 }],
    ]);
  });

  it("ends the last era at the end of the latest period, never before its start", () => {
    // battle-of-mukden: a change on 1905-03-10 and a latest event dated only 1905 once gave an
    // era ending {year: 1905}, read by TimelineJS as 1 January, before its start.
    const change = dated("a", "1905-03-10", { type: "leadership_change", summary: "甲" });
    expect(toTimelineJs([change, dated("z", "1905")]).eras[0]?.end_date).toEqual({
      year: 1905,
      month: 12,
      day: 31,
    });
    // An earlier latest-ending event leaves the era ending on its own date.
    expect(toTimelineJs([change, dated("z", "1904-02")]).eras[0]?.end_date).toEqual({
      year: 1905,
      month: 3,
      day: 10,
    });
    const leap = toTimelineJs([change, dated("z", "1905"), dated("y", "1908-02")]).eras[0];
    expect(leap?.end_date).toEqual({ year: 1908, month: 2, day: 29 });
  });

  it("writes no empty actor paragraph for an event without actors", () => {
    const none = dated("n", "2001", { actors: { source: [], target: [], other: [] } });
    expect(toTimelineJs([none]).events[0]?.text.text).not.toContain("<p></p>");
  });

  it("prefixes ids with the document when events carry one, and keeps them unique", () => {
    const { events } = toTimelineJs([
      { ...dated("e1", "2001"), doc: "a" },
      { ...dated("e1", "2002"), doc: "b" },
      { ...dated("e1", "2003"), doc: "b" },
    ]);
    expect(events.map((e) => e.unique_id)).toEqual(["a-e1", "b-e1", "b-e1-2"]);
  });

  it("quotes mentions through mentionText when given (raw text otherwise)", () => {
    const [slide] = toTimelineJs([FIXTURE_EVENTS[0]!], {
      mentionText: (_doc, m) => m.text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1"),
    }).events;
    expect(slide?.text.text).toContain("<blockquote>1994年10月21日，美國與朝鮮在日內瓦簽署");
    const [plain] = toTimelineJs([FIXTURE_EVENTS[0]!]).events;
    expect(plain?.text.text).toContain("[日內瓦](https://");
  });
});

describe("toTimelineJs: doubted dates", () => {
  const finding = {
    kind: "year-out-of-sequence" as const,
    suggestion: "2009-04-05",
    confidence: 0.85,
  };
  it.each<[string, object, string | null, string]>([
    ["no finding", {}, null, "2008-04-05"],
    [
      "a doubt is noted, the literal date kept",
      { dateFinding: finding },
      "suggests 2009年4月5日",
      "2008-04-05",
    ],
    [
      "an applied suggestion names the literal date",
      {
        date: { ...base.date, value: "2009-04-05" },
        dateFinding: { ...finding, applied: true, literal: "2008-04-05" },
      },
      "the article says 2008年4月5日",
      "2009-04-05",
    ],
  ])("%s", (_name, extra, note, placed) => {
    const [slide] = toTimelineJs([{ ...dated("x", "2008-04-05"), ...extra }]).events;
    if (note === null) expect(slide?.text.text).not.toContain("checker");
    else expect(slide?.text.text).toContain(note);
    expect(slide?.start_date).toMatchObject({
      year: Number(placed.slice(0, 4)),
      month: 4,
      day: 5,
    });
  });
});
