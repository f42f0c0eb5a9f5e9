import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { XMLValidator } from "fast-xml-parser";
import type { Event } from "../model/index.js";
import { dateRange, foldScript } from "../query/index.js";
import { openStore } from "../store/index.js";
import { extractFile } from "./load.js";
import { runCli } from "../../test/run-cli.js";

const SAMPLE = "samples/us-dprk.md";

const run = runCli;

type Hit = Event & { doc: string; docTitle: string };

async function events(...args: string[]): Promise<Hit[]> {
  const { code, out, err } = await run("timeline", ...args, "--format", "json");
  expect(err).toBe("");
  expect(code).toBe(0);
  const parsed = JSON.parse(out) as { count: number; events: Hit[] };
  expect(parsed.count).toBe(parsed.events.length);
  return parsed.events;
}

function expectChronological(list: readonly Event[]): void {
  let last = -Infinity;
  let undated = false;
  for (const e of list) {
    const range = dateRange(e.date.value);
    if (!range) {
      undated = true;
      continue;
    }
    expect(undated, `${e.id} is dated after an undated event`).toBe(false);
    expect(range.startKey).toBeGreaterThanOrEqual(last);
    last = range.startKey;
  }
}

let dir = "";
let db = "";
let all: Hit[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "annals-timeline-"));
  db = join(dir, "test.db");
  const store = openStore(db);
  store.put(await extractFile(SAMPLE));
  store.close();
  all = await events(SAMPLE);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  process.exitCode = undefined;
});

describe("annals timeline FILE", () => {
  it("finds events in the seed, in date order with undated last", () => {
    expect(all.length).toBeGreaterThan(50);
    expectChronological(all);
  });

  it("prints a table: header, one line per event, line:col positions", async () => {
    const { code, out } = await run("timeline", SAMPLE, "--width", "100");
    expect(code).toBe(0);
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^date\s+type\s+actors\s+summary\s+source$/);
    expect(lines).toHaveLength(all.length + 1);
    for (const line of lines.slice(1)) expect(line).toMatch(/\s\d+:\d+$/);
  });

  it.each([
    [
      "csv",
      (out: string) => {
        const [header, ...rows] = out.split("\r\n");
        expect(header).toBe(
          "doc,id,date,date_label,date_inferred,type,score,source,target,other,summary,start,end,rule,date_suggested,date_finding",
        );
        expect(rows.at(-1)).toBe("");
      },
    ],
    [
      "md",
      (out: string) => {
        expect(out.split("\n")[0]).toMatch(/^# /);
        expect(out).toContain("| date | type | score | actors | summary |");
      },
    ],
    [
      "timelinejs",
      (out: string) => {
        const tl = JSON.parse(out) as {
          events: Array<{ start_date: { year: unknown }; group: string }>;
          eras: unknown[];
        };
        expect(tl.events.length).toBeGreaterThan(50);
        for (const s of tl.events) expect(typeof s.start_date.year).toBe("number");
        expect(Array.isArray(tl.eras)).toBe(true);
      },
    ],
    [
      "timeml",
      (out: string) => {
        expect(XMLValidator.validate(out)).toBe(true);
        expect(out).toContain("<TIMEX3 ");
        expect(out).toContain("<EVENT ");
      },
    ],
  ])("--format %s", async (format, check) => {
    const { code, out, err } = await run("timeline", SAMPLE, "--format", format);
    expect(err).toBe("");
    expect(code).toBe(0);
    check(out);
  });

  it("--type keeps only those types", async () => {
    const hits = await events(SAMPLE, "--type", "weapons_test,sanction");
    expect(hits.length).toBeGreaterThan(3);
    expect(new Set(hits.map((h) => h.type))).toEqual(new Set(["weapons_test", "sanction"]));
  });

  it("--actor matches an id or a name in either script", async () => {
    const byId = await events(SAMPLE, "--actor", "USA");
    const byTrad = await events(SAMPLE, "--actor", "美國");
    const bySimp = await events(SAMPLE, "--actor", "美国");
    expect(byId.length).toBeGreaterThan(20);
    expect(byTrad.map((h) => h.id)).toEqual(byId.map((h) => h.id));
    expect(bySimp.map((h) => h.id)).toEqual(byId.map((h) => h.id));
    for (const h of byId) {
      expect([...h.actors.source, ...h.actors.target, ...h.actors.other]).toContain("USA");
    }
    expect(await events(SAMPLE, "--actor", "不存在的人")).toEqual([]);
  });

  it("--pair matches either direction", async () => {
    const ab = await events(SAMPLE, "--pair", "USA,PRK");
    const ba = await events(SAMPLE, "--pair", "北韓,美國");
    expect(ab.length).toBeGreaterThan(5);
    expect(ba.map((h) => h.id)).toEqual(ab.map((h) => h.id));
    for (const h of ab) {
      const acting = [...h.actors.source, ...h.actors.target];
      expect(acting).toContain("USA");
      expect(acting).toContain("PRK");
    }
  });

  it("--from/--to bound the dates (--to 2009 takes all of 2009), undated excluded", async () => {
    const hits = await events(SAMPLE, "--from", "2006", "--to", "2009");
    expect(hits.length).toBeGreaterThan(5);
    for (const h of hits) {
      const range = dateRange(h.date.value);
      expect(range).not.toBeNull();
      expect(range!.endKey).toBeGreaterThanOrEqual(dateRange("2006")!.startKey);
      expect(range!.startKey).toBeLessThanOrEqual(dateRange("2009")!.endKey);
    }
    expect(hits.some((h) => h.date.value?.startsWith("2009-"))).toBe(true);
    expectChronological(hits);
  });

  it("--query finds mention text in either script", async () => {
    const simp = await events(SAMPLE, "--query", "核试验");
    const trad = await events(SAMPLE, "--query", "核試驗");
    expect(simp.length).toBeGreaterThan(0);
    expect(trad.map((h) => h.id)).toEqual(simp.map((h) => h.id));
    for (const h of simp)
      expect(h.mentions.some((m) => foldScript(m.text).includes("核试验"))).toBe(true);
  });

  it("--limit and --doc", async () => {
    expect((await events(SAMPLE, "--limit", "3")).map((h) => h.id)).toEqual(
      all.slice(0, 3).map((h) => h.id),
    );
    expect(await events(SAMPLE, "--doc", SAMPLE)).toHaveLength(all.length);
    expect(await events(SAMPLE, "--doc", all[0]!.doc)).toHaveLength(all.length);
    expect(await events(SAMPLE, "--doc", "other.md")).toEqual([]);
  });
});

