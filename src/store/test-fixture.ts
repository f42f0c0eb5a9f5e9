/**
 * Constructed extractions for the store's tests on both backends: markup-free texts (display
 * text = raw) in both scripts, with entities, dated and undated events and a finding.
 */
import { Converter } from "opencc-js";
import type {
  Document,
  Entity,
  Event,
  EventType,
  Finding,
  Sentence,
  Timex,
} from "../model/index.js";
import { hashText } from "./hash.js";
import type { Extracted } from "./write.js";

const toCn = Converter({ from: "tw", to: "cn" });
const toTw = Converter({ from: "cn", to: "tw" });

/** A raw span of the first occurrence of `text` at or after `from`. */
function at(raw: string, text: string, from = 0) {
  const start = raw.indexOf(text, from);
  if (start < 0) throw new Error(`fixture: ${text} not in raw`);
  return { start, end: start + text.length, text };
}

export interface EventSpec {
  type: EventType;
  value: string | null;
  mention: string;
  source?: string[];
  target?: string[];
  other?: string[];
}

/**
 * A constructed extraction over markup-free text (display text = raw, identity offset maps):
 * sentences end at 。, every paragraph is one block.
 */
export function fixture(
  source: string,
  raw: string,
  entities: Array<{ id: string; names: string[] }>,
  events: EventSpec[],
): Extracted {
  const sentences: Sentence[] = [];
  let start = 0;
  for (const m of raw.matchAll(/[^。\n]+。?/g)) {
    start = m.index;
    const end = start + m[0].length;
    sentences.push({
      id: sentences.length,
      block: 0,
      start,
      end,
      text: m[0],
      textStart: start,
      textEnd: end,
      footnotes: [],
    });
  }
  const n = raw.length;
  const document: Document = {
    id: `doc-${hashText(source + raw).slice(0, 12)}`,
    title: source.replace(/\.md$/, ""),
    source,
    raw,
    text: raw,
    rawStarts: Int32Array.from({ length: n }, (_, i) => i),
    rawEnds: Int32Array.from({ length: n }, (_, i) => i + 1),
    sections: [],
    blocks: [
      {
        id: 0,
        kind: "paragraph",
        section: null,
        start: 0,
        end: n,
        text: raw,
        textStart: 0,
        textEnd: n,
      },
    ],
    sentences,
    links: [],
    categories: [{ name: "测试", start: 0, end: 1, text: raw.slice(0, 1) }],
    images: [],
    footnotes: [],
    references: [],
    converter: [],
    displayTitle: null,
  };
  const cn = toCn(raw);
  const timexes: Timex[] = [];
  for (const m of raw.matchAll(/\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?/g)) {
    timexes.push({
      id: `t${timexes.length + 1}`,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      type: "DATE",
      value: m[0].slice(0, 4),
      mod: null,
      calendar: "gregorian",
      anchor: null,
      rule: "time:zh/test",
    });
  }
  const ents: Entity[] = entities.map((e) => ({
    id: e.id,
    kind: "state",
    name: e.names[0] ?? e.id,
    names: e.names,
    wiki: [],
    rule: "entities:gazetteer",
    mentions: e.names.filter((x) => raw.includes(x)).map((x) => at(raw, x)),
  }));
  const evs: Event[] = events.map((e, i) => ({
    id: `e${i + 1}`,
    type: e.type,
    date: {
      value: e.value,
      mod: null,
      timex: null,
      inferred: false,
      basis: e.value === null ? null : "explicit",
    },
    actors: { source: e.source ?? [], target: e.target ?? [], other: e.other ?? [] },
    score: e.type === "other" ? null : -1.5,
    summary: e.mention,
    rule: "events:test",
    mentions: [at(raw, e.mention)],
  }));
  const findings: Finding[] = [
    {
      ...at(raw, raw.slice(0, 2)),
      kind: "year-out-of-sequence",
      message: "m",
      suggestion: null,
      confidence: 0.5,
      evidence: [],
      rule: "check:test",
    },
  ];
  return {
    document,
    normalized: { doc: document, cn, tw: toTw(cn), analysis: cn },
    chronicle: {
      document: { id: document.id, title: document.title, source, length: n },
      timexes,
      entities: ents,
      events: evs,
      findings,
    },
  };
}

export const KOREA = { id: "PRK", names: ["朝鮮", "北韓", "朝鲜"] };
export const USA = { id: "USA", names: ["美國", "美国"] };
export const JPN = { id: "JPN", names: ["日本"] };

export const RAW_A =
  "1994年10月21日美國與朝鮮簽署框架協議。2009年4月5日朝鮮發射火箭。美國譴責朝鮮的發射。" +
  "2009年12月31日日本與朝鮮會談。2010年美國制裁北韓。朝鮮在日本的見證下談判，日期不詳。";
export const EVENTS_A: EventSpec[] = [
  {
    type: "agreement",
    value: "1994-10-21",
    mention: "1994年10月21日美國與朝鮮簽署框架協議",
    source: ["USA", "PRK"],
  },
  {
    type: "weapons_test",
    value: "2009-04-05",
    mention: "2009年4月5日朝鮮發射火箭",
    source: ["PRK"],
  },
  {
    type: "condemnation",
    value: "2009-04",
    mention: "美國譴責朝鮮的發射",
    source: ["USA"],
    target: ["PRK"],
  },
  {
    type: "talks",
    value: "2009-12-31",
    mention: "2009年12月31日日本與朝鮮會談",
    source: ["JPN", "PRK"],
  },
  {
    type: "sanction",
    value: "2010",
    mention: "2010年美國制裁北韓",
    source: ["USA"],
    target: ["PRK"],
  },
  {
    type: "talks",
    value: null,
    mention: "朝鮮在日本的見證下談判",
    source: ["PRK"],
    other: ["JPN"],
  },
];
export const RAW_B = "1995年朝鲜与美国举行会谈。1890年代日本扩张。";
export const EVENTS_B: EventSpec[] = [
  { type: "talks", value: "1995", mention: "1995年朝鲜与美国举行会谈", source: ["PRK", "USA"] },
  { type: "other", value: "189", mention: "1890年代日本扩张", source: ["JPN"] },
];

/** Document a.md with its agreement changed (框架協議 → 停火協議): a replacement of `RAW_A`. */
export const RAW_A_CHANGED = RAW_A.replace("框架協議", "停火協議");

/** The fixture of `RAW_A_CHANGED`, with its one event. */
export function changedA(): Extracted {
  return fixture(
    "a.md",
    RAW_A_CHANGED,
    [KOREA, USA, JPN],
    [{ ...EVENTS_A[0]!, mention: "1994年10月21日美國與朝鮮簽署停火協議" }],
  );
}
