#!/usr/bin/env node
// How often a summary's restored subject is right: `node bench/summary-subjects.js [ROOT] [--split
// dev] [--wrong FILE]` (ROOT: a built checkout, default this one). For each article of the split (corpus/splits.json; dev by default: never read
// the test split's errors), it extracts with ROOT's dist/, matches events to the gold
// (the scorer's matching), and for every matched event whose summary puts a subject the mention
// does not name (the first source actor's name), counts whether that actor is a gold source;
// grouped by the actor's kind and by whether its name was written in the mention's own sentence.
// --wrong FILE writes the wrong ones (article, where, kind, summary, gold sources). Asserts nothing.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchArgs } from "./usage.js";

const { option, root } = benchArgs(import.meta.url, "summary-subjects");
const split = option("--split", "dev");
const wrongFile = option("--wrong", null);
const { extract } = await import(join(root, "dist/index.js"));
const { matchEvents, mapEntities } = await import(join(root, "dist/eval/events.js"));
const corpus = join(root, "corpus");
const names = JSON.parse(readFileSync(join(corpus, "splits.json"), "utf8"))[split] ?? [];
const read = (file) => JSON.parse(readFileSync(file, "utf8"));
const stats = new Map();
const count = (key, ok) => {
  const [right, all] = stats.get(key) ?? [0, 0];
  stats.set(key, [right + (ok ? 1 : 0), all + 1]);
};
const wrong = [];
for (const name of names) {
  const dir = join(corpus, name);
  const meta = read(join(dir, "meta.json"));
  const file = join(dir, meta.article ?? `${name}.md`);
  const raw = readFileSync(file, "utf8");
  const { chronicle } = extract({ raw, name: file });
  const gold = read(join(dir, "events.json"));
  const map = mapEntities(chronicle.entities, read(join(dir, "entities.json")));
  const entities = new Map(chronicle.entities.map((e) => [e.id, e]));
  for (const [i, j] of matchEvents(chronicle.events, gold)) {
    const event = chronicle.events[i];
    const source = event.actors.source[0];
    const entity = source === undefined ? undefined : entities.get(source);
    if (entity === undefined) continue;
    const written = [entity.name, ...entity.names].filter((n) => n.length >= 2);
    const mention = event.mentions[0];
    const text = raw.slice(mention.start, mention.end);
    const restored =
      written.some((n) => event.summary.startsWith(n)) && !written.some((n) => text.includes(n));
    if (!restored) continue;
    const ok = gold[j].actors.source.includes(map.get(source) ?? "?");
    const before = raw.slice(Math.max(0, mention.start - 400), mention.start);
    const sentence = before.slice(Math.max(before.lastIndexOf("。"), before.lastIndexOf("\n")) + 1);
    const where = written.some((n) => sentence.includes(n)) ? "same sentence" : "earlier";
    count(`${where}, ${entity.kind}`, ok);
    count("all", ok);
    if (!ok) {
      wrong.push([name, where, entity.kind, event.summary, gold[j].actors.source.join(",")]);
    }
  }
}
console.log(`restored summary subjects on ${split} (${names.length} articles): right / all`);
for (const [key, [right, all]] of [...stats].sort()) {
  console.log(
    `${key.padEnd(28)} ${String(right).padStart(5)} / ${String(all).padEnd(5)} ${(right / all).toFixed(2)}`,
  );
}
if (wrongFile !== null) writeFileSync(wrongFile, `${wrong.map((r) => r.join("\t")).join("\n")}\n`);
