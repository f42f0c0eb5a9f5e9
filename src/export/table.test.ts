import { describe, expect, it } from "vitest";
import type { Event } from "../model/index.js";
import type { DateFinding } from "../query/index.js";
import { FIXTURE_EVENTS, FIXTURE_RAW } from "../query/fixture.js";
import { sortEvents } from "../query/sort.js";
import { toTable } from "./table.js";
import { displayWidth } from "./width.js";

describe("toTable", () => {
  const events = sortEvents(FIXTURE_EVENTS);

  it.each([40, 60, 80, 120])("fits %i columns, one line per event plus a header", (width) => {
    const lines = toTable(events, { width, raw: () => FIXTURE_RAW })
      .trimEnd()
      .split("\n");
    expect(lines).toHaveLength(events.length + 1);
    expect(lines[0]).toMatch(/^date\s+type\s+actors\s+summary\s+source$/);
    // Note: at the narrowest width the fixed columns alone may exceed it; the summary keeps 8.
    if (width >= 80)
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
  });

  it("shows date, type, actors as source → target, and line:col of the first mention", () => {
    const lines = toTable(events, { width: 200, raw: () => FIXTURE_RAW }).split("\n");
    const condemnation = lines.find((l) => l.includes("condemnation"));
    expect(condemnation).toMatch(
      /^~2006年10月9日\s+condemnation\s+USA → PRK\s+美国谴责此举\s+5:\d+$/,
    );
    const first = lines[1];
    expect(first).toMatch(/^1990年代初\s+sanction/);
    expect(lines.at(-2)).toMatch(/^\?\s+other/);
  });

  it("cuts long summaries with … and keeps summaries on one line", () => {
    const out = toTable(events, { width: 70, raw: () => FIXTURE_RAW });
    expect(out).toContain("…");
    expect(out.trimEnd().split("\n")).toHaveLength(events.length + 1);
  });

  it("falls back to the raw offset without the text, and names documents when several", () => {
    const out = toTable(
      [
        { ...events[0]!, doc: "a" },
        { ...events[1]!, doc: "b" },
      ],
      { width: 200 },
    );
    expect(out).toMatch(/a:@\d+\n/);
    expect(out).toMatch(/b:@\d+\n/);
  });

  it.each<[string, Partial<Event["date"]>, DateFinding | undefined, RegExp]>([
    ["a decade as a label", { value: "199", mod: null }, undefined, /^1990年代\s/],
    ["a century as a label", { value: "18", mod: "END" }, undefined, /^19世纪末\s/],
    ["an inferred decade", { value: "199", mod: null, inferred: true }, undefined, /^~1990年代\s/],
    ["a day as a label", { value: "2009-05-25", mod: null }, undefined, /^2009年5月25日\s/],
    ["a season as a label", { value: "1923-FA", mod: null }, undefined, /^1923年秋\s/],
    [
      "a century's middle",
      { value: "18", mod: "MID", inferred: true },
      undefined,
      /^~19世纪中叶\s/,
    ],
    ["a month's start", { value: "1993-05", mod: "START" }, undefined, /^1993年5月初\s/],
    ["after a year", { value: "1970", mod: "AFTER" }, undefined, /^1970年后\s/],
    ["an approximate year", { value: "1866", mod: "APPROX" }, undefined, /^约1866年\s/],
    ["a clock time", { value: "2003-10-15T09:00", mod: null }, undefined, /^2003年10月15日9时\s/],
    ["no calendar date", { value: null, mod: null }, undefined, /^\?\s/],
    [
      "a doubted date with its suggestion",
      { value: "2008-05-25", mod: null },
      { kind: "inherited-slip", suggestion: "2009-05-25", confidence: 0.8 },
      /^2008年5月25日!→2009年5月25日\s/,
    ],
    [
      "an applied suggestion with the literal value",
      { value: "2009-05-25", mod: null },
      {
        kind: "inherited-slip",
        suggestion: "2009-05-25",
        confidence: 0.8,
        applied: true,
        literal: "2008-05-25",
      },
      /^2009年5月25日!←2008年5月25日\s/,
    ],
  ])("date cell: %s", (_name, date, dateFinding, expected) => {
    const base = FIXTURE_EVENTS[0]!;
    const event = {
      ...base,
      date: { ...base.date, inferred: false, ...date },
      ...(dateFinding ? { dateFinding } : {}),
    };
    const line = toTable([event], { width: 200 }).split("\n")[1];
    expect(line).toMatch(expected);
    if (dateFinding === undefined) expect(line).not.toContain("!");
  });

  it("uses display names", () => {
    const out = toTable([FIXTURE_EVENTS[2]!], { names: new Map([["PRK", "朝鲜"]]), width: 100 });
    expect(out).toContain("USA → 朝鲜");
  });
});
