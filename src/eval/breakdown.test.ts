import { describe, expect, it } from "vitest";
import type { TracedCandidate } from "../events/index.js";
import { train } from "../events/index.js";
import type { Chronicle, Event } from "../model/index.js";
import {
  addBreakdown,
  breakdown,
  dateError,
  emptyBreakdown,
  formatBreakdown,
} from "./breakdown.js";
import { scoreEvents, type GoldEvent } from "./events.js";

function ev(id: string, type: Event["type"], date: string | null, start: number): Event {
  return {
    id,
    type,
    date: { value: date, timex: null, inferred: false, basis: "explicit" },
    actors: { source: [], target: [], other: [] },
    score: null,
    summary: "",
    rule: "test",
    mentions: [{ start, end: start + 10, text: "x".repeat(10) }],
  };
}

function gev(id: string, type: string, date: string, start: number): GoldEvent {
  return {
    id,
    type,
    date,
    actors: { source: [], target: [], other: [] },
    mentions: [{ start, end: start + 10, text: "" }],
  };
}

function cand(start: number, features: string[], rule: Event["type"] | null): TracedCandidate {
  return { features, start, end: start + 10, head: start, rule };
}

describe("eval:breakdown/date-error", () => {
  it.each([
    [null, "2010-11-23", "noDate"],
    ["2010-11-23", "2010-11-23T14:30", "clock"],
    ["2010-11-23T14", "2010-11-23T14:30", "granularity"],
    ["2010", "2010-11-23", "granularity"],
    ["1885-03-24", "1885", "granularity"],
    ["1867-03-24", "1885-03-24", "year"],
    ["2010-12", "2010-11-23", "monthDay"],
    ["2010-11-28", "2010-11-23", "monthDay"],
  ] as const)("%s against gold %s is %s", (system, gold, kind) => {
    expect(dateError(system, gold)).toBe(kind);
  });

  it("tells the time stage's misreading and a relative gold date apart", () => {
    expect(dateError("1885-08-23", "1884-08-23", { misread: true })).toBe("timeStage");
    expect(dateError("1885-08-23", "1884-08-23", { misread: false })).toBe("year");
    expect(dateError("1869-01-21", "1869-01-02", { goldBasis: "relative" })).toBe("relative");
    expect(dateError("1869-01", "1869-01-02", { goldBasis: "relative" })).toBe("granularity");
    expect(dateError(null, "1869-01-02", { misread: true })).toBe("noDate");
  });
});

describe("eval:breakdown", () => {
  // A model that keeps a candidate only when it has the feature "keep".
  const model = train(
    [
      ...Array.from({ length: 10 }, () => ({ features: ["keep"], label: "other" })),
      ...Array.from({ length: 10 }, () => ({ features: ["drop"], label: "none" })),
    ],
    { epochs: 5, seed: 1 },
  );
  const system: Chronicle = {
    document: { id: "d", title: "t", source: "s", length: 300 },
    timexes: [],
    entities: [],
    findings: [],
    events: [
      ev("e1", "visit", "2010-08-25", 0), // typed and dated
      ev("e2", "talks", "2010", 20), // wrong type
      ev("e3", "statement", "2011-03", 40), // typed, another year
      ev("e4", "statement", null, 60), // typed, no date
      ev("e5", "threat", "2013", 80), // spurious
    ],
  };
  const gold = [
    gev("g1", "visit", "2010-08-25", 0),
    gev("g2", "statement", "2010", 20),
    gev("g3", "statement", "2012-03", 40),
    gev("g4", "statement", "2012", 60),
    gev("g5", "sanction", "2014", 100), // no candidate
    gev("g6", "demand", "2014", 120), // its candidate typed none
    gev("g7", "aid", "2014", 140), // only an undated bare candidate kept
  ];
  const candidates = [
    cand(120, ["drop"], null),
    cand(140, ["keep", "date=none"], null),
    cand(0, ["keep"], "visit"),
  ];
  const score = scoreEvents(system, { events: gold, entities: [] });
  const b = breakdown(score, gold, candidates, model);

  it("splits the misses by cause", () => {
    expect(b.missed).toEqual({ noCandidate: 1, rejected: 1, undated: 1, lost: 0 });
  });

  it("tells why a gold event has no candidate from the skipped spans that overlap it", () => {
    const none = breakdown(score, gold, candidates, model);
    expect(none.unseen).toMatchObject({ none: 1, noVerb: 0 });
    const skipped = [
      { start: 95, end: 104, reason: "merged" as const },
      { start: 102, end: 110, reason: "noVerb" as const },
      { start: 0, end: 10, reason: "block" as const }, // overlaps a matched gold event only
    ];
    const why = breakdown(score, gold, candidates, model, undefined, skipped);
    expect(why.unseen).toEqual({
      block: 0,
      noVerb: 1,
      quoted: 0,
      attributive: 0,
      filtered: 0,
      merged: 0,
      none: 0,
    });
    expect(formatBreakdown(why)).toMatch(/ 1 {2}no verb: jieba tags no word/u);
  });

  it("counts false positives by predicted type and confusions by gold type", () => {
    expect(b.spurious).toEqual({ threat: 1 });
    expect(b.confusion).toEqual({ visit: { visit: 1 }, statement: { talks: 1, statement: 2 } });
  });

  it("splits the date errors of typed matches", () => {
    expect(b.dates).toEqual({
      noDate: 1,
      timeStage: 0,
      clock: 0,
      granularity: 0,
      relative: 0,
      year: 1,
      monthDay: 0,
    });
    expect(b).toMatchObject({ gold: 7, system: 5, typedDated: 1 });
  });

  it("counts a date the time stage misread as the time stage's", () => {
    const e3 = system.events[2] as Event;
    const dated: Chronicle = {
      ...system,
      events: system.events.map((e) => (e === e3 ? { ...e, date: { ...e.date, timex: "t1" } } : e)),
    };
    const t1 = {
      id: "t1",
      start: 41,
      end: 46,
      text: "2011年3月",
      type: "DATE" as const,
      value: "2011-03",
      mod: null,
      calendar: "gregorian" as const,
      anchor: null,
      rule: "test",
    };
    const scored = scoreEvents(dated, { events: gold, entities: [] });
    const gt = [{ start: 41, end: 46, text: "2011年3月", type: "DATE", value: "2012-03" }];
    const misread = breakdown(scored, gold, candidates, model, { system: [t1], gold: gt });
    expect(misread.dates).toMatchObject({ timeStage: 1, year: 0, noDate: 1 });
    const agreed = [{ ...gt[0], value: "2011-03" }] as typeof gt;
    const read = breakdown(scored, gold, candidates, model, { system: [t1], gold: agreed });
    expect(read.dates).toMatchObject({ timeStage: 0, year: 1 });
  });

  it("adds up over articles and reads as a report", () => {
    const total = addBreakdown(addBreakdown(emptyBreakdown(), b), b);
    expect(total.missed.noCandidate).toBe(2);
    expect(total.confusion["statement"]).toEqual({ talks: 2, statement: 4 });
    const text = formatBreakdown(total);
    expect(text).toMatch(/gold 14, system 10, matched 8, typed 6, typed\+dated 2/u);
    expect(text).toMatch(/statement +4 \/ 6 +→ talks 2/u);
  });
});
