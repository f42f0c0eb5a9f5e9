/**
 * Biographies: an article whose title is a person (the lead opens with the title name, then its
 * life span in parentheses or 是…; the title has the form of a name or the lead calls it a
 * statesman, diplomat, official …). Its person is the subject of clauses that name none.
 */
import type { Jieba } from "@node-rs/jieba";
import type { Normalized } from "../model/index.js";
import { toAnalysisText } from "../normalize/index.js";
import type { Gazetteer } from "./gazetteer.js";

/** Nouns by which a lead sentence presents a person (…是清朝外交官, 中華民國外交家). */
const PERSON_NOUN =
  /政治家|外交官|外交家|军事家|革命家|思想家|教育家|企业家|实业家|科学家|作家|诗人|学者|画家|律师|商人|官员|大臣|将领|将军|皇帝|国王|君主|首相|总统|总理|领袖|人物|运动员|演员|歌手/u;
/** A person noun closing a phrase of the lead: its predicate (…清朝外交官，…政治家、外交家). */
const PERSON_PREDICATE = new RegExp(
  `(?:${PERSON_NOUN.source})(?:之一)?(?=$|[，,、；;）)和及与])`,
  "u",
);
/** Parentheses right after the name: the life span （1842年7月9日—1922年6月23日）, or left empty. */
const LIFE = /^[（(][^（）()]*[）)]/u;
/** Other names given in the lead: 本名叙，字文爵，又名伍才，号秩庸. */
const OTHER_NAME = /(?:本名|原名|又名|别名|字|号)(\p{Script=Han}{2,4})(?=[，,。、；（(])/gu;

/** The title person of a biography: Simplified name and other names, or null for other articles. */
export function biographyOf(
  norm: Normalized,
  gazetteer: Gazetteer,
  jieba: Jieba,
  isPerson: (name: string) => boolean,
): { name: string; aliases: string[]; start: number } | null {
  const doc = norm.doc;
  const lead = doc.blocks.find((b) => b.kind === "paragraph");
  if (!lead || lead.section !== null) return null;
  const name = toAnalysisText(doc.title).trim();
  if (name.length < 2 || !/^[\p{Script=Han}·]+$/u.test(name)) return null;
  const text = norm.analysis.slice(lead.textStart, lead.textEnd);
  if (!text.startsWith(name)) return null;
  const rest = text.slice(name.length);
  const sentence = rest.split("。")[0] ?? "";
  if (!LIFE.test(rest) && !rest.startsWith("是")) return null;
  // Note: a thing named in its lead (兴中会（…）是…团体) is no person: the name must look like one.
  const kindSuffix = gazetteer.kindSuffixes.some(
    ([s, kind]) => kind !== "person" && name.endsWith(s) && name.length > s.length,
  );
  if (kindSuffix) return null;
  // Note: the name is a person's as a whole (蒲安臣/nr), not through a part (布拉格/nrt|之春); a
  // person noun counts as the lead's predicate (…的政治及外交人物。), not inside another phrase
  // (虎门销烟是指…钦差大臣林则徐…: an event whose lead names an official).
  const tagged = jieba.tag(name, false);
  const nameLike = isPerson(name) || (tagged.length === 1 && tagged[0]?.tag.startsWith("nr"));
  if (!nameLike && !PERSON_PREDICATE.test(sentence)) return null;
  const aliases = [...sentence.matchAll(OTHER_NAME)]
    .map((m) => m[1] ?? "")
    .filter((a) => a !== name && !gazetteer.byAlias.has(a));
  return { name, aliases, start: lead.textStart };
}

/** Nouns by which a lead sentence presents an organisation (…是反清革命组织, 一个政治团体). */
const ORGANISATION_NOUN =
  /组织|团体|社团|学会|协会|政党|会党|公司|企业|机构|机关|商会|银行|学堂|学校|报社/u;
/** Other names of a titled thing: 又称「复古会」, （简称招商局）. */
const ALSO_CALLED = /(?:又称|简称|又名|别称|亦称|旧称|原称)[「“"]?(\p{Script=Han}{2,8})/gu;

/**
 * The title organisation of an article about one (光复会又称「复古会」，是…革命组织; 轮船招商局（简称
 * 招商局）是…企业): the lead opens with the title, and its first sentence calls it an organisation
 * (or the title has an organisation's suffix). Simplified name and other names, or null.
 */
export function titleOrganisationOf(
  norm: Normalized,
  kindOf: (name: string) => string | null,
): { name: string; aliases: string[] } | null {
  const doc = norm.doc;
  const lead = doc.blocks.find((b) => b.kind === "paragraph");
  if (!lead || lead.section !== null) return null;
  const name = toAnalysisText(doc.title).trim();
  if (name.length < 2 || !/^\p{Script=Han}+$/u.test(name)) return null;
  const text = norm.analysis.slice(lead.textStart, lead.textEnd).replace(/^[「“"]/u, "");
  if (!text.startsWith(name)) return null;
  const sentence = (text.slice(name.length).split("。")[0] ?? "").slice(0, 60);
  const kind = kindOf(name);
  if (kind !== null && kind !== "organization") return null;
  if (kind === null && !ORGANISATION_NOUN.test(sentence)) return null;
  const aliases = [...sentence.matchAll(ALSO_CALLED)]
    .map((m) => m[1] ?? "")
    .filter((a) => a !== name && kindOf(a) !== "person");
  return { name, aliases };
}
