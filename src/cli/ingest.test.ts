import { execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestPaths, type IngestResult } from "../ingest-worker/index.js";
import { openStore } from "../store/index.js";
import { ensureSampleDb, SAMPLE_SOURCE } from "./start-db.js";
import { summaryLine } from "./ingest.js";
import { CORPUS } from "../../test/corpus.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

const bin = join(root, "bin/annals.js");
const tmp = mkdtempSync(join(tmpdir(), "annals-ingest-"));

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every `*.md` file under a folder (what a folder ingest reads). */
function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .map((f) => join(dir, f));
}

/** The corpus articles, cut to their first `max` characters at a paragraph end. */
function corpusTexts(max: number): string[] {
  return markdownUnder(join(CORPUS, "articles"))
    .concat(join(CORPUS, "seed/us-dprk.md"))
    .sort()
    .map((f) => {
      const text = readFileSync(f, "utf8");
      const cut = text.lastIndexOf("\n\n", max);
      return cut > 0 ? text.slice(0, cut) : text.slice(0, max);
    });
}

/** Runs the built CLI; resolves with its exit code and output. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: tmp });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const noop = { jobs: 0 } as const;

describe("ingest: the test corpus, in-process", () => {
  const db = join(tmp, "corpus.db");
  let first: IngestResult;

  beforeAll(async () => {
    const store = openStore(db);
    first = await ingestPaths(store, [CORPUS], noop);
    store.close();
  }, 300_000);

  it("stores every markdown file of the folder, with timexes and events", () => {
    const files = markdownUnder(CORPUS);
    expect(first).toMatchObject({
      total: files.length,
      ingested: files.length,
      failed: 0,
      unchanged: 0,
    });
    const store = openStore(db, { readonly: true });
    const counts = store.counts();
    expect(counts.documents).toBe(files.length);
    expect(counts.timexes).toBeGreaterThan(100);
    expect(counts.events).toBeGreaterThan(50);
    expect(store.integrityCheck()).toBe("ok");
    const seed = store.document(join(CORPUS, "seed/us-dprk.md"));
    expect(seed?.summary.title).toBe("美國-北韓關係");
    expect(seed?.chronicle.timexes.every((t) => seed.raw.slice(t.start, t.end) === t.text)).toBe(
      true,
    );
    store.close();
  });

  it.each([
    ["朝鮮", "朝鲜"],
    ["核試驗", "核试验"],
    ["義和團", "义和团"],
  ])("search %s and %s give the same hits", (tw, cn) => {
    const store = openStore(db, { readonly: true });
    const hits = store.search(tw, { limit: 1000 });
    expect(hits.length).toBeGreaterThan(0);
    expect(store.search(cn, { limit: 1000 })).toEqual(hits);
    store.close();
  });

  it("answers event queries on the real corpus", () => {
    const store = openStore(db, { readonly: true });
    const seed = join(CORPUS, "seed/us-dprk.md");
    const all = store.events({ doc: seed });
    expect(all.length).toBeGreaterThan(20);
    const byName = store.events({ doc: seed, actor: "朝鮮" });
    expect(byName.length).toBeGreaterThan(0);
    expect(store.events({ doc: seed, actor: "朝鲜" })).toEqual(byName);
    const range = store.events({ from: "2000", to: "2009" });
    expect(range.length).toBeGreaterThan(0);
    for (const e of range) expect(e.date.value?.slice(0, 4) ?? "").toMatch(/^200\d$/);
    const dated = all.filter((e) => e.date.value !== null && /^\d/.test(e.date.value));
    const keys = dated.map((e) => e.date.value ?? "");
    expect(keys).toEqual([...keys].sort());
    expect(
      store.events({ doc: seed, types: ["weapons_test"] }).every((e) => e.type === "weapons_test"),
    ).toBe(true);
    store.close();
  });

  it("re-ingesting unchanged files is a no-op", async () => {
    const store = openStore(db);
    const before = store.counts();
    const again = await ingestPaths(store, [CORPUS], noop);
    expect(again).toMatchObject({ ingested: 0, unchanged: first.total, failed: 0 });
    expect(store.counts()).toEqual(before);
    store.close();
    expect(summaryLine(again)).toMatch(/^ingested 0, unchanged \d+, failed 0 in /);
  });
});

describe("ingest: changes, JSON lines, bad inputs (in-process)", () => {
  it("replaces the rows of a changed file and keeps the others", async () => {
    const dir = join(tmp, "changed");
    mkdirSync(dir);
    const [a = "", b = ""] = corpusTexts(1500);
    writeFileSync(join(dir, "a.md"), a);
    writeFileSync(join(dir, "b.md"), b);
    const store = openStore(join(tmp, "changed.db"));
    await ingestPaths(store, [dir], noop);
    const oldA = store.document(join(dir, "a.md"));
    writeFileSync(join(dir, "a.md"), `${a}\n\n1999年，測試國發射了一枚衛星。\n`);
    const r = await ingestPaths(store, [dir], noop);
    expect(r).toMatchObject({ ingested: 1, replaced: 1, unchanged: 1, failed: 0 });
    expect(store.counts().documents).toBe(2);
    expect(oldA !== null && store.document(oldA.summary.id)).toBe(null);
    expect(store.search("测试国").map((h) => h.text)).toEqual(["1999年，測試國發射了一枚衛星。"]);
    expect(store.integrityCheck()).toBe("ok");

    const before = store.counts();
    const forced = await ingestPaths(store, [dir], { jobs: 0, force: true });
    expect(forced).toMatchObject({ ingested: 2, replaced: 2, unchanged: 0 });
    expect(store.counts()).toEqual(before);

    const errors: string[] = [];
    const limited = await ingestPaths(store, [dir], {
      jobs: 0,
      maxBytes: 100,
      onError: (l) => errors.push(l),
    });
    expect(limited).toMatchObject({ ingested: 0, failed: 2 });
    expect(errors[0]).toMatch(/a\.md: file too large/);
    store.close();
  });

  it("reads JSON lines, reporting bad lines with file:line and going on", async () => {
    const file = join(tmp, "records.jsonl");
    const [a = "", b = ""] = corpusTexts(1000);
    writeFileSync(
      file,
      [
        JSON.stringify({ title: "甲條目", text: a }),
        "{not json",
        "",
        JSON.stringify({ title: "乙条目", text: b }),
        JSON.stringify({ text: "no title" }),
        JSON.stringify(["array"]),
      ].join("\n"),
    );
    const errors: string[] = [];
    const store = openStore(join(tmp, "jsonl.db"));
    const r = await ingestPaths(store, [file], { jobs: 0, onError: (l) => errors.push(l) });
    expect(r).toMatchObject({ total: 5, ingested: 2, failed: 3 });
    expect(errors.map((l) => l.replace(/:\s.*/, ""))).toEqual([
      `${file}:2`,
      `${file}:5`,
      `${file}:6`,
    ]);
    expect(store.documents().map((d) => [d.title, d.source])).toEqual([
      ["乙条目", `${file}#乙条目`],
      ["甲條目", `${file}#甲條目`],
    ]);
    store.close();
  });

  it("names missing paths and undecodable files, and stores the rest", async () => {
    const dir = join(tmp, "bad-inproc");
    mkdirSync(dir);
    const [a = ""] = corpusTexts(1000);
    writeFileSync(join(dir, "good.md"), a);
    writeFileSync(join(dir, "empty.md"), "");
    writeFileSync(join(dir, "latin1.md"), Buffer.from([0x41, 0xe9, 0x42, 0x0a]));
    writeFileSync(join(dir, "ignored.txt"), "not an input");
    const errors: string[] = [];
    const store = openStore(join(tmp, "bad-inproc.db"));
    const r = await ingestPaths(store, [dir, join(tmp, "missing.md")], {
      jobs: 0,
      onError: (l) => errors.push(l),
    });
    expect(r).toMatchObject({ total: 4, ingested: 1, failed: 3 });
    expect(errors.sort()).toEqual([
      `${join(dir, "empty.md")}: empty file`,
      `${join(dir, "latin1.md")}: byte 1: invalid UTF-8`,
      `${join(tmp, "missing.md")}: no such file or folder`,
    ]);
    store.close();
  });
});

