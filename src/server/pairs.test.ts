import { describe, expect, test } from "vitest";
import type { EventHit } from "../model/store.js";
import { pairSeries } from "./pairs.js";

const hit = (id: string, value: string | null, score: number | null): EventHit => ({
  id,
  doc: "d",
  docTitle: "D",
  type: score === null ? "policy" : "talks",
  date: { value, timex: null, inferred: false, basis: "explicit" },
  actors: { source: ["USA"], target: ["PRK"], other: [] },
  score,
  summary: id,
  rule: "test",
  mentions: [],
});

describe("server:pairs", () => {
  test("sums and counts scored events per year, years ascending", () => {
    const series = pairSeries([
      hit("e1", "2018-06-12", 3.5),
      hit("e2", "2017", -5),
      hit("e3", "2018-09", 6.5),
      hit("e4", "2017-08-08", -5.5),
    ]);
    expect(series.years).toEqual([
      { year: 2017, sum: -10.5, count: 2, events: ["d:e2", "d:e4"] },
      { year: 2018, sum: 10, count: 2, events: ["d:e1", "d:e3"] },
    ]);
    expect(series.unscored).toBe(0);
    expect(series.undated).toBe(0);
  });

  test("unscored types and dates without a year are counted apart, not charted", () => {
    const series = pairSeries([
      hit("e1", "2018", null),
      hit("e2", "199", -2.5),
      hit("e3", null, 3),
      hit("e4", "PRESENT_REF", 3),
    ]);
    expect(series.years).toEqual([]);
    expect(series.unscored).toBe(1);
    expect(series.undated).toBe(3);
  });
});
