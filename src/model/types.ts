/**
 * The annals data model: stand-off annotations over the raw file text.
 *
 * Every offset named `start`/`end` is a half-open pair of UTF-16 code-unit offsets into the
 * raw text (the file decoded as UTF-8, a leading BOM removed), and `text` is always
 * `raw.slice(start, end)`. Offsets named `textStart`/`textEnd` index the display text
 * (`Document.text`) instead.
 */

/** A half-open `[start, end)` range of UTF-16 offsets into the raw text, with the text it covers. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** What kind of reading unit a block is. */
export type BlockKind =
  "heading" | "paragraph" | "list-item" | "table-cell" | "caption" | "reference" | "code";

/** A heading and the part of the article it governs. */
export interface Section extends Span {
  /** Index in `Document.sections`. */
  id: number;
  /** Heading depth, 1–6. */
  level: number;
  /** Heading text as displayed (markup removed). */
  title: string;
  /** Enclosing section's id, or null at the top. */
  parent: number | null;
  /** Index of the heading block in `Document.blocks`. */
  block: number;
}

/** One reading unit in reading order; its display text is `Document.text.slice(textStart, textEnd)`. */
export interface Block extends Span {
  /** Index in `Document.blocks`. */
  id: number;
  kind: BlockKind;
  /** The innermost section holding it (for a heading, its own section); null in the lead. */
  section: number | null;
  /** Display-text range (UTF-16, half-open). */
  textStart: number;
  textEnd: number;
  /** For table cells: row and column (0-based) and a table counter. */
  table?: { table: number; row: number; column: number; header: boolean };
}

/** A sentence: split after 。！？ (and closing quotes/brackets that follow), inside one block. */
export interface Sentence extends Span {
  id: number;
  block: number;
  textStart: number;
  textEnd: number;
  /** Footnote markers (indices into `Document.footnotes`) attached to this sentence. */
  footnotes: number[];
}

/** How a link is classified. */
export type LinkKind = "internal" | "category" | "file" | "interlanguage" | "external";

/** A markdown link from the pandoc conversion. */
export interface Link extends Span {
  id: number;
  kind: LinkKind;
  /** Decoded target title (`共和党 (美国)`) for wiki links, the URL for external ones. */
  target: string;
  /** The URL as written. */
  url: string;
  /** The anchor (link text) as a raw span. */
  anchor: Span;
  /** For internal links: the part of the anchor that names the target (the rest is link trail). */
  entity: Span | null;
  /** True when the anchor does not start with the target title (a piped link): the split is unknown. */
  anchorUncertain: boolean;
  /** The block holding it, or null when it is outside body text. */
  block: number | null;
}

/** A category assigned by a `[Category:…]` link. */
export interface Category extends Span {
  name: string;
}

/** An image link with its leaked caption, if any. */
export interface Image extends Span {
  /** File name (without the `File:` prefix). */
  file: string;
  /** The leaked caption (ends at `\]\]`), or null. Captions are not body text. */
  caption: Span | null;
}

/** A footnote marker `\[n\]` in the prose. */
export interface Footnote extends Span {
  id: number;
  n: number;
  /** The sentence it is attached to (the one it follows), or null. */
  sentence: number | null;
  /** Index in `Document.references` of reference item n, or null when the list lacks it. */
  reference: number | null;
}

/** An item of the reference list (the article's last ordered list). */
export interface Reference extends Span {
  n: number;
  /** Whether the item holds any text beyond its number. */
  empty: boolean;
}

/** A language-variant choice or rule from converter markup `-{…}-`. */
export interface ConverterSpan extends Span {
  /** Flags such as R, A, H, T, D, -, N, or [] for the plain form. */
  flags: string[];
  /** What is shown in each variant (the same length in all three; shorter ones are padded with U+200B). */
  shown: { cn: string; tw: string };
  /** Display-text range of what is shown. */
  textStart: number;
  textEnd: number;
  /** Page-wide conversion rules this markup adds (A|, H|) or removes (-|). */
  rules: Array<{ variant: string; from?: string; to: string; remove?: boolean }>;
}

/** An infobox field that holds a date (wikitext sources): template key, parameter name, value span. */
export interface InfoboxField extends Span {
  /** The template's lower-case name without namespace (`infobox bilateral relations`). */
  template: string;
  /** The parameter name as written (`date`, `成立`). */
  name: string;
}

