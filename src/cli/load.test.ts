import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { finiteNumber, foldCount, positiveInt } from "./load.js";

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
