import { describe, expect, it } from "vitest";
import { FIXTURE_CHRONICLE } from "../query/fixture.js";
import { toJson } from "./json.js";

describe("toJson", () => {
  it("writes the contract's five top-level keys in order and parses back", () => {
    const text = toJson({ chronicle: FIXTURE_CHRONICLE });
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["document", "timexes", "entities", "events", "findings"]);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(FIXTURE_CHRONICLE)));
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("keeps nulls (mod, anchor, undated events) rather than dropping them", () => {
    const parsed = JSON.parse(toJson({ chronicle: FIXTURE_CHRONICLE })) as {
      timexes: Array<{ mod: unknown; anchor: unknown }>;
      events: Array<{ id: string; date: { value: unknown } }>;
    };
    expect(parsed.timexes[0]).toMatchObject({ mod: null, anchor: null });
    expect(parsed.events.find((e) => e.id === "e7")?.date.value).toBeNull();
  });

  it("drops extra keys outside the contract and can write one line", () => {
    const text = toJson({ chronicle: { ...FIXTURE_CHRONICLE, extra: 1 } as never }, { indent: 0 });
    expect(text.trimEnd()).not.toContain("\n");
    expect(text).not.toContain('"extra"');
  });
});
