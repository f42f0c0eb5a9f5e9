import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { main } from "./index.js";
import { SEED_ARTICLE } from "../../test/corpus.js";

const SEED = SEED_ARTICLE;
const dir = mkdtempSync(join(tmpdir(), "annals-parse-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** Runs the CLI, capturing stdout and stderr. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  const code = await main(["node", "annals", "parse", ...args]);
  vi.restoreAllMocks();
  return { code, out, err };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("annals parse", () => {
  it("prints the seed's document model as JSON", async () => {
    const { code, out, err } = await run(SEED);
    expect(code).toBe(0);
    expect(err).toBe("");
    const json = JSON.parse(out) as Record<string, unknown[]> & { title: string };
    expect(json.title).toBe("美國-北韓關係");
    expect(json.footnotes).toHaveLength(40);
    expect(json.images).toHaveLength(3);
    expect(json).not.toHaveProperty("raw");
    expect(json).not.toHaveProperty("rawStarts");
    const sentence = json.sentences![0] as { start: number; end: number; text: string };
    expect(sentence.text.length).toBe(sentence.end - sentence.start);
  });

  it.each([
    ["cn", "美国-北韩关系是美利坚合众国和朝鲜民主主义人民共和国之间的双边关系"],
    ["tw", "美國-北韓關係是美利堅合眾國和朝鮮民主主義人民共和國之間的雙邊關係"],
    ["original", "美國-北韓關係是美利堅合眾國和朝鮮民主主義人民共和國之間的雙邊關係"],
  ])("prints the clean article in variant %s", async (variant, lead) => {
    const { code, out } = await run(SEED, "--format", "text", "--variant", variant);
    expect(code).toBe(0);
    expect(out.startsWith(lead)).toBe(true);
    expect(out).toMatch(/\n\n## 历史\n\n### 二战之前\n\n|\n\n## 歷史\n\n### 二(?:战|戰)之前\n\n/);
    expect(out).not.toContain("-{");
  });

  it.each([
    ["missing file", () => join(dir, "missing.md"), /no such file/],
    ["directory", () => dir, /directory/],
    ["empty file", () => file("empty.md", ""), /empty file/],
    ["binary file", () => file("bin.md", new Uint8Array([0x61, 0, 0x62])), /byte 1: binary/],
    [
      "invalid UTF-8",
      () => file("bad.md", new Uint8Array([0x61, 0x62, 0xc3, 0x28])),
      /byte 2: invalid UTF-8/,
    ],
    [
      "truncated multibyte",
      () => file("cut.md", new TextEncoder().encode("朝鮮").slice(0, 5)),
      /byte 3: invalid UTF-8/,
    ],
  ])("exits 2 with one stderr line for a %s", async (_name, make, message) => {
    const path = make();
    const { code, out, err } = await run(path);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err.split("\n").filter((l) => l !== "")).toHaveLength(1);
    expect(err).toContain(path);
    expect(err).toMatch(message);
  });

  it("exits 2 when the file exceeds --max-bytes", async () => {
    const { code, err } = await run(SEED, "--max-bytes", "1000");
    expect(code).toBe(2);
    expect(err).toMatch(/too large/);
  });
});
