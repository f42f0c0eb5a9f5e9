/**
 * The time grammar's knowledge tables, loaded once from `data/time/` (eras, word lists).
 */
import { loadDataJson } from "../model/data.js";
import type { PartOfDay, Season } from "./types.js";

/** One era table: names → Gregorian year of 元年, for one country. */
export interface EraTable {
  name: string;
  /** Month/day dates of Gregorian years before this are lunar. */
  lunarBefore: number;
  /** Characters that, right before a name, mean it is not this table's era. */
  skipAfter: string;
  /**
   * When set, a name is this table's era only in a block that contains one of `words`, or
   * the name followed by one of `suffixes` (世宗大王), or in a document whose title contains
   * one of `words`.
   */
  context?: { words: string[]; suffixes: string[] };
  eras: Record<string, number>;
}

/** An era name resolved to its table. */
export interface Era {
  name: string;
  first: number;
  table: EraTable;
}

/** The closed word lists of `data/time/lexicon.json`. */
export interface Lexicon {
  partsOfDay: Record<string, { code: PartOfDay; pm: boolean }>;
  seasons: Record<string, Season>;
  futureBefore: string[];
  futureAfter: string[];
  /** An invitation to attend something at a later date (邀请朝鲜参加2012年…) is a plan. */
  invite: {
    words: string[];
    attend: string[];
    /** Characters right before the invitation word that mean it was accepted (应邀, 受邀请). */
    accepted: string[];
    /** The character opening an accepted-invitation frame (应…邀请). */
    acceptedFrame: string;
    /** Aspect markers after the attend verb that tell the attending as done (参加了). */
    done: string[];
  };
  sinceAfter: string[];
  approxBefore: string[];
  approxAfter: string[];
  lessBefore: string[];
  moreBefore: string[];
  bareYearStops: string;
  bareYearStopWords: string[];
  ordinalBefore: string[];
  /** Title brackets (《》〈〉): their content is a name, never tagged. */
  titleMarks: { open: string; close: string };
}

const eraFile = loadDataJson<{ tables: EraTable[] }>("time/eras.json");

/** Era tables in priority order (`data/time/eras.json`). */
export const ERA_TABLES: readonly EraTable[] = eraFile.tables;

/** Every era name, mapped to its era (the first table listing a name wins). */
export const ERAS: ReadonlyMap<string, Era> = (() => {
  const map = new Map<string, Era>();
  for (const table of ERA_TABLES) {
    for (const [name, first] of Object.entries(table.eras)) {
      if (!map.has(name)) map.set(name, { name, first, table });
    }
  }
  return map;
})();

/** The word lists (`data/time/lexicon.json`). */
export const LEXICON: Lexicon = loadDataJson<Lexicon>("time/lexicon.json");

/** Regex source matching any of `words`, longest first. */
export function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}
