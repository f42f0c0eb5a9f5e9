#!/usr/bin/env node
// The role model alone, cross-validated: `node bench/roles-cv.js [ROOT] [--k 5] [--seed N]`.
// ROOT: a built checkout (default: this one). Its shipped typer and date ranker are held fixed
// (trained on the dev split, so the events are in-sample), the pipeline runs once over the seed
// and dev articles with the actor rules' roles, and the role model is trained per fold (fold =
// dev index mod k, the seed always training) on the traced candidates and applied to the held-out
// folds' candidates. Prints actors F1 on typed matches, pooled over the held-out dev articles,
// for the rules alone and with the fold's role model. A quick proxy for `annals train --cv`,
// which retrains the typer per fold too (an order of magnitude slower); the test split is never
// read. Asserts nothing.
import { join } from "node:path";
import { benchArgs } from "./usage.js";

const { option: opt, root } = benchArgs(import.meta.url, "roles-cv");
const k = Number(opt("--k", "5"));
const { extract } = await import(join(root, "dist/extract.js"));
const { readCorpus } = await import(join(root, "dist/cli/corpus.js"));
const { TRAINING } = await import(join(root, "dist/cli/train.js"));
const { labelRoles, scoreEvents, prf } = await import(join(root, "dist/eval/index.js"));
const { applyRoles, trainRoles } = await import(join(root, "dist/events/roles.js"));
const seed = Number(opt("--seed", String(TRAINING.seed)));

const articles = await readCorpus(join(root, "corpus"), ["seed", "dev"]);
const runs = articles.map((a) => {
  const traces = new Map();
  const { chronicle } = extract(
    { raw: a.raw, name: a.path },
    { events: { roles: null, roleTrace: (i, c) => traces.set(i, c) } },
  );
  const gold = { events: a.events, entities: a.entities };
  return { a, chronicle, traces, gold, examples: labelRoles(chronicle, gold, traces) };
});
const dev = runs.filter((r) => r.a.split === "dev");
const pooled = { rules: [0, 0, 0], model: [0, 0, 0] };
const add = (key, p) => {
  pooled[key][0] += p.tp;
  pooled[key][1] += p.system;
  pooled[key][2] += p.gold;
};
for (let fold = 0; fold < k; fold += 1) {
  const out = (r) => r.a.split === "dev" && dev.indexOf(r) % k === fold;
  const model = trainRoles(
    runs.filter((r) => !out(r)).flatMap((r) => r.examples),
    {
      ...TRAINING,
      seed,
      priorWeight: TRAINING.rolePrior,
      threshold: TRAINING.roleThreshold,
      floor: TRAINING.roleFloor,
    },
  );
  for (const r of runs.filter(out)) {
    add("rules", scoreEvents(r.chronicle, r.gold).actors);
    const events = r.chronicle.events.map((e, i) => {
      const cands = r.traces.get(i) ?? [];
      const rule = { source: [], target: [], other: [] };
      for (const c of cands) if (c.rule !== "none") rule[c.rule].push(c.id);
      const chosen = applyRoles(model, cands, rule);
      const final = new Map(cands.map((c) => [c.id, c.final]));
      const inTime = (ids) => [
        ...new Set(ids.map((id) => final.get(id)).filter((id) => id !== null && id !== undefined)),
      ];
      return {
        ...e,
        actors: { ...e.actors, source: inTime(chosen.source), target: inTime(chosen.target) },
      };
    });
    add("model", scoreEvents({ ...r.chronicle, events }, r.gold).actors);
  }
}
for (const [key, [tp, sys, gold]] of Object.entries(pooled)) {
  const p = prf(tp, sys, gold);
  console.log(
    `${key.padEnd(6)} actors P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)} F1 ${p.f1.toFixed(4)} (tp ${tp}, system ${sys}, gold ${gold})`,
  );
}
