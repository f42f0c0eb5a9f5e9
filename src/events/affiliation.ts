/**
 * The state an article itself gives a person or a craft where it introduces them, carried to every
 * later mention of the same entity (日本驻华公使林董 … 林董 → JPN; 北洋海军巡洋舰“济远”、“广乙” … “广乙” →
 * QING through the fleet; 参将彭友胜、游击胡廷槐 after 湘军副将刘神山 → the list's state).
 */
import { isTitle, type ActorMention } from "./actors.js";

/** Text between two mentions with quotes, spaces and bracketed asides left out (“吉野”(旗舰)、“浪速” → 、). */
function gapOf(text: string, a: ActorMention, b: ActorMention): string {
  return text
    .slice(a.end, b.start)
    .replace(/（[^（）]{0,12}）|\([^()]{0,12}\)/gu, "")
    .replace(/[\s“”「」『』"《》]+/gu, "");
}

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
 * - the item before in a list of the same kind (“济远”、“广乙”; 副将刘神山、参将彭友胜), with at most an
 *   office or a craft noun after the 、.
 * Rows hold on several dev articles: toyoshima, ganghwa-island-incident, mawei (craft); battle-of-
 * sanhe, cheonan-sinking, alfred-sze, wu-tingfang (envoys, lists).
 */
export function introducedStates(
  text: string,
  mentions: readonly ActorMention[],
  stateOf: Map<string, string>,
  titles: readonly string[],
  craftNouns: readonly string[],
): void {
  const stateFor = (m: ActorMention): string | undefined =>
    m.kind === "state" ? m.id : m.kind === "organization" ? stateOf.get(m.id) : undefined;
  const endsWithAny = (s: string, words: readonly string[]): boolean =>
    words.some((w) => s.endsWith(w));
  for (let k = 1; k < mentions.length; k += 1) {
    const b = mentions[k] as ActorMention;
    if ((b.kind !== "person" && b.kind !== "craft") || stateOf.has(b.id)) continue;
    const a = mentions[k - 1] as ActorMention;
    if (a.end > b.start) continue;
    if (b.kind === "person" && isTitle(text, a, b, titles)) {
      const state = stateFor(a);
      if (state !== undefined) stateOf.set(b.id, state);
      continue;
    }
    const gap = gapOf(text, a, b);
    if (gap.length > 14 || PUNCT.test(text.slice(a.end, b.start))) continue;
    let state: string | undefined;
    if (
      b.kind === "person" &&
      (a.kind === "state" || a.kind === "organization") &&
      text.charAt(a.start - 1) === "驻"
    ) {
      // 日本驻华公使林董: the state right before 驻 sends the envoy.
      const sender = mentions[k - 2];
      if (sender && sender.end === a.start - 1 && endsWithAny(gap, titles))
        state = stateFor(sender);
    } else if (
      b.kind === "craft" &&
      (a.kind === "state" || a.kind === "organization") &&
      (gap === "" || endsWithAny(gap, craftNouns) || /[舰船]$/u.test(gap))
    )
      state = stateFor(a);
    else if (a.kind === b.kind && /^[、和及]/u.test(gap)) {
      // A list: the item before gives its state (“济远”、“广乙”; 副将刘神山、参将彭友胜).
      const rest = gap.slice(1);
      const fits =
        rest === "" ||
        (b.kind === "person" ? endsWithAny(rest, titles) : endsWithAny(rest, craftNouns));
      if (fits && rest.length <= 6) state = stateOf.get(a.id);
    }
    if (state !== undefined) stateOf.set(b.id, state);
  }
}
