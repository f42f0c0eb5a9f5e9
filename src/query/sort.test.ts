import { describe, expect, it } from "vitest";
import { FIXTURE_EVENTS } from "./fixture.js";
import { sortEvents } from "./sort.js";

describe("sortEvents", () => {
  it("orders by date, coarse before fine, then position; undated last", () => {
    expect(sortEvents(FIXTURE_EVENTS).map((e) => e.id)).toEqual([
      "e4", // 199 (1990s)
      "e1", // 1994-10-21
      "e2", // 2006-10-09, earlier in the text than e3
      "e3",
      "e5", // 2011-12
      "e6", // 2012-SP, earlier id at the same position
      "e9",
      "e8", // 2017-01
      "e7", // undated
    ]);
  });

  it("does not mutate its input", () => {
    const before = FIXTURE_EVENTS.map((e) => e.id);
    sortEvents(FIXTURE_EVENTS);
    expect(FIXTURE_EVENTS.map((e) => e.id)).toEqual(before);
  });

  it("puts unplaceable dates (PRESENT_REF) with the undated", () => {
    const [first] = FIXTURE_EVENTS;
    const present = { ...first!, id: "p", date: { ...first!.date, value: "PRESENT_REF" } };
    expect(sortEvents([present, ...FIXTURE_EVENTS]).at(-2)?.id).toBe("p");
  });
});
