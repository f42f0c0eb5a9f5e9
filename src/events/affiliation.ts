/**
 * The state an article itself gives a person or a craft where it introduces them, carried to every
 * later mention of the same entity (日本驻华公使林董 … 林董 → JPN; 北洋海军巡洋舰“济远”、“广乙” … “广乙” →
 * QING through the fleet; 参将彭友胜、游击胡廷槐 after 湘军副将刘神山 → the list's state).
 */
import { isTitle, type ActorMention } from "./actors.js";

/** Text between two mentions with quotes and spaces left out (“济远”、“广乙” → 、). */
function gapOf(text: string, a: ActorMention, b: ActorMention): string {
  return text.slice(a.end, b.start).replace(/[\s“”「」『』"《》]+/gu, "");
}

// Note: a bracketed aside stops every rule below, as a comma does (“吉野”（旗舰）、“浪速” gives 浪速
// nothing): what an aside says of the item before is unread, and might name another side.
const PUNCT = /[，。；：！？,;:!?（）()]/u;

/**
 * Sets `stateOf` for each person and craft with no state yet from the words that introduce them,
 * the first such introduction in text order deciding:
 * - a state, or an organisation acting for one, right before a person with at most an office
 *   between (美国国务卿X, 北洋水师提督丁汝昌: `isTitle`);
 * - the state before 驻 when the mention before the person names the post (日本驻华公使林董,
 *   朝鲜驻联合国大使申善虎, 清驻美公使张荫棠: the envoy serves the sender, not the host);
 * - a state or an organisation acting for one before a craft, with nothing or a craft noun
 *   between (北洋海军巡洋舰“济远”, 日本军舰“云扬”号);
 * - the item before in a list of the same kind joined by 、 (“济远”、“广乙”; 副将刘神山、参将彭友胜), with
 *   at most an office or a craft noun after the 、, never 敌, 驻 or another state's name (敌舰“吉野”,
 *   驻日公使汪凤藻); 和, 及 and 与 join two sides and carry nothing (维特和小村寿太郎).
 * Rows hold on several dev articles: toyoshima, ganghwa-island-incident, mawei (craft); battle-of-
 * sanhe, cheonan-sinking, alfred-sze, wu-tingfang (envoys, lists).
 */
export function introducedStates(
  text: string,
  mentions: readonly ActorMention[],
  stateOf: Map<string, string>,
  titles: readonly string[],
  craftNouns: readonly string[],
  stateForms: ReadonlyMap<string, string> = new Map(),
): void {
  const stateFor = (m: ActorMention): string | undefined =>
    m.kind === "state" ? m.id : m.kind === "organization" ? stateOf.get(m.id) : undefined;
  const endsWithAny = (s: string, words: readonly string[]): boolean =>
    words.some((w) => s.endsWith(w));
  /** The state the mention before `b` (the k-th) gives it, if any. */
  const fromBefore = (k: number, b: ActorMention): string | undefined => {
    const a = mentions[k - 1];
    if (!a || a.end > b.start) return undefined;
    const gap = gapOf(text, a, b);
    const posted = text.charAt(a.start - 1) === "驻";
    if (b.kind === "person" && !posted && isTitle(text, a, b, titles)) return stateFor(a);
    if (gap.length > 14 || PUNCT.test(text.slice(a.end, b.start))) return undefined;
    if (b.kind === "person" && (a.kind === "state" || a.kind === "organization") && posted) {
      // 日本驻华公使林董: the state right before 驻 sends the envoy.
      const sender = mentions[k - 2];
      return sender && sender.end === a.start - 1 && endsWithAny(gap, titles)
        ? stateFor(sender)
        : undefined;
    }
    if (b.kind === "craft" && (a.kind === "state" || a.kind === "organization"))
      return gap === "" ||
        (!gap.startsWith("的") && (endsWithAny(gap, craftNouns) || /[舰船]$/u.test(gap)))
        ? stateFor(a)
        : undefined;
    if (a.kind === b.kind && gap.startsWith("、")) {
      // A list: the item before gives its state (“济远”、“广乙”; 副将刘神山、参将彭友胜).
      // Note: only across 、 — 和, 及 and 与 join the two sides (维特和小村寿太郎, “济远”和“吉野”) — and
      // never to an item that names its own side: an enemy, a post (敌舰“吉野”, 驻日公使汪凤藻)
      // or another state before its office or craft noun (英公使窦纳乐).
      const rest = gap.slice(1);
      const state = stateOf.get(a.id);
      const nouns = b.kind === "person" ? titles : craftNouns;
      const noun = nouns.filter((w) => rest.endsWith(w)).sort((x, y) => y.length - x.length)[0];
      const own = rest.slice(0, rest.length - (noun ?? "").length);
      const fits = rest === "" || noun !== undefined;
      const otherSide =
        /[敌驻]/u.test(rest) ||
        [...stateForms].some(([form, id]) => id !== state && own.includes(form));
      return fits && !otherSide && rest.length <= 6 ? state : undefined;
    }
    return undefined;
  };
  for (let k = 1; k < mentions.length; k += 1) {
    const b = mentions[k] as ActorMention;
    if ((b.kind !== "person" && b.kind !== "craft") || stateOf.has(b.id)) continue;
    const state =
      fromBefore(k, b) ??
      (b.kind === "craft" ? prefixState(text, b, stateForms, craftNouns) : undefined);
    if (state !== undefined) stateOf.set(b.id, state);
  }
}

/**
 * The state whose name opens the noun phrase before a craft (遇上日本联合舰队第一游击队“吉野”, 日舰“西京丸”,
 * 英国商船“高陞”): a form of a state the article names, at most 12 characters before the craft within
 * its clause, the words after it ending in a craft noun, 舰, 船 or a unit (队); a one-character form
 * only right before 舰 or 军舰 (日舰, 法舰). The closest form wins.
 */
export function prefixState(
  text: string,
  b: ActorMention,
  stateForms: ReadonlyMap<string, string>,
  craftNouns: readonly string[] = [],
): string | undefined {
  const lead = text.slice(Math.max(0, b.start - 24), b.start);
  const cut = Math.max(...[...lead.matchAll(/[，。；：！？,;:!?\n]/gu)].map((m) => m.index), -1);
  const phrase = lead.slice(cut + 1).replace(/[\s“”「」『』"]+/gu, "");
  if (!(/[舰船队]$/u.test(phrase) || craftNouns.some((n) => phrase.endsWith(n)))) return undefined;
  let best: string | undefined;
  let bestAt = -1;
  for (const [form, id] of stateForms) {
    const at = phrase.lastIndexOf(form);
    if (at < 0 || at <= bestAt) continue;
    const rest = phrase.slice(at + form.length);
    // Note: a state before 的 qualifies the craft without owning its acts (苏联的探测飞船月球15号:
    // the state is a third party, apollo-11's gold).
    if (rest.startsWith("的")) continue;
    if (form.length === 1 ? !/^军?舰/u.test(rest) || rest.length > 8 : rest.length > 12) continue;
    best = id;
    bestAt = at;
  }
  return best;
}
