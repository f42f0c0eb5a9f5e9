import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "./index.js";

const dir = mkdtempSync(join(tmpdir(), "annals-eval-"));
const article = join(dir, "a.md");
const raw = "## 历史\n\n1998年8月，朝鲜发射卫星。同年11月，美国提出访问。\n";
writeFileSync(article, raw);
const at = (text: string) => ({
  start: raw.indexOf(text),
  end: raw.indexOf(text) + text.length,
  text,
});
const gold = join(dir, "gold");
mkdirSync(gold);
writeFileSync(
  join(gold, "timex.json"),
  JSON.stringify([
    { ...at("1998年8月"), type: "DATE", value: "1998-08" },
    { ...at("同年11月"), type: "DATE", value: "1998-11" },
  ]),
);
const other = join(dir, "other.md");
writeFileSync(other, "## 公司\n\n本公司成立于一个很久以前的年份，没有任何具体日期可言。\n");

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

describe("annals eval", () => {
  it("scores an article against its gold", async () => {
    const { out } = capture();
    expect(await main(["node", "annals", "eval", "--gold", gold, article, "--brief"])).toBe(0);
    expect(out.join("")).toMatch(/timex value .*F1 1\.000/);
  });

  it("refuses gold made for another article, in one line", async () => {
    const { err } = capture();
    expect(await main(["node", "annals", "eval", "--gold", gold, other])).toBe(2);
    expect(err.join("")).toMatch(/does not fit this article: 2 of 2 gold spans/);
    expect(err.join("").trim().split("\n")).toHaveLength(1);
  });
});
