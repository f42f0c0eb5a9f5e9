/**
 * Events (DESIGN §6): clause-level detection with trigger tables, modality, actors from the
 * clause or the running subject, dates from the clause or the narrative line, folding and
 * merging of acts told twice. Pure: the tables come from `data/events/` and `data/gazetteer/`.
 */
import type { Block, Entity, Event, Normalized, Timex } from "../model/index.js";
import { rawSpan } from "../model/index.js";
import {
  affiliationOf,
  BIOGRAPHY,
  TITLE,
  displayRange,
  loadGazetteer,
  pickByEra,
  rawToDisplay,
  segmenter,
  simplifiedForms,
  tagged,
  type Gazetteer,
} from "../entities/index.js";
import {
  ACTOR_KINDS,
  actorsInTime,
  assignActors,
  leadState,
  officeState,
  updateParties,
  type ActorContext,
  type ActorMention,
  type Actors,
  type Running,
} from "./actors.js";
import { introducedStates } from "./affiliation.js";
import { splitClauses, timeOnly, type Clause } from "./clauses.js";
import { coordinatedDates, namedCount } from "./collective.js";
import { dateEvent, monthsEarlier, prepareTimexes } from "./dates.js";
import {
  dateCandidates,
  loadDateModel,
  rankDate,
  type DateCandidate,
  type DateModel,
} from "./date-ranker.js";
import { detectAct, findTriggers, type Carry } from "./detect.js";
import { foldSentence, mergeTwiceTold, type Draft } from "./merge.js";
import { loadEventTables, type EventTables } from "./tables.js";
import { lowerBound, within } from "./within.js";
import { mainVerb, sectionKind, whyNoHead, type Candidate, type Token } from "./features.js";
import { loadEventModel, type EventModel } from "./model.js";
import {
  applyRoles,
  loadRoleModel,
  roleCandidates,
  type RoleCandidate,
  type RoleModel,
} from "./roles.js";
import {
  decide,
  scoreOf,
  type BareCandidate,
  type SkippedClause,
  type TracedCandidate,
} from "./decide.js";
import { documentSummaries } from "./summary.js";

export {
  loadEventTables,
  loadRows,
  parseTables,
  rowsOf,
  type EventTables,
  type Row,
  type Trigger,
} from "./tables.js";
export { splitClauses } from "./clauses.js";
export {
  dateCandidates,
  loadDateModel,
  rankDate,
  trainDates,
  type DateCandidate,
  type DateExample,
  type DateModel,
} from "./date-ranker.js";
export {
  applyRoles,
  loadRoleModel,
  roleCandidates,
  trainRoles,
  type RoleCandidate,
  type RoleModel,
} from "./roles.js";
export {
  SKIP_REASONS,
  type SkipReason,
  type SkippedClause,
  type TracedCandidate,
} from "./decide.js";
export {
  loadEventModel,
  NONE,
  predict,
  train,
  type EventModel,
  type Example,
  type TrainSettings,
} from "./model.js";

/** Options of `extractEvents`. */
export interface EventOptions {
  tables?: EventTables;
  gazetteer?: Gazetteer;
  /** The event typer; null decides by the trigger rules alone (how the training data is read). */
  model?: EventModel | null;
  /** Receives every candidate with its features and raw span (for training and error analysis). */
  trace?: (candidate: TracedCandidate) => void;
  /** Receives every raw span that gave no candidate, with why (for the loss breakdown). */
  skipped?: (clause: SkippedClause) => void;
  /** The actor-role model; null keeps the actor rules' roles (default: the shipped one, if any). */
  roles?: RoleModel | null;
  /**
   * Receives each output event's role candidates (by event index), each with the id it has once
   * placed in the event's year (`actorsInTime`; null when dropped), for training the role model.
   */
  roleTrace?: (event: number, candidates: Array<RoleCandidate & { final: string | null }>) => void;
  /** The date ranker; null keeps the dating rule's dates (default: the shipped one, if any). */
  dates?: DateModel | null;
  /** Receives each output event's candidate dates (by event index), for training the date ranker. */
  dateTrace?: (event: number, candidates: DateCandidate[]) => void;
}

