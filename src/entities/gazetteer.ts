/**
 * The shipped gazetteer (`data/gazetteer/*.tsv`): states, organisations and office holders with
 * their aliases in Simplified only: matching runs on the Simplified analysis text, so a Traditional
 * form (朝鮮, 聯合國) is found through its Simplified analysis form. Every entry, every name
 * (`中国@1912-1949`) and every state served (`QING@-1911|TWN@1912-1916`) may carry the years it
 * holds: a name denotes, at a date, only an entry that existed then.
 */
import type { EntityKind } from "../model/index.js";
import { loadDataTsv } from "../model/data.js";

/** One gazetteer entity. */
export interface GazetteerEntry {
  /** ISO 3166 alpha-3 for states, UPPER_SNAKE for organisations, lower_snake for persons. */
  id: string;
  kind: EntityKind;
  /** Simplified names; the first is the preferred display name. */
  names: string[];
  /** Wiki titles (Simplified). */
  wiki: string[];
  /** The state a person or organisation acts for, or null. */
  state: string | null;
  /** Office of a person (`president`, `leader`, …), or null. */
  role: string | null;
  /** First and last year the name denotes this entity (inclusive), or null when open. */
  from: number | null;
  to: number | null;
  /** Capitals and seats standing for the entity (平壤, 白宫); actors only outside locative phrases. */
  metonyms: string[];
  /** Years a name or metonym denotes this entry, when narrower than the entry's (中国 → ROC 1912–1949). */
  nameYears: Map<string, Era>;
  /** The states a person or organisation acts for, with the years (empty: none). */
  states: Array<{ id: string } & Era>;
}

/**
 * An office title or rank. `states`: the states whose service the office itself names, with the
 * years (巡抚 → Ming, Qing; 国务总理 → the Beiyang ROC); empty for offices many states have (总统).
 */
export interface Title {
  former: boolean;
  states: Array<{ id: string } & Era>;
}

/** Inclusive years; null when open on that side. */
export interface Era {
  from: number | null;
  to: number | null;
}

/** The compiled gazetteer: entries and lookup tables. */
export interface Gazetteer {
  entries: GazetteerEntry[];
  byId: Map<string, GazetteerEntry>;
  /** Simplified alias → entries that carry it (several for 朝鲜: PRK, JOSEON). */
  byAlias: Map<string, GazetteerEntry[]>;
  /** Simplified metonym → entries. */
  byMetonym: Map<string, GazetteerEntry[]>;
  /** Simplified wiki title → entry. */
  byWiki: Map<string, GazetteerEntry>;
  /** One-character state forms used inside compounds: char → entity id and the full alias. */
  abbreviations: Map<string, { id: string; alias: string }>;
  /** Words before a one-character form that make it an actor (对朝, 访华). */
  compoundPrefixes: Set<string>;
  /** Words after a one-character state form that make it the state's side (法军, 日方, 英舰). */
  compoundUnits: string[];
  /** Compounds of a form and a unit word that name no state side (中军: the centre army). */
  compoundExceptions: Set<string>;
  /** Institution words a segmenter glues to a state name (中国政府, 伊朗外交部): the name still counts. */
  institutionSuffixes: string[];
  /** Words after a state's name naming one of its bodies (军, 海军, 外交部), with the id suffix; longest first. */
  bodyWords: Array<{ word: string; branch: string }>;
  /** Nouns that may follow a craft's name and 号 (航天飞机, 登月舱, 炮舰); longest first. */
  craftNouns: string[];
  /** Heads of numbered formations (军, 师, 师团, 集团军: 第38军); longest first. */
  formationWords: string[];
  /** Nouns naming a group of people that acts (学生, 警察) → the group's id (警方 → 警察). */
  groupNouns: Map<string, string>;
  /** Link-target suffix → kind, longest first. */
  kindSuffixes: Array<[string, EntityKind]>;
  /** Surnames that mark a short link target as a person. */
  surnames: Set<string>;
  /** Office titles; `former` ones make the holder a former/private actor. */
  titles: Map<string, Title>;
}

const KINDS: ReadonlySet<string> = new Set([
  "state",
  "organization",
  "person",
  "group",
  "place",
  "thing",
  "craft",
  "other",
]);

function list(cell: string | undefined): string[] {
  return cell === undefined || cell === "" ? [] : cell.split("|").filter((x) => x !== "");
}

