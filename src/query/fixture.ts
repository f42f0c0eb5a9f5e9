/**
 * A small hand-made chronicle over a short mixed-script article, for the query and export tests
 * (offsets are computed from the text, so `raw.slice(start, end) === text` holds).
 */
import type { Chronicle, Entity, Event, EventType, Span, Timex, TimexMod } from "../model/index.js";

/** The fixture article (mixed Traditional and Simplified, like the zhwiki mirror). */
export const FIXTURE_RAW = [
  "# 美朝關係",
  "",
  '1994年10月21日，美國與朝鮮在[日內瓦](https://zh.wikipedia.org/wiki/日內瓦 "wikilink")簽署《美朝核框架協議》。',
  "",
  "2006年10月9日，朝鲜进行了一次地下核试验，美国谴责此举。",
  "",
  '1990年代初，美国对朝鲜实施制裁，包括"粮食|援助"的暂停。',
  "",
  "2011年12月，金正恩接任最高领导人。2012年春，美朝举行会谈。",
  "",
  "2017年1月，特朗普就任美国总统。此后双方多次接触 & 試探 <非正式>。",
  "",
  "北韓的地下核试验引起国际关注。",
  "",
].join("\n");

/** The span of the `nth` (0-based) occurrence of `text` in the fixture. */
export function spanOfText(text: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i += 1) {
    at = FIXTURE_RAW.indexOf(text, at + 1);
    if (at < 0) throw new Error(`fixture lacks ${text}`);
  }
  return { start: at, end: at + text.length, text };
}

function timex(id: string, text: string, value: string, mod: TimexMod | null = null): Timex {
  return {
    id,
    ...spanOfText(text),
    type: "DATE",
    value,
    mod,
    calendar: "gregorian",
    anchor: null,
    rule: "time:zh/test",
  };
}

/** The fixture's timexes. */
export const FIXTURE_TIMEXES: Timex[] = [
  timex("t1", "1994年10月21日", "1994-10-21"),
  timex("t2", "2006年10月9日", "2006-10-09"),
  timex("t3", "1990年代初", "199", "START"),
  timex("t4", "2011年12月", "2011-12"),
  timex("t5", "2012年春", "2012-SP"),
  timex("t6", "2017年1月", "2017-01"),
];

function entity(
  id: string,
  kind: Entity["kind"],
  name: string,
  names: string[],
  wiki: string[] = [],
): Entity {
  return { id, kind, name, names, wiki, rule: "entities:gazetteer", mentions: [] };
}

/** The fixture's entities. */
export const FIXTURE_ENTITIES: Entity[] = [
  entity("USA", "state", "美国", ["美國", "美国", "美"], ["美利堅合眾國"]),
  entity("PRK", "state", "朝鲜", ["朝鮮", "朝鲜", "北韓", "朝"], ["朝鮮民主主義人民共和國"]),
  entity("kim_jong_un", "person", "金正恩", ["金正恩"]),
  entity("trump", "person", "特朗普", ["特朗普", "川普"]),
];

interface EventSpec {
  id: string;
  type: EventType;
  value: string | null;
  timex?: string | null;
  mod?: TimexMod | null;
  inferred?: boolean;
  source?: string[];
  target?: string[];
  other?: string[];
  score?: number | null;
  summary: string;
  mentions: Span[];
}

function event(spec: EventSpec): Event {
  return {
    id: spec.id,
    type: spec.type,
    date: {
      value: spec.value,
      mod: spec.mod ?? null,
      timex: spec.timex ?? null,
      inferred: spec.inferred ?? false,
      basis: spec.value === null ? null : spec.inferred ? "narrative" : "explicit",
    },
    actors: { source: spec.source ?? [], target: spec.target ?? [], other: spec.other ?? [] },
    score: spec.score === undefined ? null : spec.score,
    summary: spec.summary,
    rule: `events:trigger/${spec.type}`,
    mentions: spec.mentions,
  };
}

