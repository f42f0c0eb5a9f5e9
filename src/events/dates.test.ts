import { describe, expect, it } from "vitest";
import type { Timex } from "../model/index.js";
import { addOffset } from "./dates.js";
import { eventsOf, show, tracedFeatures } from "./testing.js";

/** A DURATION timex as the time stage writes it. */
function duration(text: string, value: string, mod: Timex["mod"] = null): Timex {
  return {
    id: "t1",
    start: 0,
    end: text.length,
    text,
    type: "DURATION",
    value,
    mod,
    calendar: "gregorian",
    anchor: null,
    rule: "time:zh/duration",
  };
}

describe("events:dates offsets (addOffset)", () => {
  it.each([
    // apollo-11, soyuz-1: minutes from a clock time keep the clock
    ["1969-07-16T09:32", "12分钟", "PT12M", null, "1969-07-16T09:44"],
    // chang-e-2: seconds from a clock time with seconds
    ["2010-10-01T18:59:57", "1533秒", "PT1533S", null, "2010-10-01T19:25:30"],
    // across midnight
    ["1970-04-13T23:50", "20分钟", "PT20M", null, "1970-04-14T00:10"],
    // days from a day (the part of day is dropped)
    ["1961-04-17TNI", "三天", "P3D", null, "1961-04-20"],
    ["2003-01-30", "两周", "P2W", null, "2003-02-13"],
    // yan-huiqing, white-horse-hill, space-shuttle-columbia: months give a month
    ["1926-05", "1個月", "P1M", null, "1926-06"],
    ["1952-10-06", "4个月", "P4M", null, "1953-02"],
    ["2003-02-01T09:00", "6个月", "P6M", null, "2003-08"],
    // anson-burlingame, tianjin-massacre: years from a year; from a day at most the month
    ["1823", "10年", "P10Y", null, "1833"],
    ["1989-04-03", "一年", "P1Y", null, "1990-04"],
    // xue-fucheng, apollo-11: an approximate count gives one level coarser
    ["1894-07-20TNI", "20多天", "P20D", "MORE_THAN", "1894-08"],
    ["1969-07-24T16:50", "约一小时", "PT1H", "APPROX", "1969-07-24"],
    // the day is kept within the month reached; a year below 100 stays that year
    ["1926-01-31", "1个月", "P1M", null, "1926-02"],
    ["1928-02-29", "1年", "P1Y", null, "1929-02"],
    ["1926-08-31", "1个月", "P1M", null, "1926-09"],
    ["0025", "10年", "P10Y", null, "0035"],
    ["0099-03", "1年", "P1Y", null, "0100-03"],
  ] as const)("%s + %s → %s", (anchor, text, value, mod, expected) => {
    expect(addOffset(anchor, duration(text, value, mod))).toBe(expected);
  });

  it.each([
    // the anchor is coarser than the unit counted
    ["1870", "三个月", "P3M", null],
    ["1969-07-16", "12分钟", "PT12M", null],
    ["1885-03", "两天", "P2D", null],
    // an approximate number of years, a vague count, a mixed duration
    ["1994-12-08", "十几年", "P10Y", "MORE_THAN"],
    ["1994-12-08", "几天", "PXD", null],
    ["1994-12-08", "1年6天", "P1Y6D", null],
    // no calendar anchor
    ["PRESENT_REF", "三天", "P3D", null],
  ] as const)("%s + %s → no date", (anchor, text, value, mod) => {
    expect(addOffset(anchor, duration(text, value, mod))).toBeNull();
  });
});

