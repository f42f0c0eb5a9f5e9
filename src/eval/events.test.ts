import { describe, expect, it } from "vitest";
import type { Chronicle, Entity, Event } from "../model/index.js";
import { mapEntities, scoreEvents, type GoldEntity, type GoldEvent } from "./events.js";

function ev(
  id: string,
  type: Event["type"],
  date: string,
  start: number,
  end: number,
  source: string[],
  target: string[] = [],
): Event {
  return {
    id,
    type,
    date: { value: date, timex: null, inferred: false, basis: "explicit" },
    actors: { source, target, other: [] },
    score: null,
    summary: "",
    rule: "test",
    mentions: [{ start, end, text: "x".repeat(end - start) }],
  };
}

function gev(
  id: string,
  type: string,
  date: string,
  start: number,
  end: number,
  source: string[],
  target: string[] = [],
): GoldEvent {
  return {
    id,
    type,
    date,
    actors: { source, target, other: [] },
    mentions: [{ start, end, text: "" }],
  };
}

const entities: Entity[] = [
  { id: "PRK", kind: "state", name: "朝鲜", names: ["朝鲜"], wiki: [], rule: "t", mentions: [] },
  {
    id: "卡特",
    kind: "person",
    name: "卡特",
    names: ["卡特"],
    wiki: ["吉米·卡特"],
    rule: "t",
    mentions: [],
  },
  { id: "X", kind: "person", name: "无名", names: ["无名"], wiki: [], rule: "t", mentions: [] },
];
const goldEntities: GoldEntity[] = [
  { id: "PRK", kind: "state", names: ["朝鮮"], wiki: [] },
  { id: "JOSEON", kind: "state", names: ["朝鮮"], wiki: [] },
  { id: "jimmy_carter", kind: "person", names: ["卡特"], wiki: ["吉米·卡特"] },
];

describe("eval:events", () => {
  it("maps system entities by id, wiki title, then shared names", () => {
    const map = mapEntities(entities, goldEntities);
    expect(map.get("PRK")).toBe("PRK");
    expect(map.get("卡特")).toBe("jimmy_carter");
    expect(map.has("X")).toBe(false);
  });
  it("scores detection, type, date and actors on one-to-one overlap matches", () => {
    const system: Chronicle = {
      document: { id: "d", title: "t", source: "s", length: 100 },
      timexes: [],
      entities,
      findings: [],
      events: [
        ev("e1", "visit", "2010-08-25", 0, 10, ["卡特"], ["PRK"]), // right
        ev("e2", "talks", "2010", 20, 30, ["PRK"]), // wrong type
        ev("e3", "weapons_test", "2012", 40, 50, ["PRK"]), // wrong date
        ev("e4", "threat", "2013", 60, 70, ["PRK"]), // spurious
      ],
    };
    const gold = [
      gev("g1", "visit", "2010-08-25", 5, 12, ["jimmy_carter"], ["PRK"]),
      gev("g2", "statement", "2010", 25, 28, ["PRK"]),
      gev("g3", "weapons_test", "2012-04-13", 40, 45, ["PRK"]),
      gev("g4", "sanction", "2014", 80, 90, ["USA"]), // missed
    ];
    const s = scoreEvents(system, { events: gold, entities: goldEntities });
    expect(s.detection.tp).toBe(3);
    expect(s.typed.tp).toBe(2);
    expect(s.typedDated.tp).toBe(1);
    expect(s.actors).toMatchObject({ tp: 3, system: 3, gold: 3 });
    expect(s.misses.map((m) => m.gold?.id)).toEqual(["g4"]);
    expect(s.spurious.map((m) => m.system?.id)).toEqual(["e4"]);
    expect(s.wrongType.map((m) => m.gold?.id)).toEqual(["g2"]);
    expect(s.wrongDate.map((m) => m.gold?.id)).toEqual(["g3"]);
  });
  it("prefers a same-type match when one system event overlaps two gold events", () => {
    const system: Chronicle = {
      document: { id: "d", title: "t", source: "s", length: 100 },
      timexes: [],
      entities,
      findings: [],
      events: [ev("e1", "sanction", "2013", 0, 40, ["PRK"])],
    };
    const gold = [
      gev("g1", "demand", "2013", 0, 30, ["PRK"]),
      gev("g2", "sanction", "2013", 0, 40, ["PRK"]),
    ];
    const s = scoreEvents(system, { events: gold, entities: goldEntities });
    expect(s.typed.tp).toBe(1);
    expect(s.misses.map((m) => m.gold?.id)).toEqual(["g1"]);
  });
});
