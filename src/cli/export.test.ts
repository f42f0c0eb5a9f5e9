import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { XMLValidator } from "fast-xml-parser";
import type { Chronicle } from "../model/index.js";
import { runCli } from "../../test/run-cli.js";

const SAMPLE = "samples/us-dprk.md";

const run = runCli;

let dir = "";
let chronicle: Chronicle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "annals-export-"));
  const { code, out } = await run("export", SAMPLE, "--format", "json");
  expect(code).toBe(0);
  chronicle = JSON.parse(out) as Chronicle;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  process.exitCode = undefined;
});

describe("annals export", () => {
  it("json is the DESIGN §3 contract", () => {
    expect(Object.keys(chronicle)).toEqual([
      "document",
      "timexes",
      "entities",
      "events",
      "findings",
    ]);
    expect(chronicle.document.source).toBe(SAMPLE);
    expect(chronicle.timexes.length).toBeGreaterThan(50);
    expect(chronicle.events.length).toBeGreaterThan(50);
  });

  it("json over two files is an array of contracts", async () => {
    const { code, out } = await run("export", SAMPLE, SAMPLE);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as Chronicle[];
    expect(parsed).toHaveLength(2);
    expect(parsed[1]?.events.length).toBe(chronicle.events.length);
  });

  it("csv has a header and one CRLF record per event (quoted newlines aside)", async () => {
    const { code, out } = await run("export", SAMPLE, "--format", "csv");
    expect(code).toBe(0);
    expect(out.startsWith("doc,id,date,date_label,date_inferred,type,score,")).toBe(true);
    const records = out.replace(/"(?:[^"]|"")*"/g, "Q").split("\r\n");
    expect(records).toHaveLength(chronicle.events.length + 2);
    expect(out.replace(/"(?:[^"]|"")*"/g, "Q")).not.toMatch(/[^\r]\n/);
  });

  it("md is a table with a row per event", async () => {
    const { out } = await run("export", SAMPLE, "--format", "md");
    const rows = out.split("\n").filter((l) => l.startsWith("| "));
    expect(rows).toHaveLength(chronicle.events.length + 2); // header and delimiter rows
  });

  it("timelinejs has a slide per placeable event and eras", async () => {
    const { out } = await run("export", SAMPLE, "--format", "timelinejs");
    const tl = JSON.parse(out) as {
      title: { text: { headline: string } };
      events: Array<{ start_date: { year: number }; unique_id: string; group: string }>;
      eras: Array<{ start_date: { year: number }; end_date: { year: number } }>;
    };
    expect(tl.title.text.headline).toBe(chronicle.document.title);
    // Mentions are quoted as display text: no link markup from the raw file.
    expect(out).not.toMatch(/wikilink|\]\(https?:/);
    expect(out).toContain("<blockquote>");
    expect(tl.events.length).toBeGreaterThan(50);
    expect(tl.events.length).toBeLessThanOrEqual(chronicle.events.length);
    for (const era of tl.eras)
      expect(era.end_date.year).toBeGreaterThanOrEqual(era.start_date.year);
    const changes = chronicle.events.filter((e) => e.type === "leadership_change" && e.date.value);
    if (changes.length > 0) expect(tl.eras.length).toBeGreaterThan(0);
  });

  it("timeml is valid XML with a TIMEX3 for every timex", async () => {
    const { out } = await run("export", SAMPLE, "--format", "timeml");
    expect(XMLValidator.validate(out)).toBe(true);
    for (const t of chronicle.timexes) expect(out).toContain(`<TIMEX3 tid="${t.id}" `);
  });

  it.each<[string, string[], (out: string) => void]>([
    [
      "json flags doubted dates and keeps the literal value",
      ["--format", "json"],
      (out) => {
        const events = (JSON.parse(out) as Chronicle).events as Array<
          Chronicle["events"][number] & { dateFinding?: { suggestion: string; applied?: true } }
        >;
        const flagged = events.filter((e) => e.dateFinding !== undefined);
        expect(flagged.length).toBeGreaterThan(0);
        for (const e of flagged) expect(e.date.value).not.toBe(e.dateFinding?.suggestion);
      },
    ],
    [
      "json --suggested-dates uses the suggestion, marked as applied",
      ["--format", "json", "--suggested-dates"],
      (out) => {
        const events = (JSON.parse(out) as Chronicle).events as Array<
          Chronicle["events"][number] & {
            dateFinding?: { suggestion: string; applied?: true; literal?: string | null };
          }
        >;
        const flagged = events.filter((e) => e.dateFinding !== undefined);
        expect(flagged.length).toBeGreaterThan(0);
        for (const e of flagged) {
          expect(e.date.value).toBe(e.dateFinding?.suggestion);
          expect(e.dateFinding?.applied).toBe(true);
          expect(e.dateFinding?.literal).not.toBe(e.date.value);
        }
      },
    ],
    [
      "md puts the suggestion in the date cell",
      ["--format", "md"],
      (out) => {
        expect(out).toMatch(/^\| [^|]*[日月年]!→\d{1,4}年[^|]* \|/m);
      },
    ],
    [
      "csv fills date_suggested and date_finding",
      ["--format", "csv"],
      (out) => {
        expect(out).toMatch(
          /,\d{4}-\d\d-\d\d,(?:year-out-of-sequence|inherited-slip|doubtful-anchor) 0\.\d\d\r\n/,
        );
      },
    ],
    [
      "timelinejs notes the doubt in the slide text",
      ["--format", "timelinejs"],
      (out) => {
        expect(out).toContain("the checker doubts this date");
      },
    ],
    [
      "timelinejs --suggested-dates notes the literal date",
      ["--format", "timelinejs", "--suggested-dates"],
      (out) => {
        expect(out).toContain("date as the checker suggests");
        expect(out).not.toContain("the checker doubts this date");
      },
    ],
  ])("%s", async (_name, args, check) => {
    const { code, out, err } = await run("export", SAMPLE, ...args);
    expect(err).toBe("");
    expect(code).toBe(0);
    check(out);
  });

  it("--out writes the file and nothing to stdout", async () => {
    const path = join(dir, "out.csv");
    const { code, out } = await run("export", SAMPLE, "--format", "csv", "--out", path);
    expect(code).toBe(0);
    expect(out).toBe("");
    expect(readFileSync(path, "utf8").startsWith("doc,id,")).toBe(true);
  });

  it.each([
    [["export", SAMPLE, "--format", "pdf"], /unknown format "pdf"/],
    [["export", SAMPLE, SAMPLE, "--format", "timeml"], /timeml writes one document/],
    [["export", "no/such.md"], /no\/such\.md/],
    [["export", SAMPLE, "--out", "/no/such/dir/x.json"], /cannot write/],
  ])("%j → exit 2, one line", async (args, message) => {
    const { code, err } = await run(...args);
    expect(code).toBe(2);
    expect(err.trimEnd().split("\n")).toHaveLength(1);
    expect(err).toMatch(message);
  });
});