type Flagged = Hit & {
  dateFinding?: {
    kind: string;
    suggestion: string;
    confidence: number;
    applied?: true;
    literal?: string | null;
  };
};

describe("annals timeline: dates the checker doubts", () => {
  it("flags them in JSON and keeps the literal value", async () => {
    const flagged = (all as Flagged[]).filter((e) => e.dateFinding !== undefined);
    expect(flagged.length).toBeGreaterThan(0);
    for (const e of flagged) {
      expect(e.dateFinding?.suggestion).not.toBe(e.date.value);
      expect(e.dateFinding?.confidence).toBeGreaterThanOrEqual(0.5);
      expect(e.dateFinding?.applied).toBeUndefined();
    }
    expect(all.filter((e) => !("dateFinding" in e)).length).toBeGreaterThan(0);
  });

  it("marks them with !→ in the table, and !← with --suggested-dates", async () => {
    const plain = await run("timeline", SAMPLE, "--width", "200");
    expect(plain.out).toMatch(/[日月年]!→\d{1,4}年/);
    expect(plain.out).not.toContain("!←");
    const suggested = await run("timeline", SAMPLE, "--width", "200", "--suggested-dates");
    expect(suggested.out).toMatch(/[日月年]!←\d{1,4}年/);
    expect(suggested.out).not.toContain("!→");
  });

  it("--suggested-dates sorts and filters by the suggested value", async () => {
    const target = (all as Flagged[]).find(
      (e) =>
        e.dateFinding !== undefined &&
        e.date.value?.slice(0, 4) !== e.dateFinding.suggestion.slice(0, 4),
    );
    expect(target).toBeDefined();
    const year = target!.dateFinding!.suggestion.slice(0, 4);
    const literal = await events(SAMPLE, "--from", year, "--to", year);
    expect(literal.map((e) => e.id)).not.toContain(target!.id);
    const suggested = (await events(
      SAMPLE,
      "--from",
      year,
      "--to",
      year,
      "--suggested-dates",
    )) as Flagged[];
    const hit = suggested.find((e) => e.id === target!.id);
    expect(hit?.date.value).toBe(target!.dateFinding!.suggestion);
    expect(hit?.dateFinding).toMatchObject({ applied: true, literal: target!.date.value });
    expectChronological(suggested);
  });

  it.each([[[] as string[]], [["--from", "2009", "--to", "2009"]], [["--limit", "30"]]])(
    "--suggested-dates %j answers from the store like from the file",
    async (args) => {
      const fromDb = (await events("--db", db, "--suggested-dates", ...args)) as Flagged[];
      const fromFile = (await events(SAMPLE, "--suggested-dates", ...args)) as Flagged[];
      expect(fromDb.length).toBeGreaterThan(0);
      expect(new Set(fromDb.map((h) => h.id))).toEqual(new Set(fromFile.map((h) => h.id)));
      expect(fromDb.filter((h) => h.dateFinding).length).toBe(
        fromFile.filter((h) => h.dateFinding).length,
      );
    },
  );

  it("flags them when reading from the store too", async () => {
    const fromDb = (await events("--db", db)) as Flagged[];
    expect(fromDb.filter((h) => h.dateFinding).length).toBe(
      (all as Flagged[]).filter((h) => h.dateFinding).length,
    );
  });
});

