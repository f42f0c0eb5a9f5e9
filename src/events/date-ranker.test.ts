import { afterEach, describe, expect, it } from "vitest";
import type { Event } from "../model/index.js";
import { rankDate, trainDates, type DateCandidate, type DateModel } from "./date-ranker.js";
import { eventsOf, show } from "./testing.js";
import { unmockData, withData } from "../../test/shipped-data.js";

/** The candidate dates of every event of a snippet, by event index (read by the rules). */
function candidatesOf(md: string): Map<number, DateCandidate[]> {
  const out = new Map<number, DateCandidate[]>();
  eventsOf(md, { dateTrace: (i, c) => out.set(i, c) });
  return out;
}

const MD = "1950年，英国宣布撤军。\n\n1951年3月，英国宣布撤军。法国谴责英国。\n";

function date(value: string | null): Event["date"] {
  return { value, mod: null, timex: null, inferred: true, basis: null };
}

function model(weights: Record<string, number>, margin = 0): DateModel {
  return { version: 1, margin, weights };
}

/** date-ranker.ts loaded afresh with its shipped model replaced by `load()`. */
const shippedWith = (load: () => unknown) =>
  withData("events/dates.json", load, () => import("./date-ranker.js"));

describe("events:date-ranker candidates", () => {
  it("gives the rule's date first, then the sentence's, the line's and the lead's, and no date", () => {
    const events = eventsOf(MD).map(show);
    expect(events).toContain("condemnation 1951-03 FRA>GBR");
    const list = candidatesOf(MD).get(events.indexOf("condemnation 1951-03 FRA>GBR")) ?? [];
    const values = list.map((c) => c.date.value);
    expect(values[0]).toBe("1951-03");
    expect(values).toEqual(expect.arrayContaining(["1950", "1951", null]));
    // one candidate per value
    expect(new Set(values).size).toBe(values.length);
    const of = (v: string | null): string[] => list.find((c) => c.date.value === v)?.features ?? [];
    expect(of("1951-03")).toEqual(
      expect.arrayContaining(["s=rule", "s=prevsent", "s=prevsent|before", "agree", "prec=month"]),
    );
    // the lead's date (the first of the story), and a coarser form of the rule's
    expect(of("1950")).toEqual(expect.arrayContaining(["s=lead", "s=back", "s=back|r=1"]));
    expect(of("1951")).toEqual(expect.arrayContaining(["s=ruleYear", "coarser"]));
    expect(of(null)).toContain("s=none");
  });

  it("marks a range's end and an attributive date where it stands", () => {
    const md = "1950年，英国宣布撤军。英国谴责法国1945年的入侵。\n";
    const all = [...candidatesOf(md).values()].flat();
    const attributive = all.find((c) => c.date.value === "1945");
    expect(attributive?.features).toEqual(
      expect.arrayContaining(["s=clause|after", "s=clause|de"]),
    );
  });
});

describe("events:date-ranker ranking", () => {
  const candidates: DateCandidate[] = [
    { date: date("1951-03"), features: ["s=rule", "agree"] },
    { date: date("1950"), features: ["s=prevsent"] },
    { date: date(null), features: ["s=none"] },
  ];

  it("keeps the rule's date unless another beats it by more than the margin", () => {
    expect(rankDate(model({}), candidates).value).toBe("1951-03");
    expect(rankDate(model({ "s=prevsent": 2 }), candidates).value).toBe("1950");
    expect(rankDate(model({ "s=prevsent": 2 }, 3), candidates).value).toBe("1951-03");
    expect(rankDate(model({ "s=none": 1, "s=prevsent": 0.5 }), candidates).value).toBeNull();
  });

  it("replaces the rule's date in the events it dates", () => {
    const plain = eventsOf(MD).map(show);
    const ranked = eventsOf(MD, { dates: model({ "s=lead": 5 }) }).map(show);
    expect(plain).toContain("condemnation 1951-03 FRA>GBR");
    expect(ranked).toContain("condemnation 1950 FRA>GBR");
  });
});

describe("events:date-ranker training", () => {
  /** Groups where the gold date is the sentence's before the act, not the rule's. */
  const groups = Array.from({ length: 20 }, (_, i) => ({
    candidates: [
      { features: ["s=rule", i % 2 === 0 ? "p=day" : "p=year"] },
      { features: ["s=prevsent", "p=month"] },
      { features: ["s=none"] },
    ],
    gold: [1],
  }));

  it("learns to prefer the candidate the gold takes, and ignores groups without it", () => {
    const trained = trainDates([...groups, { candidates: groups[0]?.candidates ?? [], gold: [] }], {
      epochs: 5,
      seed: 1,
    });
    const test: DateCandidate[] = [
      { date: date("1951-03-02"), features: ["s=rule", "p=day"] },
      { date: date("1951-02"), features: ["s=prevsent", "p=month"] },
      { date: date(null), features: ["s=none"] },
    ];
    expect(rankDate(trained, test).value).toBe("1951-02");
    expect(trainDates([], { epochs: 5, seed: 1 }).weights).toEqual({});
  });

  it("is reproducible: the same groups and seed give the same weights", () => {
    const a = trainDates(groups, { epochs: 5, seed: 7, margin: 1 });
    const b = trainDates(groups, { epochs: 5, seed: 7, margin: 1 });
    expect(a).toEqual(b);
    expect(a.margin).toBe(1);
  });
});

describe("loadDateModel", () => {
  afterEach(unmockData);

  it("is null when no date model is shipped (the rule's dates are kept)", async () => {
    const { loadDateModel } = await shippedWith(() => {
      throw Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" });
    });
    expect(loadDateModel()).toBeNull();
  });

  it("throws on a model of another version", async () => {
    const { loadDateModel } = await shippedWith(() => ({ version: 2 }));
    expect(() => loadDateModel()).toThrow(/version 2/);
  });
});
