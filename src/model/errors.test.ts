import { describe, expect, it } from "vitest";
import { AnnalsError, lineColumn, lineLocator } from "./errors.js";

describe("model:errors", () => {
  const text = "甲乙\n丙\n\n丁戊己";
  it.each([0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 99])("lineLocator agrees with lineColumn at %i", (at) => {
    expect(lineLocator(text)(at)).toEqual(lineColumn(text, at));
  });

  it("places offsets on lines and columns, 1-based", () => {
    const locate = lineLocator(text);
    expect(locate(0)).toEqual({ line: 1, column: 1 });
    expect(locate(3)).toEqual({ line: 2, column: 1 });
    expect(locate(6)).toEqual({ line: 4, column: 1 });
    expect(locate(8)).toEqual({ line: 4, column: 3 });
  });

  it("formats a one-line message naming file and position", () => {
    expect(new AnnalsError("bad", { file: "a.md", position: "3:4" }).format()).toBe(
      "a.md:3:4: bad",
    );
    expect(new AnnalsError("bad").format()).toBe("bad");
  });
});
