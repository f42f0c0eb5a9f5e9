/** `annals ingest` on MediaWiki dumps, and extract/parse/check on wikitext (built CLI). */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { Bzip2 } from "compressjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportXml, type ExportPage } from "../../test/wikitext/from-markdown.js";
import { openStore } from "../store/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const bin = join(root, "bin/annals.js");
const tmp = mkdtempSync(join(tmpdir(), "annals-dump-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(() => {
  const stale = (src: string, out: string): boolean =>
    !existsSync(join(root, out)) ||
    statSync(join(root, src)).mtimeMs > statSync(join(root, out)).mtimeMs;
  if (
    stale("src/cli/ingest.ts", "dist/cli/ingest.js") ||
    stale("src/ingest-worker/dump.ts", "dist/ingest-worker/dump.js") ||
    stale("src/ingest/wikitext/build.ts", "dist/ingest/wikitext/build.js")
  ) {
    execFileSync("npx", ["tsc", "-p", "tsconfig.json"], { cwd: root, stdio: "ignore" });
  }
}, 300_000);

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: tmp });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Article i: a short dated paragraph in one of three categories. */
function article(i: number): ExportPage {
  return {
    title: `生成條目${i}`,
    ns: 0,
    id: 100 + i,
    revision: 5000 + i,
    timestamp: "2024-03-01T08:00:00Z",
    text:
      `'''生成條目${i}'''。${1950 + (i % 70)}年${1 + (i % 12)}月，[[美國]]與[[朝鮮]]舉行第${i}號生成會談。` +
      `<ref>{{cite web|date=2001-01-01}}</ref>\n[[Category:類${i % 3}]]`,
  };
}

const others: ExportPage[] = [
  {
    title: "重定向頁",
    ns: 0,
    id: 1,
    revision: 1,
    timestamp: "2024-03-01T08:00:00Z",
    text: "#REDIRECT [[生成條目0]]",
    redirect: "生成條目0",
  },
  {
    title: "Talk:生成條目0",
    ns: 1,
    id: 2,
    revision: 2,
    timestamp: "2024-03-01T08:00:00Z",
    text: "1999年的討論。",
  },
  {
    title: "Template:導航",
    ns: 10,
    id: 3,
    revision: 3,
    timestamp: "2024-03-01T08:00:00Z",
    text: "{{Navbox|list1=[[甲]]}}",
  },
];

