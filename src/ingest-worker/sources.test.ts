import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listInputs, readItems } from "./sources.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "annals-sources-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("listInputs: what a folder walk skips is said", () => {
  it("warns about a symbolic link in a folder and about a folder without inputs", () => {
    writeFileSync(join(dir, "a.md"), "甲");
    symlinkSync(join(dir, "a.md"), join(dir, "b.md"));
    mkdirSync(join(dir, "empty"));
    const { files, errors, warnings } = listInputs([dir, join(dir, "empty")]);
    expect(files.map((f) => f.label)).toEqual([join(dir, "a.md")]);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      `${join(dir, "b.md")}: symbolic link skipped (name it on the command line to read it)`,
      `${join(dir, "empty")}: no *.md, *.wiki, *.jsonl or *.xml[.bz2|.gz] files in this folder`,
    ]);
  });
});

describe("listInputs: an annotated corpus", () => {
  it("reads each folder's article only, not the corpus's notes and guides", () => {
    const root = join(dir, "corpus");
    mkdirSync(root);
    writeFileSync(join(root, "splits.json"), '{"dev":["a","b","c"]}');
    writeFileSync(join(root, "README.md"), "说明");
    writeFileSync(join(root, "EVENTS-GUIDE.md"), "指南");
    mkdirSync(join(dir, "samples"));
    writeFileSync(join(dir, "samples", "c.md"), "1999年");
    for (const [slug, meta] of [
      ["a", "{}"],
      ["b", '{"article":"text.md"}'],
      ["c", '{"article":"../../samples/c.md"}'],
    ] as const) {
      mkdirSync(join(root, slug));
      writeFileSync(join(root, slug, "meta.json"), meta);
      writeFileSync(join(root, slug, "NOTES.md"), "笔记");
      writeFileSync(join(root, slug, `${slug}.md`), "1999年");
      writeFileSync(join(root, slug, "text.md"), "2000年");
    }
    // In a corpus, a folder whose meta.json is not a corpus file is walked as any other.
    mkdirSync(join(root, "d"));
    writeFileSync(join(root, "d", "meta.json"), "[1]");
    writeFileSync(join(root, "d", "x.md"), "2001年");
    const { files, errors, warnings } = listInputs([root]);
    expect(files.map((f) => f.path)).toEqual([
      join(root, "a", "a.md"),
      join(root, "b", "text.md"),
      join(dir, "samples", "c.md"),
      join(root, "d", "x.md"),
    ]);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      "9 notes and guides of an annotated corpus skipped (only each folder's article is read; name a file to read it)",
    ]);
    // One article folder of the corpus named alone is read the same way.
    expect(listInputs([join(root, "a")]).files.map((f) => f.path)).toEqual([
      join(root, "a", "a.md"),
    ]);
  });

  it("walks a folder with a meta.json outside any corpus as any other", () => {
    mkdirSync(join(dir, "notes"));
    writeFileSync(join(dir, "notes", "meta.json"), '{"author":"me"}');
    writeFileSync(join(dir, "notes", "a.md"), "甲");
    writeFileSync(join(dir, "notes", "b.md"), "乙");
    const { files, warnings } = listInputs([dir]);
    expect(files).toHaveLength(2);
    expect(warnings).toEqual([]);
  });

  it("names a corpus article that is missing", () => {
    writeFileSync(join(dir, "splits.json"), "{}");
    mkdirSync(join(dir, "a"));
    writeFileSync(join(dir, "a", "meta.json"), '{"article":"../gone/a.md"}');
    expect(listInputs([dir]).errors).toEqual([
      `${join(dir, "a", "meta.json")}: its article ../gone/a.md: no such file`,
    ]);
  });

  it("reads a corpus file named on the command line", () => {
    writeFileSync(join(dir, "splits.json"), "{}");
    mkdirSync(join(dir, "a"));
    writeFileSync(join(dir, "a", "meta.json"), "{}");
    writeFileSync(join(dir, "a", "NOTES.md"), "笔记");
    expect(listInputs([join(dir, "a", "NOTES.md")]).files).toHaveLength(1);
  });
});

describe("readItems: JSON-lines records", () => {
  it("refuses a lone surrogate with its place, keeps the other records", () => {
    const path = join(dir, "r.jsonl");
    writeFileSync(
      path,
      '{"title":"a","text":"1999年\\ud800x"}\n{"title":"b","text":"2001年\\ud83d\\ude00"}\n',
    );
    const items = [...readItems({ path, label: "r.jsonl", kind: "jsonl" })];
    expect(items[0]).toEqual({
      ok: false,
      label: "r.jsonl:1",
      message: 'lone surrogate U+D800 at character 5 of "text"',
    });
    expect(items[1]).toMatchObject({ ok: true, raw: "2001年😀" });
  });

  it("refuses a record whose text is over the size limit", () => {
    const path = join(dir, "big.jsonl");
    writeFileSync(path, `${JSON.stringify({ title: "a", text: "年".repeat(100) })}\n`);
    const [item] = [...readItems({ path, label: "big.jsonl", kind: "jsonl" }, 200)];
    expect(item).toEqual({
      ok: false,
      label: "big.jsonl:1",
      message: "text larger than the limit of 200 bytes",
    });
  });
});
