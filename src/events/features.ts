/**
 * Features of a candidate clause for the event typer (`model.ts`): its words and part-of-speech
 * tags (jieba), its main predicate and that word's lexicon classes, the trigger tables' reading
 * of it (type and role of each hit, the rule's act), modality and negation before the predicate,
 * quotation, the date it can have, the kinds of its named arguments and where it stands in the
 * document. Plain strings, so the model and its weights stay readable.
 */
import type { BlockKind, EntityKind, Event } from "../model/index.js";
import { loadDataTsv } from "../model/data.js";
import { modalBefore, type TriggerHit } from "./detect.js";
import type { EventTables } from "./tables.js";

/** A token of the analysis text with its jieba part-of-speech tag (display offsets). */
export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/** Everything the features of one candidate are read from. */
export interface Candidate {
  /** The analysis text and the clause range in it. */
  text: string;
  clause: { start: number; end: number; index: number; joined: boolean };
  /** The tokens overlapping the clause, in order. */
  tokens: Token[];
  /** Trigger-table hits in the clause. */
  hits: TriggerHit[];
  /** The rule pipeline's act for this candidate, if it proposed one. */
  rule: { type: Event["type"]; trigger: string; role: string } | null;
  /** The predicate the candidate is about: the rule's trigger, else the main verb. */
  head: { start: number; end: number } | null;
  /** The date the candidate would get, as the typer reads it (no date told after the verb). */
  date: Event["date"];
  /** The date the act gets when kept, when a date told after its verb dates it instead. */
  dated?: Event["date"] | undefined;
  /** True when a TIME timex (a clock time) stands in the clause. */
  clock: boolean;
  /** Kinds of the named entities in the clause. */
  kinds: EntityKind[];
  block: BlockKind;
  /** True in the lead (before the first heading). */
  lead: boolean;
  /** True when the clause continues a speech act of its sentence (its content). */
  afterSpeech: boolean;
  /** The candidate read before this one in the same sentence, or null. */
  previous?: Candidate | null;
  /** True when `i` is inside 《》 or quotes. */
  masked: (i: number) => boolean;
  /** Where the clause stands: its sentence and section (absent: read alone). */
  context?: CandidateContext | undefined;
}

/** The sentence, paragraph and section around a candidate clause. */
export interface CandidateContext {
  /** How many clauses its sentence has. */
  clauses: number;
  /** For each clause of the sentence, whether a date (timex) stands in it. */
  dated: boolean[];
  /** The kind of its section's heading (`sectionKind`). */
  section: string;
  /** How many dates (timexes) its paragraph holds. */
  blockDates: number;
}

/**
 * Kinds of section headings, by general words of Chinese Wikipedia's headings (each in the
 * headings of three or more dev articles: 背景, 经过/經過, 生平, 影响/評價, 事后/後續/结局 …): the
 * background, the course of events, a life, what followed, an assessment or memory, and lists
 * (family, works, members, order of battle).
 */
const SECTION_KINDS: [string, RegExp][] = [
  ["background", /背景|起因|原因|缘起|緣起|前因/u],
  ["after", /事后|事後|后续|後續|结局|結局|结果|結果|后果|後果|善后|善後|余波|餘波|身后|身後/u],
  ["assess", /影响|影響|评价|評價|纪念|紀念|意义|意義|争议|爭議|评论|評論|总结|總結|遗产|遺產/u],
  ["life", /生平|早年|晚年|生涯|传记|傳記|仕途|经历|經歷|青少年|去世/u],
  [
    "course",
    /经过|經過|过程|過程|进程|進程|始末|战事|戰事|战役|戰役|战斗|戰鬥|发射|發射|历史|歷史|沿革/u,
  ],
  [
    "list",
    /家庭|家族|著作|作品|编制|編制|序列|成员|成員|数据|數據|名言|趣闻|趣聞|参考|參考|参见|參見/u,
  ],
];

