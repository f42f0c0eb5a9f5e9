import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "./index.js";
import { parseConfidence } from "./check.js";

const dir = mkdtempSync(join(tmpdir(), "annals-check-"));
const slipFile = join(dir, "slip.md");
writeFileSync(
  slipFile,
  "## 历史\n\n2009年，奥巴马出任美国总统。2009年1月21日，奥巴马表示愿与朝鲜接触。\n" +
    "但2008年4月5日朝鲜发射了导弹。4月13日，安理会发表声明。奥巴马政府在2009年内一再尝试接触。\n",
);
const cleanFile = join(dir, "clean.md");
writeFileSync(cleanFile, "## 历史\n\n1990年，公司成立。1995年，公司上市。2003年，公司被收购。\n");
const emptyFile = join(dir, "empty.md");
writeFileSync(emptyFile, "");

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
  return { out, err };
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("annals check", () => {
  it("exits 1 and prints file:line:col  kind  message for findings", async () => {
    const { out } = capture();
    const code = await main(["node", "annals", "check", slipFile]);
    expect(code).toBe(1);
    const text = out.join("");
    // 2008年4月5日 is on line 4 (after the heading, a blank line and line 3), column 2.
    expect(text).toContain(`${slipFile}:4:2  year-out-of-sequence  "2008年4月5日"`);
    expect(text).toContain(`${slipFile}:4:19  inherited-slip`);
    expect(text).toMatch(/2 findings in 1 file\n$/);
  });

  it("exits 0 with a zero summary when nothing is found", async () => {
    const { out } = capture();
    expect(await main(["node", "annals", "check", cleanFile])).toBe(0);
    expect(out.join("")).toBe("0 findings in 1 file\n");
  });

  it("exits 0 when the threshold is above every finding", async () => {
    const { out } = capture();
    expect(await main(["node", "annals", "check", slipFile, "--min-confidence", "0.99"])).toBe(0);
    expect(out.join("")).toBe("0 findings in 1 file\n");
  });

  it("prints JSON with line and column", async () => {
    const { out } = capture();
    expect(await main(["node", "annals", "check", slipFile, cleanFile, "--format", "json"])).toBe(
      1,
    );
    const json = JSON.parse(out.join("")) as {
      total: number;
      files: Array<{
        file: string;
        findings: Array<{ kind: string; line: number; column: number }>;
      }>;
    };
    expect(json.total).toBe(2);
    expect(json.files.map((f) => f.findings.length)).toEqual([2, 0]);
    expect(json.files[0]?.findings[0]).toMatchObject({
      kind: "year-out-of-sequence",
      line: 4,
      column: 2,
    });
  });

  it.each([
    ["a missing file", [join(dir, "missing.md")], /missing\.md: no such file/],
    ["an empty file", [emptyFile], /empty\.md: empty file/],
    ["a bad threshold", [cleanFile, "--min-confidence", "1.5"], /from 0 to 1/],
  ])("exits 2 on %s", async (_name, args, message) => {
    const { err } = capture();
    expect(await main(["node", "annals", "check", ...args])).toBe(2);
    expect(err.join("")).toMatch(message);
  });

  it("names every unreadable file, checks none and exits 2", async () => {
    const { out, err } = capture();
    const missing = join(dir, "missing.md");
    expect(await main(["node", "annals", "check", missing, slipFile, emptyFile])).toBe(2);
    const lines = err.join("").trimEnd().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/missing\.md: no such file/),
      expect.stringMatching(/empty\.md: empty file/),
      "annals: check: 2 of 3 files unreadable; nothing checked",
    ]);
    expect(out.join("")).toBe("");
  });

  it("checks the article files of a folder, as ingest finds them (corpus notes left out)", async () => {
    const corpus = mkdtempSync(join(tmpdir(), "annals-check-corpus-"));
    writeFileSync(join(corpus, "splits.json"), '{"dev": ["a", "b"]}');
    for (const [name, file] of [
      ["a", slipFile],
      ["b", cleanFile],
    ] as const) {
      mkdirSync(join(corpus, name));
      writeFileSync(join(corpus, name, "meta.json"), "{}");
      writeFileSync(join(corpus, name, `${name}.md`), readFileSync(file));
      writeFileSync(join(corpus, name, "NOTES.md"), "2050年，注释。1900年，注释。\n");
    }
    const { out } = capture();
    expect(await main(["node", "annals", "check", corpus])).toBe(1);
    const text = out.join("");
    expect(text).toContain(`${join(corpus, "a", "a.md")}:4:2  year-out-of-sequence`);
    expect(text).not.toContain("NOTES.md");
    expect(text).toMatch(/2 findings in 2 files\n$/);
  });

  it("skips a JSON-lines file found in a folder, and refuses one named directly", async () => {
    const folder = mkdtempSync(join(tmpdir(), "annals-check-mixed-"));
    writeFileSync(join(folder, "a.md"), readFileSync(cleanFile));
    writeFileSync(join(folder, "b.jsonl"), '{"title": "b", "text": "1990年"}\n');
    const first = capture();
    expect(await main(["node", "annals", "check", folder])).toBe(0);
    expect(first.out.join("")).toBe("0 findings in 1 file\n");
    expect(first.err.join("")).toContain("b.jsonl: skipped");
    vi.restoreAllMocks();
    const second = capture();
    expect(await main(["node", "annals", "check", join(folder, "b.jsonl")])).toBe(2);
    expect(second.err.join("")).toContain("check reads article files, not JSON-lines files");
  });

  it("exits 2 on a folder with no article files", async () => {
    const { err } = capture();
    const empty = mkdtempSync(join(tmpdir(), "annals-check-empty-"));
    expect(await main(["node", "annals", "check", empty])).toBe(2);
    expect(err.join("")).toContain(`annals: check: no article files in ${empty}`);
  });

  it.each([["0"], ["0.5"], ["1"]])("accepts --min-confidence %s", (v) => {
    expect(parseConfidence(v)).toBe(Number(v));
  });
  it.each([["-0.1"], ["abc"], [""], ["2"]])("rejects --min-confidence %s", (v) => {
    expect(() => parseConfidence(v)).toThrow();
  });
});
