/** The event tables (`data/events/*.tsv`): triggers, modality markers, scores, series. */
import type { EventType } from "../model/index.js";
import { EVENT_TYPES } from "../model/index.js";
import { loadDataTsv } from "../model/data.js";

/** How a trigger behaves in its clause. */
export type TriggerRole = "act" | "speech" | "govern" | "frame" | "adopt";

/** One trigger word. */
export interface Trigger {
  word: string;
  type: EventType;
  role: TriggerRole;
  /** Higher wins among act triggers of one clause. */
  priority: number;
  /** Longer words holding the trigger in which it does not fire. */
  except: string[];
}

/** What a modality marker says about the act after it. */
export type ModalityKind = "future" | "plan" | "wish" | "hypothetical" | "negation" | "promise";

/** One modality marker. */
export interface Marker {
  word: string;
  kind: ModalityKind;
  /** `adjacent`: only right before the trigger; `before`: anywhere before it in the clause. */
  scope: "before" | "adjacent";
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
  };
}

const TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);
const ROLES: ReadonlySet<string> = new Set(["act", "speech", "govern", "frame", "adopt"]);

function list(cell: string | undefined): string[] {
  return cell ? cell.split("|").filter((x) => x !== "") : [];
}

/** Builds the tables from TSV rows. */
export function parseTables(rows: {
  triggers: string[][];
  modality: string[][];
  scores: string[][];
  adjustments: string[][];
  series: string[][];
  patterns: string[][];
}): EventTables {
  const triggers: Trigger[] = [];
  for (const [word, type, role, priority, except] of rows.triggers) {
    if (!word || !type || !TYPES.has(type) || !role || !ROLES.has(role)) continue;
    triggers.push({
      word,
      type: type as EventType,
      role: role as TriggerRole,
      priority: Number(priority ?? 0),
      except: list(except),
    });
  }
  const markers: Marker[] = rows.modality
    .filter((r) => r[0])
    .map(([word, kind, scope, except]) => ({
      word: word ?? "",
      kind: (kind ?? "negation") as ModalityKind,
      scope: scope === "adjacent" ? "adjacent" : "before",
      except: list(except),
    }));
  const scores = new Map<EventType, number | null>();
  for (const [type, score] of rows.scores)
    if (type && TYPES.has(type)) scores.set(type as EventType, score ? Number(score) : null);
  const adjustments = rows.adjustments
    .filter((r) => r[0] && TYPES.has(r[0]) && r[1])
    .map(([type, cue, score]) => ({
      type: type as EventType,
      cue: cue ?? "",
      score: Number(score),
    }));
  const series = new Map<string, string[]>();
  for (const [name, parties] of rows.series) if (name) series.set(name, list(parties));
  const pattern = (kind: string): RegExp => {
    const row = rows.patterns.find((r) => r[0] === kind);
    return new RegExp(row?.[1] ?? "(?!)", "u");
  };
  const patterns = {
    appositive: pattern("appositive"),
    frame: pattern("frame"),
    policyVerb: pattern("policy-verb"),
    agreementNoun: pattern("agreement-noun"),
  };
  return { triggers, markers, scores, adjustments, series, patterns };
}

let shipped: EventTables | null = null;

/** The shipped tables from `data/events/` (loaded once). */
export function loadEventTables(): EventTables {
  shipped ??= parseTables({
    triggers: loadDataTsv("events/triggers.tsv"),
    modality: loadDataTsv("events/modality.tsv"),
    scores: loadDataTsv("events/scores.tsv"),
    adjustments: loadDataTsv("events/adjustments.tsv"),
    series: loadDataTsv("events/series.tsv"),
    patterns: loadDataTsv("events/clause-patterns.tsv"),
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