/** The kind of the section at `section` (its heading, else the nearest enclosing one's): `lead` outside any. */
export function sectionKind(
  doc: { sections: readonly { title: string; parent: number | null }[] },
  section: number | null,
): string {
  if (section === null) return "lead";
  for (let s: number | null = section; s !== null; s = doc.sections[s]?.parent ?? null) {
    const title = doc.sections[s]?.title ?? "";
    for (const [kind, re] of SECTION_KINDS) if (re.test(title)) return kind;
  }
  return "other";
}

/** Words that open a clause giving a reason, a purpose or a concession rather than the act told. */
const CLAUSE_ROLE: [string, RegExp][] = [
  ["reason", /^(?:因为|因為|由于|由於|因)/u],
  ["purpose", /^(?:为了|為了|以便|以免|为|為)/u],
  ["concession", /^(?:虽然|雖然|尽管|儘管|即使)/u],
  ["sequel", /^(?:随后|隨後|随即|隨即|于是|於是|遂|其后|其後|之后|之後|次日|翌日)/u],
];

/**
 * Features of where a candidate stands: its section's kind, alone and with the source (rule or
 * bare) and date basis; its sentence's length, whether it is the sentence's last clause, whether
 * another clause of the sentence carries a date while this one has none; the paragraph's number
 * of dates; the clause's role (reason, purpose, concession, a sequel). Named `ctx:…`: evidence of
 * whether a clause tells an act, which the detector reads and the typer does not (`model.ts`).
 */
export function contextFeatures(c: Candidate, src: string, basis: string): string[] {
  const out: string[] = [];
  const clauseText = c.text.slice(c.clause.start, c.clause.end);
  for (const [role, re] of CLAUSE_ROLE) if (re.test(clauseText)) out.push(`ctx:crole=${role}`);
  const x = c.context;
  if (!x) return out;
  out.push(
    `ctx:sec=${x.section}`,
    `ctx:sec=${x.section}|${src}`,
    `ctx:sec=${x.section}|date=${basis}`,
  );
  out.push(`ctx:sclauses=${Math.min(x.clauses, 5)}`);
  if (c.clause.index === x.clauses - 1 && x.clauses > 1) out.push("ctx:last-clause");
  const own = x.dated[c.clause.index] === true;
  const other = x.dated.some((d, i) => d && i !== c.clause.index);
  out.push(`ctx:sdated=${own ? "own" : other ? "other" : "none"}|${src}`);
  out.push(`ctx:pdates=${Math.min(x.blockDates, 3)}|${src}`);
  return out;
}

/** Words that are verbs to jieba but name no act (copulas, auxiliaries, light verbs). */
const LIGHT = new Set([
  "是",
  "有",
  "为",
  "成为",
  "在",
  "被",
  "将",
  "把",
  "让",
  "使",
  "使得",
  "可以",
  "能",
  "能够",
  "会",
  "要",
  "应",
  "应该",
  "得",
  "来",
  "去",
  "到",
  "对",
  "于",
  "以",
  "作为",
  "称为",
  "叫",
  "位于",
  "属于",
  "包括",
  "据",
  "据说",
  "由",
  "经",
  "经过",
  "开始",
  "继续",
  "进行",
  "加以",
  "给予",
]);

const NEGATION = /(?:未|没有|[没不]|并未|并非|无法|未能|不再|从未|尚未)$/u;

let lexicon: Map<string, string[]> | null = null;

/** The general event vocabulary (`data/events/lexicon.tsv`): word → classes. */
export function loadLexicon(): Map<string, string[]> {
  if (lexicon) return lexicon;
  const map = new Map<string, string[]>();
  for (const [word, cls] of loadDataTsv("events/lexicon.tsv")) {
    if (!word || !cls) continue;
    map.set(word, [...(map.get(word) ?? []), cls]);
  }
  lexicon = map;
  return map;
}

let argumentNouns: Map<string, string> | null = null;