/** A clause with a verb but no trigger-rule act, with the running subject before it. */
interface Bare extends BareCandidate {
  running: Running;
}

const OPINION = /^(?:认为|相信|觉得|判断|估计)$/u;

const BODY: ReadonlySet<Block["kind"]> = new Set([
  "paragraph",
  "list-item",
  "table-cell",
  "caption",
]);

/** A mask of characters inside 《》 titles and “” quotes of `[start, end)`. */
function quoteMask(text: string, start: number, end: number): Uint8Array {
  const mask = new Uint8Array(end - start);
  let title = 0;
  let quote = 0;
  for (let i = start; i < end; i += 1) {
    const c = text.charAt(i);
    if (c === "《" || c === "〈") title += 1;
    else if ((c === "》" || c === "〉") && title > 0) title -= 1;
    else if (c === "“" || c === "「") quote += 1;
    else if ((c === "”" || c === "」") && quote > 0) quote -= 1;
    else if (title > 0 || quote > 0) mask[i - start] = 1;
  }
  return mask;
}

/** Extracts the article's events from its normalized text, timexes and entities. */
/**
 * A reply to the act told just before: 后者/前者 as the subject is that act's last or first party,
 * and the act answers that act's source; 对此 (朝鲜对此反应强烈) and a reaction the act caused
 * (引起了…的抗议) are aimed at the source of the act before. Null for any other clause head.
 */
function replyActors(
  head: string,
  previous: Draft,
): { source?: string[]; target: string[] } | null {
  const before = previous.event.actors;
  if (/^[但而]?后者/u.test(head) && before.target.length > 0)
    return { source: [...before.target], target: [...before.source] };
  if (/^[但而]?前者/u.test(head) && before.source.length > 0)
    return { source: [...before.source], target: [...before.target] };
  if (/对此|^[并而]?(?:引起|引发|招致|激起|遭到)/u.test(head))
    return { target: [...before.source] };
  return null;
}

/** Reporting verbs: what they report is the news, not a statement of the reporter's own. */
const REPORT = /^(?:通报|报道|透露|证实|披露)$/u;

const PURPOSE = /^[并而且]?(?:为了|为)(?![^，。；]{0,8}(?:是|所))/u;

/** A paragraph opened by a term of office alone (X任内，…) whose first sentence tells a habit. */
function isSummary(text: string, start: number, end: number, tables: EventTables): boolean {
  const first = splitClauses(text, start, end)[0];
  if (!first) return false;
  const opening = text.slice(first.start, first.end);
  return (
    tables.patterns.tenure.test(opening) && tables.patterns.habitual.test(text.slice(start, end))
  );
}

/** The names the article gives its states (simplified, with one-character forms), each naming one state. */
function stateForms(entities: readonly Entity[]): Map<string, string> {
  const out = new Map<string, string>();
  const shared = new Set<string>();
  for (const e of entities)
    if (e.kind === "state")
      for (const form of simplifiedForms(e)) {
        if (out.has(form) && out.get(form) !== e.id) shared.add(form);
        out.set(form, e.id);
      }
  for (const form of shared) out.delete(form);
  return out;
}

/** Capitals and seats (the gazetteer's metonyms) → the one state of the article they name. */
function seatsOf(gazetteer: Gazetteer, states: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [form, entries] of gazetteer.byMetonym) {
    const mine = entries.filter((e) => states.has(e.id));
    const pick = pickByEra(mine, null, form);
    if (pick) out.set(form, pick.id);
  }
  return out;
}

