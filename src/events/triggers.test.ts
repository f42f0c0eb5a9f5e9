import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  insideException,
  loadEventTables,
  loadRows,
  parseTables,
  rowsOf,
  type Trigger,
} from "./tables.js";
import { findTriggers, firstUnits, type TriggerHit } from "./detect.js";

const units = (s: Set<number> | null) =>
  s === null ? null : [...s].map((u) => String.fromCharCode(u)).join("");

describe("events:firstUnits (the characters a trigger pattern can start with)", () => {
  const cases: Array<[string, string | null]> = [
    ["冻结[^，。]{0,8}?资产", "冻"],
    ["反应强烈|强烈反应|强烈不满", "反强"],
    ["(?:同意|答应)(?:暂停|停止)", "同答"],
    ["[称说](?=[^。]{0,40}否则)", "称说"],
    ["(?:(?:甲|乙)丙|丁)戊", "甲乙丁"],
    ["中+断", "中"],
    // negative: what the reader cannot tell, or a first atom that may match nothing
    ["冻?结", null],
    ["(?:冻结)*资产", null],
    ["冻{0,1}结", null],
    ["[^，。]冻结", null],
    ["[甲-癸]冻结", null],
    ["\\d+年", null],
    ["\\u51bb结", null],
    [".冻结", null],
    ["(?=冻)冻结", null],
    ["(?<!不)冻结", null],
    ["冻结|", null],
    ["(?:|冻)结", null],
  ];
  it.each(cases)("%s → %s", (source, expected) => {
    expect(units(firstUnits(source))).toBe(expected === null ? null : expected);
  });
});

/** The scan without the index: every pattern and every word tried at every position. */
function naive(text: string, start: number, end: number, triggers: Trigger[]): TriggerHit[] {
  const words = triggers.filter((t) => !t.pattern).sort((a, b) => b.word.length - a.word.length);
  const patterns = triggers.filter((t) => t.pattern);
  const out: TriggerHit[] = [];
  for (let i = start; i < end; i += 1) {
    let best: TriggerHit | null = null;
    for (const t of patterns) {
      const re = t.pattern as RegExp;
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m || m[0].length === 0 || i + m[0].length > end) continue;
      if (!best || m[0].length > best.end - best.start)
        best = { trigger: t, start: i, end: i + m[0].length };
    }
    for (const t of words) {
      if (best && t.word.length <= best.end - best.start) break;
      if (i + t.word.length > end || !text.startsWith(t.word, i)) continue;
      if (insideException(text, i, t.word, t.except)) continue;
      best = { trigger: t, start: i, end: i + t.word.length };
      break;
    }
    if (!best) continue;
    out.push(best);
    i = best.end - 1;
  }
  return out;
}

const hitsOf = (hits: TriggerHit[]) => hits.map((h) => `${h.start}-${h.end}:${h.trigger.word}`);

describe("events:findTriggers through the first-character index", () => {
  it("finds what trying every trigger at every position finds, on the sample", () => {
    const tables = loadEventTables();
    const text = readFileSync(new URL("../../samples/us-dprk.md", import.meta.url), "utf8");
    const hits = findTriggers(text, 0, text.length, tables, () => false);
    expect(hits.length).toBeGreaterThan(100);
    expect(hitsOf(hits)).toEqual(hitsOf(naive(text, 0, text.length, tables.triggers)));
  });

  it("keeps table order, longest-first words and patterns no reader can index", () => {
    const tables = {
      ...loadEventTables(),
      triggers: parseTables({
        triggers: rowsOf("t.tsv", [
          ["/\\S制裁/", "sanction", "act", "5", "", ""],
          ["/[甲-癸]方/", "talks", "act", "5", "", ""],
          ["/(?:谴|指)责/", "condemnation", "act", "5", "", ""],
          ["谴责", "condemnation", "act", "4", "", ""],
          ["访问", "visit", "act", "4", "访问团", ""],
          ["访", "visit", "act", "3", "", ""],
          ["制裁", "sanction", "act", "3", "", ""],
        ]),
        modality: [],
        scores: [],
        adjustments: [],
        series: [],
        patterns: loadRows("events/clause-patterns.tsv"),
      }).triggers,
    };
    const text = "美国对朝制裁，甲方谴责乙方，访问团访华，指责。";
    const hits = findTriggers(text, 0, text.length, tables, (i) => i === 14);
    expect(hitsOf(hits)).toEqual(
      hitsOf(naive(text, 0, text.length, tables.triggers)).filter((h) => !h.startsWith("14-")),
    );
    expect(hitsOf(hits)).toContain("3-6:/\\S制裁/");
    expect(hitsOf(hits)).toContain("7-9:/[甲-癸]方/");
  });
});
