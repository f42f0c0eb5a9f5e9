import { describe, expect, it } from "vitest";
import type { TracedCandidate } from "../events/index.js";
import type { GoldEvent } from "./events.js";
import { labelCandidates } from "./label.js";

/** A gold event of `type` with one mention over [start, end). */
function gold(id: string, type: string, start: number, end: number): GoldEvent {
  return {
    id,
    date: "1884",
    type,
    actors: { source: [], target: [], other: [] },
    mentions: [{ start, end, text: "x".repeat(end - start) }],
  };
}

/** A candidate over [start, end) with its head at `head`, read by the rules as `rule`. */
function cand(
  start: number,
  end: number,
  head: number | null,
  features: string[] = [],
  rule: TracedCandidate["rule"] = null,
): TracedCandidate {
  return { features: ["bias", ...features], start, end, head, rule };
}

const labels = (cs: TracedCandidate[], gs: GoldEvent[]): string[] =>
  labelCandidates(cs, gs).map((e) => e.label);

describe("eval:label", () => {
  it("gives the gold type to the candidate whose head lies in the mention, else none", () => {
    // The longer candidate has its head outside the mention; the shorter one inside.
    const cs = [cand(0, 30, 25), cand(10, 20, 12)];
    expect(labels(cs, [gold("e1", "armed_incident", 5, 22)])).toEqual(["none", "armed_incident"]);
  });

  it("of the clauses of one mention, labels the one whose reading agrees with the gold type", () => {
    // 戰勝列強不顧中國反對，接受日本要求: the second clause's head is concession vocabulary.
    const cs = [cand(0, 12, 2), cand(13, 19, 13, ["hlex=concession", "hlex=any"])];
    expect(labels(cs, [gold("e1", "concession", 0, 19)])).toEqual(["none", "concession"]);
    // The rules' type agrees: the shorter clause learns the type.
    const ruled = [cand(0, 12, 2, ["hlex=any"]), cand(13, 19, 13, [], "agreement")];
    expect(labels(ruled, [gold("e1", "agreement", 0, 19)])).toEqual(["none", "agreement"]);
  });

  it("prefers event vocabulary when no reading agrees, then the larger overlap", () => {
    const cs = [cand(0, 12, 2), cand(13, 19, 13, ["hlex=any", "hlex=visit"])];
    expect(labels(cs, [gold("e1", "other", 0, 19)])).toEqual(["none", "other"]);
    const plain = [cand(0, 12, 2), cand(13, 19, 13)];
    expect(labels(plain, [gold("e1", "other", 0, 19)])).toEqual(["other", "none"]);
  });

  it("labels one candidate per gold event and one gold event per candidate", () => {
    const cs = [cand(0, 10, 2, ["hlex=any"]), cand(11, 20, 12, ["hlex=any"])];
    const gs = [gold("e1", "visit", 0, 10), gold("e2", "talks", 11, 20)];
    expect(labels(cs, gs)).toEqual(["visit", "talks"]);
    expect(labels([cand(0, 20, 2)], gs)).toEqual(["visit"]);
  });
});
