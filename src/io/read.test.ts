import { mkdtempSync, mkdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AnnalsError } from "../model/index.js";
import { readSource } from "./read.js";

const dir = mkdtempSync(join(tmpdir(), "annals-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function failure(fn: () => unknown): AnnalsError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AnnalsError);
    return error as AnnalsError;
  }
  throw new Error("expected an AnnalsError");
}

describe("readSource", () => {
  it("reads a file's bytes", () => {
    const path = join(dir, "ok.md");
    writeFileSync(path, "朝鮮");
    const { bytes } = readSource(path);
    expect(Buffer.from(bytes).toString("utf8")).toBe("朝鮮");
  });

  const cases: Array<[string, () => string, RegExp]> = [
    ["missing path", () => join(dir, "nope.md"), /no such file/],
    [
      "a directory",
      () => {
        const p = join(dir, "sub");
        mkdirSync(p, { recursive: true });
        return p;
      },
      /directory/,
    ],
    [
      "a 20 MB file (size limit)",
      () => {
        const p = join(dir, "big.md");
        writeFileSync(p, "");
        truncateSync(p, 20 * 1024 * 1024);
        return p;
      },
      /too large: 20\.0 MiB .* limit of 8\.0 MiB/,
    ],
  ];
  it.each(cases)(
    "refuses %s with one line naming the file",
    (_name, make, message) => {
      const path = make();
      const error = failure(() => readSource(path));
      expect(error.file).toBe(path);
      expect(error.message).toMatch(message);
      expect(error.format()).not.toContain("\n");
      expect(error.format().startsWith(path)).toBe(true);
    },
    5_000,
  );

  it("honours a smaller maxBytes", () => {
    const path = join(dir, "small.md");
    writeFileSync(path, "x".repeat(100));
    expect(failure(() => readSource(path, { maxBytes: 10 })).message).toMatch(
      /100 bytes.*10 bytes/,
    );
    expect(readSource(path, { maxBytes: 100 }).bytes.length).toBe(100);
  });
});