describe("annals ingest DUMP", () => {
  const xml = exportXml([...others, ...Array.from({ length: 12 }, (_, i) => article(i))]);
  const bz2 = join(tmp, "small.xml.bz2");
  const gz = join(tmp, "small.xml.gz");
  beforeAll(() => {
    writeFileSync(bz2, Bzip2.compressFile(Buffer.from(xml)));
    writeFileSync(gz, gzipSync(Buffer.from(xml)));
  });

  it("stores the articles only, with --jobs 2, and says how many pages it read", async () => {
    const db = join(tmp, "all.db");
    const r = await run(["ingest", bz2, "--db", db, "--jobs", "2"]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^ingested 12, unchanged 0, failed 0 in .*; dump: 15 pages read \(3 skipped\), [\d.]+ MB \([\d.]+ pages\/s, [\d.]+ MB\/s\)\n$/,
    );
    const store = openStore(db, { readonly: true });
    const docs = store.documents();
    expect(docs).toHaveLength(12);
    expect(docs.map((d) => d.source).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `zhwiki:${100 + i}`).sort(),
    );
    expect(store.search("第7號生成會談")).toHaveLength(1);
    // The cite template's date is not text: no event or timex of 2001.
    expect(store.events({ from: "2001", to: "2001" })).toHaveLength(0);
    store.close();
    const again = await run(["ingest", gz, "--db", db, "--jobs", "0"]);
    expect(again.stdout).toMatch(/^ingested 0, unchanged 12, failed 0 /);
  });

  it("filters by --category, --title, --title-file and --limit", async () => {
    const db = join(tmp, "filtered.db");
    const r = await run([
      "ingest",
      gz,
      "--db",
      db,
      "--jobs",
      "0",
      "--category",
      "類1",
      "--limit",
      "3",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ingested 3, /);
    const titles = join(tmp, "titles.txt");
    writeFileSync(titles, "生成條目0\n生成條目2\n\n重定向頁\n");
    const t = await run([
      "ingest",
      gz,
      "--db",
      db,
      "--jobs",
      "0",
      "--title-file",
      titles,
      "--title",
      "生成條目5",
    ]);
    expect(t.stdout).toMatch(/^ingested 3, /);
    const store = openStore(db, { readonly: true });
    expect(
      store
        .documents()
        .map((d) => d.title)
        .sort(),
    ).toEqual(
      ["生成條目1", "生成條目4", "生成條目7", "生成條目0", "生成條目2", "生成條目5"].sort(),
    );
    store.close();
  });

  it("names a broken dump in one line and exits 1", async () => {
    const broken = join(tmp, "broken.xml");
    writeFileSync(broken, xml.replace("</title>", "</titel>"));
    const r = await run(["ingest", broken, "--db", join(tmp, "broken.db"), "--jobs", "0"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.xml: \d+:\d+: invalid XML: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("survives SIGKILL mid-way: a re-run stores every article once", async () => {
    const count = 80;
    const path = join(tmp, "many.xml.gz");
    writeFileSync(
      path,
      gzipSync(Buffer.from(exportXml(Array.from({ length: count }, (_, i) => article(i))))),
    );
    const db = join(tmp, "many.db");
    const child = spawn(process.execPath, [bin, "ingest", path, "--db", db, "--jobs", "2"], {
      cwd: tmp,
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    let stored = 0;
    for (let waited = 0; waited < 240_000 && stored < 5; waited += 100) {
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
    expect(stored).toBeGreaterThanOrEqual(5);
    const after = openStore(db);
    expect(after.integrityCheck()).toBe("ok");
    const partial = after.counts().documents ?? 0;
    after.close();
    const rerun = await run(["ingest", path, "--db", db, "--jobs", "2"]);
    expect(rerun.code).toBe(0);
    const m = /^ingested (\d+), unchanged (\d+), failed 0 /.exec(rerun.stdout);
    expect(Number(m?.[1]) + Number(m?.[2])).toBe(count);
    expect(Number(m?.[2])).toBe(partial);
    const store = openStore(db, { readonly: true });
    expect(new Set(store.documents().map((d) => d.source)).size).toBe(count);
    store.close();
  }, 600_000);
});

describe("extract, parse and check on wikitext", () => {
  const text =
    "'''美朝會談'''。1994年10月21日，[[美國]]與[[朝鮮]]簽署了框架協議。<ref>{{cite web|date=2001-01-01}}</ref>\n\n" +
    "== 後續 ==\n2002年10月，朝鮮承認有濃縮鈾計劃。{{main|第二次朝核危機}}\n";
  beforeAll(() => {
    writeFileSync(join(tmp, "a.wiki"), text);
    writeFileSync(join(tmp, "a.txt"), text);
  });

  it("extract reads a .wiki file as wikitext", async () => {
    const r = await run(["extract", "a.wiki"]);
    expect(r.code).toBe(0);
    const chronicle = JSON.parse(r.stdout) as {
      timexes: Array<{ start: number; end: number; text: string; value: string }>;
    };
    expect(chronicle.timexes.map((t) => t.value)).toEqual(["1994-10-21", "2002-10"]);
    for (const t of chronicle.timexes) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it("parse and check take --input-format", async () => {
    const md = await run(["parse", "a.txt", "--format", "text", "--input-format", "md"]);
    const wiki = await run(["parse", "a.txt", "--format", "text", "--input-format", "wikitext"]);
    expect(md.stdout).toContain("'''");
    expect(wiki.stdout).toBe(
      "美朝會談。1994年10月21日，美國與朝鮮簽署了框架協議。\n\n## 後續\n\n2002年10月，朝鮮承認有濃縮鈾計劃。\n",
    );
    const json = await run(["parse", "a.wiki"]);
    expect(JSON.parse(json.stdout).meta).toEqual({ format: "wikitext", infobox: [] });
    const check = await run(["check", "a.txt", "--input-format", "wikitext", "--format", "json"]);
    expect(check.code === 0 || check.code === 1).toBe(true);
    expect(JSON.parse(check.stdout)).toHaveProperty("files");
    const bad = await run(["extract", "a.wiki", "--input-format", "html"]);
    expect(bad.code).not.toBe(0);
    expect(readFileSync(join(tmp, "a.wiki"), "utf8")).toBe(text);
  });
});
