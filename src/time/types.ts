/**
 * Internal shapes of the time stage: what a parser finds (a candidate with the parts the text
 * stated), and how parsers and refiners are declared.
 */
import type { Block, Calendar, Timex, TimexMod, TimexType } from "../model/index.js";

/** TIMEX3 part-of-day codes. */
export type PartOfDay = "MO" | "MI" | "AF" | "EV" | "NI";
/** TIMEX3 season codes. */
export type Season = "SP" | "SU" | "FA" | "WI";

/** The calendar parts a date expression stated (Gregorian unless `lunar` is set). */
export interface Point {
  /** Gregorian year; negative for BCE (公元前221年 → -221). */
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  /** Seconds as written, with fractions (`03.497`). */
  second?: string;
  partOfDay?: PartOfDay;
  season?: Season;
  /** 1 or 2: 上半年 / 下半年. */
  half?: number;
  /** 1–4: 第一季度 … 第四季度. */
  quarter?: number;
  /** First three digits of a decade year (1990年代 → 199). */
  decade?: number;
  /** TIMEX3 century digits (20世纪 → 19); negative for BCE. */
  century?: number;
  /** ISO week number (with `year` as the ISO week-year): 上周 → 2018-W25. */
  week?: number;
  /** The weekend of `week` (这周末 → 2018-W26-WE). */
  weekend?: boolean;
}

/**
 * A date counted from the document's now (the reference date): 今天, 上周一, 三天前, 去年.
 * With a reference date it resolves against it; without one the candidate's own fallback
 * (PRESENT_REF, or its narrative reading) stands, or, when it has none, the narrative's last day
 * stands in for now.
 */
export interface FromNow {
  unit: "year" | "month" | "week" | "day" | "hour" | "minute";
  /** Units after now (negative: before). */
  offset: number;
  /** ISO weekday 1–7 inside the week (上周一 → 1). */
  weekday?: number;
  /** The weekend of the week (这周末). */
  weekend?: boolean;
  /** The finest part kept from the shifted now (去年 → year; 三天前 → day; 2小时后 → minute). */
  grain: "year" | "quarter" | "month" | "week" | "day" | "minute";
  /** Counted from now only when the narrative has no day yet (a bare 下午三点). */
  narrativeFirst?: boolean;
}

/** Why an expression is off the narrative line (`Timex.aside`). */
export type AsideKind = NonNullable<Timex["aside"]>;

/** A date that is stated relative to the narrative line (同年, 次日, 一天后, 同月). */
export interface Relative {
  /** Which unit the offset counts. */
  unit: "year" | "month" | "day";
  /**
   * 当年 standing alone (当年的回忆, 包括当年到访球队的6人): "back then", the document's focal
   * year once the narrative line has moved on past it (a later commemoration or aftermath).
   */
  backThen?: boolean;
  /** 0 for 同年/同日, 1 for 次年/次日, -1 for 前一天. */
  offset: number;
  /**
   * True for words counted from a speaker's now (去年, 今年, 明年, 前年): they occur in reported
   * speech and documents, resolve against the narrative year, but do not move the line.
   */
  deictic?: boolean;
}

/** A lunar month/day whose Gregorian date is computed once the lunar year is known. */
export interface LunarParts {
  month: number;
  day?: number;
  leap: boolean;
}

/** Where the missing parts of an underspecified date are taken from. */
export type Need = "none" | "year" | "year-month" | "date";

/** One time expression found by a parser; offsets index the block's analysis text. */
export interface Candidate {
  start: number;
  end: number;
  type: TimexType;
  /** Parser name; the rule id is `time:zh/<rule>`. */
  rule: string;
  calendar: Calendar;
  mod: TimexMod | null;
  /** Fixed TIMEX3 value (durations, sets, PRESENT_REF); dates use `point`. */
  value?: string;
  /** The parts the text stated (dates and times). */
  point?: Point;
  /** What the date lacks and must take from its anchor. */
  need?: Need;
  relative?: Relative;
  /** Counted from the reference date (今天, 上周一, 三天前); see `FromNow`. */
  fromNow?: FromNow;
  /** A holiday whose date is computed once its year is known (`data/time/holidays.json`). */
  holiday?: string;
  lunar?: LunarParts;
  /**
   * A converted lunar day's month as a value (`1890-02`: the Gregorian month holding most of the
   * lunar month's days), the value of the piece before a link's edge that ends on the month.
   */
  lunarMonthValue?: string;
  /**
   * True when month/days that take their year from this expression are in the traditional
   * calendar (a pre-1873 Japanese era year, 安政2年, and its Gregorian gloss, （1855年）).
   */
  traditionalMonths?: boolean;
  /**
   * True when month/days written in Chinese numerals that take their year from this expression
   * are lunar: a Chinese or Korean reign year before its country's Gregorian switch (咸丰八年,
   * 道光十八年), and its Gregorian gloss (（1858年）).
   */
  lunarNumerals?: boolean;
  /** An era year's era: the Gregorian year of its first year (光绪二十年 → 1875). */
  eraFirst?: number;
  /** Kept only when its anchor lies in the same block (a bare 晚间 needs a day of its paragraph). */
  sameBlockAnchor?: boolean;
  /**
   * The two digits of a two-digit year (07年8月, 九七年七月, '98): its century is the one putting it
   * nearest the narrative's year (else the reference date's, else 1930–2029).
   */
  shortYear?: number;
  /** Index (0–59) of a sexagenary year whose cycle is fixed by the narrative. */
  sexagenary?: number;
  note?: string;
}

