/**
 * The learned actor-role model: a third averaged perceptron that reads every party the rules
 * could give an event — the actors the rules chose (source, target, other: the running subject,
 * a person's state, a reply's parties) and every actor named in the event's mentions with the
 * state it acts for — and decides its role (source / target / none). The rules' own role is a
 * feature, so the model corrects the rules rather than replacing them; trained from the gold
 * events each candidate's event matched (`eval/label.ts` `labelRoles`, `annals train`), shipped
 * in `data/events/roles.json`.
 */
import type { EntityKind, EventType } from "../model/index.js";
import { ACTOR_KINDS, type ActorMention, type Actors } from "./actors.js";
import { NONE, perceptron, scores, type Example, type Linear, type TrainOptions } from "./model.js";
import { lowerBound } from "./within.js";
import { loadShippedModel } from "../model/shipped-model.js";

/** The roles the model decides between (`none` first: a party the event does not have). */
export const ROLES = ["none", "source", "target"] as const;
export type Role = (typeof ROLES)[number];

/**
 * The shipped role model: one perceptron over the roles and how its scores are read. A candidate
 * takes the better of source and target when that role's score comes within `threshold` of
 * none's (a perceptron trained for accuracy says none too often for the F1 of the parties); an
 * event left with no source takes the candidate whose source score comes nearest none's, when
 * within `floor`. Both chosen on dev cross-validation.
 */
export interface RoleModel {
  version: 1;
  threshold: number;
  floor: number | null;
  roles: Linear;
}

/** One party the rules could give an event, with what the model reads of it. */
export interface RoleCandidate {
  id: string;
  /** The rules' role for it (`none`: named in the event's mention, not chosen by the rules). */
  rule: Role | "other";
  features: string[];
}

/** What the candidates of one event are read from. */
export interface RoleInput {
  /** The analysis text. */
  text: string;
  /** The event's type and the rules' actors. */
  type: EventType;
  actors: Actors;
  /** The event's mention ranges and its head predicate, in analysis coordinates. */
  ranges: ReadonlyArray<readonly [number, number]>;
  head: { start: number; end: number } | null;
  /** The document's actor mentions, sorted by start. */
  mentions: readonly ActorMention[];
  /** Person / craft / body → the state it acts for. */
  stateOf: ReadonlyMap<string, string>;
  /** Entity id → its kind. */
  kindOf: ReadonlyMap<string, EntityKind>;
  /** The rules' sources of the event told before this one (the subject the narration carries). */
  previous?: readonly string[];
  /** The article's most-named states, most first (the implied other side). */
  salient?: readonly string[];
  /** The article's topic: a biography's title person, else the organisation it is about. */
  topic?: readonly string[];
}

/** How many distinct parties named before the event in its paragraph are candidates. */
const WINDOW = 4;

/**
 * The parties named in the event's paragraph before its first mention, nearest first (at most
 * `WINDOW`), and those named after it in the same sentence: the gold's actor is often named a
 * clause or a sentence before the act (…蒲安臣抵达上海。随后会见…) rather than in it.
 */
export function windowParties(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
  mentions: readonly ActorMention[],
): { before: string[]; after: string[] } {
  if (ranges.length === 0) return { before: [], after: [] };
  const start = Math.min(...ranges.map((r) => r[0]));
  const end = Math.max(...ranges.map((r) => r[1]));
  const para = text.lastIndexOf("\n", start - 1) + 1;
  const before: string[] = [];
  for (let i = lowerBound(mentions, start) - 1; i >= 0 && before.length < WINDOW; i -= 1) {
    const m = mentions[i] as ActorMention;
    if (m.start < para) break;
    if (m.end <= start && ACTOR_KINDS.has(m.kind) && !before.includes(m.id)) before.push(m.id);
  }
  const stop = text.slice(end).search(/[。！？\n]/u);
  const sentenceEnd = stop < 0 ? text.length : end + stop;
  const after: string[] = [];
  for (let i = lowerBound(mentions, end); i < mentions.length; i += 1) {
    const m = mentions[i] as ActorMention;
    if (m.start >= sentenceEnd) break;
    if (ACTOR_KINDS.has(m.kind) && !after.includes(m.id)) after.push(m.id);
  }
  return { before, after };
}

const SYMMETRIC: ReadonlySet<string> = new Set([
  "talks",
  "agreement",
  "armed_incident",
  "military_exercise",
]);

const CLAUSE_BREAK = /[，；：。！？,;:]/gu;

