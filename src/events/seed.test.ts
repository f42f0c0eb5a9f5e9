import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findEntities } from "../entities/index.js";
import { ingest } from "../ingest/index.js";
import type { Chronicle } from "../model/index.js";
import { normalize } from "../normalize/index.js";
import { tagTimes } from "../time/index.js";
import { extractEvents } from "./index.js";
import { articleFiles, SEED_ARTICLE } from "../../test/corpus.js";

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
    // Note: an article outside history (13_dotnet-core) may rightly give no dated act at all.
    if (file === SEED_ARTICLE) expect(spans.length).toBeGreaterThan(100);
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
