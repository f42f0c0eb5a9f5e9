import { rmSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { dataPath, loadDataJson } from "./data.js";
import { AnnalsError } from "./errors.js";

// Note: files of this process's own under data/ (one per test: texts are cached), removed after.
const good = `events/.good-${process.pid}.json`;
const relative = `events/.corrupt-${process.pid}.json`;
afterEach(() => {
  for (const f of [good, relative]) rmSync(dataPath(f), { force: true });
});

describe("loadDataJson", () => {
  it("parses a data file", () => {
    writeFileSync(dataPath(good), '{"version": 1}');
    expect(loadDataJson<{ version: number }>(good).version).toBe(1);
  });

  it("names a damaged data file in one line instead of an internal JSON error", () => {
    writeFileSync(dataPath(relative), '{"version": 1, "weights": {');
    let thrown: unknown;
    try {
      loadDataJson(relative);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AnnalsError);
    const line = (thrown as AnnalsError).format();
    expect(line).toContain(relative.split("/")[1]);
    expect(line).toMatch(/not valid JSON/);
    expect(line).not.toContain("\n");
  });
});