/** The general argument nouns (`data/events/arguments.tsv`): noun → class. */
export function loadArgumentNouns(): Map<string, string> {
  argumentNouns ??= new Map(
    loadDataTsv("events/arguments.tsv")
      .filter(([noun, cls]) => noun && cls)
      .map(([noun, cls]) => [noun as string, cls as string]),
  );
  return argumentNouns;
}

/**
 * The argument class of a token: the whole word, else its longest listed ending of 2+ chars
 * (人造卫星, 驻华公使, 北洋水师); a one-character noun (军, 舰, 职) only as a whole word.
 */
export function argumentClass(word: string, nouns = loadArgumentNouns()): string | null {
  const whole = nouns.get(word);
  if (whole) return whole;
  for (let n = 1; n <= word.length - 2; n += 1) {
    const part = nouns.get(word.slice(n));
    if (part) return part;
  }
  return null;
}

/** The lexicon classes of `word`: the whole word, else its longest listed prefix of 2+ chars. */
function classesOf(word: string, lex: Map<string, string[]>): string[] {
  const whole = lex.get(word);
  if (whole) return whole;
  for (let n = word.length - 1; n >= 2; n -= 1) {
    const part = lex.get(word.slice(0, n));
    if (part) return part;
  }
  return [];
}

/** Heads of named events (开罗会议, 威海卫之战, 马关条约, 九一八事变): the general suffixes of Chinese event names. */
const EVENT_NOUN =
  /(?:会议|会谈|峰会|战役|战争|会战|海战|之战|事件|事变|惨案|起义|政变|兵变|革命|运动|条约|协定|协议|宣言|公报|声明|公约|和约|谈判)$/u;

/**
 * Whether a token can head a clause: a verb, an idiom (jieba's l/i: 通电话, 乘胜追击) or a word
 * of the event lexicon (服役 tagged n, 死后 t). Not a Han word jieba does not know (x): those are
 * mostly names (李玄益) and fragments around them.
 */
function predicative(t: Token, lex: Map<string, string[]>): boolean {
  if (/^[vli]/u.test(t.tag)) return true;
  return classesOf(t.word, lex).length > 0;
}

/** What closes a temporal setting after its verb (毕业后, 抵达时, 回国之后, 就任以后). */
const SETTING_AFTER = /^(?:[后时]|之[后时际]|以后)$/u;

/** A date unit jieba glues to the verb after it (1919年任 → 年任/x, 3月攻克 → 月攻克). */
const GLUED_UNIT = /^[年月日号]/u;

/** Where a clause is read: its text, the entity mentions in it and whether a real verb follows. */
interface GlueContext {
  text: string;
  /** Display ranges of the entity mentions (persons, organizations …) the pipeline found. */
  names: readonly { start: number; end: number }[];
  /** True when a non-light verb (jieba tag v) follows the token in its clause. */
  verbAfter: boolean;
}

let officeTitles: string[] | null = null;

/** The office words the pipeline knows (`data/gazetteer/titles.tsv`: 公使, 大臣, 总经理 …). */
function loadOfficeTitles(): string[] {
  officeTitles ??= loadDataTsv("gazetteer/titles.tsv")
    .map(([title]) => title ?? "")
    .filter((title) => title.length >= 2);
  return officeTitles;
}

/** Whether an office word begins at `at` or ends within four characters of it (驻英公使, 管学大臣). */
function postAt(text: string, at: number): boolean {
  const ahead = text.slice(at, at + 8);
  return loadOfficeTitles().some((title) => {
    const i = ahead.indexOf(title);
    return i >= 0 && i <= 4;
  });
}

/**
 * A token with a date unit glued before a lexicon verb, as that verb (年任 → 任, 日签订 → 签订);
 * any other token as it is. 年代, 月球 or 日本 stay whole: their rest is no listed verb.
 */
export function unglued(
  t: Token,
  lex: Map<string, string[]> = loadLexicon(),
  glue: GlueContext | null = null,
): Token {
  const rest = t.word.slice(1);
  if (t.word.length >= 2 && GLUED_UNIT.test(t.word) && !predicative(t, lex) && lex.has(rest))
    return { word: rest, tag: "v", start: t.start + 1, end: t.end };
  return t.tag === "x" && glue ? gluedToName(t, lex, glue) : t;
}

