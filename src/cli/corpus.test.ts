import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../model/index.js";
import { readCorpus } from "./corpus.js";

const TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);
const TIMEX3 =
  /^(?:\d{1,4}(?:-(?:\d{2}|SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2}))?(?:-(?:\d{2}|WE))?(?:T(?:\d{2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?|MO|MI|AF|EV|NI|DT))?|PRESENT_REF|PAST_REF|FUTURE_REF|P(?:T?(?:\d+(?:\.\d+)?|X)[YMWDHS]|\d+DE|XDE|\d+CE|XCE)+|XXXX(?:-[\dX]{2})*(?:T.*)?)$/u;

const corpus = await readCorpus(join(import.meta.dirname, "..", "..", "corpus"));

describe("corpus: every gold file fits its article", () => {
  it("has a seed, a dev and a test split with no article in two", () => {
    const splits = new Set(corpus.map((a) => a.split));
    expect([...splits].sort()).toEqual(["dev", "seed", "test"]);
    expect(new Set(corpus.map((a) => a.slug)).size).toBe(corpus.length);
  });

  it.each(corpus.map((a) => [a.slug, a] as const))("%s", (_slug, a) => {
    let last = -1;
    for (const t of a.timex) {
      expect(a.raw.slice(t.start, t.end), `timex ${t.start}`).toBe(t.text);
      expect(t.start, `timex order at ${t.start}`).toBeGreaterThanOrEqual(last);
      last = t.end;
      expect(t.value, `timex value at ${t.start}`).toMatch(TIMEX3);
    }
    const ids = new Set(a.entities.map((e) => e.id));
    expect(ids.size).toBe(a.entities.length);
    const eventIds = new Set<string>();
    for (const e of a.events) {
      expect(eventIds.has(e.id), `duplicate ${e.id}`).toBe(false);
      eventIds.add(e.id);
      expect(TYPES.has(e.type), `${e.id} type ${e.type}`).toBe(true);
      expect(e.mentions.length, `${e.id} mentions`).toBeGreaterThan(0);
      for (const m of e.mentions) expect(a.raw.slice(m.start, m.end), e.id).toBe(m.text);
      for (const role of ["source", "target", "other"] as const)
        for (const id of e.actors[role]) expect(ids.has(id), `${e.id} actor ${id}`).toBe(true);
    }
  });
});
