import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { existedIn, loadGazetteer } from "../entities/index.js";
import { extract } from "../extract.js";

const root = join(import.meta.dirname, "..", "..");
const md = (dir: string): string[] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .map((f) => join(dir, f));
const corpus = readdirSync(join(root, "corpus"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join("corpus", d.name, `${d.name}.md`))
  // Note: the seed's article is samples/us-dprk.md (its folder holds the gold only).
  .filter((f) => existsSync(join(root, f)));
const files = [
  ...md("samples"),
  ...md("test/corpus/articles"),
  ...md("test/corpus/seed"),
  ...corpus,
];

describe("events: actors in their own time", () => {
  const gazetteer = loadGazetteer();
  it("reads the bundled and corpus articles", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });
  it.each(files)("%s: no state actor outside the years the gazetteer gives it", (file) => {
    const raw = readFileSync(join(root, file), "utf8");
    const { chronicle } = extract({ raw, name: file }, { until: "events" });
    const wrong: string[] = [];
    for (const e of chronicle.events) {
      const y = /^(\d{4})/u.exec(e.date.value ?? "");
      if (!y) continue;
      for (const id of [...e.actors.source, ...e.actors.target, ...e.actors.other]) {
        const entry = gazetteer.byId.get(id);
        if (entry?.kind === "state" && !existedIn(entry, Number(y[1])))
          wrong.push(`${e.id} ${e.date.value} ${id}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
