/**
 * Entities (DESIGN §5): actors and named things from the article's wiki links, the shipped
 * gazetteer, one-character state forms inside compounds, and person names that recur.
 * Matching runs on the Simplified analysis text; mentions carry raw spans.
 */
import type { Block, Document, Entity, EntityKind, Normalized, Timex } from "../model/index.js";
import { rawSpan } from "../model/index.js";
import { toAnalysisText } from "../normalize/index.js";
import type { Jieba } from "@node-rs/jieba";
import { displayRange, rawToDisplay } from "./display.js";
import { loadGazetteer, pickByEra, type Gazetteer, type GazetteerEntry } from "./gazetteer.js";
import { segmenter, tagged, wordStarts } from "./segment.js";
import { biographyOf, titleOrganisationOf } from "./biography.js";
import { affiliationOf, BODY, bodyOf, bodyWordAt } from "./bodies.js";
import { craftNames, craftTarget } from "./craft.js";
import { matchNames, NameSet } from "./matcher.js";
import { formationIds, formations } from "./units.js";

export {
  eraOf,
  existedIn,
  loadGazetteer,
  pickByEra,
  stateAt,
  type Era,
  type Gazetteer,
  type GazetteerEntry,
  type Title,
} from "./gazetteer.js";
export { displayRange, rawToDisplay, mentionRanges } from "./display.js";
export { segmenter, tagged } from "./segment.js";
export { affiliationOf, BODY } from "./bodies.js";

/** Options of `findEntities`. */
export interface EntityOptions {
  /** Gazetteer to use (default: the shipped one). */
  gazetteer?: Gazetteer;
  /** The time stage's timexes: their years choose between entries sharing a name (朝鲜). */
  timexes?: Timex[];
}

/** A located mention in display coordinates, before grouping into entities. */
interface Hit {
  id: string;
  start: number;
  end: number;
}

/** What is known about an entity while the article is read. */
interface Found {
  id: string;
  kind: EntityKind;
  name: string;
  wiki: string[];
  rule: string;
}

const BODY_KINDS: ReadonlySet<Block["kind"]> = new Set([
  "heading",
  "paragraph",
  "list-item",
  "table-cell",
  "caption",
]);

// Note: a capital names its state only outside locative phrases (在北京举行 is a venue).
const LOCATIVE_BEFORE = /(?:[在到于往赴抵达自从至]|访问|前往|离开|返回|回到|进入|驶入|出访)$/u;
const PLACE_AFTER = /^(?:[府市城郊]|附近|地区|举行|召开|会谈|峰会|机场|时间)/u;
const NAME_CHAR = /^[\p{Script=Han}·]+$/u;
const VESSEL_AFTER = /^[号號]/u;
const CRAFT_MODIFIES =
  /^舰?(?:沉没)?(?:事件|事故|舰长|船长|船员|舰员|成员|宇航员|航天员|乘员|机组|任务|计划|调查|残骸|上[^升空]|内|外)/u;

/** The rule of a biography's title person: events make it the subject of clauses with none. */
export const BIOGRAPHY = "entities:biography";

/** The rule of the organisation an article is about (光复会 in the article 光复会). */
export const TITLE = "entities:title";
/** The rule of a numbered military formation (第38军, 韩9师). */
export const UNIT = "entities:unit";
/** The rule of a group of people named by a noun (学生, 警察). */
export const GROUP = "entities:group";

/**
 * True when a dictionary word starts inside `name` (after its first character) and runs into the
 * next token: 唐山大|地震 holds 大地, so 唐山大 is no name; 李成义|从 holds none.
 */
function crossesEnd(jieba: Jieba, name: string, next: string): boolean {
  if (!next) return false;
  const joined = name + next;
  let at = 0;
  for (const w of jieba.cutAll(joined)) {
    const start = joined.indexOf(w, at);
    if (start < 0) continue;
    at = start;
    if (w.length >= 2 && start >= 1 && start < name.length && start + w.length > name.length)
      return true;
  }
  return false;
}

/** Characters that end no name: function words and verbs jieba glues to an unknown name. */
const GLUED_AFTER = /[为在于说称任外等的是向被和与到因对将把也又再曾及则时后前]$/u;
/** Characters that end a place name (龙堂浦, 文渊城, 白翎岛), not a person's. */
const PLACE_END = /[城浦岛山江河湖府港湾县镇村路州省关堡寺庙宫门桥]$/u;
/**
 * Endings of place names that a surname opens (张家口, 马家哨口, 姜家窝堡, 石佛寺, 吴兴县; dev:
 * treaty-of-peking, wanpaoshan-incident, battle-of-mukden, beijing-zhangjiakou-railway,
 * restoration-society) and that given names do not have (unlike 山, 江, 海, 峰).
 */
const PLACE_NAME_END = /[口堡寺县镇]$/u;

