#!/usr/bin/env node
// Why the gold actors of typed matches are missed:
// `node bench/actor-misses.js [ROOT] [--corpus DIR] [--examples N [--show REGEX]]`.
// ROOT: a built checkout (default: this one), run with its shipped models on the dev split (in
// sample: the role model was trained on these articles; the test split is never read). Each gold
// (role, actor) pair of a typed match the system does not give is counted once, by
//   - recognition: no system entity maps to the gold id (never recognised), else
//   - proposal: the role model saw it as a candidate (and gave it the other role or none), or it
//     was never a candidate of the event;
//   - where the entity's nearest mention stands against the event (first that holds): inside the
//     event's mention (clause), elsewhere in the same sentence, in the sentence before, as the first
//     party named in the paragraph (paragraph subject), earlier in the paragraph, later in the
//     paragraph, the article's topic (a biography's person, an organisation's article), in the
//     paragraph before, elsewhere in the article, nowhere;
//   - the gold entity's kind, and for candidates, where the candidate came from (`via=`).
// Prints counts; `--examples N` lists N misses whose "proposal | where | kind" matches REGEX.
// Asserts nothing.
import { join, resolve } from "node:path";
import { benchArgs } from "./usage.js";

const { option: opt, root } = benchArgs(import.meta.url, "actor-misses");
const corpus = resolve(opt("--corpus", join(root, "corpus")));
const examples = Number(opt("--examples", "0"));
const show = new RegExp(opt("--show", ""), "u");
const { extract } = await import(join(root, "dist/extract.js"));
const { readCorpus } = await import(join(root, "dist/cli/corpus.js"));
const { matchEvents, mapEntities } = await import(join(root, "dist/eval/index.js"));

const ACTOR = new Set(["state", "organization", "person", "group", "craft"]);
const count = new Map();
const add = (key, n = 1) => count.set(key, (count.get(key) ?? 0) + n);
const shown = [];

/** Paragraph [start, end) around `at` in the raw text (blank lines end paragraphs). */
function paragraphAt(raw, at) {
  const before = raw.lastIndexOf("\n\n", at - 1);
  const after = raw.indexOf("\n\n", at);
  return [before < 0 ? 0 : before + 2, after < 0 ? raw.length : after];
}
/** Sentence [start, end) around `at`, inside paragraph `p`. */
function sentenceAt(raw, at, p) {
  let s = at;
  while (s > p[0] && !/[。！？]/u.test(raw[s - 1])) s -= 1;
  let e = at;
  while (e < p[1] && !/[。！？]/u.test(raw[e])) e += 1;
  return [s, Math.min(p[1], e + 1)];
}
const inside = (m, r) => m.start >= r[0] && m.end <= r[1];

const articles = (await readCorpus(corpus, ["dev"])).filter((a) => a.split === "dev");
let totalGold = 0;
let totalMissed = 0;
for (const a of articles) {
  const traces = new Map();
  const { chronicle } = extract(
    { raw: a.raw, name: a.path },
    { events: { roleTrace: (i, c) => traces.set(i, c) } },
  );
  const raw = a.raw.replace(/^\uFEFF/u, "");
  const map = mapEntities(chronicle.entities, a.entities);
  const bySystem = new Map();
  for (const e of chronicle.entities) {
    const g = map.get(e.id);
    if (g === undefined) continue;
    if (!bySystem.has(g)) bySystem.set(g, []);
    bySystem.get(g).push(e);
  }
  const actorMentions = chronicle.entities
    .filter((e) => ACTOR.has(e.kind))
    .flatMap((e) => e.mentions.map((m) => ({ id: e.id, start: m.start, end: m.end })))
    .sort((x, y) => x.start - y.start);
  const goldKind = new Map(a.entities.map((g) => [g.id, g.kind]));
  for (const [i, j] of matchEvents(chronicle.events, a.events)) {
    const s = chronicle.events[i];
    const g = a.events[j];
    if (s.type !== g.type) continue;
    const mapIds = (ids) => ids.map((id) => map.get(id) ?? `?${id}`);
    const sys = { source: mapIds(s.actors.source), target: mapIds(s.actors.target) };
    for (const role of ["source", "target"])
      for (const id of g.actors[role]) {
        totalGold += 1;
        if (sys[role].includes(id)) continue;
        totalMissed += 1;
        const kind = goldKind.get(id) ?? "unknown";
        const entities = bySystem.get(id);
        if (!entities) {
          add(`never recognised | ${kind}`);
          continue;
        }
        const other = role === "source" ? "target" : "source";
        const cands = (traces.get(i) ?? []).filter(
          (c) => c.final !== null && map.get(c.final) === id,
        );
        const proposal =
          cands.length === 0
            ? "never a candidate"
            : sys[other].includes(id)
              ? "candidate, other role"
              : "candidate, dropped";
        // Where its nearest mention stands.
        const first = s.mentions[0];
        const para = paragraphAt(raw, first.start);
        const sent = sentenceAt(raw, first.start, para);
        const prevSent = sent[0] > para[0] ? sentenceAt(raw, sent[0] - 1, para) : null;
        const spans = entities.flatMap((e) => e.mentions);
        const paraFirst = actorMentions.find((m) => m.start >= para[0] && m.end <= para[1]);
        const prevPara = para[0] > 2 ? paragraphAt(raw, para[0] - 3) : null;
        let where = "nowhere";
        if (spans.some((m) => s.mentions.some((r) => m.start >= r.start && m.end <= r.end)))
          where = "clause";
        else if (spans.some((m) => inside(m, sent))) where = "sentence";
        else if (prevSent && spans.some((m) => inside(m, prevSent))) where = "previous sentence";
        else if (paraFirst && paraFirst.start < sent[0] && map.get(paraFirst.id) === id)
          where = "paragraph subject";
        else if (spans.some((m) => inside(m, para) && m.end <= sent[0])) where = "paragraph before";
        else if (spans.some((m) => inside(m, para))) where = "paragraph after";
        else if (
          entities.some((e) => e.rule === "entities:biography" || e.rule === "entities:title")
        )
          where = "article topic";
        else if (prevPara && spans.some((m) => inside(m, prevPara))) where = "paragraph before it";
        else if (spans.length > 0) where = "elsewhere";
        add(`recognised | ${proposal} | ${where}`);
        add(`recognised | ${proposal} | kind ${kind}`);
        add(`recognised | ${proposal} | role ${role}`);
        add(`recognised | where ${where}`);
        add(`recognised | kind ${kind}`);
        for (const c of cands) {
          const via = c.features.find((f) => f.startsWith("via="));
          add(`recognised | ${proposal} | ${via}`);
        }
        const key = `${proposal} | ${where} | ${kind}`;
        if (shown.length < examples && show.test(key))
          shown.push(`${a.slug} ${role}:${id} [${key}] ${first.text.slice(0, 60)}`);
      }
  }
}
console.log(
  `dev: ${articles.length} articles, ${totalGold} gold actor pairs of typed matches, ${totalMissed} missed`,
);
const keys = [...count.keys()].sort();
for (const k of keys) console.log(`${String(count.get(k)).padStart(6)}  ${k}`);
for (const line of shown) console.log(line);
