import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Bzip2 } from "compressjs";
import { afterAll, describe, expect, it } from "vitest";
import {
  exportHead,
  exportXml,
  pageXml,
  type ExportPage,
} from "../../test/wikitext/from-markdown.js";
import { DumpReader } from "../ingest/dump/pages.js";
import { DUMP_PIECE, readDump, referenceDateOf, type DumpCounters } from "./dump.js";
import { readDumpItems } from "./sources.js";

const tmp = mkdtempSync(join(tmpdir(), "annals-dump-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Page i of a generated dump: every 10th a redirect, every 7th a talk page. */
function generated(i: number): ExportPage {
  const year = 1900 + (i % 120);
  const body =
    `'''條目${i}'''是一篇生成的條目。${year}年${1 + (i % 12)}月，[[美國]]與[[朝鮮]]舉行了第${i}次會談。<ref>{{cite web|date=${year}-01-01}}</ref>\n\n` +
    `== 歷史 ==\n${"雙方就半島問題交換了意見，並同意繼續對話。".repeat(20)}\n[[Category:生成${i % 3}]]`;
  if (i % 10 === 9) {
    return {
      title: `條目${i}`,
      ns: 0,
      id: i + 1,
      revision: 1000 + i,
      timestamp: "2024-01-01T00:00:00Z",
      text: `#REDIRECT [[條目${i - 1}]]`,
      redirect: `條目${i - 1}`,
    };
  }
  const ns = i % 7 === 6 ? 1 : 0;
  const title = ns === 1 ? `Talk:條目${i}` : `條目${i}`;
  return {
    title,
    ns,
    id: i + 1,
    revision: 1000 + i,
    timestamp: "2024-01-01T00:00:00Z",
    text: body,
  };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("readDump: a generated dump of 2 000 pages, streamed", () => {
  const count = 2000;
  const xml =
    exportHead() +
    Array.from({ length: count }, (_, i) => pageXml(generated(i))).join("") +
    "</mediawiki>\n";
  const plain = join(tmp, "big.xml");
  const gz = join(tmp, "big.xml.gz");
  writeFileSync(plain, xml);
  writeFileSync(gz, gzipSync(Buffer.from(xml)));
  const articles = Array.from({ length: count }, (_, i) => generated(i)).filter(
    (p) => p.ns === 0 && p.redirect === undefined,
  );

  it("yields every article, never holding more than a piece's worth of pages", async () => {
    const reader = new DumpReader("big.xml.gz");
    const counters: DumpCounters = { bytes: 0, pages: 0, skipped: 0 };
    const got = await collect(readDump(gz, "big.xml.gz", {}, counters, reader));
    expect(got.map((a) => a.title)).toEqual(articles.map((p) => p.title));
    expect(counters).toEqual({
      bytes: statSync(gz).size,
      pages: count,
      skipped: count - articles.length,
    });
    // A page here is over 500 characters; a piece is DUMP_PIECE characters.
    expect(reader.maxQueued).toBeLessThanOrEqual(Math.ceil(DUMP_PIECE / 500) + 1);
  });

  it("reads the file only as far as the consumer has asked", async () => {
    const counters: DumpCounters = { bytes: 0, pages: 0, skipped: 0 };
    const size = statSync(plain).size;
    let taken = 0;
    for await (const _article of readDump(plain, "big.xml", {}, counters)) {
      taken += 1;
      if (taken === 5) break;
    }
    expect(counters.bytes).toBeGreaterThan(0);
    expect(counters.bytes).toBeLessThan(size / 4);
  });

  it("names pages wiki:id, keeps the revision, and filters by title, category and limit", async () => {
    const counters: DumpCounters = { bytes: 0, pages: 0, skipped: 0 };
    const byTitle = await collect(
      readDump(
        plain,
        "big.xml",
        { titles: new Set(["條目0", "條目9", "條目6", "條目21"]) },
        counters,
      ),
    );
    // 條目9 is a redirect and 條目6 a talk page's number: only 0 and 21 are articles.
    expect(byTitle.map((a) => [a.name, a.title, a.page.revision, a.referenceDate])).toEqual([
      ["zhwiki:1", "條目0", "1000", "2024-01-01T00:00"],
      ["zhwiki:22", "條目21", "1021", "2024-01-01T00:00"],
    ]);
    const byCategory = await collect(
      readDump(plain, "big.xml", { categories: new Set(["生成1"]), limit: 5 }),
    );
    expect(byCategory.map((a) => a.title)).toEqual(
      articles
        .filter((p) => p.text.includes("[[Category:生成1]]"))
        .slice(0, 5)
        .map((p) => p.title),
    );
  });
});

describe("readDumpItems: bad dumps", () => {
  it("turns a truncated bzip2 file into one failed item naming it", async () => {
    const xml = exportXml([generated(0), generated(1)]);
    const bz = Buffer.from(Bzip2.compressFile(Buffer.from(xml)));
    const path = join(tmp, "cut.xml.bz2");
    writeFileSync(path, bz.subarray(0, Math.floor(bz.length / 2)));
    const items = await collect(
      readDumpItems(
        { path, label: "cut.xml.bz2", kind: "dump" },
        {},
        { bytes: 0, pages: 0, skipped: 0 },
      ),
    );
    const failed = items.filter((i) => !i.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ ok: false, label: "cut.xml.bz2" });
  });

  it("names a missing dump", async () => {
    const items = await collect(
      readDumpItems(
        { path: join(tmp, "none.xml"), label: "none.xml", kind: "dump" },
        {},
        { bytes: 0, pages: 0, skipped: 0 },
      ),
    );
    expect(items).toEqual([{ ok: false, label: "none.xml", message: "no such file" }]);
  });

  it("refuses a page over the size limit and goes on", async () => {
    const path = join(tmp, "two.xml");
    writeFileSync(path, exportXml([generated(0), { ...generated(1), text: "長".repeat(1000) }]));
    const items = await collect(
      readDumpItems(
        { path, label: "two.xml", kind: "dump" },
        {},
        { bytes: 0, pages: 0, skipped: 0 },
        2500,
      ),
    );
    expect(items.map((i) => i.ok)).toEqual([true, false]);
    expect(items[1]).toMatchObject({
      label: "two.xml#條目1",
      message: "text larger than the limit of 2500 bytes",
    });
  });
});

describe("referenceDateOf", () => {
  it.each([
    ["2024-05-01T12:34:56Z", "2024-05-01T12:34"],
    ["2001-09-11T08:46:00Z", "2001-09-11T08:46"],
    ["", null],
    ["yesterday", null],
  ])("%s → %s", (ts, ref) => expect(referenceDateOf(ts)).toBe(ref));
});
