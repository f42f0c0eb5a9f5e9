import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { displayWidth } from "../export/index.js";
import { MAX_WIDTH, tableWidth } from "./timeline.js";
import { ARTICLES_DIR } from "../../test/corpus.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const bin = join(root, "bin/annals.js");
const SAMPLE = join(root, "samples/us-dprk.md");
const tmp = mkdtempSync(join(tmpdir(), "annals-shell-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the built CLI with `input` piped to its standard input (stdout is a pipe too). */
function annals(
  args: string[],
  input = "",
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: tmp,
      env: { ...process.env, COLUMNS: "", ...env },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("close", (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}

const seed = readFileSync(SAMPLE, "utf8");

describe("cli: standard input for every file argument", () => {
  it.each([
    [["extract", "-"]],
    [["parse", "-", "--format", "text"]],
    [["check", "-", "--format", "json"]],
    [["timeline", "-", "--format", "json"]],
    [["export", "-", "--format", "csv"]],
    [["eval", "--gold", join(root, "corpus/us-dprk"), "-"]],
  ])("annals %j reads a pipe", async (args) => {
    const { code, out, err } = await annals(args, seed);
    expect(err).toBe("");
    expect([0, 1]).toContain(code); // check exits 1 on findings
    expect(out.length).toBeGreaterThan(100);
  });

  it("`-` is stored as <stdin> by extract", async () => {
    const { out } = await annals(["extract", "-"], seed);
    expect((JSON.parse(out) as { document: { source: string } }).document.source).toBe("<stdin>");
  });

  it("/dev/stdin (a pipe) is read like a file", async () => {
    const { code, out } = await annals(["timeline", "/dev/stdin", "--format", "json"], seed);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { count: number }).count).toBeGreaterThan(20);
  });

  it("ingest - stores the piped article", async () => {
    const db = join(tmp, "stdin.db");
    const { code } = await annals(["ingest", "--db", db, "--jobs", "1", "-"], seed);
    expect(code).toBe(0);
    const { out } = await annals(["timeline", "--db", db, "--format", "json"]);
    expect((JSON.parse(out) as { count: number }).count).toBeGreaterThan(20);
  });
});

describe("cli: a document with no Chinese text", () => {
  it("gets one warning line on stderr and exit 0", async () => {
    const { code, err } = await annals(["timeline", "-"], "An English article about 1999.\n");
    expect(code).toBe(0);
    expect(err.trimEnd().split("\n")).toEqual([
      "annals: <stdin>: warning: no Chinese text; annals reads Chinese articles, so little or nothing will be found",
    ]);
  });

  it("a Chinese article gets none", async () => {
    const { err } = await annals(["timeline", SAMPLE]);
    expect(err).toBe("");
  });
});

describe("cli: table width", () => {
  it.each([
    [null, {}, 80, 80],
    [null, { COLUMNS: "132" }, 80, 132],
    [60, { COLUMNS: "132" }, 80, 60],
    [null, {}, undefined, Infinity],
    [null, { COLUMNS: "abc" }, undefined, Infinity],
    [null, { COLUMNS: "99999" }, undefined, MAX_WIDTH],
  ] as const)("--width %s, env %j, terminal %s → %s", (flag, env, columns, expected) => {
    expect(tableWidth(flag, env, columns)).toBe(expected);
  });

  const widest = (out: string): number => Math.max(...out.split("\n").map(displayWidth));

  it("a pipe gets whole lines; COLUMNS and --width cut them", async () => {
    const whole = await annals(["timeline", SAMPLE]);
    expect(widest(whole.out)).toBeGreaterThan(130);
    const json = await annals(["timeline", SAMPLE, "--format", "json"]);
    const summaries = (JSON.parse(json.out) as { events: Array<{ summary: string }> }).events.map(
      (e) => e.summary.replace(/\s+/g, " ").trim(),
    );
    const longest = summaries.reduce((a, b) => (displayWidth(b) > displayWidth(a) ? b : a));
    expect(whole.out).toContain(longest);
    expect(widest((await annals(["timeline", SAMPLE], "", { COLUMNS: "130" })).out)).toBe(130);
    expect(widest((await annals(["timeline", SAMPLE, "--width", "120"])).out)).toBe(120);
  });

  it("several documents: the source column names each by its title, cut short", async () => {
    const files = [SAMPLE, join(ARTICLES_DIR, "04_southeast-mutual-protection.md")];
    const { out } = await annals(["timeline", ...files, "--width", "140"]);
    const sources = out
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((line) => line.split("  ").at(-1) ?? "");
    for (const source of sources) expect(displayWidth(source)).toBeLessThanOrEqual(12 + 10);
    const header = out.split("\n")[0] ?? "";
    const summaryColumn = header.indexOf("source") - header.indexOf("summary");
    expect(summaryColumn).toBeGreaterThan(30);
    expect(sources.some((s) => s.startsWith("美國-北韓"))).toBe(true);
    expect(sources.some((s) => s.startsWith("東南互保:"))).toBe(true);
  });
});