/** A page of a MediaWiki dump: wiki, page id and revision id identify one text of one page. */
export interface PageInfo {
  /** The wiki's database name (`zhwiki`). */
  wiki: string;
  id: string;
  revision: string;
  /** The revision's timestamp as the dump gives it (`2024-05-01T12:00:00Z`). */
  timestamp: string;
  title: string;
  namespace: number;
}

/** What a source gives beside its text. */
export interface DocumentMeta {
  /** The source format the document was read from. */
  format: "markdown" | "wikitext";
  /** Infobox fields holding dates (metadata: never body text, never a narrative anchor). */
  infobox: InfoboxField[];
  /** The dump page it came from, if any. */
  page?: PageInfo;
}

/** The ingested article: raw text plus stand-off structure. */
export interface Document {
  /** Stable id derived from the source name and content. */
  id: string;
  title: string;
  /** File path or record name the text came from. */
  source: string;
  /** The raw text (UTF-8 decoded, BOM removed); every `start`/`end` indexes this. */
  raw: string;
  /**
   * Display text: blocks in reading order separated by "\n", markup and escapes removed,
   * footnote markers dropped, soft line breaks as spaces, converter markup rendered.
   */
  text: string;
  /** For display character i: `raw` offset of its first code unit. Length `text.length`. */
  rawStarts: Int32Array;
  /** For display character i: `raw` offset just past its last code unit. Length `text.length`. */
  rawEnds: Int32Array;
  sections: Section[];
  blocks: Block[];
  sentences: Sentence[];
  links: Link[];
  categories: Category[];
  images: Image[];
  footnotes: Footnote[];
  references: Reference[];
  converter: ConverterSpan[];
  /** Display title set by `-{T|…}-`, if any. */
  displayTitle: string | null;
  /** Source format and metadata (absent: markdown, none). */
  meta?: DocumentMeta;
}

/** The script variant for display. */
export type Variant = "cn" | "tw" | "original";

/** Script-normalized views of a document, each the same length as `Document.text`. */
export interface Normalized {
  doc: Document;
  /** zh-cn (Simplified) display text. */
  cn: string;
  /** zh-tw (Traditional) display text. */
  tw: string;
  /** Simplified analysis text: like `cn`, plus full-width digits and letters made half-width. */
  analysis: string;
}

/** TIMEX3 types. */
export type TimexType = "DATE" | "TIME" | "DURATION" | "SET";
/** TIMEX3 modifiers used here. */
export type TimexMod =
  "START" | "MID" | "END" | "MORE_THAN" | "LESS_THAN" | "APPROX" | "BEFORE" | "AFTER";
/** The calendar a date was written in. */
export type Calendar = "gregorian" | "era" | "lunar" | "sexagenary";

/** A time expression, typed and normalized to TIMEX3. */
export interface Timex extends Span {
  /** `t1`, `t2`, … in document order. */
  id: string;
  type: TimexType;
  /** TIMEX3 value: `2018-06-12`, `2009-12`, `199`, `2015-SP`, `P2Y`, `PRESENT_REF`, … */
  value: string;
  mod: TimexMod | null;
  calendar: Calendar;
  /** Id of the timex it took missing parts from, or null. */
  anchor: string | null;
  /** Rule id, `time:zh/<name>`. */
  rule: string;
  /** A note on an alternative reading (e.g. the range's other end, a decade pair). */
  note?: string;
  /**
   * Why the date is an aside that does not stand on the narrative line, set by the time stage
   * (absent or null: none): `future` a plan (将于2012年3月, 2015年春将举行, 邀请…参加2012年…);
   * `since` the start of a 以来/至今 period (2005年以来, 自2010年3月…至今); `quote` inside quoted
   * speech; `paren` inside parentheses (a gloss, a life span); `name` a year inside a name
   * (申办1990年亚运会); `flashback` a date in a clause opened by 早在/此前/曾 (早在1893年结成同盟);
   * `document` the date of a named document or a source (1982年《联合国海洋法公约》,
   * 据2012年3月16日中央日报报道). Consumers (check, events) use it instead of their own cue lists.
   */
  aside?:
    | "future"
    | "since"
    | "quote"
    | "paren"
    | "name"
    | "attributive"
    | "flashback"
    | "document"
    | null;
  /**
   * True when this timex is the first endpoint of a range (至/到/—/～/-) whose other endpoint is
   * the next timex (从2001年至2006年底): neither end is a point of the narrative line.
   */
  rangeHead?: boolean;
}

