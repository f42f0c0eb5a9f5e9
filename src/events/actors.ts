/**
 * Actor assignment inside a clause: source = who acts, target = at whom, other = third parties.
 * Handles 对/向 (target), 与/同/和 (co-party of symmetric acts), 遭/被 (passive), titles
 * (美国前总统卡特: the state goes to `other`), X政府 (the state, X in `other`), relative clauses
 * (会见了访问朝鲜的克林顿: the visitor is the source), and the running subject when the clause
 * has none (随后将…驱逐出境 keeps the actor of the clause before).
 */
import type { EntityKind, EventType } from "../model/index.js";
import {
  existedIn,
  pickByEra,
  stateAt,
  type Gazetteer,
  type GazetteerEntry,
  type Title,
} from "../entities/index.js";
import { lowerBound, within, type Ranged } from "./within.js";

/** An entity mention in display coordinates. */
export interface ActorMention {
  id: string;
  kind: EntityKind;
  start: number;
  end: number;
}

/** Actor roles of one event. */
export interface Actors {
  source: string[];
  target: string[];
  other: string[];
}

/** What actor assignment knows about the document. */
export interface ActorContext {
  /** Person or organisation id → the state it acts for. */
  stateOf: Map<string, string>;
  /** Named series → implied parties (六方会谈). */
  series: Map<string, string[]>;
  /** The most-mentioned states, most first (for exercises with no named target). */
  salientStates: string[];
  /** State ids. */
  states: Set<string>;
  /** One-character state forms (美, 朝, 中 …) → state id, from the gazetteer. */
  abbreviations: Map<string, string>;
  /** Office titles and ranks (提督, 将领, 总统), from the gazetteer. */
  titles: readonly string[];
  /** Capitals and seats standing for a state the article names (华盛顿 → USA, 巴黎 → FRA). */
  seats?: ReadonlyMap<string, string>;
  /** jieba's words of the text, in order (a motion verb is a word of its own: 到, not 回到). */
  words: readonly Ranged[];
}

/** The running state of a sentence/passage. */
export interface Running {
  /** Subject of the last clause that had one. */
  subject: string[];
  /** The two parties named last (for 双方/两国). */
  parties: string[];
  /** Targets of the sentence's last act (for 对其), reset at each sentence. */
  object?: string[];
}

/** Kinds of entities that act in events (a ship or a spacecraft too: 哥伦比亚号进入大气层). */
export const ACTOR_KINDS: ReadonlySet<EntityKind> = new Set([
  "state",
  "organization",
  "person",
  "group",
  "craft",
]);
const SYMMETRIC: ReadonlySet<EventType> = new Set([
  "talks",
  "agreement",
  "armed_incident",
  "military_exercise",
]);
/**
 * Symmetric acts whose parties all act, whichever the clause makes the object (talks: 1 of 155 dev
 * gold talks has a target). Note: agreements keep theirs (a cession 割让…给; 16 of 155 have one).
 */
const MEETING: ReadonlySet<EventType> = new Set(["talks"]);
/** Acts aimed at an adversary, which has a target even when the clause names none. */
const HOSTILE: ReadonlySet<EventType> = new Set(["armed_incident", "deployment"]);
const NO_TARGET: ReadonlySet<EventType> = new Set(["weapons_test", "leadership_change", "other"]);
const TO = /(?:[对向给为替]|对于|针对)$/u;
const TO_NEAR = /(?:对|向|针对)[^，。；、对向与同和在]{1,6}$/u;
// Note: 将/把 marks the object (随后将两名美国女记者释放), unless 将 is the future (将于, 将会) or
// a word of its own: 将军, 将领, 将士, 将官, 将帅 (黑龙江将军萨布素率领清军: the general acts).
const OBJECT = /(?:将(?![于在要会来军领士官帅])|把)[^，。；将把]{0,14}$/u;
// Note: 驻美、驻俄公使 names the posts, not actors.
const STAY = /[驻赴在来到]/u;
const WITH = /[与同和跟及]$/u;
// Note: 沿 (along) marks a place too (沿朝鲜东海岸北上).
const AT = /(?:[在于到赴至往从自沿达抵]|经过|途经|经由)$/u;
/** Words between a state and a craft or an organisation it qualifies (的探测飞船, 媒体《, 的《). */
const QUALIFIES = /^(?:的|媒体|报纸|电视台|通讯社)[^，。；、对向与同和在把将被]{0,6}$/u;
const LIST = /^[、和及与]$/u;
// Note: 被迫 (forced to) and 遭遇 (to meet with) leave their subject the agent (清朝被迫签约).
const PASSIVE = /遭到|遭受|遭(?!遇)|被(?!迫)|受到/u;
/** Heads that are passive words of their own (被捕, 被判, 遭袭), not 被迫 (forced to act). */
const PASSIVE_HEAD = /^(?:被(?!迫)|遭(?!遇))/u;
const PUNCT = /[，。；：！？,;:!?“”「」]/u;
// Note: 六方会谈代表, 六方会谈等议题: the series name modifies a noun and names no meeting.
const SERIES_MODIFIER = /^(?:代表|团|等|议题|问题|机制|框架|各方|成员|进程)/u;
const PRONOUN_OBJECT = /[对向将把与同][其他她它]/u;
const FORMER = /前任?[^，。；、]{0,8}$|卸任[^，。；]{0,10}$/u;

