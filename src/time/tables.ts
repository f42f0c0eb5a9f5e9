/**
 * The time grammar's knowledge tables from `data/time/` (eras, word lists), loaded and
 * validated at first use: a broken table fails with an error naming its data file, not with a
 * TypeError at import.
 */
import { z } from "zod";
import { loadDataJson } from "../model/data.js";
import { AnnalsError } from "../model/errors.js";
import type { PartOfDay, Season } from "./types.js";

const words = z.array(z.string().min(1));

const eraTableSchema = z.object({
  name: z.string().min(1),
  lunarBefore: z.number().int(),
  skipAfter: z.string(),
  context: z.object({ words, suffixes: words }).optional(),
  traditionalMonthDays: z.boolean().optional(),
  eras: z.record(z.string().min(1), z.number().int()),
});

const eraFileSchema = z.object({ tables: z.array(eraTableSchema).min(1) });

const lexiconSchema = z.object({
  partsOfDay: z.record(
    z.string().min(1),
    z.object({ code: z.enum(["MO", "MI", "AF", "EV", "NI"]), pm: z.boolean() }),
  ),
  seasons: z.record(z.string().min(1), z.enum(["SP", "SU", "FA", "WI"])),
  englishMonths: z.record(z.string().min(1), z.number().int().min(1).max(12)),
  englishSeasons: z.record(z.string().min(1), z.enum(["SP", "SU", "FA", "WI"])),
  citationNumberBefore: words,
  citationCues: words,
  futureBefore: words,
  futureAfter: words,
  invite: z.object({
    words,
    attend: words,
    accepted: words,
    acceptedFrame: z.string().min(1),
    done: words,
  }),
  sinceBefore: words,
  sinceAfter: words,
  quoteMarks: z.object({ open: z.string().min(1), close: z.string().min(1) }),
  parenMarks: z.object({ open: z.string().min(1), close: z.string().min(1) }),
  nameModifier: z.object({ okBefore: words, okAfter: words }),
  rangeConnectors: words,
  coordinators: words,
  approxBefore: words,
  approxAfter: words,
  lessBefore: words,
  moreBefore: words,
  moreAfter: words,
  bareYearStops: z.string(),
  approxCountAfter: z.string(),
  approxCountHeads: z.string(),
  bareYearStopWords: words,
  ordinalBefore: words,
  periodicals: words,
  titleMarks: z.object({ open: z.string().min(1), close: z.string().min(1) }),
  flashbackBefore: words,
  flashbackAfter: z.object({ words, not: words }),
  documentBefore: words,
  documentMade: words,
  annual: z.object({ before: words, notAfter: z.string(), notSetAfter: words }),
  clock: z.object({
    cueBefore: words,
    countBefore: words,
    nounAfter: words,
    scoreBefore: words,
    scoreAfter: words,
  }),
});

const monthDay = z.tuple([z.number().int().min(1).max(12), z.number().int().min(1).max(31)]);

const holidaySchema = z.object({
  solar: z.record(z.string().min(1), monthDay),
  lunar: z.record(z.string().min(1), monthDay),
  eve: words,
  terms: z.record(z.string().min(1), z.string().min(1)),
  needsYear: words,
  wordAfter: z.record(z.string().min(1), z.string().min(1)),
  festiveAfter: words,
});

const zoneSchema = z.object({ zones: z.record(z.string().min(1), z.number().int()) });

/** Written time zones → minutes east of UTC (`data/time/zones.json`). */
export const zones = once(
  (): Record<string, number> => loadTable("time/zones.json", zoneSchema).zones,
);