describe("ensureSampleDb", () => {
  it("ingests the bundled sample once", () => {
    const db = join(tmp, "sample.db");
    expect(ensureSampleDb(db)).toBe("inserted");
    expect(ensureSampleDb(db)).toBe("unchanged");
    const store = openStore(db, { readonly: true });
    expect(store.documents().map((d) => d.source)).toEqual([SAMPLE_SOURCE]);
    expect(store.documents()[0]?.counts.events).toBeGreaterThan(0);
    store.close();
  });
});

describe("annals ingest (built CLI, worker threads)", () => {
  beforeAll(() => {
    const stale = (src: string, out: string) =>
      !existsSync(join(root, out)) ||
      statSync(join(root, src)).mtimeMs > statSync(join(root, out)).mtimeMs;
    if (
      stale("src/cli/ingest.ts", "dist/cli/ingest.js") ||
      stale("src/ingest-worker/run.ts", "dist/ingest-worker/run.js")
    ) {
      execFileSync("npx", ["tsc", "-p", "tsconfig.json"], { cwd: root, stdio: "ignore" });
    }
  }, 300_000);

  it("stores good files, names the bad ones and exits 1", async () => {
    const dir = join(tmp, "bad-cli");
    mkdirSync(join(dir, "sub"), { recursive: true });
    const [a = "", b = ""] = corpusTexts(1200);
    writeFileSync(join(dir, "a.md"), a);
    writeFileSync(join(dir, "sub/b.md"), b);
    writeFileSync(
      join(dir, "sub/broken.md"),
      Buffer.concat([Buffer.from("## 標題\n\n"), Buffer.from([0xff, 0xfe, 0x00])]),
    );
    const db = join(tmp, "bad-cli.db");
    const r = await runCli(["ingest", dir, "--db", db, "--jobs", "2"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(dir, "sub/broken.md")}: `);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toMatch(
      /^ingested 2, unchanged 0, failed 1 in [\d.]+ s \([\d.]+ articles\/s, .*chars\/s\)\n$/,
    );
    const store = openStore(db, { readonly: true });
    expect(store.documents()).toHaveLength(2);
    store.close();

    const again = await runCli(["ingest", join(dir, "a.md"), join(dir, "sub/b.md"), "--db", db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^ingested 0, unchanged 2, failed 0 /);
  });

  it("survives SIGKILL mid-way: the file stays sound and a re-run stores every article once", async () => {
    const dir = join(tmp, "many");
    mkdirSync(dir);
    const texts = corpusTexts(2500);
    const count = 200;
    for (let i = 0; i < count; i += 1) {
      const base = texts[i % texts.length] ?? "";
      writeFileSync(
        join(dir, `g${String(i).padStart(3, "0")}.md`),
        `**生成條目${i}**\n\n${base}\n\n${1900 + (i % 120)}年，第${i}號生成段落記述了一次會談。\n`,
      );
    }
    const db = join(tmp, "many.db");
    const child = spawn(process.execPath, [bin, "ingest", dir, "--db", db, "--jobs", "2"], {
      cwd: tmp,
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    // Wait until some documents are committed, then kill the writer without warning.
    let stored = 0;
    for (let waited = 0; waited < 240_000 && stored < 10; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      if (!existsSync(db)) continue;
      try {
        const reader = openStore(db, { readonly: true });
        stored = reader.counts().documents ?? 0;
        reader.close();
      } catch {
        // The schema may not be there yet.
      }
    }
    child.kill("SIGKILL");
    await exited;
    expect(stored).toBeGreaterThanOrEqual(10);

    const after = openStore(db);
    expect(after.integrityCheck()).toBe("ok");
    const partial = after.counts().documents ?? 0;
    expect(partial).toBeGreaterThanOrEqual(stored);
    expect(partial).toBeLessThan(count);
    after.close();

    const rerun = await runCli(["ingest", dir, "--db", db, "--jobs", "2"]);
    expect(rerun.code).toBe(0);
    const m = /^ingested (\d+), unchanged (\d+), failed 0 /.exec(rerun.stdout);
    expect(Number(m?.[1]) + Number(m?.[2])).toBe(count);
    expect(Number(m?.[2])).toBe(partial);

    const store = openStore(db, { readonly: true });
    const docs = store.documents();
    expect(docs).toHaveLength(count);
    expect(new Set(docs.map((d) => d.source)).size).toBe(count);
    expect(new Set(docs.map((d) => d.title)).size).toBe(count);
    for (let i = 0; i < count; i += 1) {
      expect(store.search(`第${i}號生成段落`).length, `article ${i}`).toBe(1);
    }
    expect(store.integrityCheck()).toBe("ok");
    store.close();
  }, 600_000);
});
