import { describe, expect, it } from "vitest";
import type { Timex } from "../model/index.js";
import { matchOverlaps, prf, scoreTimexes, type GoldTimex } from "./timex.js";

function sys(start: number, end: number, value: string, type: Timex["type"] = "DATE"): Timex {
  return {
    id: `t${start}`,
    start,
    end,
    text: "x".repeat(end - start),
    type,
    value,
    mod: null,
    calendar: "gregorian",
    anchor: null,
    rule: "test",
  };
}
function gold(start: number, end: number, value: string, type = "DATE", mod?: string): GoldTimex {
  return { start, end, text: "x".repeat(end - start), type, value, ...(mod ? { mod } : {}) };
}

describe("eval:timex", () => {
  it("prf handles empty sides", () => {
    expect(prf(0, 0, 0).f1).toBe(0);
    expect(prf(2, 4, 2)).toMatchObject({ precision: 0.5, recall: 1 });
  });

  it("matches overlaps one to one, largest overlap first", () => {
    // system 0 overlaps both gold spans; gold 1 overlaps more, so system 1 gets gold 0.
    expect(
      matchOverlaps(
        [
          { start: 0, end: 10 },
          { start: 0, end: 3 },
        ],
        [
          { start: 0, end: 2 },
          { start: 2, end: 10 },
        ],
      ),
    ).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(matchOverlaps([{ start: 0, end: 2 }], [{ start: 2, end: 4 }])).toEqual([]);
  });

  it("separates strict, relaxed and value scores and lists the differences", () => {
    const g = [
      gold(0, 5, "1866"),
      gold(10, 17, "1853-01"),
      gold(20, 25, "P2Y", "DURATION"),
      gold(30, 34, "2009-12", "DATE", "END"),
    ];
    const s = [sys(0, 5, "1866"), sys(10, 15, "1853"), sys(40, 44, "1999"), sys(30, 34, "2009-12")];
    const score = scoreTimexes(s, g);
    expect(score.strict.tp).toBe(2);
    expect(score.relaxed.tp).toBe(3);
    expect(score.value.tp).toBe(1);
    expect(score.misses.map((m) => m.start)).toEqual([20]);
    expect(score.spurious.map((m) => m.start)).toEqual([40]);
    expect(score.wrongValues.map((m) => m.start)).toEqual([10, 30]);
    expect(score.typeAccuracy).toBe(1);
  });
});
