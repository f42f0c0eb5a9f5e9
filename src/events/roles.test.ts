import { describe, expect, it } from "vitest";
import type { EntityKind } from "../model/index.js";
import type { ActorMention } from "./actors.js";
import type { Example } from "./model.js";
import { applyRoles, decideRoles, roleCandidates, trainRoles, type RoleInput } from "./roles.js";

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
