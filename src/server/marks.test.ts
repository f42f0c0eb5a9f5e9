import { describe, expect, test } from "vitest";
import { DisplayMap } from "./marks.js";

// Raw "a**b**c\[1\]d" → display "abcd": display i maps to raw [start, end).
const starts = [0, 3, 6, 12];
const ends = [1, 4, 7, 13];

describe("server:marks", () => {
  const monotonic = new DisplayMap(starts, ends);
  // The same characters in another order (a non-monotonic map) use the linear path.
  const shuffled = new DisplayMap([3, 0, 6, 12], [4, 1, 7, 13]);

  test.each([
    [0, 13, { textStart: 0, textEnd: 4 }],
    [2, 5, { textStart: 1, textEnd: 2 }],
    [3, 7, { textStart: 1, textEnd: 3 }],
    [6, 13, { textStart: 2, textEnd: 4 }],
  ])("raw [%i, %i) → display range", (start, end, range) => {
    expect(monotonic.range(start, end)).toEqual(range);
  });

  test.each([
    [1, 3],
    [7, 12],
    [5, 5],
    [9, 2],
  ])("raw [%i, %i) covers no display character", (start, end) => {
    expect(monotonic.range(start, end)).toBeNull();
    expect(shuffled.range(start, end)).toBeNull();
  });

  test("non-monotonic maps still find the characters inside", () => {
    expect(shuffled.range(0, 4)).toEqual({ textStart: 0, textEnd: 2 });
  });

  test.each([
    [7, 3],
    [12, 3],
    [13, 4],
    [0, 0],
  ])("a footnote at raw %i follows display position %i", (at, point) => {
    expect(monotonic.pointAfter(at)).toBe(point);
  });
});