/** The fixture's events (deliberately not in date order). */
export const FIXTURE_EVENTS: Event[] = [
  event({
    id: "e1",
    type: "agreement",
    value: "1994-10-21",
    timex: "t1",
    source: ["USA", "PRK"],
    score: 6.5,
    summary: "美朝簽署《美朝核框架協議》",
    mentions: [
      spanOfText(
        '1994年10月21日，美國與朝鮮在[日內瓦](https://zh.wikipedia.org/wiki/日內瓦 "wikilink")簽署《美朝核框架協議》',
      ),
    ],
  }),
  event({
    id: "e2",
    type: "weapons_test",
    value: "2006-10-09",
    timex: "t2",
    source: ["PRK"],
    score: -6,
    summary: "朝鲜进行了一次地下核试验",
    mentions: [spanOfText("朝鲜进行了一次地下核试验"), spanOfText("北韓的地下核试验")],
  }),
  event({
    id: "e3",
    type: "condemnation",
    value: "2006-10-09",
    timex: "t2",
    inferred: true,
    source: ["USA"],
    target: ["PRK"],
    score: -2.5,
    summary: "美国谴责此举",
    mentions: [spanOfText("美国谴责此举")],
  }),
  event({
    id: "e4",
    type: "sanction",
    value: "199",
    timex: "t3",
    mod: "START",
    source: ["USA"],
    target: ["PRK"],
    score: -6,
    summary: '美国实施制裁, 包括"粮食|援助"\n的暂停',
    // Note: starts inside the timex 1990年代初 (a crossing span, to be trimmed in TimeML).
    mentions: [spanOfText('代初，美国对朝鲜实施制裁，包括"粮食|援助"的暂停')],
  }),
  event({
    id: "e5",
    type: "leadership_change",
    value: "2011-12",
    timex: "t4",
    source: ["kim_jong_un"],
    other: ["PRK"],
    summary: "金正恩接任最高领导人",
    mentions: [spanOfText("2011年12月，金正恩接任最高领导人")],
  }),
  event({
    id: "e6",
    type: "talks",
    value: "2012-SP",
    timex: "t5",
    source: ["USA", "PRK"],
    score: 3.5,
    summary: "美朝举行会谈",
    mentions: [spanOfText("2012年春，美朝举行会谈")],
  }),
  event({
    id: "e7",
    type: "other",
    value: null,
    source: ["USA", "PRK"],
    summary: "此后双方多次接触",
    mentions: [spanOfText("此后双方多次接触 & 試探 <非正式>")],
  }),
  event({
    id: "e8",
    type: "leadership_change",
    value: "2017-01",
    timex: "t6",
    source: ["trump"],
    other: ["USA"],
    summary: "特朗普就任美国总统",
    mentions: [spanOfText("2017年1月，特朗普就任美国总统")],
  }),
  event({
    id: "e9",
    type: "statement",
    value: "2012-SP",
    timex: "t5",
    inferred: true,
    source: ["USA"],
    target: ["PRK"],
    summary: "美朝举行会谈（同一分句的第二个事件）",
    // Note: the same span as e6: EVENT cannot nest in EVENT, so TimeML must drop one.
    mentions: [spanOfText("2012年春，美朝举行会谈")],
  }),
];

/** The fixture as a chronicle. */
export const FIXTURE_CHRONICLE: Chronicle = {
  document: {
    id: "fixture-1",
    title: "美朝關係",
    source: "fixture.md",
    length: FIXTURE_RAW.length,
  },
  timexes: FIXTURE_TIMEXES,
  entities: FIXTURE_ENTITIES,
  events: FIXTURE_EVENTS,
  findings: [
    {
      kind: "year-out-of-sequence",
      ...spanOfText("2017年1月"),
      message: "测试用发现",
      suggestion: null,
      confidence: 0.5,
      evidence: [],
      rule: "check:test",
    },
  ],
};
