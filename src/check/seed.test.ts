import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extract } from "../extract.js";
import { DEFAULT_MIN_CONFIDENCE, reportable } from "./index.js";

const raw = readFileSync(new URL("../../samples/us-dprk.md", import.meta.url), "utf8");
const { chronicle } = extract({ raw, name: "us-dprk.md" });
const findings = chronicle.findings;
const shown = reportable(findings);

describe("check: the seed article (美國-北韓關係)", () => {
  it("check:year-out-of-sequence finds 2008年4月5日 among 2009 events, suggesting 2009-04-05", () => {
    const slips = shown.filter((f) => f.kind === "year-out-of-sequence");
    expect(slips.map((f) => [f.text, f.suggestion])).toEqual([["2008年4月5日", "2009-04-05"]]);
  });

  it("check:inherited-slip lists the seven bare dates that inherit 2008", () => {
    const inherited = shown.filter((f) => f.kind === "inherited-slip");
    expect(inherited.map((f) => f.text)).toEqual([
      "4月13日",
      "5月25日",
      "6月12日",
      "6月",
      "8月",
      "9月4日",
      "9月11日",
    ]);
    expect(inherited.every((f) => f.suggestion?.startsWith("2009-"))).toBe(true);
  });

  it("check:doubtful-anchor reports 8月22日 after 1853年1月 in the 1866 passage", () => {
    const doubtful = shown.filter((f) => f.kind === "doubtful-anchor");
    expect(doubtful.map((f) => [f.text, f.suggestion])).toEqual([["8月22日", "1866-08-22"]]);
  });

  it("check:repeated-passage reports the 1998 and 1999 passages told twice", () => {
    const repeats = shown.filter((f) => f.kind === "repeated-passage");
    expect(repeats).toHaveLength(2);
    expect(repeats[0]?.text.startsWith("1998年8月")).toBe(true);
    expect(repeats[1]?.text.startsWith("1999年")).toBe(true);
    expect(repeats[0]?.evidence[0]?.text).toContain("1998年8月");
  });

  it("check:duration-mismatch reports 两周 below the default threshold", () => {
    const d = findings.filter((f) => f.kind === "duration-mismatch");
    expect(d.map((f) => f.text)).toEqual(["两周"]);
    expect(d[0]?.confidence).toBeLessThan(DEFAULT_MIN_CONFIDENCE);
  });

  it("check: nothing else at default confidence", () => {
    expect(shown).toHaveLength(1 + 7 + 1 + 2);
  });

  it("check: every finding's span and evidence slice the raw text", () => {
    for (const f of findings) {
      expect(raw.slice(f.start, f.end)).toBe(f.text);
      for (const e of f.evidence) expect(raw.slice(e.start, e.end)).toBe(e.text);
      expect(f.confidence).toBeGreaterThanOrEqual(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(f.rule).toBe(`check:${f.kind}`);
    }
  });
});