function year(cell: string | undefined): number | null {
  return cell === undefined || cell === "" ? null : Number(cell);
}

/** `name@from-to` (either side may be empty) → the name and its years; a bare name has none. */
function dated(cell: string): { name: string; era: Era | null } {
  const m = /^(.+)@(\d*)-(\d*)$/u.exec(cell);
  if (!m) return { name: cell, era: null };
  return { name: m[1] ?? cell, era: { from: year(m[2]), to: year(m[3]) } };
}

function asKind(cell: string | undefined): EntityKind {
  return cell !== undefined && KINDS.has(cell) ? (cell as EntityKind) : "other";
}

/** `QING@-1911|TWN@1912-1916` → the states with the years of each. */
function servedStates(cell: string | undefined): Array<{ id: string } & Era> {
  return list(cell).map((c) => {
    const { name, era } = dated(c);
    return { id: name, from: era?.from ?? null, to: era?.to ?? null };
  });
}

/** Parses gazetteer TSV rows (header row first) into entries. */
export function parseEntries(rows: string[][]): GazetteerEntry[] {
  return rows
    .filter((r) => r[0] !== "id")
    .map((r) => {
      const nameYears = new Map<string, Era>();
      const plain = (cell: string | undefined): string[] =>
        list(cell).map((c) => {
          const { name, era } = dated(c);
          if (era) nameYears.set(name, era);
          return name;
        });
      const states = servedStates(r[4]);
      return {
        id: r[0] ?? "",
        kind: asKind(r[1]),
        names: plain(r[2]),
        wiki: list(r[3]),
        state: states[states.length - 1]?.id ?? null,
        role: r[5] ? r[5] : null,
        from: year(r[6]),
        to: year(r[7]),
        metonyms: plain(r[8]),
        nameYears,
        states,
      };
    });
}

/** The years `name` denotes `entry`: the entry's own years narrowed by the name's. */
export function eraOf(entry: GazetteerEntry, name?: string): Era {
  const own = name === undefined ? undefined : entry.nameYears.get(name);
  const max = (a: number | null, b: number | null | undefined): number | null =>
    a === null ? (b ?? null) : b === null || b === undefined ? a : Math.max(a, b);
  const min = (a: number | null, b: number | null | undefined): number | null =>
    a === null ? (b ?? null) : b === null || b === undefined ? a : Math.min(a, b);
  return { from: max(entry.from, own?.from), to: min(entry.to, own?.to) };
}

/** True when `entry` existed in `year` (as `name`, when given). */
export function existedIn(entry: GazetteerEntry, year: number, name?: string): boolean {
  const era = eraOf(entry, name);
  return (era.from === null || year >= era.from) && (era.to === null || year <= era.to);
}

/**
 * The entry `name` denotes in `year`, among `entries` that carry it. States and organisations:
 * only one that existed then (none otherwise); several → the one founded last (朝鲜 in 1897: the
 * Korean Empire). Persons: the nearest term (布什 in 1990: the elder). No year → the current
 * reading: an entry still open, else the one that ended last (朝鲜 → DPRK, 中国 → PRC).
 */
export function pickByEra(
  entries: GazetteerEntry[],
  year: number | null,
  name?: string,
): GazetteerEntry | undefined {
  if (entries.length === 0) return undefined;
  if (year === null) {
    const end = (e: GazetteerEntry): number => eraOf(e, name).to ?? Infinity;
    return entries.reduce((best, e) => (end(e) > end(best) ? e : best));
  }
  let best: GazetteerEntry | undefined;
  let bestKey = Infinity;
  for (const e of entries) {
    const era = eraOf(e, name);
    const from = era.from ?? -Infinity;
    const to = era.to ?? Infinity;
    const distance = year < from ? from - year : year > to ? year - to : 0;
    if (distance > 0 && e.kind !== "person") continue;
    // Note: among entries alive at the year, the one founded last wins (ties: file order).
    const key = distance * 10000 - (Number.isFinite(from) ? from : -9999) / 10000;
    if (key < bestKey) {
      best = e;
      bestKey = key;
    }
  }
  return best;
}

/** The state `entry` acts for in `year` (null year: the last one listed), or null. */
export function stateAt(entry: GazetteerEntry, year: number | null): string | null {
  if (year === null) return entry.state;
  const served = entry.states.find(
    (s) => (s.from === null || year >= s.from) && (s.to === null || year <= s.to),
  );
  return served?.id ?? null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const have = map.get(key);
  if (have) {
    if (!have.includes(value)) have.push(value);
  } else map.set(key, [value]);
}

