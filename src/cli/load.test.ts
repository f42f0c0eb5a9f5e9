import { InvalidArgumentError } from "commander";
import { describe, expect, it, vi } from "vitest";
import { finiteNumber, foldCount, positiveInt, warnAboutSource } from "./load.js";
import { unclosedConverters } from "../ingest/converter.js";

describe("option value parsers", () => {
  it("finiteNumber takes weights and thresholds, negative and fractional ones too", () => {
    expect(finiteNumber("8")).toBe(8);
    expect(finiteNumber("-6")).toBe(-6);
    expect(finiteNumber("0.5")).toBe(0.5);
  });

  it("finiteNumber rejects what Number() would turn into NaN, Infinity or 0", () => {
    for (const bad of ["x", "", " ", "Infinity", "1e999", "8,5"])
      expect(() => finiteNumber(bad), bad).toThrow(InvalidArgumentError);
  });

  it("positiveInt rejects zero, fractions and words", () => {
    expect(positiveInt("5")).toBe(5);
    for (const bad of ["0", "1.5", "five"]) expect(() => positiveInt(bad)).toThrow();
  });

  it("foldCount takes 2 folds or more: one fold would train each model on the seed alone", () => {
    expect(foldCount("2")).toBe(2);
    expect(foldCount("10")).toBe(10);
    for (const bad of ["1", "0", "2.5", "x"]) expect(() => foldCount(bad), bad).toThrow();
  });
});

describe("unclosed converter markup", () => {
  it("finds a -{ that nothing closes, not one inside or before a closed markup", () => {
    expect(unclosedConverters("-{朝鮮}- 與 -{A 會談")).toEqual([9]);
    expect(unclosedConverters("-{A|-{朝鮮}-}- 會談")).toEqual([]);
    expect(unclosedConverters("a -{ b -{ c")).toEqual([2, 7]);
    expect(unclosedConverters("-{R|美國}-")).toEqual([]);
    expect(unclosedConverters("沒有標記")).toEqual([]);
  });

  it("warns in one line naming the file, line and column, and how many more", () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
      lines.push(String(s));
      return true;
    });
    try {
      warnAboutSource({ name: "a.md", raw: "# 題\n\n1990年 -{A 與 -{B\n" });
      warnAboutSource({ name: "b.md", raw: "# 題\n\n-{朝鮮}-\n" });
    } finally {
      spy.mockRestore();
    }
    expect(lines).toEqual([
      'annals: a.md:3:7: warning: unclosed converter markup "-{" (and 1 more); kept as literal text, as MediaWiki shows it\n',
    ]);
  });
});
