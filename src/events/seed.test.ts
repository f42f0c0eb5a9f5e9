import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findEntities } from "../entities/index.js";
import { scoreEvents, type GoldEntity, type GoldEvent } from "../eval/events.js";
import { ingest } from "../ingest/index.js";
import type { Chronicle } from "../model/index.js";
import { normalize } from "../normalize/index.js";
import { tagTimes } from "../time/index.js";
import { extractEvents } from "./index.js";
import { articleFiles, SEED_ARTICLE, SEED_DIR } from "../../test/corpus.js";

const seed = SEED_DIR;
const files = [SEED_ARTICLE, ...articleFiles()];

function chronicle(file: string): Chronicle {
  const raw = readFileSync(file, "utf8");
  const doc = ingest(raw, { name: file });
  const norm = normalize(doc);
  const timexes = tagTimes(norm);
  const entities = findEntities(norm);
  const events = extractEvents(norm, timexes, entities);
  return {
    document: { id: doc.id, title: doc.title, source: file, length: raw.length },
    timexes,
    entities,
    events,
    findings: [],
  };
}

describe("entities and events: span invariants on every article", () => {
  it.each(files)("%s", (file) => {
    const raw = readFileSync(file, "utf8").replace(/^\uFEFF/u, "");
    const c = chronicle(file);
    const spans = [
      ...c.entities.flatMap((e) => e.mentions),
      ...c.events.flatMap((e) => e.mentions),
    ];
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(raw.length);
      expect(s.start).toBeLessThan(s.end);
      expect(raw.slice(s.start, s.end)).toBe(s.text);
      // no final punctuation in an event mention
      expect(s.text).not.toMatch(/[，。；：、,;]$/u);
    }
    const ids = new Set(c.entities.map((e) => e.id));
    for (const e of c.events)
      for (const id of [...e.actors.source, ...e.actors.target, ...e.actors.other])
        expect(ids.has(id)).toBe(true);
  });
});

describe("events: seed scores", () => {
  it("stays at or above the measured floors (target: typed+dated F1 0.80, actor F1 0.85)", () => {
    const c = chronicle(join(seed, "us-dprk.md"));
    const gold = {
      events: JSON.parse(readFileSync(join(seed, "events.json"), "utf8")) as GoldEvent[],
      entities: JSON.parse(readFileSync(join(seed, "entities.json"), "utf8")) as GoldEntity[],
    };
    const score = scoreEvents(c, gold);
    // Note: floors at the level reached without seed-fitted rows, so a regression fails; the
    // issue targets (typed+dated 0.80, actors 0.85) are met with little margin.
    expect(score.detection.f1).toBeGreaterThanOrEqual(0.89);
    expect(score.typed.f1).toBeGreaterThanOrEqual(0.83);
    expect(score.typedDated.f1).toBeGreaterThanOrEqual(0.8);
    expect(score.actors.f1).toBeGreaterThanOrEqual(0.85);
  });
});
