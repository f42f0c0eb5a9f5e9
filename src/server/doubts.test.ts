import { describe, expect, test } from "vitest";
import type { Chronicle, Finding, FindingKind, Timex } from "../model/types.js";
import { dateDoubts } from "./doubts.js";

const timex = (id: string, start: number, end: number) =>
  ({ id, start, end, text: "x", value: "2009" }) as unknown as Timex;
const finding = (kind: FindingKind, start: number, end: number, confidence: number): Finding => ({
  kind,
  start,
  end,
  text: "x",
  message: "m",
  suggestion: "2009-04-05",
  confidence,
  evidence: [],
  rule: `check:${kind}`,
});
const chronicle = (findings: Finding[]): Chronicle => ({
  document: { id: "d", title: "t", source: "s", length: 100 },
  timexes: [timex("t1", 0, 5), timex("t2", 10, 15)],
  entities: [],
  events: [],
  findings,
});

describe("server:doubts", () => {
  const cases: Array<[string, Finding[], string[]]> = [
    ["same span doubts", [finding("year-out-of-sequence", 0, 5, 0.8)], ["t1"]],
    ["inherited slip", [finding("inherited-slip", 10, 15, 0.6)], ["t2"]],
    ["low confidence does not", [finding("doubtful-anchor", 0, 5, 0.4)], []],
    ["other kind does not", [finding("repeated-passage", 0, 5, 0.9)], []],
    ["overlapping span does not", [finding("year-out-of-sequence", 0, 6, 0.9)], []],
  ];
  test.each(cases)("%s", (_name, findings, ids) => {
    expect([...dateDoubts(chronicle(findings)).keys()]).toEqual(ids);
  });
  test("carries the suggestion", () => {
    const doubt = dateDoubts(chronicle([finding("doubtful-anchor", 0, 5, 0.7)])).get("t1");
    expect(doubt?.suggestion).toBe("2009-04-05");
  });
});
