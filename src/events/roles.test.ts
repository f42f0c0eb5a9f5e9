import { describe, expect, it } from "vitest";
import type { EntityKind } from "../model/index.js";
import type { ActorMention } from "./actors.js";
import type { Example } from "./model.js";
import {
  applyRoles,
  decideRoles,
  roleCandidates,
  trainRoles,
  windowParties,
  type RoleInput,
} from "./roles.js";

/** A clause with its mentions found by name (each name once, in the order given). */
function input(
  text: string,
  names: Array<[string, string, EntityKind]>,
  head: string,
  actors: RoleInput["actors"],
  stateOf: Array<[string, string]> = [],
): RoleInput {
  const mentions: ActorMention[] = names.map(([name, id, kind]) => {
    const start = text.indexOf(name);
    return { id, kind, start, end: start + name.length };
  });
  const h = text.indexOf(head);
  return {
    text,
    type: "condemnation",
    actors,
    ranges: [[0, text.length]],
    head: { start: h, end: h + head.length },
    mentions,
    stateOf: new Map(stateOf),
    kindOf: new Map(names.map(([, id, kind]) => [id, kind])),
  };
}

describe("events:roles/candidates", () => {
  it("reads the rules' actors, the parties named in the mention and the states they act for", () => {
    const c = roleCandidates(
      input(
        "美国总统卡特对朝鲜提出谴责",
        [
          ["美国", "USA", "state"],
          ["卡特", "carter", "person"],
          ["朝鲜", "PRK", "state"],
        ],
        "谴责",
        { source: ["carter"], target: [], other: ["USA"] },
        [["carter", "USA"]],
      ),
    );
    expect(c.map((x) => [x.id, x.rule])).toEqual([
      ["carter", "source"],
      ["USA", "other"],
      ["PRK", "none"],
    ]);
    const prk = c.find((x) => x.id === "PRK")?.features ?? [];
    expect(prk).toContain("p1=对");
    expect(prk).toContain("pos=before");
    expect(prk).toContain("k=state");
    // The state the source person acts for knows that person's role.
    expect(c.find((x) => x.id === "USA")?.features).toContain("party=source");
  });

  it("marks a party the rules chose that the mention never names (the running subject)", () => {
    const c = roleCandidates(
      input("随后对朝鲜提出谴责", [["朝鲜", "PRK", "state"]], "谴责", {
        source: ["USA"],
        target: ["PRK"],
        other: [],
      }),
    );
    expect(c.find((x) => x.id === "USA")?.features).toContain("pos=absent");
  });
});

describe("events:roles/window", () => {
  /** Mentions found by name, each name at every place it stands. */
  function found(text: string, names: Array<[string, string, EntityKind]>): ActorMention[] {
    const out: ActorMention[] = [];
    for (const [name, id, kind] of names)
      for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1))
        out.push({ id, kind, start: i, end: i + name.length });
    return out.sort((a, b) => a.start - b.start);
  }

  it("proposes the parties named before the event in its paragraph, nearest first", () => {
    // alfred-sze, ding-ruchang, battle-of-weihaiwei: the actor is named a sentence before.
    const text = "日本出兵台湾。\n1874年，清朝与英国交涉，李鸿章抵达天津。随后签订条约，法国反对。";
    const event = text.indexOf("随后签订条约");
    const names: Array<[string, string, EntityKind]> = [
      ["日本", "JPN", "state"],
      ["清朝", "QING", "state"],
      ["英国", "GBR", "state"],
      ["李鸿章", "li", "person"],
      ["法国", "FRA", "state"],
    ];
    const w = windowParties(text, [[event, event + 6]], found(text, names));
    // Japan stands in the paragraph before: not a candidate; France after the act in its sentence.
    expect(w).toEqual({ before: ["li", "GBR", "QING"], after: ["FRA"] });
  });

  it("adds the window, its persons' states and the article's topic as candidates", () => {
    const text = "1860年，蒲安臣抵达上海。随后会见恭亲王。";
    const event = text.indexOf("随后会见");
    const mentions = found(text, [
      ["蒲安臣", "burlingame", "person"],
      ["恭亲王", "gong", "person"],
    ]);
    const c = roleCandidates({
      text,
      type: "talks",
      actors: { source: [], target: ["gong"], other: [] },
      ranges: [[event, text.length - 1]],
      head: { start: event + 2, end: event + 4 },
      mentions,
      stateOf: new Map([["burlingame", "USA"]]),
      kindOf: new Map([
        ["burlingame", "person"],
        ["gong", "person"],
      ]),
      topic: ["burlingame", "TOPIC_ORG"],
    });
    expect(c.map((x) => x.id)).toEqual(["gong", "burlingame", "USA", "TOPIC_ORG"]);
    const b = c.find((x) => x.id === "burlingame")?.features ?? [];
    expect(b).toContain("via=window");
    expect(b).toContain("wr=1");
    expect(b).toContain("topic");
    expect(c.find((x) => x.id === "USA")?.features).toContain("via=wstate");
    expect(c.find((x) => x.id === "TOPIC_ORG")?.features).toContain("via=topic");
  });
});

