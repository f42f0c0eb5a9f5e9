import { describe, expect, it } from "vitest";
import { candidateOf, tracedFeatures } from "./testing.js";
import { contextFeatures, sectionKind, type Candidate } from "./features.js";

describe("events:features/section-kind", () => {
  const doc = {
    sections: [
      { title: "背景", parent: null },
      { title: "戰役經過", parent: null },
      { title: "黄海海战", parent: 1 },
      { title: "評價", parent: null },
      { title: "早年生平", parent: null },
      { title: "事後", parent: null },
      { title: "家庭", parent: null },
      { title: "美国", parent: null },
    ],
  };
  it.each([
    [null, "lead"],
    [0, "background"],
    [1, "course"],
    // A heading with no kind word takes its enclosing section's kind.
    [2, "course"],
    [3, "assess"],
    [4, "life"],
    [5, "after"],
    [6, "list"],
    [7, "other"],
  ] as const)("section %s → %s", (section, kind) => {
    expect(sectionKind(doc, section)).toBe(kind);
  });
});

describe("events:features/context", () => {
  const text = "由于天气恶劣，舰队于1894年返回，随后解散";
  const clause = (start: number, end: number, index: number): Candidate =>
    candidateOf(text, start, end, {
      clause: { start, end, index, joined: false },
      context: { clauses: 3, dated: [false, true, false], section: "course", blockDates: 1 },
    });
  it("reads the clause's role, its sentence's dates and its section", () => {
    const first = contextFeatures(clause(0, 6, 0), "bare", "narrative");
    expect(first).toContain("ctx:crole=reason");
    expect(first).toContain("ctx:sdated=other|bare");
    expect(first).toContain("ctx:sec=course|bare");
    expect(first).toContain("ctx:sec=course|date=narrative");
    expect(first).not.toContain("ctx:last-clause");
    expect(contextFeatures(clause(7, text.indexOf("，随后"), 1), "rule", "explicit")).toContain(
      "ctx:sdated=own|rule",
    );
    const last = contextFeatures(clause(text.indexOf("随后"), text.length, 2), "bare", "narrative");
    expect(last).toContain("ctx:last-clause");
    expect(last).toContain("ctx:crole=sequel");
    expect(last).toContain("ctx:pdates=1|bare");
  });

  it("gives a candidate of an article the context of its sentence and section", () => {
    const features = tracedFeatures(
      "## 背景\n\n1900年，清军进攻天津，联军撤退。\n\n## 影响\n\n各国签订条约。\n",
    );
    const retreat = [...features].find(([t]) => t.includes("联军撤退"))?.[1] ?? [];
    expect(retreat).toContain("ctx:sec=background");
    expect(retreat).toContain("ctx:last-clause");
    expect(retreat).toContain("ctx:sclauses=3");
    const treaty = [...features].find(([t]) => t.includes("签订条约"))?.[1] ?? [];
    expect(treaty).toContain("ctx:sec=assess");
    expect(treaty).toContain("ctx:sclauses=1");
  });
});
