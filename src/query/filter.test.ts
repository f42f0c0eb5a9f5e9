import { describe, expect, it } from "vitest";
import type { EventQuery } from "../model/index.js";
import { FIXTURE_CHRONICLE, FIXTURE_ENTITIES, FIXTURE_EVENTS } from "./fixture.js";
import { queryEvents, resolveActor, type DocumentEvents } from "./filter.js";

const doc: DocumentEvents = {
  doc: { id: "fixture-1", title: "美朝關係", source: "fixture.md" },
  events: FIXTURE_EVENTS,
  entities: FIXTURE_ENTITIES,
};
const other: DocumentEvents = {
  doc: { id: "other-2", title: "另一篇", source: "other.md" },
  events: [{ ...FIXTURE_EVENTS[1]!, id: "x1" }],
  entities: FIXTURE_ENTITIES,
};

function ids(query: EventQuery, docs: DocumentEvents[] = [doc]): string[] {
  return queryEvents(docs, query).map((e) => e.id);
}

describe("queryEvents", () => {
  it.each<[string, EventQuery, string[]]>([
    ["no filter: everything, sorted", {}, ["e4", "e1", "e2", "e3", "e5", "e6", "e9", "e8", "e7"]],
    ["types", { types: ["leadership_change", "talks"] }, ["e5", "e6", "e8"]],
    ["types (none match)", { types: ["aid"] }, []],
    ["actor by id", { actor: "trump" }, ["e8"]],
    ["actor by id, any case", { actor: "Kim_Jong_Un" }, ["e5"]],
    ["actor by Traditional alias (北韓)", { actor: "北韓", types: ["condemnation"] }, ["e3"]],
    ["actor by alias in other slot", { actor: "川普" }, ["e8"]],
    ["actor by wiki title", { actor: "美利堅合眾國", types: ["leadership_change"] }, ["e8"]],
    ["actor unknown", { actor: "蘇聯" }, []],
    ["pair, source → target", { pair: ["USA", "PRK"], types: ["condemnation"] }, ["e3"]],
    ["pair, either direction", { pair: ["朝鮮", "美國"], types: ["condemnation"] }, ["e3"]],
    [
      "pair, both as sources",
      { pair: ["USA", "PRK"], types: ["talks", "agreement"] },
      ["e1", "e6"],
    ],
    ["pair, third party does not count", { pair: ["kim_jong_un", "PRK"] }, []],
    ["pair, same actor twice", { pair: ["PRK", "朝鲜"], types: ["weapons_test"] }, []],
    ["from (year)", { from: "2011" }, ["e5", "e6", "e9", "e8"]],
    ["to includes the whole year", { to: "2006" }, ["e4", "e1", "e2", "e3"]],
    ["from/to month bounds", { from: "2011-12", to: "2012-03" }, ["e5", "e6", "e9"]],
    ["to a day excludes later days", { to: "2006-10-08" }, ["e4", "e1"]],
    [
      "a decade overlapping from is kept",
      { from: "1994" },
      ["e4", "e1", "e2", "e3", "e5", "e6", "e9", "e8"],
    ],
    ["a decade before from is not", { from: "2000" }, ["e2", "e3", "e5", "e6", "e9", "e8"]],
    ["a month overlapping a day bound", { from: "2011-12-31", to: "2011-12-31" }, ["e5"]],
    ["query, Simplified", { query: "核试验" }, ["e2"]],
    ["query, Traditional matches Simplified", { query: "領導人" }, ["e5"]],
    ["query, Simplified matches Traditional", { query: "美国与朝鲜" }, ["e1"]],
    ["query, none", { query: "火星" }, []],
    ["limit", { limit: 2 }, ["e4", "e1"]],
    ["doc by id", { doc: "other-2" }, ["x1"]],
    ["doc by source", { doc: "fixture.md", types: ["weapons_test"] }, ["e2"]],
    ["doc unknown", { doc: "nope" }, []],
  ])("%s", (_name, query, expected) => {
    expect(ids(query, [doc, other]).filter((id) => query.doc !== undefined || id !== "x1")).toEqual(
      expected,
    );
  });

  it("excludes undated events once a bound is given", () => {
    expect(ids({ from: "1000" })).not.toContain("e7");
    expect(ids({})).toContain("e7");
  });

  it("returns hits with their document", () => {
    const [hit] = queryEvents([doc], { types: ["agreement"] });
    expect(hit).toMatchObject({ id: "e1", doc: "fixture-1", docTitle: "美朝關係" });
  });

  it("keeps documents apart when sorting", () => {
    expect(ids({ types: ["weapons_test"] }, [other, doc])).toEqual(["e2", "x1"]);
  });

  it.each<[string, EventQuery, string[]]>([
    [
      "alias only the first document writes",
      { actor: "北韓", types: ["weapons_test"] },
      ["e2", "y1"],
    ],
    ["alias, with the doc filter on the other", { actor: "北韓", doc: "plain-3" }, ["y1"]],
    ["an alias no document uses", { actor: "蘇聯" }, []],
  ])("resolves actor names across documents: %s", (_name, query, expected) => {
    const plain: DocumentEvents = {
      doc: { id: "plain-3", title: "無別名", source: "plain.md" },
      events: [{ ...FIXTURE_EVENTS[1]!, id: "y1" }],
      // This document knows PRK only by its id and 朝鲜, never as 北韓.
      entities: FIXTURE_ENTITIES.map((e) =>
        e.id === "PRK" ? { ...e, names: ["朝鲜"], wiki: [] } : e,
      ),
    };
    expect(ids(query, [doc, plain])).toEqual(expected);
    expect(ids({ ...query, doc: "plain-3" }, [plain]).length).toBe(0);
  });

  it("chronicle fixture is consistent", () => {
    expect(FIXTURE_CHRONICLE.events).toBe(FIXTURE_EVENTS);
  });
});

describe("resolveActor", () => {
  it.each<[string, string[]]>([
    ["美國", ["USA"]],
    ["美国", ["USA"]],
    ["usa", ["USA"]],
    ["北韩", ["PRK"]],
  ])("%s → %j", (name, expected) => {
    const found = [...resolveActor(name, FIXTURE_ENTITIES)].filter((id) => id !== name);
    expect(found).toEqual(expected);
  });
  it("an empty name resolves to nothing", () => {
    expect(resolveActor("  ", FIXTURE_ENTITIES).size).toBe(0);
  });
});