/**
 * A Han word jieba does not know (x) with a lexicon verb of one or two characters glued to the
 * name or the post beside it, as that verb: at its end after an entity mention (徐学禹任 with
 * 徐学禹 a person → 任), at its start before an office word (任驻英公使, 任管学大臣 → 任). Never
 * when the verb's characters are inside a mention (王大任, 柳大任: names), nor when a real verb
 * follows in the clause (任鸿隽出生于四川, 李派与张某会面: that verb is the head). Any other
 * unknown word stays as it is (a name or a fragment: not predicative).
 */
function gluedToName(t: Token, lex: Map<string, string[]>, glue: GlueContext): Token {
  const w = t.word;
  if (w.length < 2 || glue.verbAfter || !/^\p{Script=Han}+$/u.test(w)) return t;
  const named = (start: number, end: number): boolean =>
    glue.names.some((m) => m.start < end && m.end > start);
  for (let n = Math.min(2, w.length - 1); n >= 1; n -= 1) {
    const at = t.end - n;
    if (!lex.has(w.slice(-n)) || named(at, t.end)) continue;
    if (glue.names.some((m) => m.end === at && m.start <= t.start))
      return { word: w.slice(-n), tag: "v", start: at, end: t.end };
  }
  for (let n = Math.min(2, w.length - 1); n >= 1; n -= 1) {
    const at = t.start + n;
    if (!lex.has(w.slice(0, n)) || named(t.start, at)) continue;
    if (postAt(glue.text, at)) return { word: w.slice(0, n), tag: "v", start: t.start, end: at };
  }
  return t;
}

/** Whether a non-light verb (jieba tag v) follows token `i` in the clause, outside quotes. */
function verbAfter(c: Pick<Candidate, "tokens" | "masked">, i: number): boolean {
  return lastVerb(c) > i;
}

const LAST_VERB = new WeakMap<object, number>();

/**
 * The index of the clause's last non-light verb (jieba tag v, not masked), -1 if none: one pass
 * per clause, remembered, so asking for every token stays linear (a clause of thousands of
 * unknown tokens asked it once per token, and a 40 k-character one took 24 s).
 */
function lastVerb(c: Pick<Candidate, "tokens" | "masked">): number {
  const known = LAST_VERB.get(c);
  if (known !== undefined) return known;
  let last = -1;
  for (let j = c.tokens.length - 1; j >= 0; j -= 1) {
    const u = c.tokens[j] as Token;
    if (/^v/u.test(u.tag) && !LIGHT.has(u.word) && !c.masked(u.start)) {
      last = j;
      break;
    }
  }
  LAST_VERB.set(c, last);
  return last;
}

/** The clause's tokens with glued verbs split off (`unglued`). */
function gluedTokens(
  c: Pick<Candidate, "text" | "tokens" | "masked"> & { names?: GlueContext["names"] },
  lex: Map<string, string[]>,
): Token[] {
  const names = c.names ?? [];
  return c.tokens.map((t, i) =>
    unglued(t, lex, t.tag === "x" ? { text: c.text, names, verbAfter: verbAfter(c, i) } : null),
  );
}

/**
 * Whether the 后任 at token `i` is the noun "successor": after 的 (他的后任), or before a name or
 * an office word with another verb after it in the clause (后任总统访问日本: 访问 is the head).
 */
function successor(
  c: Pick<Candidate, "text" | "tokens" | "masked"> & { names?: GlueContext["names"] },
  tokens: Token[],
  i: number,
): boolean {
  const t = tokens[i] as Token;
  if (c.text.charAt(t.start - 1) === "的") return true;
  const names = c.names ?? [];
  const before = names.some((m) => m.start === t.end) || postAt(c.text, t.end);
  return before && verbAfter(c, i);
}

