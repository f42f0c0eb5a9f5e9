/** The event tables (`data/events/*.tsv`): triggers, modality markers, scores, series. */
import type { EventType } from "../model/index.js";
import { EVENT_TYPES } from "../model/index.js";
import { loadDataText } from "../model/data.js";
import { AnnalsError } from "../model/errors.js";

/** How a trigger behaves in its clause. */
export type TriggerRole = "act" | "speech" | "govern" | "frame" | "adopt" | "noun";

/** One trigger word, or a pattern written `/…/` in the table. */
export interface Trigger {
  /** The word, or the pattern's source for a pattern trigger. */
  word: string;
  /** For a `/…/` row: a sticky regular expression matched at each position. */
  pattern?: RegExp;
  type: EventType;
  role: TriggerRole;
  /** Higher wins among act triggers of one clause. */
  priority: number;
  /** Longer words holding the trigger in which it does not fire. */
  except: string[];
  /**
   * `patient`: the subject undergoes the act (天安舰沉没, 记者获释: the subject is the target);
   * `transitive`: the object is the target even for a type that has none (吞并朝鲜).
   */
  valency?: "patient" | "transitive";
}

/** What a modality marker says about the act after it. */
export type ModalityKind =
  "future" | "plan" | "wish" | "hypothetical" | "negation" | "promise" | "habitual";

/** One modality marker. */
export interface Marker {
  word: string;
  kind: ModalityKind;
  /**
   * `adjacent`: only right before the trigger; `before`: anywhere before it in the clause;
   * `after`: right after it (会谈才可重启).
   */
  scope: "before" | "adjacent" | "after";
  except: string[];
}

/** All event tables. */
export interface EventTables {
  triggers: Trigger[];
  markers: Marker[];
  scores: Map<EventType, number | null>;
  adjustments: Array<{ type: EventType; cue: string; score: number }>;
  /** Named series → implied parties. */
  series: Map<string, string[]>;
  /** Clause-level patterns (`data/events/clause-patterns.tsv`). */
  patterns: {
    appositive: RegExp;
    frame: RegExp;
    policyVerb: RegExp;
    agreementNoun: RegExp;
    /** A clause describing a state or trend (日趋频繁, 日益恶化): no act. */
    description: RegExp;
    /** Text right before a trigger that refers back to an act told before (此次访问, 本次会谈). */
    anaphora: RegExp;
    /** Text right after a trigger that makes it the subject of a causation (冲突导致…). */
    cause: RegExp;
    /** A verb of occurrence a `noun` trigger needs in its clause (发生冲突, 发动战争). */
    occurrence: RegExp;
    /** Text before/after a trigger that makes it the head of a setting (按照…的要求, 在…压力下). */
    nominalFrame: RegExp;
    /** A paragraph opening naming only a term of office (奥巴马任内, 在里根执政期间). */
    tenure: RegExp;
    /** A habit marker (一直, 多采取, 往往): with a tenure opening, the paragraph is a summary. */
    habitual: RegExp;
    /** Talks told as part of a visit (在3天的访问中, 访问期间): folded into that visit. */
    duringVisit: RegExp;
    /** An unnamed public as the subject (媒体, 民众, 舆论): the act is no event without a named actor. */
    public: RegExp;
  };
}

const TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);
const ROLES: ReadonlySet<string> = new Set(["act", "speech", "govern", "frame", "adopt", "noun"]);
const KINDS: ReadonlySet<string> = new Set([
  "future",
  "plan",
  "wish",
  "hypothetical",
  "negation",
  "promise",
  "habitual",
]);
const PATTERN_KINDS = [
  "appositive",
  "frame",
  "policy-verb",
  "agreement-noun",
  "description",
  "anaphora",
  "cause",
  "occurrence",
  "nominal-frame",
  "during-visit",
  "public",
  "tenure",
  "habitual",
] as const;

/** One TSV row with where it came from (for load-time errors). */
export interface Row {
  cells: string[];
  /** `data/…` path of the table. */
  file: string;
  /** 1-based line number. */
  line: number;
}

/** Reads `data/<relative>` as rows: blank and `#` lines skipped, each row with its line number. */
export function loadRows(relative: string): Row[] {
  const out: Row[] = [];
  loadDataText(relative)
    .split(/\r?\n/u)
    .forEach((text, i) => {
      if (text.trim() === "" || text.startsWith("#")) return;
      out.push({ cells: text.split("\t"), file: `data/${relative}`, line: i + 1 });
    });
  return out;
}

/** Rows from bare cell arrays (for tests), numbered in order. */
export function rowsOf(file: string, cells: string[][]): Row[] {
  return cells.map((c, i) => ({ cells: c, file, line: i + 1 }));
}

function bad(row: Row, why: string): AnnalsError {
  return new AnnalsError(`${why} (row: ${JSON.stringify(row.cells.join("\t"))})`, {
    file: row.file,
    position: String(row.line),
  });
}

function list(cell: string | undefined): string[] {
  return cell ? cell.split("|").filter((x) => x !== "") : [];
}

function regex(row: Row, source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw bad(row, `bad pattern: ${(error as Error).message}`);
  }
}