function bucket(n: number): string {
  if (n <= 2) return String(n);
  if (n <= 5) return "3-5";
  if (n <= 10) return "6-10";
  return "11+";
}

/** The rules' role of `id` in `actors`. */
function ruleRole(actors: Actors, id: string): RoleCandidate["rule"] {
  if (actors.source.includes(id)) return "source";
  if (actors.target.includes(id)) return "target";
  if (actors.other.includes(id)) return "other";
  return "none";
}

/**
 * The candidates of one event and their features: the rules' actors first (in their order), then
 * every actor named in the event's mentions, then the states those act for.
 */
export function roleCandidates(input: RoleInput): RoleCandidate[] {
  const { text, actors, ranges, mentions } = input;
  const named: ActorMention[] = [];
  for (const [a, b] of ranges)
    for (let i = lowerBound(mentions, a); i < mentions.length; i += 1) {
      const m = mentions[i] as ActorMention;
      if (m.start >= b) break;
      if (m.end <= b && ACTOR_KINDS.has(m.kind)) named.push(m);
    }
  const ids: string[] = [];
  const via = new Map<string, string>();
  const push = (id: string, how: string): void => {
    if (ids.includes(id)) return;
    ids.push(id);
    via.set(id, how);
  };
  for (const id of [...actors.source, ...actors.target, ...actors.other]) push(id, "rule");
  for (const m of named) push(m.id, "named");
  for (const m of named) {
    const s = input.stateOf.get(m.id);
    if (s) push(s, "state");
  }
  for (const id of input.previous ?? []) push(id, "previous");
  (input.salient ?? []).slice(0, 2).forEach((id, i) => push(id, `salient${i + 1}`));
  const window = windowParties(text, ranges, mentions);
  const rank = new Map<string, number>();
  window.before.forEach((id, i) => {
    rank.set(id, i + 1);
    push(id, "window");
  });
  for (const id of window.before) {
    const s = input.stateOf.get(id);
    if (s) push(s, "wstate");
  }
  for (const id of window.after) push(id, "after");
  for (const id of input.topic ?? []) push(id, "topic");
  const head = input.head ?? { start: ranges[0]?.[0] ?? 0, end: ranges[0]?.[0] ?? 0 };
  const sym = SYMMETRIC.has(input.type) ? "sym" : "asym";
  const passive = /(?:被|遭)[^，。；]{0,8}$/u.test(
    text.slice(Math.max(0, head.start - 8), head.start),
  );
  const order = named.map((m) => m.id);
  const firstNamed = order[0];
  const lastNamed = order[order.length - 1];
  return ids.map((id) => {
    const rule = ruleRole(actors, id);
    const kind = input.kindOf.get(id) ?? "unknown";
    const mine = named.filter((m) => m.id === id);
    // The mention nearest the head speaks for the candidate.
    let m: ActorMention | undefined;
    for (const x of mine)
      if (!m || Math.abs(x.start - head.start) < Math.abs(m.start - head.start)) m = x;
    const how = via.get(id) ?? "";
    const f: string[] = [
      "bias",
      `r=${rule}`,
      `k=${kind}`,
      `via=${how}`,
      `via|t=${how}|${input.type}`,
      `via|src=${how}|${bucket(actors.source.length)}`,
      `via|tgt=${how}|${bucket(actors.target.length)}`,
    ];
    let pos = "absent";
    if (m) {
      pos = m.end <= head.start ? "before" : m.start >= head.end ? "after" : "in";
      const between =
        pos === "before" ? text.slice(m.end, head.start) : text.slice(head.end, m.start);
      const clauses = (between.match(CLAUSE_BREAK) ?? []).length;
      const p1 = text.slice(m.start - 1, m.start);
      const p2 = text.slice(Math.max(0, m.start - 2), m.start);
      const n1 = text.slice(m.end, m.end + 1);
      f.push(
        `dc=${bucket(clauses)}`,
        `dt=${bucket(Math.floor(between.length / 2))}`,
        `p1=${p1}`,
        `p2=${p2}`,
        `n1=${n1}`,
        `r|p1=${rule}|${p1}`,
        `pos|p1=${pos}|${p1}`,
        `pos|n1=${pos}|${n1}`,
        `r|pos|dc=${rule}|${pos}|${bucket(clauses)}`,
      );
      if (id === firstNamed) f.push("first", `first|r=${rule}`);
      if (id === lastNamed) f.push("last", `last|r=${rule}`);
    }
    // A state that a named person or body acts for: the role the rules gave that party.
    const parties = named.filter((x) => input.stateOf.get(x.id) === id);
    for (const p of parties) f.push(`party=${ruleRole(actors, p.id)}`);
    const state = input.stateOf.get(id);
    if (state) f.push(`stateRule=${ruleRole(actors, state)}`);
    f.push(
      `pos=${pos}`,
      `t=${input.type}`,
      `sym=${sym}`,
      `n=${bucket(ids.length)}`,
      `r|t=${rule}|${input.type}`,
      `r|sym|pos=${rule}|${sym}|${pos}`,
      `r|k=${rule}|${kind}`,
      `k|pos=${kind}|${pos}`,
      `t|pos=${input.type}|${pos}`,
      `r|n=${rule}|${bucket(ids.length)}`,
      `r|src=${rule}|${bucket(actors.source.length)}`,
    );
    if (passive) f.push("passive", `passive|pos=${pos}`, `passive|r=${rule}`);
    // Where it stands in the paragraph before the event: the nearest party named is most often
    // the one the clause leaves implied.
    const w = rank.get(id);
    if (w !== undefined) f.push(`wr=${w}`, `wr|k=${w}|${kind}`, `wr|t=${w}|${input.type}`);
    if (window.after.includes(id)) f.push(`wa|k=${kind}`);
    if ((input.topic ?? []).includes(id))
      f.push("topic", `topic|r=${rule}`, `topic|t=${input.type}`);
    return { id, rule, features: f };
  });
}