/** 后 glued to the lexicon verb after it (升格后任 → 后任/n; not 时任, "then serving"): the verb. */
const GLUED_SETTING = /^后/u;

/**
 * The main predicate of a clause: its first predicative token that is not light, quoted or
 * attributive; in a dated clause with none, the first named event (开罗会议（1943年11月22日—26日）).
 */
export function mainVerb(
  c: Pick<Candidate, "text" | "tokens" | "masked"> & { names?: GlueContext["names"] },
  dated = false,
): Token | null {
  const lex = loadLexicon();
  let setting: Token | null = null;
  const tokens = gluedTokens(c, lex);
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    const rest = t.word.slice(1);
    if (
      GLUED_SETTING.test(t.word) &&
      !predicative(t, lex) &&
      lex.has(rest) &&
      !c.masked(t.start) &&
      !successor(c, tokens, i)
    )
      // Note: 1949年后任上海文史馆馆员, 两国关系升格后任驻美大使: 后 closes a setting with no verb of
      // its own here (the verb before, 毕业后任, is read below as a setting first).
      return { word: rest, tag: "v", start: t.start + 1, end: t.end };
    if (LIGHT.has(t.word) || c.masked(t.start) || !predicative(t, lex)) continue;
    if (c.text.charAt(t.end) === "的") continue;
    // Note: a verb closed by 后/时 (毕业后任…, 抵达时遭…) sets the time of the predicate after it;
    // jieba glues 后 to a one-character verb after it (毕业后任 → 后任/n), which is then the head.
    const next = tokens[i + 1];
    if (next && next.start === t.end && SETTING_AFTER.test(next.word)) {
      setting ??= t;
      continue;
    }
    if (
      next &&
      next.start === t.end &&
      /^[后时]./u.test(next.word) &&
      lex.has(next.word.slice(1)) &&
      !successor(c, tokens, i + 1)
    )
      return { word: next.word.slice(1), tag: "v", start: next.start + 1, end: next.end };
    return t;
  }
  if (setting) return setting;
  if (!dated) return null;
  return c.tokens.find((t) => EVENT_NOUN.test(t.word) && t.tag.startsWith("n")) ?? null;
}

/**
 * Why a clause has no main predicate (`mainVerb` gave null), for the loss breakdown: every
 * predicative token is quoted (`quoted`), or each one left modifies a noun (…的: `attributive`),
 * else jieba tagged no word of it as a verb and the lexicon lists none (`noVerb`).
 */
export function whyNoHead(
  c: Pick<Candidate, "text" | "tokens" | "masked"> & { names?: GlueContext["names"] },
): "quoted" | "attributive" | "noVerb" {
  const lex = loadLexicon();
  const verbs = gluedTokens(c, lex).filter((t) => !LIGHT.has(t.word) && predicative(t, lex));
  if (verbs.length === 0) return "noVerb";
  const open = verbs.filter((t) => !c.masked(t.start));
  return open.length === 0 ? "quoted" : "attributive";
}

function lengthBucket(n: number): string {
  if (n <= 6) return "s";
  if (n <= 15) return "m";
  if (n <= 30) return "l";
  return "xl";
}