/** Builds the lookup tables over entries and the auxiliary tables. */
export function compileGazetteer(
  entries: GazetteerEntry[],
  aux: {
    abbreviations: string[][];
    prefixes: string[][];
    kinds: string[][];
    surnames: string[][];
    titles: string[][];
  },
): Gazetteer {
  const byId = new Map<string, GazetteerEntry>();
  const byAlias = new Map<string, GazetteerEntry[]>();
  const byMetonym = new Map<string, GazetteerEntry[]>();
  const byWiki = new Map<string, GazetteerEntry>();
  for (const e of entries) {
    byId.set(e.id, e);
    for (const n of e.names) push(byAlias, n, e);
    for (const m of e.metonyms) push(byMetonym, m, e);
    for (const w of e.wiki) if (!byWiki.has(w)) byWiki.set(w, e);
  }
  const abbreviations = new Map<string, { id: string; alias: string }>();
  for (const [ch, id, alias] of aux.abbreviations)
    if (ch && id) abbreviations.set(ch, { id, alias: alias ?? ch });
  const compoundPrefixes = new Set(
    aux.prefixes.filter((r) => r[0] === "prefix").map((r) => r[1] ?? ""),
  );
  const kindSuffixes = aux.kinds
    .filter((r) => r[0])
    .map((r) => [r[0] ?? "", asKind(r[1])] as [string, EntityKind])
    .sort((a, b) => b[0].length - a[0].length);
  const surnames = new Set(aux.surnames.map((r) => r[0] ?? "").filter((s) => s !== ""));
  const titles = new Map<string, Title>();
  for (const [t, flag, states] of aux.titles)
    if (t) titles.set(t, { former: flag === "former", states: servedStates(states) });
  return {
    entries,
    byId,
    byAlias,
    byMetonym,
    byWiki,
    abbreviations,
    compoundPrefixes,
    compoundUnits: aux.prefixes
      .filter((r) => r[0] === "unit" && r[1])
      .map((r) => r[1] ?? "")
      .sort((a, b) => b.length - a.length),
    compoundExceptions: new Set(
      aux.prefixes.filter((r) => r[0] === "except" && r[1]).map((r) => r[1] ?? ""),
    ),
    institutionSuffixes: aux.prefixes
      .filter((r) => r[0] === "suffix" && r[1])
      .map((r) => r[1] ?? "")
      .sort((a, b) => b.length - a.length),
    bodyWords: aux.prefixes
      .filter((r) => r[0] === "body" && r[1] && r[2])
      .map((r) => ({ word: r[1] ?? "", branch: r[2] ?? "" }))
      .sort((a, b) => b.word.length - a.word.length),
    craftNouns: aux.prefixes
      .filter((r) => r[0] === "craft" && r[1])
      .map((r) => r[1] ?? "")
      .sort((a, b) => b.length - a.length),
    formationWords: aux.prefixes
      .filter((r) => r[0] === "formation" && r[1])
      .map((r) => r[1] ?? "")
      .sort((a, b) => b.length - a.length),
    groupNouns: new Map(
      aux.prefixes
        .filter((r) => r[0] === "group" && r[1])
        .map((r) => [r[1] ?? "", r[2] || (r[1] ?? "")]),
    ),
    kindSuffixes,
    surnames,
    titles,
  };
}

let shipped: Gazetteer | null = null;

/** The shipped gazetteer from `data/gazetteer/` (loaded once). */
export function loadGazetteer(): Gazetteer {
  if (shipped) return shipped;
  const entries = [
    ...parseEntries(loadDataTsv("gazetteer/states.tsv")),
    ...parseEntries(loadDataTsv("gazetteer/organizations.tsv")),
    ...parseEntries(loadDataTsv("gazetteer/persons.tsv")),
  ];
  shipped = compileGazetteer(entries, {
    abbreviations: loadDataTsv("gazetteer/abbreviations.tsv"),
    prefixes: loadDataTsv("gazetteer/compound-contexts.tsv"),
    kinds: loadDataTsv("gazetteer/kinds.tsv"),
    surnames: loadDataTsv("gazetteer/surnames.txt"),
    titles: loadDataTsv("gazetteer/titles.tsv"),
  });
  return shipped;
}