/** The model's role for each candidate (see `RoleModel` for how the scores are read). */
export function decideRoles(model: RoleModel, candidates: readonly RoleCandidate[]): Role[] {
  const labels = model.roles.labels;
  const at = (s: Float64Array, role: Role): number => {
    const i = labels.indexOf(role);
    return i < 0 ? -Infinity : (s[i] ?? 0);
  };
  const read = candidates.map((c) => {
    const s = scores(model.roles, c.features);
    const none = at(s, NONE);
    const best: Role = at(s, "source") >= at(s, "target") ? "source" : "target";
    const role: Role = at(s, best) - none > -model.threshold ? best : "none";
    return { role, source: at(s, "source") - none };
  });
  if (model.floor !== null && !read.some((r) => r.role === "source")) {
    let k = -1;
    read.forEach((r, i) => {
      if (k < 0 || r.source > (read[k]?.source ?? -Infinity)) k = i;
    });
    const r = read[k];
    if (r && r.source > -model.floor) r.role = "source";
  }
  return read.map((r) => r.role);
}

/**
 * The event's actors after the model: each candidate in the role it scores best; a party the
 * rules had that the model drops, and the rules' third parties, stay in `other`.
 */
export function applyRoles(
  model: RoleModel,
  candidates: readonly RoleCandidate[],
  actors: Actors,
): Actors {
  const roles = decideRoles(model, candidates);
  const out: Actors = { source: [], target: [], other: [] };
  candidates.forEach((c, i) => {
    const role = roles[i] ?? "none";
    if (role === "source") out.source.push(c.id);
    else if (role === "target") out.target.push(c.id);
    else if (c.rule !== "none") out.other.push(c.id);
  });
  for (const id of actors.other)
    if (!out.source.includes(id) && !out.target.includes(id) && !out.other.includes(id))
      out.other.push(id);
  return out;
}

/**
 * Trains the role model. The rules' role starts with a prior weight for the same role, so the
 * model learns where the data disagree with the rules rather than relearning them.
 */
export function trainRoles(
  examples: readonly Example[],
  options: TrainOptions & { priorWeight?: number; threshold?: number; floor?: number | null },
): RoleModel {
  const weight = options.priorWeight ?? 0;
  const prior = new Map<string, Map<string, number>>();
  if (weight > 0)
    for (const r of ["source", "target"] as const) prior.set(`r=${r}`, new Map([[r, weight]]));
  return {
    version: 1,
    threshold: options.threshold ?? 0,
    floor: options.floor ?? null,
    roles: perceptron(examples, { ...options, prior }),
  };
}

let shipped: RoleModel | null | undefined;

/** The shipped role model (`data/events/roles.json`), loaded once; null when none is shipped. */
export function loadRoleModel(): RoleModel | null {
  if (shipped === undefined)
    shipped = loadShippedModel<RoleModel>("events/roles.json", 1, "role model");
  return shipped;
}