/** The feature strings of a candidate. */
export function candidateFeatures(c: Candidate, tables: EventTables): string[] {
  const lex = loadLexicon();
  const out = ["bias", `blk=${c.block}`, `len=${lengthBucket(c.clause.end - c.clause.start)}`];
  const rule = c.rule ? c.rule.type : "none";
  out.push(`rule=${rule}`);
  if (c.rule) out.push(`trig=${c.rule.trigger}`, `role=${c.rule.role}`);
  for (const h of c.hits) out.push(`hit=${h.trigger.type}:${h.trigger.role}`);
  const head = c.head;
  const headToken = head
    ? c.tokens.find((t) => t.start <= head.start && t.end > head.start)
    : undefined;
  const headWord = head ? c.text.slice(head.start, head.end) : "";
  if (head) {
    // Note: the head's characters generalize to verbs never seen whole (攻陷/攻克, 击沉/击落).
    out.push(
      `head=${headWord}`,
      `hc=${headWord.charAt(0)}`,
      `hce=${headWord.charAt(headWord.length - 1)}`,
    );
    const classes = classesOf(headWord, lex);
    for (const cls of classes) out.push(`hlex=${cls}`, `hlex=${cls}|rule=${rule}`);
    // Note: whether the head is event vocabulary at all, whatever its class: one feature that
    // every class feeds, so a class with few training examples (death, marriage) still counts.
    if (classes.length > 0) out.push("hlex=any", `hlex=any|date=${c.date.basis ?? "none"}`);
    // Note: a head outside the lexicon, alone and with the rules' type: the typer learns where
    // such heads go (mostly `other`: 延伸, 替换, 推出) rather than guessing from the words around.
    else out.push("hlex=none", `hlex=none|rule=${rule}`);
    if (headToken) out.push(`htag=${headToken.tag}`);
    const before = c.text.slice(c.clause.start, head.start);
    const modal = modalBefore(c.text, c.clause.start, head.start, tables.markers);
    if (modal) out.push(`modal=${modal.kind}`);
    if (NEGATION.test(before)) out.push("neg");
    if (/[被遭]/u.test(before)) out.push("passive");
    if (c.masked(head.start)) out.push("quoted");
    if (c.text.charAt(head.end) === "了" || c.text.charAt(head.end + 1) === "了") out.push("le");
    if (c.text.charAt(head.end) === "的") out.push("attr");
    out.push(...backgroundFeatures(c, head, before));
  } else out.push("nohead");
  out.push(...argumentFeatures(c, rule), ...complementFeatures(c, headWord));
  let verbs = 0;
  for (const t of c.tokens) {
    if (t.tag === "x" || t.tag === "m" || t.tag === "eng" || c.masked(t.start)) continue;
    out.push(`w=${t.word}`);
    if (t.tag.startsWith("v")) {
      verbs += 1;
      out.push(`vc=${t.word.charAt(0)}`);
      for (const cls of classesOf(t.word, lex)) out.push(`lex=${cls}`);
    }
  }
  out.push(`verbs=${Math.min(verbs, 3)}`);
  const first = c.tokens[0];
  if (first) out.push(`first=${first.word}`, `ftag=${first.tag}`);
  const clauseText = c.text.slice(c.clause.start, c.clause.end);
  if (/^[在于当]/u.test(clauseText)) out.push("frame-open");
  if (/(?:[后时前]|之际|期间|以来)$/u.test(clauseText)) out.push("frame-close");
  out.push(`date=${c.date.value === null ? "none" : (c.date.basis ?? "none")}`);
  if (c.date.value !== null) out.push(`prec=${precision(c.date.value)}`);
  if (c.clock) out.push("clock");
  // Note: a named craft reads as the named thing a linked ship was before crafts were actors (the
  // typer's kind features stay as they were; measured when added: dev 5-fold typed+dated 0.309
  // against 0.300 with a kind of its own).
  for (const k of new Set(c.kinds)) out.push(`ent=${k === "craft" ? "thing" : k}`);
  out.push(`nent=${Math.min(c.kinds.length, 3)}`);
  if (c.lead) out.push("lead");
  if (c.afterSpeech) out.push("after-speech");
  if (c.clause.joined) out.push("joined");
  if (c.clause.index === 0) out.push("first-clause");
  out.push(...previousFeatures(c, lex));
  out.push(...contextFeatures(c, c.rule ? "rule" : "bare", c.date.basis ?? "none"));
  return out;
}

/**
 * The kinds of things the clause's nouns name (`arguments.tsv`: a spacecraft, a weapon, a force,
 * an office, a document, a body, casualties, money), alone, with the head's lexicon classes and
 * the rules' type (发射 + space reads apart from 发射 + weapon), and the first one after the
 * head as its object (`obj=`).
 */
