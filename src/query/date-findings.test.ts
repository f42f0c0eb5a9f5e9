import { describe, expect, it } from "vitest";
import { DEFAULT_MIN_CONFIDENCE } from "../check/index.js";
import type { Finding, FindingKind } from "../model/index.js";
import {
  dateFindingsByTimex,
  eventSuggestion,
  flagEvents,
  type TimexDoubt,
} from "./date-findings.js";
import { FIXTURE_EVENTS, FIXTURE_TIMEXES } from "./fixture.js";

const T2 = FIXTURE_TIMEXES[1]!; // 2006年10月9日 → 2006-10-09, the date of e2 and e3

function finding(over: Partial<Finding> = {}): Finding {
  return {
    kind: "year-out-of-sequence",
    start: T2.start,
    end: T2.end,
    text: T2.text,
    message: "m",
    suggestion: "2007-10-09",
    confidence: 0.8,
    evidence: [],
    rule: "check:test",
    ...over,
  };
}

describe("dateFindingsByTimex", () => {
  it.each<[string, Partial<Finding>, string | null]>([
    ["a year slip on the timex", {}, "2007-10-09"],
    ["an inherited slip", { kind: "inherited-slip" }, "2007-10-09"],
    ["a doubtful anchor", { kind: "doubtful-anchor" }, "2007-10-09"],
    ["exactly at the threshold", { confidence: DEFAULT_MIN_CONFIDENCE }, "2007-10-09"],
    ["below the threshold", { confidence: DEFAULT_MIN_CONFIDENCE - 0.01 }, null],
    ["no suggestion", { suggestion: null }, null],
    ["another kind", { kind: "duration-mismatch" as FindingKind }, null],
    ["a span that is not the timex's", { start: T2.start + 1 }, null],
  ])("%s", (_name, over, expected) => {
    const found = dateFindingsByTimex({ timexes: FIXTURE_TIMEXES, findings: [finding(over)] });
    expect(found.get(T2.id)?.suggestion ?? null).toBe(expected);
    expect(found.size).toBe(expected === null ? 0 : 1);
  });

  it("keeps the most confident of several findings on one timex", () => {
    const found = dateFindingsByTimex({
      timexes: FIXTURE_TIMEXES,
      findings: [
        finding({ confidence: 0.6, suggestion: "2005-10-09" }),
        finding({ confidence: 0.9, kind: "doubtful-anchor" }),
      ],
    });
    expect(found.get(T2.id)).toEqual({
      kind: "doubtful-anchor",
      suggestion: "2007-10-09",
      confidence: 0.9,
      timexValue: "2006-10-09",
    });
  });
});

describe("eventSuggestion", () => {
  const doubt: TimexDoubt = {
    kind: "inherited-slip",
    suggestion: "2009-04-13",
    confidence: 0.8,
    timexValue: "2008-04-13",
  };
  it.each<[string | null, string | null]>([
    ["2008-04-13", "2009-04-13"],
    ["2008-03", "2009-03"],
    ["2008-09-01", "2009-09-01"],
    ["2008", "2009"],
    [null, null],
    ["PRESENT_REF", null],
  ])("%j → %j", (value, expected) => {
    expect(eventSuggestion(value, doubt)).toBe(expected);
  });
});

describe("flagEvents", () => {
  const doubts = dateFindingsByTimex({ timexes: FIXTURE_TIMEXES, findings: [finding()] });
  const events = FIXTURE_EVENTS.map((e) => ({ ...e, doc: "d" }));

  it("flags only events dated by the doubted timex, keeping the literal value", () => {
    const flagged = flagEvents(events, () => doubts);
    const hit = flagged.filter((e) => e.dateFinding !== undefined);
    expect(hit.map((e) => e.id).sort()).toEqual(
      events
        .filter((e) => e.date.timex === T2.id)
        .map((e) => e.id)
        .sort(),
    );
    expect(hit.length).toBeGreaterThan(0);
    for (const e of hit) {
      expect(e.date.value).toBe("2006-10-09");
      expect(e.dateFinding).toEqual({
        kind: "year-out-of-sequence",
        suggestion: "2007-10-09",
        confidence: 0.8,
      });
    }
  });

  it("with suggested dates, replaces the value and records the literal one", () => {
    const flagged = flagEvents(events, () => doubts, true);
    const hit = flagged.find((e) => e.dateFinding !== undefined);
    expect(hit?.date.value).toBe("2007-10-09");
    expect(hit?.dateFinding).toMatchObject({ applied: true, literal: "2006-10-09" });
    const untouched = flagged.filter((e) => e.dateFinding === undefined);
    expect(untouched.every((e) => events.find((x) => x.id === e.id)?.date === e.date)).toBe(true);
  });

  it("flags nothing for a document without findings", () => {
    expect(flagEvents(events, () => null).some((e) => "dateFinding" in e)).toBe(false);
  });
});