export function extractEvents(
  norm: Normalized,
  timexes: Timex[],
  entities: Entity[],
  options: EventOptions = {},
): Event[] {
  const tables = options.tables ?? loadEventTables();
  const gazetteer = options.gazetteer ?? loadGazetteer();
  const doc = norm.doc;
  const text = norm.analysis;
  const index = rawToDisplay(doc);
  const blockOf = new Int32Array(text.length).fill(-1);
  for (const b of doc.blocks) blockOf.fill(b.id, b.textStart, b.textEnd);
  const sectionAt = (pos: number): number | null => {
    const b = doc.blocks[blockOf[pos] ?? -1];
    return b ? b.section : null;
  };

  const mentions: ActorMention[] = [];
  const count = new Map<string, number>();
  for (const e of entities)
    for (const m of e.mentions) {
      const r = displayRange(doc, index, m);
      if (!r) continue;
      mentions.push({ id: e.id, kind: e.kind, start: r[0], end: r[1] });
      count.set(e.id, (count.get(e.id) ?? 0) + 1);
    }
  mentions.sort((a, b) => a.start - b.start);
  const states = new Set(entities.filter((e) => e.kind === "state").map((e) => e.id));
  const stateOf = new Map<string, string>();
  const known = new Set(entities.map((e) => e.id));
  for (const e of entities) {
    const state = affiliationOf(e.id, gazetteer);
    // Note: an affiliation only names an actor the article has (every actor id is an entity).
    if (state && known.has(state)) stateOf.set(e.id, state);
  }
  // A person with no state of their own acts for the state of their first title in the article
  // (法国总理茹费理, 清朝将领冯子材), wherever the events naming them stand.
  // A craft too: the state or fleet that introduces it (北洋海军巡洋舰“济远”), an envoy the state
  // before 驻 (日本驻华公使林董), a list item the one before it (`affiliation.ts`).
  const titles = [...gazetteer.titles.keys()];
  introducedStates(text, mentions, stateOf, titles, gazetteer.craftNouns, stateForms(entities));
  const located = timexes
    .map((t) => {
      const r = displayRange(doc, index, t);
      return r ? { timex: t, start: r[0], end: r[1], section: sectionAt(r[0]) } : null;
    })
    .filter((t) => t !== null)
    .sort((a, b) => a.start - b.start);
  // A person still with no state whose office names one state's service (广西巡抚潘鼎新, 国务总理X)
  // acts for the one of that office's states the article names at the year of the mention.
  for (const m of mentions) {
    if (m.kind !== "person" || stateOf.has(m.id)) continue;
    const before = located[lowerBound(located, m.start) - 1];
    const year = /^(\d{4})/u.exec(before?.timex.value ?? "");
    const state = officeState(text, m, gazetteer.titles, year ? Number(year[1]) : null, known);
    if (state) stateOf.set(m.id, state);
  }
  // A biography's person with no state yet serves the state its lead names before their calling
  // (中华民国政治家, 清朝官员): actorsInTime gives the namesake of each event's year.
  const lead = doc.blocks.find((b) => b.kind === "paragraph" && b.section === null);
  const forms = new Map(
    [...gazetteer.abbreviations].filter(([, a]) => states.has(a.id)).map(([ch, a]) => [ch, a.id]),
  );
  for (const e of entities) {
    if (e.rule !== BIOGRAPHY || stateOf.has(e.id) || !lead) continue;
    const state = leadState(text, lead.textStart, lead.textEnd, mentions, forms);
    if (state) stateOf.set(e.id, state);
  }
  const tokens: Token[] = tagged(segmenter(gazetteer), text);
  const context: ActorContext = {
    stateOf,
    series: tables.series,
    salientStates: [...states].sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0)),
    states,
    abbreviations: new Map([...gazetteer.abbreviations].map(([ch, a]) => [ch, a.id])),
    titles,
    seats: seatsOf(gazetteer, states),
    words: tokens,
  };

  const dated = prepareTimexes(text, located);
  // Note: the tokens overlapping a clause, found by binary search (tokens are in text order).
  const tokensIn = (start: number, end: number): Token[] => {
    const out: Token[] = [];
    for (
      let i = lowerBound(tokens, start);
      i < tokens.length && (tokens[i]?.start ?? end) < end;
      i += 1
    )
      out.push(tokens[i] as Token);
    return out;
  };
  const bare: Bare[] = [];
  // Note: the candidate read before, in the same sentence (null at a sentence's start).
  let lastInSentence: Candidate | null = null;
  // Note: where the clause stands (its sentence's clauses and dates, its section's kind), set per sentence.
  let sentenceContext: Candidate["context"];
  /** What the typer reads of a clause, for the act at `head` (null: the clause's main verb). */
  const candidateOf = (
    clause: Clause,
    hits: Candidate["hits"],
    rule: Candidate["rule"],
    head: { start: number; end: number } | null,
    afterSpeech: boolean,
    masked: (i: number) => boolean,
    block: Block,
    date?: Event["date"],
  ): Candidate => {
    const clauseTokens = tokensIn(clause.start, clause.end);
    const names = within(mentions, clause.start, clause.end);
    const partial = { text, tokens: clauseTokens, masked, names };
    const inClause = within(located, clause.start, clause.end);
    const at = head ?? mainVerb(partial, inClause.length > 0);
    // Note: a literal with every field (no `...partial` spread): a spread object gets its
    // other fields added one by one and is several times larger (the same keys, same order).
    const made: Candidate = {
      text,
      tokens: clauseTokens,
      masked,
      clause,
      hits,
      rule,
      head: at ? { start: at.start, end: at.end } : null,
      date:
        date ??
        (at
          ? dateEvent(text, clause, at.start, sectionAt(clause.start), dated, [], false)
          : { value: null, mod: null, timex: null, inferred: true, basis: null }),
      dated:
        date === undefined && at
          ? dateEvent(text, clause, at.start, sectionAt(clause.start), dated, [])
          : undefined,
      clock: inClause.some((t) => t.timex.type === "TIME"),
      kinds: within(mentions, clause.start, clause.end).map((m) => m.kind),
      block: block.kind,
      lead: block.section === null,
      afterSpeech,
      previous: lastInSentence,
      context: sentenceContext,
    };
    lastInSentence = made;
    return made;
  };
  // The last display start of each timex id (whether a narrative date stands in the sentence).
  const lastStart = new Map<string, number>();
  for (const t of dated)
    lastStart.set(t.timex.id, Math.max(t.start, lastStart.get(t.timex.id) ?? -1));

  const drafts: Draft[] = [];
  const skip = options.skipped;
  const running: Running = { subject: [], parties: [] };
  // Note: the article's topic — a biography's title person, else the organisation an article is
  // about (entities:title) — is the subject of clauses that name none (each sentence).
  const titlePerson = entities.filter((e) => e.rule === BIOGRAPHY).map((e) => e.id);
  const topic =
    titlePerson.length > 0
      ? titlePerson
      : entities.filter((e) => e.rule === TITLE).map((e) => e.id);
  let lastBlock = -1;
  let summary = false;
  for (const sentence of doc.sentences) {
    const block = doc.blocks[sentence.block];
    if (!block || !BODY.has(block.kind)) {
      skip?.({ ...rawSpan(doc, sentence.textStart, sentence.textEnd), reason: "block" });
      continue;
    }
    if (block.id !== lastBlock) {
      running.subject = [...topic];
      lastBlock = block.id;
      summary = isSummary(text, sentence.textStart, sentence.textEnd, tables);
    }
    const mask = quoteMask(text, sentence.textStart, sentence.textEnd);
    const masked = (i: number): boolean => mask[i - sentence.textStart] === 1;
    const clauses = splitClauses(text, sentence.textStart, sentence.textEnd);
    lastInSentence = null;
    sentenceContext = {
      clauses: clauses.length,
      dated: clauses.map((c) => within(located, c.start, c.end).length > 0),
      section: sectionKind(doc, block.section),
      blockDates: within(located, block.textStart, block.textEnd).length,
    };
    let carry: Carry = { hypothetical: false };
    running.object = [];
    // Note: a subjectless sentence of a biography or of an organisation's article is about its
    // topic, whoever the sentence before named (…應總統袁世凱電命…。6月任国务总理 → the subject).
    if (topic.length > 0) running.subject = [...topic];
    let pending: Draft | null = null;
    const inSentence: Draft[] = [];
    for (let k = 0; k < clauses.length; k += 1) {
      const clause = clauses[k];
      if (!clause) continue;
      const hits = findTriggers(text, clause.start, clause.end, tables, masked);
      const hasDate = within(located, clause.start, clause.end).length > 0;
      const found = detectAct(text, clause, hits, tables, carry, hasDate);
      // A habit summary (奥巴马任内，…多采取制裁): its undated acts are no events.
      const detected = summary && !hasDate ? { ...found, act: null, also: null } : found;
      carry = detected.carry;
      const clauseMentions = within(mentions, clause.start, clause.end);
      if (!detected.act) {
        const afterSpeech = pending !== null && inSentence.includes(pending);
        const before: Running = {
          subject: [...running.subject],
          parties: [...running.parties],
          object: [...(running.object ?? [])],
        };
        const candidate = candidateOf(clause, hits, null, null, afterSpeech, masked, block);
        if (candidate.head)
          bare.push({ candidate, clause, sentence: sentence.id, running: before });
        else if (skip)
          skip({
            ...rawSpan(doc, clause.start, clause.end),
            reason: whyNoHead({ ...candidate, names: within(mentions, clause.start, clause.end) }),
          });
        const r = pending?.ranges[0];
        if (pending && r && inSentence.includes(pending)) {
          r[1] = clause.end;
          // 表示，愿与朝鲜对话: the party the reported proposal addresses is the target.
          const { source, target } = pending.event.actors;
          // 特朗普称，朝鲜“最好不要…”，否则…: a warning is addressed to the first party it names.
          const addressee = clauseMentions.find(
            (m) => known.has(m.id) && ACTOR_KINDS.has(m.kind) && !source.includes(m.id),
          );
          if (pending.event.type === "threat" && target.length === 0 && addressee)
            target.push(addressee.id);
          for (const m of clauseMentions)
            if (
              known.has(m.id) &&
              ACTOR_KINDS.has(m.kind) &&
              /(?:[与同跟对向]|针对)$/u.test(text.slice(m.start - 2, m.start)) &&
              !source.includes(m.id) &&
              !target.includes(m.id)
            )
              target.push(m.id);
        }
        // Note: a speech keeps its speaker over the clauses of its content (发表声明称，为…，并向…警告).
        if (!pending || !inSentence.includes(pending)) pending = null;
        const { subject } = assignActors(
          text,
          clause,
          { start: clause.end, end: clause.end },
          "other",
          mentions,
          context,
          running,
        );
        // Note: a purpose clause (为牵制美国…, 为了…) names what is aimed at, not a new subject.
        const purpose = PURPOSE.test(text.slice(clause.start, clause.end));
        if (subject.length > 0 && !purpose) running.subject = subject;
        updateParties(
          running,
          clauseMentions.map((m) => m.id),
          states,
        );
        continue;
      }
      const clauseText = text.slice(clause.start, clause.end);
      const last = inSentence[inSentence.length - 1];
      if (tables.patterns.appositive.test(clauseText)) {
        // A comment on the act before it (这是…第一轮高级别会谈) is part of its mention.
        const r = last?.ranges[last.ranges.length - 1];
        if (r) r[1] = clause.end;
        else skip?.({ ...rawSpan(doc, clause.start, clause.end), reason: "filtered" });
        continue;
      }
      let start = clause.start;
      const prev = clauses[k - 1];
      if (
        prev &&
        prev.index === clause.index - 1 &&
        !clause.joined &&
        timeOnly(text, prev, located)
      )
        start = prev.start;
      const span = { start, end: clause.end };
      let subjectSeen: string[] = [];
      const speaker = pending;
      pending = null;
      let mainDate: Event["date"] | null = null;
      // Note: whether an act of the clause was kept or told as part of another (for `skipped`).
      let told = false;
      for (const act of [detected.act, detected.also]) {
        if (!act) continue;
        const { actors, subject } = assignActors(
          text,
          clause,
          act.hit,
          act.type,
          mentions,
          context,
          running,
        );
        for (const role of ["source", "target", "other"] as const)
          actors[role] = actors[role].filter((id) => known.has(id));
        const previous = inSentence[inSentence.length - 1] ?? drafts[drafts.length - 1];
        const reply = previous
          ? replyActors(text.slice(clause.start, act.hit.start), previous)
          : null;
        if (reply) {
          if (reply.source) {
            actors.source = reply.source;
            subject.splice(0, subject.length, ...reply.source);
          }
          if (actors.target.length === 0 || reply.source)
            actors.target = reply.target.filter((id) => !actors.source.includes(id));
          actors.other = actors.other.filter(
            (id) => !actors.source.includes(id) && !actors.target.includes(id),
          );
        }
        if (act.type === "condemnation" && act.speech && act.hit.trigger.role === "act") {
          // 美国称朝鲜此举违背承诺: the speaker accuses; the party said to violate is the target.
          const speech = act.speech;
          const accused = clauseMentions.filter(
            (m) => m.start >= speech.end && m.end <= act.hit.start && actors.source.includes(m.id),
          );
          for (const m of accused) {
            actors.source = actors.source.filter((id) => id !== m.id);
            if (!actors.target.includes(m.id)) actors.target.push(m.id);
          }
          if (actors.source.length === 0)
            for (const m of clauseMentions)
              if (m.end <= speech.start && ACTOR_KINDS.has(m.kind) && known.has(m.id))
                actors.source.push(m.id);
          if (actors.source.length === 0)
            actors.source.push(...running.subject.filter((id) => !actors.target.includes(id)));
        }
        const parties = actors.source.filter(
          (id) => !actors.source.includes(stateOf.get(id) ?? ""),
        );
        if (
          act.type === "agreement" &&
          parties.length < 2 &&
          !tables.patterns.agreementNoun.test(clauseText)
        )
          continue;
        // Note: an unnamed public as the subject (主流媒体和精英…反对, 民众纷纷抗议) with no named
        // actor before the trigger is no event (EVENTS-GUIDE: unnamed publics are skipped).
        const named = clauseMentions.some(
          (m) => m.end <= act.hit.start && ACTOR_KINDS.has(m.kind) && known.has(m.id),
        );
        if (!named && tables.patterns.public.test(text.slice(clause.start, act.hit.start)))
          continue;
        // Note: 表示 with no actor before it in its clause or the clause before means "denotes"
        // (图案…构成罗马数字，表示本届是第11届), not a speaker's statement.
        const prevClause = clauses[k - 1];
        if (
          text.slice(act.hit.start, act.hit.end) === "表示" &&
          !named &&
          !(
            prevClause &&
            within(mentions, prevClause.start, prevClause.end).some(
              (m) => ACTOR_KINDS.has(m.kind) && known.has(m.id),
            )
          )
        )
          continue;
        const nobody = actors.source.length === 0 && actors.target.length === 0;
        // Note: a statement needs a speaker or an addressee (报告显示…, 只说… are no one's act);
        // a bare name with no actor (甲申政變 in a list) is a title, not a narrated act.
        if (nobody && act.type === "statement") continue;
        if (nobody && clauseText.length <= 6 && act.hit.end >= clause.end - 1) continue;
        const others = hits.filter((h) => h.start !== act.hit.start).map((h) => h.start);
        let date = dateEvent(text, span, act.hit.start, sectionAt(clause.start), dated, others);
        // Note: the typer reads the date without one told after the verb (`dateEvent`).
        let read = dateEvent(
          text,
          span,
          act.hit.start,
          sectionAt(clause.start),
          dated,
          others,
          false,
        );
        if (act.monthsBefore !== undefined && mainDate)
          date = read = monthsEarlier(mainDate, act.monthsBefore);
        mainDate ??= date;
        const trigger = text.slice(act.hit.start, act.hit.end);
        // Note: an undated opinion (认为…) is no act (EVENTS-GUIDE: undated opinions are skipped).
        if (act.type === "statement" && read.value === null && OPINION.test(trigger)) continue;
        // Note: a recollection (回忆称/回忆道) is told at an unknown later time: only a dated one is an act.
        if (
          act.type === "statement" &&
          read.basis !== "explicit" &&
          /回忆$/u.test(text.slice(Math.max(clause.start, act.hit.start - 2), act.hit.start))
        )
          continue;
        if (subject.length > 0) subjectSeen = subject;
        if (actors.target.length > 0) running.object = [...actors.target];
        updateParties(running, [...actors.source, ...actors.target], states);
        const draft: Draft = {
          event: {
            id: "",
            type: act.type,
            date,
            actors,
            score: scoreOf(tables, act.type, clauseText),
            summary: doc.text.slice(span.start, span.end),
            rule: `events:trigger/${text.slice(act.hit.start, act.hit.end)}`,
            mentions: [],
          },
          ranges: [[span.start, span.end]],
          trigger: text.slice(act.hit.start, act.hit.end),
          role: act.hit.trigger.role,
          sentence: sentence.id,
          viaSpeech: act.speech !== undefined,
          candidate: candidateOf(
            clause,
            hits,
            {
              type: act.type,
              trigger: text.slice(act.hit.start, act.hit.end),
              role: act.hit.trigger.role,
            },
            act.hit,
            speaker !== null,
            masked,
            block,
            read,
          ),
        };
        if (
          act.type === "talks" &&
          tables.patterns.duringVisit.test(text.slice(sentence.textStart, clause.end))
        )
          draft.duringVisit = true;
        if (
          date.basis === "narrative" &&
          (lastStart.get(date.timex ?? "") ?? -1) >= sentence.textStart
        )
          draft.sentenceDate = true;
        if (speaker && inSentence.includes(speaker)) {
          const r = speaker.ranges[0];
          if (act.type !== "statement" && r && subject.length === 0) {
            // 宣布，对…实施制裁: the announcement is the act's own mention and speaker.
            draft.ranges = [[r[0], span.end]];
            draft.event.summary = doc.text.slice(r[0], span.end);
            draft.event.actors.source = [...speaker.event.actors.source];
            draft.viaSpeech = true;
            inSentence.splice(inSentence.indexOf(speaker), 1);
          } else if (act.type !== "statement" && r && REPORT.test(speaker.trigger)) {
            // 发言人通报称，朝鲜取消了…: a report of another party's act is a mention of that act.
            draft.ranges = [[r[0], span.end]];
            draft.event.summary = doc.text.slice(r[0], span.end);
            inSentence.splice(inSentence.indexOf(speaker), 1);
          } else if (r && act.type === "statement") {
            r[1] = span.end;
            told = true;
            continue;
          }
        }
        told = true;
        inSentence.push(draft);
        // A collective mention (2013年2月和9月…两次访问, “A”和“B”两场军演) is one event per act.
        const dates = coordinatedDates(text, span, dated);
        const copies = dates.length > 1 ? dates.length : namedCount(clauseText);
        if (copies > 1) {
          draft.group = draft.ranges[0]?.[0] ?? 0;
          for (let c = 1; c < copies; c += 1) {
            const copy: Draft = {
              ...draft,
              event: {
                ...draft.event,
                actors: {
                  source: [...draft.event.actors.source],
                  target: [...draft.event.actors.target],
                  other: [...draft.event.actors.other],
                },
              },
              ranges: draft.ranges.map(([a, b]): [number, number] => [a, b]),
            };
            inSentence.push(copy);
          }
          const told = inSentence.slice(inSentence.length - copies);
          dates.forEach((t, c) => {
            const d = told[c];
            if (d)
              d.event.date = {
                value: t.timex.value,
                mod: t.timex.mod,
                timex: t.timex.id,
                inferred: false,
                basis: "explicit",
              };
          });
        }
        if ((act.type === "statement" || act.type === "threat") && act.hit.end >= clause.end - 1)
          pending = draft;
      }
      if (!told) skip?.({ ...rawSpan(doc, span.start, span.end), reason: "filtered" });
      if (!detected.act && speaker) {
        const r = speaker.ranges[0];
        if (r) r[1] = clause.end;
      }
      if (subjectSeen.length > 0) running.subject = subjectSeen;
    }
    const folded = foldSentence(inSentence);
    if (skip)
      for (const d of inSentence)
        if (!folded.includes(d))
          for (const [a, b] of d.ranges) skip({ ...rawSpan(doc, a, b), reason: "merged" });
    drafts.push(...folded);
  }
  const decided = decide(drafts, bare, {
    model: options.model === undefined ? loadEventModel() : options.model,
    tables,
    trace: options.trace,
    doc,
    build: (b, type) => {
      const { actors } = assignActors(
        text,
        b.clause,
        b.candidate.head ?? b.clause,
        type,
        mentions,
        context,
        b.running,
      );
      for (const role of ["source", "target", "other"] as const)
        actors[role] = actors[role].filter((id) => known.has(id));
      return actors;
    },
  });
  const merged = mergeTwiceTold(decided);
  // The Simplified forms each entity was found by (for choosing its namesake of another era).
  const formsOf = new Map(entities.map((e) => [e.id, simplifiedForms(e)]));
  merged.sort((a, b) => (a.ranges[0]?.[0] ?? 0) - (b.ranges[0]?.[0] ?? 0));
  const roleModel = options.roles === undefined ? loadRoleModel() : options.roles;
  const kindOf = new Map(entities.map((e) => [e.id, e.kind]));
  const summaryOf = documentSummaries({ ...norm, tokens, mentions, times: located });
  const dateModel = options.dates === undefined ? loadDateModel() : options.dates;
  let previousDate: Event["date"] | null = null;
  return merged.map((d, i) => {
    // The date ranker reads every date the event could take and may replace the rule's; the
    // copies of a collective mention keep their own coordinated dates.
    const head = d.candidate?.head;
    if ((dateModel || options.dateTrace) && d.candidate && head && d.group === undefined) {
      const dates = dateCandidates({
        text,
        rule: d.event.date,
        clause: d.candidate.clause,
        head: head.start,
        timexes: dated,
        previous: previousDate,
        section: sectionAt(d.candidate.clause.start),
      });
      options.dateTrace?.(i, dates);
      if (dateModel) d.event.date = rankDate(dateModel, dates);
    }
    previousDate = d.event.date;
    const ranges = [...d.ranges].sort((a, b) => a[0] - b[0]);
    const mentionsOut = ranges
      .filter((r, j) => j === 0 || r[0] !== ranges[j - 1]?.[0] || r[1] !== ranges[j - 1]?.[1])
      .map(([s, e]) => rawSpan(doc, s, e));
    const year = /^(\d{4})/u.exec(d.event.date.value ?? "");
    const inTime = (a: Actors): Actors =>
      actorsInTime(a, year ? Number(year[1]) : null, gazetteer, formsOf, known);
    // The role model reads every party the rules could give the event and decides its role.
    const candidates =
      roleModel || options.roleTrace
        ? roleCandidates({
            text,
            type: d.event.type,
            actors: d.event.actors,
            ranges: d.ranges,
            head: d.candidate?.head ?? null,
            mentions,
            stateOf,
            kindOf,
            previous: merged[i - 1]?.event.actors.source ?? [],
            salient: context.salientStates,
            topic,
          })
        : [];
    options.roleTrace?.(
      i,
      candidates.map((c) => ({
        ...c,
        final: inTime({ source: [c.id], target: [], other: [] }).source[0] ?? null,
      })),
    );
    const actors = inTime(
      roleModel ? applyRoles(roleModel, candidates, d.event.actors) : d.event.actors,
    );
    const [first] = ranges;
    const summary = first ? summaryOf(first[0], first[1], actors.source) : d.event.summary;
    return { ...d.event, actors, id: `e${i + 1}`, summary, mentions: mentionsOut };
  });
}