function argumentFeatures(c: Candidate, rule: string): string[] {
  const lex = loadLexicon();
  const classes = new Set<string>();
  let object: string | null = null;
  let subject: string | null = null;
  for (const t of c.tokens) {
    if (c.masked(t.start)) continue;
    const cls = argumentClass(t.word);
    if (!cls) continue;
    classes.add(cls);
    if (object === null && c.head && t.start >= c.head.end) object = cls;
    if (c.head && t.end <= c.head.start) subject = cls;
  }
  const headClasses = c.head ? classesOf(c.text.slice(c.head.start, c.head.end), lex) : [];
  const out: string[] = [];
  for (const cls of classes) {
    out.push(`arg=${cls}`, `arg=${cls}|rule=${rule}`);
    for (const h of headClasses) out.push(`arg=${cls}|hlex=${h}`);
  }
  if (object !== null) out.push(`obj=${object}`);
  // Note: the kind of the nearest argument before the head, alone and with the head's classes:
  // a force that arrives or withdraws deploys (舰队抵达, 俄军撤出), an envoy that arrives visits.
  if (subject !== null) {
    out.push(`subj=${subject}`);
    for (const h of headClasses.length > 0 ? headClasses : ["none"])
      out.push(`subj=${subject}|hlex=${h}`);
  }
  return out;
}

/**
 * The act a head governs (呼吁朝鲜停止…, 表示谴责, 宣布退出, 下令撤军): the lexicon classes of the
 * first event word after the head, alone and with the head's classes. A speech act reads apart
 * by what it asks or announces.
 */
function complementFeatures(c: Candidate, headWord: string): string[] {
  const head = c.head;
  if (!head) return [];
  const lex = loadLexicon();
  const next = c.tokens.find(
    (t) => t.start >= head.end && !c.masked(t.start) && /^[vli]/u.test(t.tag) && !LIGHT.has(t.word),
  );
  const classes = next ? classesOf(next.word, lex) : [];
  if (classes.length === 0) return [];
  const headClasses = classesOf(headWord, lex);
  const out: string[] = [];
  for (const cls of classes) {
    out.push(`comp=${cls}`);
    for (const h of headClasses.length > 0 ? headClasses : ["none"])
      out.push(`comp=${cls}|hlex=${h}`);
  }
  return out;
}

/**
 * The candidate before this one in its sentence: none (`prev=none`), or the rules' act or a bare
 * clause, the lexicon classes of its head, and whether they share one with this head
 * (`prev=same`: 攻占…，占领… tells one act; 撤退，…追击 tells two). Annotators make one event of a
 * sentence's clauses that tell one act, so the model needs the act told before.
 */
function previousFeatures(c: Candidate, lex: Map<string, string[]>): string[] {
  const p = c.previous;
  if (!p) return ["prev=none"];
  const out = [p.rule ? `prev=rule:${p.rule.type}` : "prev=bare"];
  const mine = c.head ? classesOf(c.text.slice(c.head.start, c.head.end), lex) : [];
  const theirs = p.head ? classesOf(p.text.slice(p.head.start, p.head.end), lex) : [];
  for (const cls of theirs) out.push(`prev=${cls}`);
  if (theirs.length === 0) out.push("prev=nolex");
  if (mine.some((cls) => theirs.includes(cls))) out.push("prev=same");
  if (p.date.timex !== null && p.date.timex === c.date.timex) out.push("prev=same-date");
  return out;
}

/** Copulas and stative verbs: a clause that uses one before its head describes rather than narrates. */
const STATIVE = new Set(["是", "为", "有", "成为", "位于", "属于", "包括", "称为", "作为", "叫"]);

/** Adverbs of habit and generic time (常, 往往, 每年…): a repeated or usual act, not one dated act. */
const HABITUAL = /常常|经常|往往|通常|一般|总是|时常|一向|向来|历来|每[年月日天周]/u;

/** Words that define or name a thing (是指, 又称, 简称…): a definition, not an act. */
const DEFINITION = /是指|指的是|意为|又称|简称|全称|亦称|俗称|即是/u;