/** Kinds of actors and named things (`craft`: a named ship, spacecraft or aircraft: 云扬号, 嫦娥三号). */
export type EntityKind =
  "state" | "organization" | "person" | "group" | "place" | "thing" | "craft" | "other";

/** An actor or named thing. */
export interface Entity {
  /** ISO 3166 alpha-3 for states, UPPER_SNAKE for organisations, lower_snake for persons. */
  id: string;
  kind: EntityKind;
  /** Preferred display name (Simplified). */
  name: string;
  /** Every surface form seen in the article. */
  names: string[];
  /** Wiki link targets used for it. */
  wiki: string[];
  /**
   * Where the entity came from: `entities:link`, `entities:gazetteer`, `entities:recurring`,
   * `entities:biography` (the title person of a biography), `entities:title` (the organisation
   * an article is about), `entities:body` (a state's forces or ministry named by the state and a
   * body word: 日军, 外交部).
   */
  rule: string;
  mentions: Span[];
}

/** Event types (DESIGN §6). */
export type EventType =
  | "talks"
  | "visit"
  | "agreement"
  | "statement"
  | "demand"
  | "aid"
  | "concession"
  | "sanction"
  | "condemnation"
  | "rejection"
  | "threat"
  | "weapons_test"
  | "military_exercise"
  | "deployment"
  | "armed_incident"
  | "detention"
  | "release"
  | "leadership_change"
  | "policy"
  | "other";

/** Every event type, in the order of DESIGN §6. */
export const EVENT_TYPES: readonly EventType[] = [
  "talks",
  "visit",
  "agreement",
  "statement",
  "demand",
  "aid",
  "concession",
  "sanction",
  "condemnation",
  "rejection",
  "threat",
  "weapons_test",
  "military_exercise",
  "deployment",
  "armed_incident",
  "detention",
  "release",
  "leadership_change",
  "policy",
  "other",
];

/** Whether `value` names an event type. */
export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/** How an event's date was obtained. */
export type DateBasis = "explicit" | "narrative" | "relative" | "inferred";

/** A dated, typed action with its actors and every mention. */
export interface Event {
  id: string;
  type: EventType;
  date: {
    value: string | null;
    mod?: TimexMod | null;
    timex: string | null;
    inferred: boolean;
    basis: DateBasis | null;
  };
  actors: { source: string[]; target: string[]; other: string[] };
  /** Cooperation–conflict score (−10…+10), or null for unscored types. */
  score: number | null;
  summary: string;
  rule: string;
  mentions: Span[];
}

/** Kinds of chronology findings (DESIGN §7). */
export type FindingKind =
  | "year-out-of-sequence"
  | "inherited-slip"
  | "doubtful-anchor"
  | "conflicting-dates"
  | "duration-mismatch"
  | "repeated-passage";

/** A problem in the article's own chronology. */
export interface Finding extends Span {
  kind: FindingKind;
  message: string;
  suggestion: string | null;
  /** 0–1. */
  confidence: number;
  /** Other spans that support or contradict it. */
  evidence: Span[];
  rule: string;
}

/** Everything extracted from one document (the JSON contract of DESIGN §3). */
export interface Chronicle {
  document: { id: string; title: string; source: string; length: number };
  timexes: Timex[];
  entities: Entity[];
  events: Event[];
  findings: Finding[];
}

/** A query over events, shared by `annals timeline`, the store and the HTTP API. */
export interface EventQuery {
  /** Document id or source name. */
  doc?: string;
  /** Keep only these event types. */
  types?: EventType[];
  /** An actor id or any alias, either script; matches source, target or other. */
  actor?: string;
  /** Events between two actors, either direction (each an id or alias). */
  pair?: [string, string];
  /** Inclusive lower bound: a TIMEX3 date prefix such as `1994`, `2009-04`. */
  from?: string;
  /** Inclusive upper bound: a TIMEX3 date prefix; `2009` includes all of 2009. */
  to?: string;
  /** Full-text query over the mention text (either script). */
  query?: string;
  /**
   * Keyset cursor: only events after this one in timeline order. `DOC/EVENT` (document id and
   * event id, as `next` of `/api/events` gives it).
   */
  after?: string;
  /** Events to skip, in timeline order, before the first one returned (for deep pages `after` is cheaper). */
  offset?: number;
  limit?: number;
}