function number(row: Row, cell: string | undefined, what: string): number {
  const n = Number(cell);
  if (cell === undefined || cell.trim() === "" || !Number.isFinite(n))
    throw bad(row, `${what} must be a number`);
  return n;
}

/** Builds the tables from TSV rows; a malformed row throws an error naming its file and line. */
export function parseTables(rows: {
  triggers: Row[];
  modality: Row[];
  scores: Row[];
  adjustments: Row[];
  series: Row[];
  patterns: Row[];
}): EventTables {
  const triggers: Trigger[] = [];
  for (const row of rows.triggers) {
    const [word, type, role, priority, except, valency] = row.cells;
    if (!word) throw bad(row, "empty trigger");
    if (valency && valency !== "patient" && valency !== "transitive")
      throw bad(row, `valency must be patient or transitive, not ${JSON.stringify(valency)}`);
    if (!type || !TYPES.has(type)) throw bad(row, `unknown event type ${JSON.stringify(type)}`);
    if (!role || !ROLES.has(role)) throw bad(row, `unknown trigger role ${JSON.stringify(role)}`);
    const trigger: Trigger = {
      word,
      type: type as EventType,
      role: role as TriggerRole,
      priority: number(row, priority, "priority"),
      except: list(except),
    };
    if (valency === "patient" || valency === "transitive") trigger.valency = valency;
    if (word.length > 2 && word.startsWith("/") && word.endsWith("/"))
      trigger.pattern = regex(row, word.slice(1, -1), "uy");
    triggers.push(trigger);
  }
  const markers: Marker[] = rows.modality.map((row) => {
    const [word, kind, scope, except] = row.cells;
    if (!word) throw bad(row, "empty marker");
    if (!kind || !KINDS.has(kind)) throw bad(row, `unknown modality ${JSON.stringify(kind)}`);
    if (scope !== "before" && scope !== "adjacent" && scope !== "after")
      throw bad(row, `scope must be before, adjacent or after, not ${JSON.stringify(scope)}`);
    return { word, kind: kind as ModalityKind, scope, except: list(except) };
  });
  const scores = new Map<EventType, number | null>();
  for (const row of rows.scores) {
    const [type, score] = row.cells;
    if (!type || !TYPES.has(type)) throw bad(row, `unknown event type ${JSON.stringify(type)}`);
    scores.set(type as EventType, score ? number(row, score, "score") : null);
  }
  const adjustments = rows.adjustments.map((row) => {
    const [type, cue, score] = row.cells;
    if (!type || !TYPES.has(type)) throw bad(row, `unknown event type ${JSON.stringify(type)}`);
    if (!cue) throw bad(row, "empty cue");
    return { type: type as EventType, cue, score: number(row, score, "score") };
  });
  const series = new Map<string, string[]>();
  for (const row of rows.series) {
    const [name, parties] = row.cells;
    if (!name || list(parties).length === 0) throw bad(row, "a series needs a name and parties");
    series.set(name, list(parties));
  }
  const found = new Map<string, RegExp>();
  for (const row of rows.patterns) {
    const [kind, source] = row.cells;
    if (!kind || !(PATTERN_KINDS as readonly string[]).includes(kind))
      throw bad(row, `unknown pattern kind ${JSON.stringify(kind)}`);
    if (!source) throw bad(row, "empty pattern");
    found.set(kind, regex(row, source, "u"));
  }
  const pattern = (kind: (typeof PATTERN_KINDS)[number]): RegExp => {
    const p = found.get(kind);
    if (!p)
      throw new AnnalsError(`missing clause pattern ${kind}`, {
        file: "data/events/clause-patterns.tsv",
      });
    return p;
  };
  const patterns = {
    appositive: pattern("appositive"),
    frame: pattern("frame"),
    policyVerb: pattern("policy-verb"),
    agreementNoun: pattern("agreement-noun"),
    description: pattern("description"),
    anaphora: pattern("anaphora"),
    cause: pattern("cause"),
    occurrence: pattern("occurrence"),
    nominalFrame: pattern("nominal-frame"),
    duringVisit: pattern("during-visit"),
    public: pattern("public"),
    tenure: pattern("tenure"),
    habitual: pattern("habitual"),
  };
  return { triggers, markers, scores, adjustments, series, patterns };
}

let shipped: EventTables | null = null;

/** The shipped tables from `data/events/` (loaded once). */
export function loadEventTables(): EventTables {
  shipped ??= parseTables({
    triggers: loadRows("events/triggers.tsv"),
    modality: loadRows("events/modality.tsv"),
    scores: loadRows("events/scores.tsv"),
    adjustments: loadRows("events/adjustments.tsv"),
    series: loadRows("events/series.tsv"),
    patterns: loadRows("events/clause-patterns.tsv"),
  });
  return shipped;
}

/** True when the word `w` holding `part` at `at` in `text` is one of the exception words. */
export function insideException(text: string, at: number, part: string, except: string[]): boolean {
  for (const w of except) {
    let idx = w.indexOf(part);
    while (idx >= 0) {
      if (text.slice(at - idx, at - idx + w.length) === w) return true;
      idx = w.indexOf(part, idx + 1);
    }
  }
  return false;
}