describe("events:roles/model", () => {
  /** A party after 对 is the target whatever the rules said; one the rules made source stays. */
  function examples(): Example[] {
    const out: Example[] = [];
    for (let i = 0; i < 30; i += 1) {
      out.push({ features: ["bias", "r=none", "p1=对", `w=${i % 5}`], label: "target" });
      out.push({ features: ["bias", "r=source", "p1=", `w=${i % 5}`], label: "source" });
      out.push({ features: ["bias", "r=none", "p1=在", `w=${i % 5}`], label: "none" });
    }
    return out;
  }

  it("learns to correct the rules from labelled candidates", () => {
    const model = trainRoles(examples(), { epochs: 5, seed: 3 });
    expect(
      decideRoles(model, [
        { id: "a", rule: "none", features: ["bias", "r=none", "p1=对"] },
        { id: "b", rule: "source", features: ["bias", "r=source", "p1="] },
        { id: "c", rule: "none", features: ["bias", "r=none", "p1=在"] },
      ]),
    ).toEqual(["target", "source", "none"]);
  });

  it("gives each candidate its role and keeps the rules' dropped parties as third parties", () => {
    const model = trainRoles(examples(), { epochs: 5, seed: 3 });
    const actors = applyRoles(
      model,
      [
        { id: "USA", rule: "source", features: ["bias", "r=source", "p1="] },
        { id: "PRK", rule: "none", features: ["bias", "r=none", "p1=对"] },
        { id: "JPN", rule: "target", features: ["bias", "r=none", "p1=在"] },
      ],
      { source: ["USA"], target: ["JPN"], other: ["UN"] },
    );
    expect(actors).toEqual({ source: ["USA"], target: ["PRK"], other: ["JPN", "UN"] });
  });

  it("starts from the rules' role when given a prior weight", () => {
    const two: Example[] = [
      { features: ["bias"], label: "none" },
      { features: ["x"], label: "source" },
    ];
    const model = trainRoles(two, {
      epochs: 1,
      seed: 1,
      priorWeight: 3,
    });
    // No example contradicts the prior: a rule source stays a source; without it, none.
    const rule = [{ id: "a", rule: "source" as const, features: ["bias", "r=source"] }];
    expect(decideRoles(model, rule)).toEqual(["source"]);
    expect(decideRoles(trainRoles(two, { epochs: 1, seed: 1 }), rule)).toEqual(["none"]);
  });

  it("reads the scores with a threshold against none and a floor for an event's source", () => {
    const model = trainRoles(examples(), { epochs: 5, seed: 3 });
    const weak = [{ id: "a", rule: "none" as const, features: ["bias", "r=none", "p1=在"] }];
    expect(decideRoles(model, weak)).toEqual(["none"]);
    expect(decideRoles({ ...model, threshold: 1000 }, weak)).not.toEqual(["none"]);
    expect(decideRoles({ ...model, floor: 1000 }, weak)).toEqual(["source"]);
  });
});
