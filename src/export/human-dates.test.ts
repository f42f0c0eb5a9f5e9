/** No TIMEX3 code reaches a person: every human date column of every export shows a label. */
import { describe, expect, it } from "vitest";
import type { Event, TimexMod } from "../model/index.js";
import type { FlaggedEvent } from "../query/index.js";
import { FIXTURE_EVENTS } from "../query/fixture.js";
import { CSV_COLUMNS, toCsv } from "./csv.js";
import { toMarkdown } from "./markdown.js";
import { toTable } from "./table.js";
import { TIMEX_CODE } from "./testing.js";
import { toTimelineJs } from "./timelinejs.js";

const VALUES = [
  "18",
  "199",
  "1866",
  "1923-FA",
  "2012-Q3",
  "2012-H1",
  "2012-W05",
  "1993-05",
  "2006-10-09",
  "2003-10-15T09:00",
  "2009-04-05TAF",
];
const MODS: Array<TimexMod | null> = [
  null,
  "START",
  "MID",
  "END",
  "APPROX",
  "BEFORE",
  "AFTER",
  "MORE_THAN",
  "LESS_THAN",
];

const base = FIXTURE_EVENTS[0] as Event;
/** One event per value and modifier, inferred or not, some with a checker's doubt. */
const EVENTS: Array<FlaggedEvent<Event>> = VALUES.flatMap((value, v) =>
  MODS.map((mod, m) => ({
    ...base,
    id: `e${v}-${m}`,
    summary: "美朝举行会谈",
    date: { ...base.date, value, mod, inferred: (v + m) % 2 === 0 },
    ...(m === 2
      ? {
          dateFinding: {
            kind: "inherited-slip" as const,
            suggestion: "2009-04-05",
            confidence: 0.8,
          },
        }
      : {}),
    ...(m === 3
      ? {
          dateFinding: {
            kind: "inherited-slip" as const,
            suggestion: value,
            confidence: 0.8,
            applied: true as const,
            literal: "2008-04-05",
          },
        }
      : {}),
  })),
);

describe("export:human-dates", () => {
  it("CSV keeps the TIMEX value in `date` and shows a label in `date_label`", () => {
    const rows = toCsv(EVENTS)
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(","));
    const date = CSV_COLUMNS.indexOf("date");
    const label = CSV_COLUMNS.indexOf("date_label");
    for (const [i, row] of rows.slice(1).entries()) {
      expect(row[date]).toBe(EVENTS[i]?.date.value);
      expect(row[label]).not.toBe("");
      expect(row[label]).not.toMatch(TIMEX_CODE);
    }
  });

  it("the terminal table's date column shows labels", () => {
    const lines = toTable(EVENTS, { width: Infinity }).trimEnd().split("\n").slice(1);
    expect(lines).toHaveLength(EVENTS.length);
    for (const line of lines) expect(line.split(/\s{2,}/u)[0]).not.toMatch(TIMEX_CODE);
  });

  it("the Markdown table's date column shows labels", () => {
    const rows = toMarkdown(EVENTS)
      .split("\n")
      .slice(2)
      .filter((line) => line.startsWith("|"));
    expect(rows).toHaveLength(EVENTS.length);
    for (const row of rows) expect(row.split(" | ")[0]).not.toMatch(TIMEX_CODE);
  });

  it("TimelineJS slides carry a Chinese display_date and no code in their text", () => {
    const { events } = toTimelineJs(EVENTS);
    expect(events).toHaveLength(EVENTS.length);
    for (const slide of events) {
      expect(slide.display_date).toBeDefined();
      expect(slide.display_date).not.toMatch(TIMEX_CODE);
      expect(slide.text.text).not.toMatch(TIMEX_CODE);
    }
  });
});