/**
 * A person's name in a token jieba cannot read (tag x): a one-character surname and a given name
 * of one or two characters (赵兰秀, 曹钦熙, 吴惠秋), the name alone when jieba glued a function word
 * or verb to it (吴惠秋因 → 吴惠秋, 徐学禹任 → 徐学禹); null for anything else (余人, 伍姓, 龙堂浦).
 */
export function unreadName(word: string, tag: string, surnames: Set<string>): string | null {
  if (tag !== "x" || !/^\p{Script=Han}{2,4}$/u.test(word)) return null;
  const name = word.length === 4 && GLUED_AFTER.test(word) ? word.slice(0, 3) : word;
  if (name.length > 3 || !surnames.has(name.charAt(0))) return null;
  if (GLUED_AFTER.test(name) || PLACE_END.test(name) || /[人氏姓某字军兵]$/u.test(name))
    return null;
  return name;
}

/**
 * A count, a regnal number or a date written in numerals (二人, 四世, 三名, 一二·八), not a name that
 * opens with a numeral (三浦梧楼, 九条道孝, 五十岚).
 */
const NUMERAL_WORD =
  /^[一二三四五六七八九十两百千]+(?:[人世名位员个]|·[一二三四五六七八九十]+.?)$/u;

/**
 * False for words jieba tags as names that name no one person: a count or a regnal number (二人,
 * 四世, 五世) and a state's people (古巴人, 塞尔维亚人: a state's name and 人).
 */
export function personWord(word: string, gazetteer: Gazetteer): boolean {
  if (NUMERAL_WORD.test(word)) return false;
  const people = word.endsWith("人") ? gazetteer.byAlias.get(word.slice(0, -1)) : undefined;
  return !people?.some((e) => e.kind === "state");
}

/** What may follow a surname standing alone for a person: a verb or a function word it opens. */
const AFTER_SURNAME = /^[为说遭在于被将把与和拒回到以向对曾又亦也乃即便则任赴奉率因]/u;
/** Surnames that are also function words or adverbs opening a clause (曾, 向, 于, 和, 将). */
const FUNCTION_SURNAME =
  /[曾向于和将把被对从自由与及同乃则即便又亦也但而因经连凡共全都只仅另其何]/u;
/** What may stand before a clause's subject: a clause break, a line break, a date's last unit. */
const BEFORE_SUBJECT = /[，。；：！？、\n「“『（(]$|[年月日后时]$/u;

/**
 * Surnames standing alone for a person named earlier (伍廷芳 … 伍拒绝; 丁汝昌 … 丁说): a
 * one-character surname of a Chinese name of two or three characters, at a clause's start, before
 * a verb or a function word, not inside a longer name; the person of that surname named last.
 */
function surnameMentions(
  jieba: Jieba,
  text: string,
  hits: readonly Hit[],
  found: Map<string, Found>,
  surnames: Set<string>,
  free: (s: number, e: number) => boolean,
  inBody: Uint8Array,
): Array<[number, string]> {
  const named: Array<{ start: number; id: string; surname: string }> = [];
  for (const h of hits) {
    const f = found.get(h.id);
    const form = text.slice(h.start, h.end);
    if (f?.kind !== "person" || !/^\p{Script=Han}{2,3}$/u.test(form)) continue;
    if (surnames.has(form.charAt(0)))
      named.push({ start: h.start, id: h.id, surname: form.charAt(0) });
  }
  named.sort((a, b) => a.start - b.start);
  const by = new Set(named.map((n) => n.surname));
  const out: Array<[number, string]> = [];
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (!by.has(ch) || !inBody[i] || !free(i, i + 1)) continue;
    if (
      !BEFORE_SUBJECT.test(text.slice(Math.max(0, i - 1), i)) ||
      !AFTER_SURNAME.test(text.slice(i + 1))
    )
      continue;
    // Note: a surname that is also a function word (曾任: "once served", 向, 于) stands for no one;
    // a surname and the next character may be a word of their own (高于, 陈述).
    if (FUNCTION_SURNAME.test(ch)) continue;
    const pair = jieba.tag(text.slice(i, i + 2), false);
    if (pair.length === 1 && pair[0]?.tag !== "x") continue;
    let last: string | null = null;
    for (const n of named) {
      if (n.start >= i) break;
      if (n.surname === ch) last = n.id;
    }
    if (last !== null) out.push([i, last]);
  }
  return out;
}

/** An honorific closing a name: 夫人, 先生, 女士. */
const HONORIFIC = /(?:夫人|先生|女士)$/u;

/**
 * Transliterated names joined by · in a block's tokens (约翰·海, 乔治·华盛顿): the full name and
 * its last part. The first part is the token before the first ·, the last the token after the
 * last · with any unknown single characters jieba left after it.
 */