/** The text a parser reads: one block's analysis text and the block itself. */
export interface ParseInput {
  /** Simplified analysis text of the block (display offsets relative to the block). */
  text: string;
  block: Block;
  /**
   * The document's title and its category names, one per line (document-level signals, e.g. of
   * the country an article is about).
   */
  title: string;
  /** Whether a link's text starts at this block offset (a bare year before a link names it). */
  linkStart(offset: number): boolean;
  /** The reference date (the document's now), when the caller gave one. */
  reference?: Point;
}

/** A parser: one regular expression for one form, and a function turning a match into a candidate. */
export interface Parser {
  /** Rule name (`full-date`); the rule id is `time:zh/<name>`. */
  name: string;
  /** Characters of which a text must hold at least one for the pattern to match (a cheap prefilter). */
  triggers: string;
  /** Global regular expression, compiled once. */
  pattern: RegExp;
  /**
   * Optional: a cheap pattern (not global) that every text holding a match also holds — a part
   * every match needs, such as 干支年 — so that blocks without it skip the full pattern. Only
   * for speed: it must never reject a block where `pattern` matches (tested in `gates.test.ts`).
   */
  gate?: RegExp;
  /**
   * Optional: the characters every match begins with, as the body of a character class
   * (`\d公西`). One pass over a block lists where each parser's matches may start; the engine
   * tries the parser's sticky pattern at those positions only, instead of letting the regex
   * engine try every position (a leading lookbehind or optional part makes that slow). Only for
   * speed: it must hold every first character of the pattern (`gates.test.ts` checks it against
   * the pattern's own first-character set).
   */
  starts?: string;
  /** The candidate for one match, or null to reject it. */
  extract(match: RegExpExecArray, input: ParseInput): Candidate | Candidate[] | null;
}

/** A candidate placed in the document: display offsets plus the block it came from. */
export interface Placed extends Candidate {
  /** Display-text offsets into `Document.text`. */
  textStart: number;
  textEnd: number;
  block: Block;
  /** Position of the parser in the configuration (lower wins a tie between equal spans). */
  priority: number;
  /** Index (in the placed list) of the first endpoint of the range/coordination it ends. */
  head?: number;
  /** The point as written in the Julian calendar when converted (`resolvedPoint` is Gregorian). */
  julian?: Point;
  /** True when the expression must not move the time stage's narrative line. */
  aside?: boolean;
  /** The kind of aside it is (`Timex.aside`), when it is one. */
  asideKind?: AsideKind;
  /** True when it is the first endpoint of a range whose other endpoint comes next. */
  rangeHead?: boolean;
  /** Index (in the placed list) of the anchor it took missing parts from. */
  anchor?: number;
  /** Resolved TIMEX3 value. */
  resolved?: string;
  /** Resolved calendar parts (for anchoring later expressions). */
  resolvedPoint?: Point;
}

/** What refiners see: the document's analysis text and the placed candidates. */
export interface RefineInput {
  /** The whole analysis text (display offsets). */
  text: string;
  /** Sorted display offsets where the document's sentences start. */
  sentenceStarts: Int32Array;
  /** The reference date (the document's now), when the caller gave one. */
  reference?: Point;
  /** The document's focus from its title or categories (`focus.ts`), when it states a year. */
  focus?: Point;
  /** For each section id, the id of the section holding it (null at the top). */
  sectionParents: ReadonlyArray<number | null>;
  /** Display offset where the lead ends (the first section's heading; the text's end without one). */
  leadEnd: number;
  /** Whether the display range `[start, end)` lies inside one link's text. */
  inLink(start: number, end: number): boolean;
}

/** A refiner: one pass over all candidates in document order; returns the new list. */
export interface Refiner {
  name: string;
  refine(items: Placed[], input: RefineInput): Placed[];
}