/**
 * What marks a clause as background rather than a narrated act: a copula or stative verb before
 * the head (`pre=是`), a habitual or generic adverb (`habitual`), the durative 着 or experiential
 * 过 after it (`asp=`), 所 before it (所+verb names a thing: 所签订的), a definition (`define`).
 * General Chinese grammar, so the model weighs them per type from the data.
 */
export function backgroundFeatures(
  c: Pick<Candidate, "text" | "tokens" | "masked" | "clause">,
  head: { start: number; end: number },
  before: string,
): string[] {
  const out: string[] = [];
  for (const t of c.tokens)
    if (t.end <= head.start && STATIVE.has(t.word) && !c.masked(t.start)) out.push(`pre=${t.word}`);
  if (HABITUAL.test(before)) out.push("habitual");
  const after = c.text.charAt(head.end);
  if (after === "着" || after === "过") out.push(`asp=${after}`);
  if (c.text.charAt(head.start - 1) === "所") out.push("suo");
  if (DEFINITION.test(c.text.slice(c.clause.start, c.clause.end))) out.push("define");
  return out;
}

function precision(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}/u.test(value)) return "day";
  if (/^\d{4}-\d{2}/u.test(value)) return "month";
  if (/^\d{4}/u.test(value)) return "year";
  return "coarse";
}

/**
 * Features of a candidate against the other candidates of its sentence (`ctx:…`, detector only):
 * annotators mark about one act per sentence, so whether a clause is an event depends on which
 * other clauses could be. Read from the candidates alone (no model score), in text order: how
 * many the sentence has; the candidate's position among them (only, first, last, middle), with
 * its source (rule or bare); whether a rule act stands elsewhere in the sentence; its rank among
 * the candidates whose head is event vocabulary (`lexicon.tsv`) and how many those are; how many
 * others share a lexicon class of its head, and whether it is the first of them; whether it is
 * the first candidate of the sentence with a date of its own (`explicit`) or comes after one.
 */
export function sentenceFeatures(group: readonly Candidate[]): string[][] {
  const lex = loadLexicon();
  const n = group.length;
  const classes = group.map((c) =>
    c.head ? classesOf(c.text.slice(c.head.start, c.head.end), lex) : [],
  );
  const rules = group.map((c) => c.rule !== null);
  const own = group.map((c) => c.date.basis === "explicit");
  const firstOwn = own.indexOf(true);
  let lexSeen = 0;
  const lexTotal = classes.filter((cls) => cls.length > 0).length;
  return group.map((c, i) => {
    const src = rules[i] ? "rule" : "bare";
    const pos = n === 1 ? "only" : i === 0 ? "first" : i === n - 1 ? "last" : "mid";
    const out = [`ctx:ncand=${Math.min(n, 4)}`, `ctx:cpos=${pos}|${src}`];
    const otherRule = rules.some((r, j) => r && j !== i);
    out.push(`ctx:srule=${src}|${otherRule ? "other" : "alone"}`);
    const mine = classes[i] ?? [];
    if (mine.length > 0) {
      out.push(`ctx:lexrank=${Math.min(lexSeen, 2)}|${src}`);
      lexSeen += 1;
    } else out.push(`ctx:lexrank=none|${src}`);
    out.push(`ctx:lexn=${Math.min(lexTotal, 3)}`);
    const sharing = classes
      .map((cls, j) => j !== i && cls.some((x) => mine.includes(x)))
      .reduce((k, s, j) => (s ? [...k, j] : k), [] as number[]);
    if (sharing.length > 0)
      out.push(
        `ctx:share=${Math.min(sharing.length, 2)}`,
        `ctx:share-first=${(sharing[0] ?? 0) > i}`,
      );
    out.push(
      `ctx:own=${firstOwn < 0 ? "none" : i === firstOwn ? "first" : own[i] ? "again" : i < firstOwn ? "before" : "after"}|${src}`,
    );
    return out;
  });
}