describe("annals timeline --db", () => {
  it.each([
    [[] as string[]],
    [["--type", "weapons_test,sanction"]],
    [["--actor", "朝鮮民主主義人民共和國"]],
    [["--pair", "美國,朝鮮"]],
    [["--from", "2006", "--to", "2009"]],
    [["--from", "1994-06"]],
    [["--limit", "5"]],
  ])("answers %j like the in-memory filter", async (args) => {
    const fromDb = await events("--db", db, ...args);
    const fromFile = await events(SAMPLE, ...args);
    expect(fromDb.length).toBeGreaterThan(0);
    expect(new Set(fromDb.map((h) => h.id))).toEqual(new Set(fromFile.map((h) => h.id)));
  });

  it("--doc names a stored document by id, source, path from here or unique file name", async () => {
    const all = await events("--db", db);
    for (const doc of [all[0]!.doc, SAMPLE, `./${SAMPLE}`, join(process.cwd(), SAMPLE), "us-dprk"])
      expect(await events("--db", db, "--doc", doc)).toHaveLength(all.length);
    const { code, err } = await run("timeline", "--db", db, "--doc", "us-dprk.md");
    expect(code).toBe(2);
    expect(err).toMatch(/no document "us-dprk\.md" in the store/);
  });

  it("--query over the store", async () => {
    const hits = await events("--db", db, "--query", "核試驗");
    expect(hits.length).toBeGreaterThan(0);
  });

  it.each(["table", "csv", "md", "timelinejs", "timeml"])(
    "--format %s from the store",
    async (format) => {
      const { code, out, err } = await run("timeline", "--db", db, "--format", format);
      expect(err).toBe("");
      expect(code).toBe(0);
      expect(out.length).toBeGreaterThan(1000);
      if (format === "timeml") expect(XMLValidator.validate(out)).toBe(true);
      if (format === "table") expect(out).toMatch(/\s\d+:\d+\n/);
      if (format === "timelinejs") expect(out).not.toMatch(/wikilink/);
    },
  );

  it("fails in one line on a missing database", async () => {
    const { code, err } = await run("timeline", "--db", join(dir, "missing.db"));
    expect(code).toBe(2);
    expect(err.trimEnd().split("\n")).toHaveLength(1);
    // The same words as `serve`: what is missing and how to make it.
    expect(err).toMatch(
      /missing\.db: no such database \(create it with `annals ingest FILE --db …`\)/,
    );
  });
});

describe("annals timeline: bad options", () => {
  it.each([
    [["--type", "war"], /unknown event type "war" \(valid: talks, visit, .*other\)/],
    [["--type", "talks,Talks"], /unknown event type "Talks"/],
    [["--from", "2009-13"], /--from expects a date/],
    [["--to", "yesterday"], /--to expects a date/],
    [["--from", "2010", "--to", "2009"], /after --to/],
    [["--limit", "0"], /--limit expects a positive integer/],
    [["--limit", "x"], /--limit expects a positive integer/],
    [["--pair", "USA"], /--pair expects two actors/],
    [["--format", "pdf"], /unknown format "pdf"/],
    [["--width", "1000000"], /--width expects at most 1000 columns/],
    [["--db", "x.db"], /FILEs or --db, not both/],
  ])("%j → exit 2, one line", async (args, message) => {
    const { code, out, err } = await run("timeline", SAMPLE, ...args);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err.trimEnd().split("\n")).toHaveLength(1);
    expect(err).toMatch(message);
  });

  it("a missing file → exit 2, one line naming it", async () => {
    const { code, err } = await run("timeline", "no/such.md");
    expect(code).toBe(2);
    expect(err.trimEnd().split("\n")).toHaveLength(1);
    expect(err).toContain("no/such.md");
  });

  it("timeml over two documents → exit 2", async () => {
    const { code, err } = await run("timeline", SAMPLE, SAMPLE, "--format", "timeml");
    expect(code).toBe(2);
    expect(err).toMatch(/timeml writes one document/);
  });
});