function add(list: string[], id: string): void {
  if (!list.includes(id)) list.push(id);
}

/**
 * True when state mention `a` is the title of person mention `b` (美国国务卿奥尔布赖特, 清朝将领冯子材):
 * close before it in the same phrase; 驻美公使梁诚 names a post, not the envoy's state.
 */
export function isTitle(
  text: string,
  a: ActorMention,
  b: ActorMention,
  titles: readonly string[] = [],
): boolean {
  if (b.kind !== "person" || a.end > b.start) return false;
  const between = text.slice(a.end, b.start);
  // A body and an office or rank before a person (北洋水师提督丁汝昌, 法军将领尼格里).
  if (a.kind === "organization")
    return between.length <= 8 && !PUNCT.test(between) && titles.some((t) => between.endsWith(t));
  if (a.kind !== "state") return false;
  if (between.length > 12 || PUNCT.test(between) || /[对向与同和在]/u.test(between)) return false;
  return !STAY.test(text.charAt(a.start - 1));
}

/**
 * The state a person titled right before `m` serves by that office alone (广西巡抚潘鼎新,
 * 两江总督的张之洞, 国务总理X → the state of `year` among the office's), when the article names it:
 * the first of the office's states whose years hold `year` (no year: the first) that is in
 * `known`; null for offices many states have (总统) or when the article names none of them.
 */
export function officeState(
  text: string,
  m: ActorMention,
  titles: ReadonlyMap<string, Title>,
  year: number | null,
  known: ReadonlySet<string>,
): string | null {
  if (m.kind !== "person") return null;
  const lead = text.slice(Math.max(0, m.start - 8), m.start).replace(/的$/u, "");
  let best: Title | null = null;
  let bestLength = 0;
  for (const [name, title] of titles)
    if (title.states.length > 0 && name.length > bestLength && lead.endsWith(name)) {
      best = title;
      bestLength = name.length;
    }
  if (!best) return null;
  const held = (s: { from: number | null; to: number | null }): boolean =>
    year === null || ((s.from === null || year >= s.from) && (s.to === null || year <= s.to));
  return best.states.find((s) => held(s) && known.has(s.id))?.id ?? null;
}

/**
 * Where a visit goes (前往美国, 到达法国, 赴日, 抵达朝鲜): the jieba word before the place ends with a
 * motion verb (到, 赴, 抵, 前往, 飞往, 到达, 抵达 — also glued to an adverb or a verb jieba keeps
 * with it: 亲赴, 专程前往, 赶到, 返抵), unless the word is one of the words where 到 or 达 is no motion:
 * 回到 (a return), 直到, 受到, 得到, 收到, 遇到, 达到, 感到, 送到, 等到, 提到, 想到, 见到, 听到.
 */
const MOTION_END = /(?:[到赴抵]|[前飞开转奔]往|[到抵]达)$/u;
const NOT_MOTION = [
  "回到",
  "直到",
  "受到",
  "得到",
  "收到",
  "遇到",
  "达到",
  "感到",
  "送到",
  "等到",
  "提到",
  "想到",
  "见到",
  "听到",
  "看到",
  "找到",
  "做到",
  "说到",
  "谈到",
  "涉及到",
  "轮到",
  "迟到",
  "报到",
  "周到",
  "不到",
  "未到",
];

/**
 * True when a motion verb of a visit ends at `at`: the jieba word covering `at - 1`, read up to
 * `at` (a verb jieba glues to a short name, 赴美|国 or 抵美, is read without the name).
 */