/** The holiday table (`data/time/holidays.json`). */
export type Holidays = z.infer<typeof holidaySchema>;

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
  /**
   * True when month/days written after a year of this table before `lunarBefore` are in the
   * traditional calendar (Japanese convention: 安政2年（1855年）9月16日 is lunisolar).
   */
  traditionalMonthDays?: boolean;
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
  /** English month names and their abbreviations (December, Dec, Sept) in references. */
  englishMonths: Record<string, number>;
  /** English season names before a year (Spring 1992, Fall 2003). */
  englishSeasons: Record<string, Season>;
  /** Words right before a number in a citation that make it a page, volume or number (pp. 1200). */
  citationNumberBefore: string[];
  /** Words that make a reference or list item a citation (《, 出版社, ISBN). */
  citationCues: string[];
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
  /** Words right before a date that open a 以来/至今 period (自, 从). */
  sinceBefore: string[];
  /** Words that close a period lasting until the writer's present (以来, 至今). */
  sinceAfter: string[];
  /** Quotation marks (a mark in both strings, like the straight quote, toggles). */
  quoteMarks: { open: string; close: string };
  /** Parentheses. */
  parenMarks: { open: string; close: string };
  /** Characters around a year-only date that keep it off a name (于1990年…, 1990年起). */
  nameModifier: { okBefore: string[]; okAfter: string[] };
  /** Words joining the two ends of a range (至, 到, —). */
  rangeConnectors: string[];
  /** Words joining the members of a coordination (和, 及, 、). */
  coordinators: string[];
  approxBefore: string[];
  approxAfter: string[];
  lessBefore: string[];
  moreBefore: string[];
  /** Words right after a duration that make it a lower bound (8小时以上), kept out of the span. */
  moreAfter: string[];
  bareYearStops: string;
  /**
   * Characters after 约/大约 + a four-digit number that make it a count, not a year (约1400受过训练的,
   * 约1500士兵), beside `bareYearStops`: a closed class of measure and person nouns (and 受) stands
   * for "a noun phrase follows", which the parser cannot decide.
   */
  approxCountAfter: string;
  /** Person nouns closing the phrase after 约 + a number that make it a count (大约1500逃亡者). */
  approxCountHeads: string;
  bareYearStopWords: string[];
  ordinalBefore: string[];
  /** Title brackets (《》〈〉): their content is a name, never tagged. */
  /**
   * Names of newspapers and magazines holding a calendar word (南方周末, 每日电讯报): names with or
   * without 《》 around them.
   */
  periodicals: string[];
  titleMarks: { open: string; close: string };
  /** 年 meaning "annual" before a measure (年出口量): the measures, and characters before 年 that rule it out. */
  annual: { before: string[]; notAfter: string; notSetAfter: string[] };
  /** Words in the clause before a date that open a flashback (早在, 此前, 曾于). */
  flashbackBefore: string[];
  /**
   * Words right after a year-only date (after an optional 起) that tell an earlier state (在1884年就拿不出: "as
   * early as"), and the words starting with them that do not (1884年就读, 就任, 就此).
   */
  flashbackAfter: { words: string[]; not: string[] };
  /** Words right before a date that make it a source's date (据2012年3月16日中央日报报道). */
  documentBefore: string[];
  /** Verbs right after a dated title that tell the document's own event (1895年《马关条约》签订). */
  documentMade: string[];
  /**
   * A bare clock time: cues right before a Chinese-numeral hour (于三点), nouns right after N点
   * that make it a count of points (三点建议), and words around h:mm that make it a score.
   */
  clock: {
    cueBefore: string[];
    countBefore: string[];
    nounAfter: string[];
    scoreBefore: string[];
    scoreAfter: string[];
  };
}

/** A function computing `make()` on its first call and returning that value afterwards. */
export function once<T>(make: () => T): () => T {
  let done = false;
  let value: T | undefined;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value as T;
  };
}

/** Reads `data/<file>` and checks it against `schema`; throws an AnnalsError naming the file. */
export function loadTable<T>(file: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = loadDataJson<unknown>(file);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new AnnalsError(`cannot read data table: ${why}`, { file: `data/${file}` });
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.map(String).join(".") || "(top)";
    throw new AnnalsError(`invalid data table at ${where}: ${issue?.message ?? "bad shape"}`, {
      file: `data/${file}`,
    });
  }
  return result.data;
}

/** Era tables in priority order (`data/time/eras.json`). */
export const eraTables = once((): readonly EraTable[] =>
  loadTable("time/eras.json", eraFileSchema).tables.map(
    ({ context, traditionalMonthDays, ...rest }) => ({
      ...rest,
      ...(context === undefined ? {} : { context }),
      ...(traditionalMonthDays === undefined ? {} : { traditionalMonthDays }),
    }),
  ),
);

/** Every era name, mapped to its era (the first table listing a name wins). */
export const eras = once((): ReadonlyMap<string, Era> => {
  const map = new Map<string, Era>();
  for (const table of eraTables()) {
    for (const [name, first] of Object.entries(table.eras)) {
      if (!map.has(name)) map.set(name, { name, first, table });
    }
  }
  return map;
});

/** The word lists (`data/time/lexicon.json`). */
export const lexicon = once((): Lexicon => loadTable("time/lexicon.json", lexiconSchema));

/** The holiday table, loaded and validated at first use. */
export const holidays = once((): Holidays => loadTable("time/holidays.json", holidaySchema));

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

/**
 * Regex source matching any of `words`, the longest first. Note: the words are factored by their
 * common prefixes (洪(?:武|熙|宪)): the regex engine then tries one branch per character where a
 * flat list of a hundred era names tried each name in turn (measured: the era-year scan a quarter
 * faster). At each step a longer word is tried before its prefix, as in a list sorted by length.
 */
export function alternation(words: Iterable<string>): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (child === undefined) {
        child = { next: new Map(), end: false };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  return trieSource(root);
}

function trieSource(node: TrieNode, top = true): string {
  const branches = [...node.next].map(
    ([ch, child]) => ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + trieSource(child, false),
  );
  if (branches.length === 0) return "";
  if (node.end) return `(?:${branches.join("|")})?`;
  if (branches.length === 1 || top) return branches.join("|");
  return `(?:${branches.join("|")})`;
}