describe("events:dates in context", () => {
  const dated = (md: string): string[] => eventsOf(md).map(show);

  it("counts a duration closed by 后 from the line's date, in its own clause or the one before", () => {
    expect(dated("1969年7月16日9时32分，美国宣布发射火箭。12分钟后苏联谴责美国。\n")).toContain(
      "condemnation 1969-07-16T09:44 SUN>USA",
    );
    expect(dated("1926年5月，美国宣布撤军。1個月後，苏联谴责美国。\n")).toContain(
      "condemnation 1926-06 SUN>USA",
    );
  });

  it("chains offsets: each counts from the date the one before it reached", () => {
    expect(
      dated(
        "1969年7月16日9时32分，美国宣布发射火箭。12分钟后，苏联谴责美国。30分钟后，法国谴责美国。\n",
      ),
    ).toEqual([
      "weapons_test 1969-07-16T09:32 USA>",
      "condemnation 1969-07-16T09:44 SUN>USA",
      "condemnation 1969-07-16T10:14 FRA>USA",
    ]);
  });

  it("does not count a duration that is not closed by 后, nor one the anchor cannot carry", () => {
    // opening its clause before the verb, so only the missing 后 keeps it from counting
    expect(dated("1969年7月16日9时32分，美国宣布发射火箭。12分钟内苏联谴责美国。\n")).toContain(
      "condemnation 1969-07-16T09:32 SUN>USA",
    );
    // us-dprk: the two weeks count from the act the clause names, which the line does not date
    expect(dated("2012年3月16日，在协议签署仅两周后，朝鲜谴责美国。\n")).toContain(
      "condemnation 2012-03-16 PRK>USA",
    );
    expect(dated("1926年，美国宣布撤军。三个月后，苏联谴责美国。\n")).toContain(
      "condemnation 1926 SUN>USA",
    );
  });

  it("carries into a later paragraph the date that opens a clause, not one told inside a sentence", () => {
    const md =
      "1882年7月23日，英国宣布撤军，英军到1885年才撤回本国。\n\n法国谴责英国。\n\n" +
      "1890年，英国宣布撤军。\n\n法国谴责英国。\n";
    expect(dated(md)).toEqual([
      "statement 1882-07-23 GBR>",
      "condemnation 1882-07-23 FRA>GBR",
      "statement 1890 GBR>",
      "condemnation 1890 FRA>GBR",
    ]);
  });

  it("counts a date after a subject and 于/在, as opening", () => {
    expect(dated("1950年，美国宣布撤军。英国于1960年宣布撤军。\n\n法国谴责英国。\n")).toContain(
      "condemnation 1960 FRA>GBR",
    );
    expect(dated("1950年，英国宣布撤军。英国议会成立于1960年。\n\n法国谴责英国。\n")).toContain(
      "condemnation 1950 FRA>GBR",
    );
    // a deadline is not a setting
    expect(dated("1950年，英国宣布撤军，英军在1960年以前撤回本国。\n\n法国谴责英国。\n")).toContain(
      "condemnation 1950 FRA>GBR",
    );
    // a date after 至/到 or after a verb and 于 is an outcome
    expect(dated("1950年，英国宣布撤军，英军至1960年才撤回本国。\n\n法国谴责英国。\n")).toContain(
      "condemnation 1950 FRA>GBR",
    );
  });

  it("keeps a date told inside a sentence for the rest of its own paragraph", () => {
    expect(
      dated("1882年7月23日，英国宣布撤军，英军到1885年才撤回本国，法国谴责英国。\n"),
    ).toContain("condemnation 1885 FRA>GBR");
  });

  it("dates an act by a date told after its verb in its own clause before the narrative line", () => {
    // bay-of-pigs (导致了1962年的古巴导弹危机), alfred-sze (出席1919年巴黎和会), anson-burlingame
    // (于会见次日就感染肺炎): the clause's own date, not the line's 1950
    expect(dated("1950年，英国宣布撤军。\n\n法国谴责英国1951年3月的入侵。\n")).toContain(
      "condemnation 1951-03 FRA>GBR",
    );
    // not a date after 到/至: the end of a span or an outcome told ahead
    expect(dated("1950年，英国宣布撤军。\n\n法国谴责英国直到1960年。\n")).toContain(
      "condemnation 1950 FRA>GBR",
    );
  });

  it("leaves a date told after the verb out of the date the typer reads", () => {
    const md = "1950年，英国宣布撤军。\n\n法国谴责英国1951年3月的入侵。\n";
    const features = [...tracedFeatures(md).entries()].find(([text]) => text.includes("谴责"));
    expect(features?.[1]).toContain("date=narrative");
    expect(features?.[1]).not.toContain("date=explicit");
  });
});