export function motionBefore(text: string, at: number, words: readonly Ranged[]): boolean {
  const i = lowerBound(words, at) - 1;
  const w = words[i];
  if (!w || w.end < at) return false;
  const word = text.slice(w.start, at);
  return MOTION_END.test(word) && !NOT_MOTION.some((x) => word.endsWith(x));
}

/**
 * True when state `m`, after `lead` (the text before it with quotes and spaces left out), is
 * where a visit goes: the visited party (its target).
 */
export function destination(
  type: EventType,
  m: ActorMention,
  text: string,
  words: readonly Ranged[],
): boolean {
  if (type !== "visit" || m.kind !== "state") return false;
  let at = m.start;
  while (at > 0 && /[\s“”「」"《》]/u.test(text.charAt(at - 1))) at -= 1;
  return motionBefore(text, at, words);
}

const DESTINATIONS = /[到抵]达|[前飞]往|[到赴抵]/gu;

/** The states whose seats (capitals) `[clause)` names right after a motion verb, in order. */
export function seatsVisited(
  text: string,
  clause: { start: number; end: number },
  seats: ReadonlyMap<string, string>,
  words: readonly Ranged[],
): string[] {
  const out: string[] = [];
  const part = text.slice(clause.start, clause.end);
  for (const m of part.matchAll(DESTINATIONS)) {
    const at = m.index + m[0].length;
    if (!motionBefore(text, clause.start + at, words)) continue;
    let best = "";
    for (const form of seats.keys())
      if (form.length > best.length && part.startsWith(form, at)) best = form;
    const id = seats.get(best);
    if (id !== undefined && !out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * True when a state names a post, not a party (驻英公使郭嵩焘, 出使美国、墨西哥四国大臣伍廷芳): after 驻, or
 * after 出使 when an envoy's office follows (出使朝鲜 alone is a visit: its target).
 */
export function isPost(text: string, m: ActorMention, lead: string): boolean {
  if (m.kind !== "state") return false;
  if (/驻$/u.test(lead)) return true;
  return /出使$/u.test(lead) && POST_OFFICE.test(text.slice(m.end, m.end + 16));
}
const POST_OFFICE = /^[^，。；：]{0,12}?(?:大臣|公使|大使|领事|参赞)/u;

/**
 * True when the words before a clause's first party open it with 与/同/和/跟 — alone or before the
 * party's office (与外交次长曹汝霖, 與三等參贊張蔭棠): the party acts with the running subject.
 */
export function withOpener(lead: string, titles: readonly string[]): boolean {
  const m = /^([^，。；]{0,8}[与同和跟])([^，。；与同和跟]{0,6})$/u.exec(lead);
  const office = m?.[2];
  // Note: words ending in 与/同/和 (参与, 共同, 缓和) join nothing.
  if (
    !m ||
    office === undefined ||
    /(?:参与|给与|共同|会同|连同|缓和|总和|调和)$/u.test(m[1] ?? "")
  )
    return false;
  return office === "" || titles.some((t) => office.endsWith(t));
}

/** Assigns source, target and other for the act at `[trigger, triggerEnd)` in the clause. */
export function assignActors(
  text: string,
  clause: { start: number; end: number },
  trigger: { start: number; end: number; trigger?: { role: string; valency?: string } },
  type: EventType,
  mentions: ActorMention[],
  context: ActorContext,
  running: Running,
): { actors: Actors; subject: string[] } {
  const inClause = within(mentions, clause.start, clause.end).filter((m) =>
    ACTOR_KINDS.has(m.kind),
  );
  for (const m of anaphora(text, clause, inClause, running)) inClause.push(m);
  inClause.sort((a, b) => a.start - b.start);
  const source: string[] = [];
  const target: string[] = [];
  const other: string[] = [];
  const subject: string[] = [];
  const role = new Map<ActorMention, "source" | "target" | "other" | "skip">();
  const clauseText = text.slice(clause.start, trigger.start);
  const passiveAt = clauseText.search(PASSIVE);
  // Note: a passive inside a noun phrase before a target (就索尼遭黑客袭击事件对朝鲜…) is no passive.
  const headWord = text.slice(trigger.start, trigger.end);
  // Note: a head that is itself passive (被捕, 被判, 被俘, 遭袭 — jieba's words) makes its subject
  // the target as 被 before the verb does; 被迫 (forced to) does not: its subject acts.
  const passive =
    passiveAt >= 0 && !/对|向|针对/u.test(clauseText.slice(passiveAt))
      ? clause.start + passiveAt
      : PASSIVE_HEAD.test(headWord)
        ? trigger.start
        : -1;
  const patient = trigger.trigger?.valency === "patient";
  const govern = trigger.trigger?.role === "govern";
  const principals = new Set<ActorMention>();
  let governed = false;
  // Relative clause: 访问朝鲜的[美国前总统]克林顿 — the head after 的 is the agent.
  const deAt = text.slice(trigger.end, clause.end).indexOf("的");
  const de = deAt >= 0 ? trigger.end + deAt : -1;
  const relative =
    de >= 0 &&
    de < clause.end &&
    !PUNCT.test(text.slice(trigger.end, de)) &&
    inClause.some((m) => m.start > de && m.kind === "person");
  let counterpart = false;
  let prev: ActorMention | null = null;
  let prevRole: "source" | "target" | "other" | "skip" = "source";
  for (const m of inClause) {
    const gap = text.slice(prev ? prev.end : clause.start, m.start);
    const lead = gap.replace(/[\s“”「」"《》]+/gu, "");
    let r: "source" | "target" | "other" | "skip";
    const before = m.end <= trigger.start;
    // Note: words holding 与/和/同 (参与, 和平) do not end a 对-phrase.
    const near = lead
      .replace(/参与|和平|同意|同时|共同|相同|不同|连同/gu, "")
      .replace(/[作成称认因以视改更]为$/u, "");
    const pair =
      prev !== null &&
      lead === "" &&
      m.end - m.start === 1 &&
      prev.end - prev.start === 1 &&
      m.kind === "state" &&
      prev.kind === "state";
    if (prev && (LIST.test(lead) || pair)) r = prevRole;
    else if (isPost(text, m, lead)) r = "other";
    else if (before) {
      // Note: a place of the passive act (两名记者在朝鲜被捕) is no party.
      if (passive >= 0) r = m.start > passive ? "source" : AT.test(lead) ? "other" : "target";
      else if (prev && prevRole === "target" && lead.endsWith("的"))
        r = "target"; // 对…朝鲜发展…的朝鲜8家银行: still the object phrase
      else if (
        TO.test(near) ||
        TO_NEAR.test(near) ||
        (m.end - m.start === 1 && TO.test(text.charAt(m.start - 1)))
      )
        r = "target";
      else if (OBJECT.test(lead)) r = "target";
      else if (m.end - m.start === 1 && STAY.test(text.charAt(m.start - 1))) r = "other";
      else if (WITH.test(lead) && prev) r = SYMMETRIC.has(type) ? "source" : "target";
      else if (!prev && withOpener(lead, context.titles)) {
        // 与英国会谈, 与徐锡麟创办, 与外交次长曹汝霖… opening a clause: the party acts with the
        // running subject.
        r = "source";
        counterpart = true;
      } else if (AT.test(lead)) r = destination(type, m, text, context.words) ? "target" : "other";
      else r = relative ? "target" : "source";
    } else if (passive === trigger.start && m.start === trigger.end)
      r = "source"; // 遭到美国还击: the agent named right after a passive head
    else if (relative && m.start > de) r = "source";
    else if (AT.test(lead)) r = destination(type, m, text, context.words) ? "target" : "other";
    else if (NO_TARGET.has(type) && trigger.trigger?.valency !== "transitive") r = "other";
    // Note: after a governing verb the first party is the addressee (要求美国停止对朝挑衅);
    // parties inside the demanded or condemned content are third parties.
    else if (govern && governed && !(prev && LIST.test(lead) && prevRole === "target")) r = "other";
    else r = "target";
    if (!before && r === "target") governed = true;
    // 作为总统克林顿的特使访问: the person the agent acts for is a third party (the state stays).
    if (
      before &&
      r === "source" &&
      m.kind === "person" &&
      /作为[^，。；的]*$/u.test(text.slice(clause.start, m.start))
    ) {
      r = "other";
      principals.add(m);
    }
    if (
      before &&
      passive < 0 &&
      (r === "source" || (relative && r === "target")) &&
      !(counterpart && prev === null)
    )
      subject.push(m.id);
    // Note: the subject of a patient verb undergoes the act (天安舰沉没, 两名记者获释).
    if (before && r === "source" && passive < 0 && patient) r = "target";
    role.set(m, r);
    prev = m;
    prevRole = r;
  }
  if (SYMMETRIC.has(type)) mutualParties(text, clause, trigger, inClause, role, context.titles);
  // Titles: a state right before a person (美国国务卿奥尔布赖特) follows the person's role,
  // or goes to `other` when the title makes the person former (美国前总统卡特).
  for (let k = 0; k + 1 < inClause.length; k += 1) {
    const a = inClause[k];
    const b = inClause[k + 1];
    if (!a || !b || !isTitle(text, a, b, context.titles)) continue;
    const between = text.slice(a.end, b.start);
    const rb = principals.has(b) ? "source" : (role.get(b) ?? "source");
    role.set(a, /前|卸任/u.test(between) ? "other" : rb);
    const state = a.kind === "state" ? a.id : context.stateOf.get(a.id);
    if (state && !context.stateOf.has(b.id)) context.stateOf.set(b.id, state);
  }
  for (let k = 0; k + 1 < inClause.length; k += 1) {
    const a = inClause[k];
    const b = inClause[k + 1];
    // 民主党的奥巴马: a party or body qualifying a person is a third party.
    if (a && b && a.kind !== "person" && b.kind === "person" && text.slice(a.end, b.start) === "的")
      role.set(a, "other");
    // 苏联的探测飞船月球15号, 韩国媒体《朝鲜日报》: a state qualifying a craft or an organisation
    // that does not act for it (a newspaper, a ship) is a third party; its own body acts with it.
    if (
      a?.kind === "state" &&
      (b?.kind === "craft" || b?.kind === "organization") &&
      context.stateOf.get(b.id) !== a.id &&
      role.get(b) === role.get(a) &&
      QUALIFIES.test(text.slice(a.end, b.start))
    )
      role.set(a, "other");
  }
  for (const m of inClause) {
    let r = role.get(m) ?? "other";
    if (r === "skip") continue;
    const after = text.slice(m.end, m.end + 2);
    const state = context.stateOf.get(m.id);
    if (m.kind === "person" && after === "政府" && state) {
      // X政府 is the state; the president goes to `other`.
      add(r === "source" ? source : r === "target" ? target : other, state);
      add(other, m.id);
      continue;
    }
    add(r === "source" ? source : r === "target" ? target : other, m.id);
    if (state && (m.kind === "person" || m.kind === "organization" || m.kind === "craft")) {
      const lead = text.slice(Math.max(clause.start, m.start - 12), m.start);
      const former = m.kind === "person" && FORMER.test(lead);
      // Note: who takes or leaves an office the clause names with its state (就任美国总统) acts as
      // a person, the state is the setting; an office holder of a state the clause does not name
      // (左宗棠入京任军机大臣, 茹费理引咎辞职) changes office within that state's service.
      const named = inClause.some((x) => x.id === state && x !== m);
      if (former || (type === "leadership_change" && named)) r = "other";
      add(r === "source" ? source : r === "target" ? target : other, state);
    }
  }
  const head = text.slice(clause.start, trigger.start);
  if (source.length < 2 && SYMMETRIC.has(type)) {
    // Two one-character state forms in a row (中日, 美苏, 朝韩) name the two parties.
    for (const id of abbreviationPair(text, clause.start, trigger.start, inClause, context))
      add(source, id);
  }
  if (source.length < 2 && /双方|两国|两军/u.test(head) && running.parties.length >= 2) {
    for (const p of running.parties.slice(0, 2)) add(source, p);
  }
  for (const [name, parties] of context.series) {
    // Note: a clause naming a series with no party, or whose trigger is inside the series name
    // (第六轮六方会谈), has all its parties.
    const at = text.slice(clause.start, clause.end).indexOf(name);
    if (at < 0 || type !== "talks") continue;
    const end = clause.start + at + name.length;
    const inside =
      clause.start + at <= trigger.start &&
      trigger.end <= end &&
      !SERIES_MODIFIER.test(text.slice(end, end + 2));
    if (source.length === 0 || inside) for (const p of parties) add(source, p);
  }
  if (target.length === 0 && PRONOUN_OBJECT.test(head) && running.object)
    // 对其进行制裁: 其 is the party the sentence's previous act was aimed at.
    for (const id of running.object) if (!source.includes(id)) add(target, id);
  if (passive >= 0 && target.length === 0) for (const id of running.subject) add(target, id);
  if ((source.length === 0 || (counterpart && subject.length === 0)) && passive < 0 && !patient)
    for (const id of running.subject) {
      add(source, id);
      // Note: the running subject acts with the state it acts for (EVENTS-GUIDE: a person in
      // office goes with their state), as when it was named in the clause — but not in an act of
      // private life (`other`: born, studied, died), where a person acts as a private person.
      const state = context.stateOf.get(id);
      if (state && type !== "other" && !running.subject.includes(state)) add(source, state);
    }
  // Note: a clash told of both sides (两军交战, 中日双方…开战) has no one-sided target.
  const mutual = source.filter((id) => context.states.has(id)).length >= 2;
  if (type === "visit" && target.length === 0 && context.seats)
    // 到达华盛顿, 前往巴黎: a capital named as a visit's destination (a place, no entity mention)
    // stands for the state visited.
    for (const id of seatsVisited(text, clause, context.seats, context.words)) add(target, id);
  if (type === "concession" && target.length === 0) {
    // Note: a concession is made to the counterpart: the last-named other party of the passage.
    const stateOfSource = source.map((id) => context.stateOf.get(id) ?? id);
    const t = running.parties.find((p) => !source.includes(p) && !stateOfSource.includes(p));
    if (t) add(target, t);
  }
  // Note: a state named as the host or venue (美国在韩国部署萨德) is no adversary, and then the
  // act has no implied one.
  const hosted = other.some((id) => context.states.has(id));
  if (HOSTILE.has(type) && target.length === 0 && source.length > 0 && !mutual && !hosted) {
    // Note: an attack or a deployment with no named object (日军分三路进攻, 清军乘胜追击, 攻克谅山)
    // is aimed at the other side: the most-named state of the article that is not the attacker's.
    const own = new Set([...source, ...source.map((id) => context.stateOf.get(id) ?? id)]);
    const t =
      context.salientStates.find((s) => !own.has(s)) ?? running.parties.find((p) => !own.has(p));
    if (t) add(target, t);
  }
  if (type === "military_exercise" && target.length === 0) {
    // Note: an ally's exercise is not aimed at the ally: the target is the most salient state
    // of the article that is not among the exercising parties.
    const t = context.salientStates.find((s) => !source.includes(s));
    if (t) add(target, t);
  }
  // Note: the running subject carries the state a subject person acts for (小布什…，便调整… → USA too).
  for (const id of [...subject]) {
    const state = context.stateOf.get(id);
    if (state && source.includes(state) && !subject.includes(state)) subject.push(state);
  }
  // Note: a meeting has no one-sided target (EVENTS-GUIDE: every party of a symmetric act is a
  // source): the one received or met (沙皇接见了蒲安臣, 会晤马歇尔) meets as much as the host.
  if (MEETING.has(type)) for (const id of target.splice(0)) add(source, id);
  const clean = (list: string[], ...others: string[][]): string[] =>
    list.filter((id) => !others.some((o) => o.includes(id)));
  return {
    actors: {
      source,
      target: clean(target, source),
      other: clean(other, source, target),
    },
    subject,
  };
}

/**
 * The parties of a symmetric act (talks, an agreement, a battle) named after its verb act in it
 * together (EVENTS-GUIDE: every party in `source`): two or more coordinated after a verb with no
 * agent before it (发生在清朝和法国之间的战役, 举行了美英苏三国会议), and the states an agreement's
 * title names (订立了《中法新约》: 中, 法).
 */
function mutualParties(
  text: string,
  clause: { start: number; end: number },
  trigger: { start: number; end: number },
  inClause: ActorMention[],
  role: Map<ActorMention, "source" | "target" | "other" | "skip">,
  titles: readonly string[],
): void {
  const after = inClause.filter((m) => m.start >= trigger.end && role.get(m) === "target");
  const inTitle = (m: ActorMention): boolean => {
    const head = text.slice(clause.start, m.start);
    return head.lastIndexOf("《") > head.lastIndexOf("》");
  };
  const titled = after.filter((m) => m.kind === "state" && inTitle(m));
  const agent = inClause.some((m) => m.end <= trigger.start && role.get(m) === "source");
  const run: ActorMention[] = [];
  if (!agent)
    for (const m of after) {
      const prev = run[run.length - 1];
      const gap = prev ? text.slice(prev.end, m.start).replace(/[\s“”「」"]+/gu, "") : null;
      // Note: a state and its office holder (美国总统罗斯福) are one party of the list.
      if (prev && gap !== "" && !LIST.test(gap ?? "") && !isTitle(text, prev, m, titles)) break;
      run.push(m);
    }
  const parties = run.length >= 2 ? [...run, ...titled] : titled.length >= 2 ? titled : [];
  for (const m of parties) role.set(m, "source");
}

/** 该国, 后者, 前者: the party each names, from the parties named last (states only). */
const ANAPHOR = /该国|后者|前者/gu;

/**
 * Mentions standing for the parties 该国 (that state: the last state named), 后者 (the latter:
 * the last of the two parties named last) and 前者 (the former: the one before it) refer to, at
 * their place in the clause; never a state the clause names before them.
 */
function anaphora(
  text: string,
  clause: { start: number; end: number },
  inClause: ActorMention[],
  running: Running,
): ActorMention[] {
  const out: ActorMention[] = [];
  for (const m of text.slice(clause.start, clause.end).matchAll(ANAPHOR)) {
    const start = clause.start + m.index;
    const earlier = inClause.filter((x) => x.kind === "state" && x.end <= start).map((x) => x.id);
    // Note: none is a state the clause named before it (美国对该国实施制裁: not the US).
    const parties = running.parties.filter((p) => !earlier.includes(p));
    const id = m[0] === "前者" ? parties[1] : parties[0];
    if (id === undefined || (m[0] === "前者" && parties.length < 2)) continue;
    out.push({ id, kind: "state", start, end: start + m[0].length });
  }
  return out;
}

/** The states of the first run of two or more one-character state forms in `[start, end)`. */
function abbreviationPair(
  text: string,
  start: number,
  end: number,
  inClause: ActorMention[],
  context: ActorContext,
): string[] {
  const idAt = (i: number): string | null => {
    // Note: only forms the entity stage found (it checks word boundaries: no 中日 in 其中日本).
    const m = inClause.find((x) => x.start === i && x.end === i + 1 && x.kind === "state");
    return m && context.abbreviations.has(text.charAt(i)) ? m.id : null;
  };
  for (let i = start; i + 1 < end; i += 1) {
    const run: string[] = [];
    let j = i;
    while (j < end) {
      const id = idAt(j);
      if (id === null || run.includes(id)) break;
      run.push(id);
      j += 1;
    }
    if (run.length >= 2) return run;
  }
  return [];
}

/**
 * Nouns by which a biography's lead presents its person's calling (中华民国政治家, 清朝官员, 中国北洋水师
 * 将领, 日本明治时代的政治家和外交官); a noun a name follows (美国总统林肯) names another person.
 */
const CALLING =
  /^[^，。；：、（）()]{0,10}?(?:政治家|外交官|外交家|军事家|革命家|官员|大臣|将领|将军|军官|(?:政治|外交|军事)人物|外交人员)(?=$|[、，。；和与及之（(])/u;

/**
 * The state a biography's person serves, from its lead paragraph `[start, end)`: the first state
 * named right before the noun of their calling (王宠惠…中华民国政治家 → the ROC; 清朝官员 → Qing), never
 * one after 驻/在/于/赴/生于 (a post or a place: 生于日本, 驻美公使); null when the lead names none.
 */
export function leadState(
  text: string,
  start: number,
  end: number,
  mentions: readonly ActorMention[],
  abbreviations: ReadonlyMap<string, string> = new Map(),
): string | null {
  for (const m of within(mentions, start, end)) {
    if (m.kind !== "state") continue;
    if (/[驻在于赴往到自从]$/u.test(text.slice(Math.max(start, m.start - 1), m.start))) continue;
    if (CALLING.test(text.slice(m.end, Math.min(end, m.end + 24)))) return m.id;
  }
  // A period named by a dynasty's one-character form (晚清政治家, 清末外交家, 清代晚期的政治人物).
  for (const m of text.slice(start, end).matchAll(PERIOD)) {
    const id = abbreviations.get(m[1] ?? m[2] ?? "");
    if (id !== undefined && CALLING.test(text.slice(start + m.index + m[0].length, end))) return id;
  }
  return null;
}

/** A period of a dynasty: 晚清, 清末, 清代, 清初 (the dynasty's one-character form in group 1 or 2). */
const PERIOD = /(?<!\p{Script=Han})(?:晚(\p{Script=Han})|(\p{Script=Han})[代末初])/gu;

/** Updates the last two distinct parties named (states only) with the clause's mentions. */
export function updateParties(running: Running, ids: string[], states: Set<string>): void {
  for (const id of ids) {
    if (!states.has(id)) continue;
    running.parties = [id, ...running.parties.filter((p) => p !== id)].slice(0, 4);
  }
}

/**
 * The states of the article alive in `year` that could succeed `entry`, a state that ended before:
 * every one sharing a name (or seat) with it or with a state after it that ended before `year`
 * (清朝 in 1950 → 中国: the PRC and the ROC; 朝鲜王朝 → 大韩帝国 (朝鲜, 韩国) → the DPRK and the ROK).
 */
function heirsOf(
  entry: GazetteerEntry,
  forms: readonly string[],
  year: number,
  gazetteer: Gazetteer,
  known: ReadonlySet<string>,
): Set<string> {
  const out = new Set<string>();
  const seen = new Set([entry.id]);
  const queue: Array<[GazetteerEntry, readonly string[]]> = [
    [entry, [...forms, ...entry.metonyms]],
  ];
  for (let item = queue.shift(); item; item = queue.shift()) {
    const [q, names] = item;
    for (const form of names)
      for (const e of gazetteer.byAlias.get(form) ?? gazetteer.byMetonym.get(form) ?? []) {
        if (seen.has(e.id) || e.kind === "person") continue;
        seen.add(e.id);
        if (existedIn(e, year)) {
          if (known.has(e.id)) out.add(e.id);
        } else if (
          e.from !== null &&
          q.to !== null &&
          e.from >= q.to &&
          e.to !== null &&
          e.to < year
        )
          queue.push([e, [...e.names, ...e.metonyms]]);
      }
  }
  return out;
}

/**
 * The actors of an event dated `year`, each one that existed then: a state or organisation the
 * event's date falls outside of is replaced by the article's entity that one of its names
 * denoted at that date (朝鲜 found as the DPRK in an act of 1866 → Joseon), else dropped; a
 * person's state is the one they served in that year (袁世凯: Qing until 1911, the ROC after).
 * No year: the actors are kept as found.
 */
export function actorsInTime(
  actors: Actors,
  year: number | null,
  gazetteer: Gazetteer,
  formsOf: Map<string, string[]>,
  known: Set<string>,
): Actors {
  if (year === null) return actors;
  const swap = new Map<string, string | null>();
  const resolve = (id: string): string | null => {
    const have = swap.get(id);
    if (have !== undefined) return have;
    const entry = gazetteer.byId.get(id);
    let out: string | null = id;
    if (entry && entry.kind !== "person" && !existedIn(entry, year)) {
      out = null;
      // Note: the article's own forms first, then every name of the entry (a person of the Qing
      // named 清朝 only serves on in 1914: 中国 then names the ROC, which the article has) — unless
      // two states the article has succeed it then (朝鲜 in 1950: the DPRK and the ROK; 中国: the
      // PRC and the ROC): the choice would be arbitrary, so the state is dropped.
      const forms = [...(formsOf.get(id) ?? []), ...entry.names];
      const heirs = heirsOf(entry, forms, year, gazetteer, known);
      for (const form of heirs.size > 1 ? [] : forms) {
        const pool = gazetteer.byAlias.get(form) ?? gazetteer.byMetonym.get(form) ?? [];
        const alt = pickByEra(pool, year, form);
        if (alt && known.has(alt.id)) {
          out = alt.id;
          break;
        }
      }
    }
    swap.set(id, out);
    return out;
  };
  const all = [...actors.source, ...actors.target, ...actors.other];
  // A person who served several states: the others → the one served in `year` (none: dropped).
  const served = new Map<string, string | null>();
  for (const id of all) {
    const entry = gazetteer.byId.get(id);
    if (entry?.kind !== "person" || entry.states.length < 2) continue;
    const now = stateAt(entry, year);
    for (const s of entry.states)
      if (s.id !== now) served.set(s.id, now !== null && known.has(now) ? now : null);
  }
  const map = (list: string[]): string[] => {
    const out: string[] = [];
    for (const id of list) {
      const viaPerson = served.has(id) ? served.get(id) : id;
      const r = viaPerson === null || viaPerson === undefined ? null : resolve(viaPerson);
      if (r !== null && !out.includes(r)) out.push(r);
    }
    return out;
  };
  const source = map(actors.source);
  const target = map(actors.target).filter((id) => !source.includes(id));
  const other = map(actors.other).filter((id) => !source.includes(id) && !target.includes(id));
  return { source, target, other };
}
