import { describe, expect, it } from "vitest";
import type { EventDiff } from "../eval/index.js";
import { addConfusion, emptyConfusion, formatConfusion } from "./confusion.js";

function gold(type: string, text = "x"): NonNullable<EventDiff["gold"]> {
  return { id: "g", type, date: "2000", text: `${text}:gold` };
}

function pair(type: string, system: string, text = "x"): EventDiff {
  return {
    gold: gold(type, text),
    system: { id: "s", type: system, date: "2000", text: `${text}:ours`, rule: "r" },
  };
}

describe("train:confusion", () => {
  it("counts gold × ours and keeps only the wrong-type pairs as examples", () => {
    const c = emptyConfusion();
    addConfusion(c, "a", [pair("statement", "statement"), pair("statement", "other", "甲")]);
    addConfusion(c, "b", [pair("statement", "other", "乙"), { gold: gold("talks") }]);
    expect(c.matrix).toEqual({ statement: { statement: 1, other: 2 } });
    expect(c.pairs.map((p) => p.article)).toEqual(["a", "b"]);
  });

  it("prints the matrix, the share right and the largest off-diagonal cells with examples", () => {
    const c = emptyConfusion();
    addConfusion(c, "a", [
      pair("statement", "other", "甲"),
      pair("statement", "other", "丙"),
      pair("talks", "visit", "丁"),
      pair("talks", "talks"),
    ]);
    addConfusion(c, "b", [pair("statement", "other", "乙")]);
    const text = formatConfusion(c, 1, 2);
    expect(text).toContain("1 of 5 typed right (0.200)");
    expect(text).toMatch(/statement(?:\s+\.){2}\s+3\s/u);
    expect(text).toContain("statement → other: 3 (1.00)");
    expect(text).not.toContain("talks → visit");
    // One example per article first: a's first pair, then b's.
    expect(text).toContain("a: gold「甲:gold」");
    expect(text).toContain("b: gold「乙:gold」");
    expect(text).not.toContain("丙");
  });
});
