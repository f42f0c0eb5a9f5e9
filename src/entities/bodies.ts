/**
 * A state's bodies named by the state and a body word (`body` rows of `compound-contexts.tsv`):
 * its armed forces (法军, 法国军队 and 法国陆军 are France's army, 日本海军 and 法舰 its navy, 俄军
 * in 1685 the Tsardom's army) and its ministries (韩国国防部, 英国外交部). The body is the
 * gazetteer's organisation of that state carrying one of its forms (日军 → IJA, 美国海军 →
 * US_NAVY, 朝鲜外交部 → PRK_MFA) when it existed then, else an organisation with the id
 * `STATE_SUFFIX` (FRA_ARMY, KOR_MND) acting for the state.
 * Not bodies: a body word inside a longer word (美国军事, 法国军官, 朝鲜军民).
 */
import { existedIn, type Gazetteer, type GazetteerEntry } from "./gazetteer.js";

/** The rule of a body found by its state and a body word. */
export const BODY = "entities:body";

/** A body word at `at` that ends a word (`starts[end] === 1`, a non-Han character or the end). */
export function bodyWordAt(
  text: string,
  at: number,
  gazetteer: Gazetteer,
  starts: Uint8Array,
): { word: string; branch: string } | null {
  for (const f of gazetteer.bodyWords) {
    if (!text.startsWith(f.word, at)) continue;
    const end = at + f.word.length;
    if (end >= text.length || starts[end] === 1 || /\P{Script=Han}/u.test(text.charAt(end)))
      return f;
  }
  return null;
}

/** The forms a state is written with: its names and its one-character forms. */
function formsOf(state: GazetteerEntry, gazetteer: Gazetteer): string[] {
  const out = [...state.names];
  for (const [ch, a] of gazetteer.abbreviations)
    if (a.id === state.id || state.names.includes(a.alias)) out.push(ch);
  return out;
}

/**
 * The body `branch` of `state` in `year`: a gazetteer organisation, or a derived one named
 * `form` (the text's own words for it).
 */
export function bodyOf(
  state: GazetteerEntry,
  branch: string,
  gazetteer: Gazetteer,
  year: number | null,
  form: string,
): { id: string; name: string; entry: GazetteerEntry | null } {
  const words = gazetteer.bodyWords.filter((f) => f.branch === branch).map((f) => f.word);
  for (const name of formsOf(state, gazetteer))
    for (const w of words)
      for (const e of gazetteer.byAlias.get(name + w) ?? []) {
        const serves = e.state === state.id || e.states.some((s) => s.id === state.id);
        if (e.kind === "organization" && serves && (year === null || existedIn(e, year)))
          return { id: e.id, name: e.names[0] ?? e.id, entry: e };
      }
  const id = `${state.id}_${branch}`;
  const entry = gazetteer.byId.get(id);
  if (entry?.kind === "organization") return { id, name: entry.names[0] ?? id, entry };
  return { id, name: form, entry: null };
}

/**
 * The state an organisation or person acts for: the gazetteer's, else the state of a derived
 * body id (FRA_ARMY → FRA) or of a numbered formation (KOR_第9师 → KOR), else null.
 */
export function affiliationOf(id: string, gazetteer: Gazetteer): string | null {
  const entry = gazetteer.byId.get(id);
  if (entry) return entry.state;
  for (const branch of new Set(gazetteer.bodyWords.map((f) => f.branch))) {
    if (!id.endsWith(`_${branch}`)) continue;
    const state = gazetteer.byId.get(id.slice(0, -branch.length - 1));
    if (state?.kind === "state") return state.id;
  }
  // A numbered formation of a named side (KOR_第9师, units.ts) acts for that state.
  const unit = /^(.+)_第\d+\p{Script=Han}+$/u.exec(id);
  const side = unit ? gazetteer.byId.get(unit[1] ?? "") : undefined;
  if (side?.kind === "state") return side.id;
  return null;
}