function dotNames(tokens: Array<{ word: string; tag: string }>): Array<[string, string]> {
  const han = (k: number): string | null => {
    const w = tokens[k]?.word;
    return w !== undefined && /^\p{Script=Han}+$/u.test(w) ? w : null;
  };
  const out: Array<[string, string]> = [];
  for (let k = 1; k + 1 < tokens.length; k += 1) {
    const first = han(k - 1);
    if (tokens[k]?.word !== "·" || first === null || tokens[k - 2]?.word === "·") continue;
    const parts = [first];
    let j = k;
    for (let next = han(j + 1); tokens[j]?.word === "·" && next !== null; next = han(j + 1)) {
      parts.push(next);
      j += 2;
    }
    if (parts.length < 2) continue;
    let last = parts.pop() ?? "";
    for (; tokens[j]?.tag === "x" && han(j)?.length === 1; j += 1) last += tokens[j]?.word ?? "";
    out.push([[...parts, last].join("·"), last]);
    k = j - 1;
  }
  return out;
}

/** The gazetteer's names (2+ characters) and metonyms as a name set, built once per gazetteer. */
const gazetteerSets = new WeakMap<Gazetteer, NameSet>();
function gazetteerNames(gazetteer: Gazetteer): NameSet {
  let set = gazetteerSets.get(gazetteer);
  if (set === undefined) {
    set = new NameSet([...gazetteer.byAlias.keys()].filter((a) => a.length >= 2));
    for (const a of gazetteer.byMetonym.keys()) set.add(a);
    gazetteerSets.set(gazetteer, set);
  }
  return set;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

/**
 * Years on the text with their display offsets, for names whose referent depends on the date
 * (朝鲜 in 1866 vs 1950): the time stage's dated timexes when given (光绪十年 too), else years
 * written `NNNN年`. Asides (a life span in parentheses, a year inside a name) are no marks.
 */
function yearMarks(
  text: string,
  doc: Document,
  index: Int32Array,
  timexes: Timex[] | undefined,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (timexes) {
    for (const t of timexes) {
      const y = /^(\d{4})/u.exec(t.value);
      if (!y || (t.aside && NO_MARK.has(t.aside))) continue;
      const r = displayRange(doc, index, t);
      if (r) out.push([r[0], Number(y[1])]);
    }
  } else for (const m of text.matchAll(/(?<!\d)(\d{4})年/gu)) out.push([m.index, Number(m[1])]);
  return out.sort((a, b) => a[0] - b[0]);
}

const NO_MARK: ReadonlySet<string> = new Set(["paren", "name", "document"]);

/**
 * The year at `pos`: a mark later in the same clause (朝鲜于1866年…), else the last mark before
 * (marks are in text order: binary search).
 */
function yearAt(text: string, marks: Array<[number, number]>, pos: number): number | null {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((marks[mid]?.[0] ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  const next = marks[lo];
  if (next && !CLAUSE_END.test(text.slice(pos, next[0]))) return next[1];
  return marks[lo - 1]?.[1] ?? null;
}

const CLAUSE_END = /[，。；！？,;!?\n]/u;

/**
 * True when a state's name or one-character form ends right before `at` (美国|记者, 日|学生,
 * 中日|学生). A one-character form counts only when jieba's word before `at` is made of such forms
 * (`starts` marks word starts): not 其中|学生, 次日|学生, 抗日|学生.
 */
function stateBefore(text: string, at: number, gazetteer: Gazetteer, starts: Uint8Array): boolean {
  for (let n = 1; n <= 6 && n <= at; n += 1) {
    const name = text.slice(at - n, at);
    if (
      n === 1
        ? formsWord(text, at, gazetteer, starts)
        : gazetteer.byAlias.get(name)?.some((e) => e.kind === "state")
    )
      return true;
  }
  return false;
}

/** True when the word that ends at `at` is one-character state forms only (日, 中日, 英美). */
function formsWord(text: string, at: number, gazetteer: Gazetteer, starts: Uint8Array): boolean {
  for (let k = at - 1; k >= 0; k -= 1) {
    if (!gazetteer.abbreviations.has(text.charAt(k))) return false;
    if (starts[k] === 1) return true;
  }
  return false;
}

/** Kind of a link target without a gazetteer entry, from its form; null when not a named thing. */
export function classifyTarget(
  title: string,
  gazetteer: Gazetteer,
  jieba: Jieba,
): EntityKind | null {
  if (/·/u.test(title) && NAME_CHAR.test(title)) return "person";
  if (craftTarget(jieba, title, gazetteer.craftNouns) !== null) return "craft";
  // Offices (韩国总统, 美国国务卿) are not entities.
  for (const t of gazetteer.titles.keys()) if (title.endsWith(t)) return null;
  for (const [suffix, kind] of gazetteer.kindSuffixes)
    if (title.endsWith(suffix) && title.length > suffix.length) return kind;
  if (title.length < 2 || title.length > 5 || !NAME_CHAR.test(title)) return null;
  const tokens = jieba.tag(title, false);
  const only = tokens.length === 1 ? tokens[0] : undefined;
  // Note: a title jieba knows as a famous person's full name (康有为, 左宗棠: nrfg) is a person
  // whatever its surname; its plain nr also covers transliterated places (雅克萨, 克拉玛依, 牛津).
  if (only?.tag === "nrfg") return "person";
  // A surname of one character (李鸿章) or more (欧阳修, 井上良馨, 大久保利通) and a given name of
  // one to three characters.
  const surname = [3, 2, 1].some(
    (n) => title.length > n && title.length <= n + 3 && gazetteer.surnames.has(title.slice(0, n)),
  );
  // Note: a word jieba knows as one common noun (石墨) is no name.
  if (surname && (!only || only.tag.startsWith("nr")))
    return PLACE_NAME_END.test(title) ? "place" : "person";
  return null;
}

/**
 * True when a link target with no kind of its own is a person's name because an office title
 * stands right before its anchor (德国外长[威斯特威勒], 日本首相[菅直人], 国务卿[希拉里]): a name of
 * two to twelve characters (with · or - between the parts of a transliteration) that jieba does
 * not read as one common word.
 */
export function titledName(
  text: string,
  at: number,
  target: string,
  gazetteer: Gazetteer,
  jieba: Jieba,
): boolean {
  if (!/^[\p{Script=Han}·\-－]{2,12}$/u.test(target) || !text.startsWith(target, at)) return false;
  const lead = text.slice(Math.max(0, at - 8), at);
  if (![...gazetteer.titles.keys()].some((t) => lead.endsWith(t))) return false;
  const tokens = jieba.tag(target, false);
  const only = tokens.length === 1 ? tokens[0] : undefined;
  return !only || only.tag.startsWith("nr") || only.tag === "x";
}

/** The state of an institution named by a state's name and an institution word (秘鲁外交部). */
function institutionState(
  name: string,
  gazetteer: Gazetteer,
  year: number | null,
): { entry: GazetteerEntry; name: string } | null {
  for (const suffix of gazetteer.institutionSuffixes) {
    if (!name.endsWith(suffix) || name.length <= suffix.length) continue;
    const state = name.slice(0, name.length - suffix.length);
    const pool = (gazetteer.byAlias.get(state) ?? []).filter((e) => e.kind === "state");
    const entry = pickByEra(pool, year, state);
    if (entry) return { entry, name: state };
  }
  return null;
}

function splitTarget(target: string): { full: string; base: string } {
  const full = toAnalysisText(target.replace(/_/gu, " ").trim());
  const base = full.replace(/\s*[(（][^()（）]*[)）]\s*$/u, "").trim();
  return { full, base };
}

/** The Simplified forms an entity was found by (its surface forms through the analysis text). */
export function simplifiedForms(entity: Entity): string[] {
  return [...new Set([entity.name, ...entity.names].map((n) => toAnalysisText(n)))];
}

/** Finds the article's entities and every mention of them (raw spans). */
export function findEntities(norm: Normalized, options: EntityOptions = {}): Entity[] {
  const gazetteer = options.gazetteer ?? loadGazetteer();
  const doc = norm.doc;
  const text = norm.analysis;
  const jieba = segmenter(gazetteer);
  const index = rawToDisplay(doc);
  const marks = yearMarks(text, doc, index, options.timexes);
  const found = new Map<string, Found>();
  const hits: Hit[] = [];
  const claimed = new Uint8Array(text.length);
  const blocks = doc.blocks.filter((b) => BODY_KINDS.has(b.kind));
  const inBody = new Uint8Array(text.length);
  for (const b of blocks) inBody.fill(1, b.textStart, b.textEnd);
  const starts = new Uint8Array(text.length + 1);
  for (const b of blocks) {
    const ws = wordStarts(jieba, text.slice(b.textStart, b.textEnd));
    for (let i = 0; i < ws.length; i += 1) if (ws[i]) starts[b.textStart + i] = 1;
  }

  const note = (f: Found): void => {
    const have = found.get(f.id);
    if (!have) found.set(f.id, { ...f, wiki: [...f.wiki] });
    else for (const w of f.wiki) if (!have.wiki.includes(w)) have.wiki.push(w);
  };
  const free = (s: number, e: number): boolean => {
    for (let i = s; i < e; i += 1) if (claimed[i] || !inBody[i]) return false;
    return true;
  };
  const claim = (id: string, s: number, e: number): void => {
    claimed.fill(1, s, e);
    hits.push({ id, start: s, end: e });
  };
  const fromEntry = (e: GazetteerEntry, rule: string, wiki: string[] = []): Found => ({
    id: e.id,
    kind: e.kind,
    name: e.names[0] ?? e.id,
    wiki,
    rule,
  });
  /** A state's body named at `[s, end)` (法军, 日本海军, 韩国国防部): noted and claimed. */
  const claimBody = (
    state: GazetteerEntry,
    branch: string,
    year: number | null,
    s: number,
    end: number,
  ): void => {
    const body = bodyOf(state, branch, gazetteer, year, text.slice(s, end));
    if (!found.has(body.id))
      note(
        body.entry
          ? fromEntry(body.entry, BODY)
          : { id: body.id, kind: "organization", name: body.name, wiki: [], rule: BODY },
      );
    claim(body.id, s, end);
  };
  /** Extra aliases learned from the article: Simplified form → entity id. */
  const learned = new Map<string, string>();

  // 1. Wiki links: the target title is the key; the mention is the link's entity span.
  for (const link of doc.links) {
    if (link.kind !== "internal" || link.block === null) continue;
    const { full, base } = splitTarget(link.target);
    if (base === "") continue;
    const year = (r: [number, number] | null): number | null =>
      r ? yearAt(text, marks, r[0]) : null;
    const anchor = displayRange(doc, index, link.anchor);
    const entry =
      gazetteer.byWiki.get(full) ??
      gazetteer.byWiki.get(base) ??
      pickByEra(gazetteer.byAlias.get(base) ?? [], year(anchor), base);
    let f: Found | null = null;
    // A link to a state's institution with no entry of its own (秘鲁外交部, 越南外交部) names the
    // state: its mention is the state's name at the anchor's start.
    const body = entry ? null : institutionState(base, gazetteer, year(anchor));
    if (
      body &&
      anchor &&
      text.startsWith(body.name, anchor[0]) &&
      free(anchor[0], anchor[0] + body.name.length)
    ) {
      // Note: a ministry or force of the state (英国外交部) is that body, acting for the state.
      const end = anchor[0] + body.name.length;
      const named = bodyWordAt(text, end, gazetteer, starts);
      if (named && free(end, end + named.word.length))
        claimBody(body.entry, named.branch, year(anchor), anchor[0], end + named.word.length);
      else {
        note(fromEntry(body.entry, "entities:link"));
        claim(body.entry.id, anchor[0], end);
      }
      continue;
    }
    if (entry) f = fromEntry(entry, "entities:link", [link.target]);
    else {
      const kind =
        classifyTarget(base, gazetteer, jieba) ??
        (anchor && titledName(text, anchor[0], base, gazetteer, jieba) ? "person" : null);
      // Note: a craft's id is its name up to 号 (哥伦比亚号航天飞机 → 哥伦比亚号), as in the text.
      const id = kind === "craft" ? (craftTarget(jieba, base, gazetteer.craftNouns) ?? base) : base;
      if (kind !== null) f = { id, kind, name: id, wiki: [link.target], rule: "entities:link" };
    }
    if (!f) continue;
    // Note: for a piped link the split of the anchor is unknown; look for a short name instead.
    let range = link.entity && !link.anchorUncertain ? displayRange(doc, index, link.entity) : null;
    if (!range && anchor) {
      const shown = text.slice(anchor[0], anchor[1]);
      const parts = base.split("·").filter((p) => p.length >= 2);
      const short = f.kind === "craft" ? [f.id, f.id.slice(0, -1)] : [];
      const candidates = [...(entry?.names ?? []), base, ...short, ...parts.reverse()].sort(
        (a, b) => b.length - a.length,
      );
      const hit = candidates.find((c) => shown.startsWith(c));
      if (hit) range = [anchor[0], anchor[0] + hit.length];
    }
    note(f);
    if (range && free(range[0], range[1])) {
      claim(f.id, range[0], range[1]);
      const form = text.slice(range[0], range[1]);
      if (form.length >= 2 && !gazetteer.byAlias.has(form)) learned.set(form, f.id);
    }
    if (!entry && f.kind === "person") {
      const last = base.split("·").pop() ?? "";
      if (last.length >= 2 && last !== base) learned.set(last, f.id);
    }
  }

  // 1b. A biography's title person (and the other names its lead gives) is an entity.
  const bio = biographyOf(
    norm,
    gazetteer,
    jieba,
    (n) => classifyTarget(n, gazetteer, jieba) === "person",
  );
  if (bio) {
    const entry = gazetteer.byAlias.get(bio.name)?.find((e) => e.kind === "person");
    const id = entry?.id ?? learned.get(bio.name) ?? bio.name;
    note({ id, kind: "person", name: entry?.names[0] ?? bio.name, wiki: [], rule: BIOGRAPHY });
    const f = found.get(id);
    if (f) f.rule = BIOGRAPHY;
    for (const n of [bio.name, ...bio.aliases]) if (!gazetteer.byAlias.has(n)) learned.set(n, id);
  }

  // 1c. The organisation an article is about (光复会, 强学会, 轮船招商局) is an entity.
  const org = bio ? null : titleOrganisationOf(norm, (n) => classifyTarget(n, gazetteer, jieba));
  if (org) {
    const entry = gazetteer.byAlias.get(org.name)?.find((e) => e.kind === "organization");
    const id = entry?.id ?? learned.get(org.name) ?? org.name;
    if (entry) note(fromEntry(entry, TITLE));
    else note({ id, kind: "organization", name: org.name, wiki: [], rule: TITLE });
    for (const n of [org.name, ...org.aliases])
      if (!gazetteer.byAlias.has(n) && !learned.has(n)) learned.set(n, id);
  }

  // 2. Person names not covered by links or the gazetteer (jieba nr/nrt): seen twice, after an
  // office title (公使蒲安臣), with an honorific (撒切尔夫人, 赫德先生), or transliterated with ·.
  const counts = new Map<string, number>();
  const titled = new Set<string>();
  const titles = [...gazetteer.titles.keys()];
  const crafts = new Set<string>();
  for (const b of blocks) {
    const tokens = tagged(jieba, text.slice(b.textStart, b.textEnd));
    for (const c of craftNames(
      jieba,
      text.slice(b.textStart, b.textEnd),
      tokens,
      gazetteer.craftNouns,
    ))
      crafts.add(c.name);
    for (const [full, last] of dotNames(tokens)) {
      if (gazetteer.byAlias.has(full) || learned.has(full)) continue;
      learned.set(full, full);
      if (last.length >= 2 && !gazetteer.byAlias.has(last) && !learned.has(last))
        learned.set(last, full);
    }
    for (let k = 0; k < tokens.length; k += 1) {
      const t = tokens[k];
      const unread = t ? unreadName(t.word, t.tag, gazetteer.surnames) : null;
      if (!t || (!/^nr/u.test(t.tag) && unread === null)) continue;
      let word = unread ?? t.word;
      let start = t.start;
      let next = k + 1;
      // Note: jieba cuts unknown transliterations across an honorific (戴卓|尔夫人, 梅|杰夫|人):
      // the name is rejoined up to the honorific.
      if (word.endsWith("夫") && tokens[next]?.word === "人") {
        word += "人";
        next += 1;
      }
      const glued = tokens[k - 1];
      if (
        HONORIFIC.test(word) &&
        glued &&
        NAME_CHAR.test(glued.word) &&
        (glued.tag === "x" || (glued.tag.startsWith("nr") && glued.word.length === 1))
      ) {
        word = glued.word + word;
        start = glued.start;
      }
      if (word.length < 2 || !NAME_CHAR.test(word)) continue;
      const before = text.slice(b.textStart + start - 1, b.textStart + start);
      const after = tokens[next]?.word ?? "";
      if (before === "·" || after.startsWith("·")) continue;
      // Note: 先生/女士 are honorifics (赫德先生 is 赫德); 撒切尔夫人 is the name a woman is known by.
      const honour = HONORIFIC.exec(word)?.[0] ?? (HONORIFIC.test(after) ? after : "");
      if (honour === "夫人") word = word.endsWith("夫人") ? word : word + "夫人";
      else if (honour !== "") word = word.replace(HONORIFIC, "");
      if (word.length < 2 || word === honour) continue;
      if (
        gazetteer.byAlias.has(word) ||
        learned.has(word) ||
        !personWord(word, gazetteer) ||
        PLACE_NAME_END.test(word)
      )
        continue;
      if (gazetteer.kindSuffixes.some(([s, kind]) => kind === "place" && after.startsWith(s)))
        continue;
      const lead = text.slice(Math.max(b.textStart, b.textStart + start - 6), b.textStart + start);
      const named = honour !== "" || titles.some((title) => lead.endsWith(title));
      // Note: a name jieba cannot read (x) counts when it has three characters or a title.
      const good =
        t.tag === "nrt" ||
        named ||
        (unread !== null && word.length === 3) ||
        (word.length === 3 &&
          gazetteer.surnames.has(word.charAt(0)) &&
          !crossesEnd(jieba, word, after));
      if (!good) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
      if (named) titled.add(word);
    }
  }
  for (const [name, n] of counts) if (n >= 2 || titled.has(name)) learned.set(name, name);

  // 2b. Named craft (ships, spacecraft): every X号, “X” and X舰 of a name found as a craft's.
  for (const f of found.values()) if (f.kind === "craft") crafts.add(f.id);
  for (const name of crafts) {
    const bare = name.slice(0, -1);
    if (!found.has(name)) note({ id: name, kind: "craft", name, wiki: [], rule: "entities:craft" });
    const forms = new RegExp(
      `${escapeRegExp(name)}|(?<=[“「『])${escapeRegExp(bare)}(?=[”」』])${bare.length >= 2 ? `|${escapeRegExp(bare)}(?=舰)` : ""}`,
      "gu",
    );
    for (const m of text.matchAll(forms)) {
      const end = m.index + m[0].length;
      // Note: a craft's name before a noun it qualifies (云扬号事件, 哥伦比亚号事故调查委员会,
      // 阿波罗11号成员, 云扬号舰长) names that thing or those people, not the craft.
      if (CRAFT_MODIFIES.test(text.slice(end).replace(/^[”」』]?号?/u, ""))) continue;
      if (free(m.index, end)) claim(name, m.index, end);
    }
  }

  // 2c. Numbered formations (第38军, 韩9师, 第1师团), each an actor acting for its side.
  const units = formations(text, gazetteer, starts, (at) => yearAt(text, marks, at));
  const unitIds = formationIds(units);
  units.forEach((u, k) => {
    const id = unitIds[k] ?? u.key;
    if (!free(u.start, u.end) || !starts[u.start]) return;
    if (!found.has(id))
      note({ id, kind: "organization", name: text.slice(u.start, u.end), wiki: [], rule: UNIT });
    claim(id, u.start, u.end);
  });

  // 2d. Groups of people named by a noun of their own (学生, 警察, 市民), ending a word.
  for (const [noun, id] of gazetteer.groupNouns)
    for (let s = text.indexOf(noun); s >= 0; s = text.indexOf(noun, s + 1)) {
      const e = s + noun.length;
      // Note: the noun may end a longer word jieba keeps whole (留日学生, 大学生), not open one
      // (学生会, 警察局).
      const ends = (e >= text.length || starts[e] === 1) && !starts.subarray(s + 1, e).includes(1);
      if (!ends || !free(s, e)) continue;
      // Note: a state's name before the noun makes the state the actor (美国记者, 韩国媒体, 法国民众).
      if (stateBefore(text, s, gazetteer, starts)) continue;
      if (!found.has(id)) note({ id, kind: "group", name: id, wiki: [], rule: GROUP });
      claim(id, s, e);
    }

  // 3. Gazetteer names, metonyms and learned names, longest first, outside claimed spans.
  const aliases = new Map<string, "alias" | "metonym" | "learned">();
  for (const a of gazetteer.byAlias.keys()) if (a.length >= 2) aliases.set(a, "alias");
  for (const a of gazetteer.byMetonym.keys()) if (!aliases.has(a)) aliases.set(a, "metonym");
  for (const a of learned.keys()) if (!aliases.has(a)) aliases.set(a, "learned");
  for (const m of matchNames(text, [gazetteerNames(gazetteer), new NameSet(learned.keys())])) {
    const s = m.index;
    const e = s + m.name.length;
    if (!free(s, e)) continue;
    // Note: jieba glues an institution to its state (伊朗外交部, 中国政府); the state is still named.
    const institution =
      starts[s] === 1 && gazetteer.institutionSuffixes.some((x) => text.startsWith(x, e));
    // Note: a state's name before 人 ending a word (美国人, 俄国人, 朝鲜人) names the state's people,
    // read as the state (gold of nerchinsk, yinhe-incident, opium-destruction-humen).
    const people =
      starts[s] === 1 &&
      text.charAt(e) === "人" &&
      (e + 1 >= text.length || starts[e + 1] === 1 || /\P{Script=Han}/u.test(text.charAt(e + 1)));
    if (m.name.length <= 3 && (!starts[s] || !starts[e]) && !institution && !people) continue;
    // Note: a part of a transliterated full name (艾贾龙·马里·戈梅斯) is not a state.
    if (text.charAt(s - 1) === "·" || text.charAt(e) === "·") continue;
    const how = aliases.get(m.name);
    if (how === "learned") {
      const id = learned.get(m.name) ?? m.name;
      if (!found.has(id))
        note({ id, kind: "person", name: id, wiki: [], rule: "entities:recurring" });
      claim(id, s, e);
      continue;
    }
    if (how === "metonym") {
      const lead = text.slice(Math.max(0, s - 4), s);
      if (LOCATIVE_BEFORE.test(lead) || PLACE_AFTER.test(text.slice(e, e + 4))) continue;
      if (claimed[s - 1]) continue; // 韩国首尔: a city after its state is a place
    }
    const pool =
      how === "metonym" ? gazetteer.byMetonym.get(m.name) : gazetteer.byAlias.get(m.name);
    const year = yearAt(text, marks, s);
    const entry = pickByEra(pool ?? [], year, m.name);
    if (!entry) continue;
    // Note: X号 names a ship or a craft (哥伦比亚号, 朝鲜号), not the state X.
    if (entry.kind === "state" && VESSEL_AFTER.test(text.slice(e, e + 1))) continue;
    // A state's name before a body word (法国军队, 日本海军, 韩国国防部) names that body.
    const body =
      entry.kind === "state" && how === "alias" ? bodyWordAt(text, e, gazetteer, starts) : null;
    if (body && free(e, e + body.word.length)) {
      claimBody(entry, body.branch, year, s, e + body.word.length);
      continue;
    }
    if (!found.has(entry.id)) note(fromEntry(entry, "entities:gazetteer"));
    claim(entry.id, s, e);
  }

  // 3b. A person named by their surname alone as a clause's subject (伍拒绝, 丁说, 章为会长): the
  // person of that surname named last before it.
  for (const [s, id] of surnameMentions(jieba, text, hits, found, gazetteer.surnames, free, inBody))
    claim(id, s, s + 1);

  // 4. One-character state forms inside compounds: 美朝, 美、日、韩, 对朝, 访华.
  for (let i = 0; i < text.length; i += 1) {
    if (claimed[i] || !inBody[i] || !gazetteer.abbreviations.has(text.charAt(i))) continue;
    const run: number[] = [i];
    let j = i + 1;
    while (j < text.length && !claimed[j]) {
      if (gazetteer.abbreviations.has(text.charAt(j))) run.push(j);
      else if (text.charAt(j) === "、" && gazetteer.abbreviations.has(text.charAt(j + 1))) {
        /* skip the enumeration comma */
      } else break;
      j += 1;
    }
    const last = run[run.length - 1] ?? i;
    // Note: the prefix must start a word itself (对朝, 反美; not 违反中导条约).
    const prefixed =
      i > 0 &&
      gazetteer.compoundPrefixes.has(text.charAt(i - 1)) &&
      !claimed[i - 1] &&
      starts[i - 1] === 1;
    const compound = run.length >= 2 && new Set(run.map((k) => text.charAt(k))).size === run.length;
    // Note: jieba keeps words such as 美中不足 or 华美 whole; a run inside a longer word is no compound.
    const insideWord = !starts[i] && !prefixed;
    // Note: a form before a unit word names that state's side (法军占领, 日方表示, 英舰驶入), when
    // the form starts a word and the unit ends one (not 看法军队, 中军帐).
    const unit =
      run.length === 1 &&
      starts[i] === 1 &&
      gazetteer.compoundUnits.some(
        (u) =>
          text.startsWith(u, i + 1) &&
          starts[i + 1 + u.length] === 1 &&
          !gazetteer.compoundExceptions.has(text.slice(i, i + 1 + u.length)),
      );
    if ((compound && !insideWord) || (run.length === 1 && (prefixed || unit))) {
      for (const k of run) {
        const abbr = gazetteer.abbreviations.get(text.charAt(k));
        if (!abbr) continue;
        const year = yearAt(text, marks, k);
        const entry = pickByEra(gazetteer.byAlias.get(abbr.alias) ?? [], year, abbr.alias);
        if (!entry) continue;
        // A form before a force word (法军, 俄军, 英舰) names the state's force.
        const body = unit ? bodyWordAt(text, k + 1, gazetteer, starts) : null;
        if (body && !gazetteer.compoundExceptions.has(text.slice(k, k + 1 + body.word.length))) {
          claimBody(entry, body.branch, year, k, k + 1 + body.word.length);
          continue;
        }
        if (!found.has(entry.id)) note(fromEntry(entry, "entities:gazetteer"));
        claim(entry.id, k, k + 1);
      }
    }
    i = last;
  }

  // Group mentions by entity, in document order.
  hits.sort((a, b) => a.start - b.start);
  const byId = new Map<string, Entity>();
  for (const h of hits) {
    const f = found.get(h.id);
    if (!f) continue;
    let entity = byId.get(h.id);
    if (!entity) {
      entity = {
        id: f.id,
        kind: f.kind,
        name: f.name,
        names: [f.name],
        wiki: f.wiki,
        rule: f.rule,
        mentions: [],
      };
      byId.set(h.id, entity);
    }
    const span = rawSpan(doc, h.start, h.end);
    entity.mentions.push(span);
    const form = doc.text.slice(h.start, h.end);
    if (!entity.names.includes(form)) entity.names.push(form);
  }
  // The state a found office holder or agency acts for is an entity too (events name it).
  for (const e of [...byId.values()]) {
    const state = affiliationOf(e.id, gazetteer);
    const entry = state ? gazetteer.byId.get(state) : undefined;
    if (entry && !byId.has(entry.id) && !found.has(entry.id))
      note(fromEntry(entry, "entities:gazetteer"));
  }
  for (const f of found.values())
    if (!byId.has(f.id) && (f.wiki.length > 0 || f.rule === "entities:gazetteer"))
      byId.set(f.id, {
        id: f.id,
        kind: f.kind,
        name: f.name,
        names: [f.name],
        wiki: f.wiki,
        rule: f.rule,
        mentions: [],
      });
  return [...byId.values()];
}
