import { describe, expect, it } from "vitest";
import { isEventType } from "./types.js";

describe("isEventType", () => {
  it.each(["talks", "weapons_test", "leadership_change", "other"])("accepts %s", (name) => {
    expect(isEventType(name)).toBe(true);
  });
  it.each(["Talks", "weapons-test", "", "war"])("rejects %s", (name) => {
    expect(isEventType(name)).toBe(false);
  });
});
