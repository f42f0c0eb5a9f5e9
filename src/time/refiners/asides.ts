/**
 * Marks expressions that must not move the narrative line: future plans (将于2012年3月,
 * 2015年春将举行, an invitation to attend: 邀请朝鲜参加2012年…, but not 应…邀请于2005年访问), 以来 clauses (2005年以来, 自2010年3月…以来), ranges in
 * parentheses (life spans, terms of office), quoted speech, captions and reference items.
 */
import { alternation, lexicon, once } from "../tables.js";
import type { Placed, Refiner } from "../types.js";
import { insideQuote } from "../zh/present-ref.js";

const CLAUSE_END = /[，。；！？,;!?\n]/;
const patterns = once(() => {
  const lex = lexicon();
  const inv = lex.invite;
  const attend = alternation(inv.attend);
  return {
    futureBefore: new RegExp(alternation(lex.futureBefore)),
    futureAfter: new RegExp(`^(?:${alternation(lex.futureAfter)})`),
    // 邀请 … 参加 <date>: the attend verb (not followed by 了/过) is the last one before the date.
    invite: new RegExp(
      `(?<invite>${alternation(inv.words)})(?:(?!${attend}).)*?(?:${attend})(?!${alternation(inv.done)})(?:(?!${attend}).)*$`,
      "u",
    ),
    acceptedBefore: new RegExp(`(?:${alternation(inv.accepted)})$`),
    // 应美国总统邀请 (not 应该/应当…): the frame char, then a few characters up to the invitation.
    acceptedFrame: new RegExp(
      `${alternation([inv.acceptedFrame])}(?![该当对用有])[^，。；]{0,12}$`,
      "u",
    ),
    since: new RegExp(`^[^，。；！？,;!?\\n]{0,12}?(?:${alternation(lex.sinceAfter)})`),
  };
});

function clauseBefore(text: string, item: Placed): string {
  let i = item.textStart;
  while (i > item.block.textStart && !CLAUSE_END.test(text[i - 1] ?? "")) i -= 1;
  return text.slice(i, item.textStart);
}

/** Whether the clause before a date invites someone to attend it (邀请朝鲜参加2012年…). */
export function invitedFuture(clause: string): boolean {
  const p = patterns();
  const m = p.invite.exec(clause);
  if (m === null) return false;
  const head = clause.slice(0, m.index);
  return !p.acceptedBefore.test(head) && !p.acceptedFrame.test(head);
}

function inParenthesizedRange(text: string, items: Placed[], i: number): boolean {
  const item = items[i]!;
  const other =
    item.head !== undefined
      ? items[item.head]
      : items[i + 1]?.head === i
        ? items[i + 1]
        : undefined;
  if (other === undefined) return false;
  const from = Math.min(item.textStart, other.textStart);
  const to = Math.max(item.textEnd, other.textEnd);
  return (
    /[（(]\s*$/.test(text.slice(Math.max(0, from - 2), from)) &&
    /^\s*[)）]/.test(text.slice(to, to + 2))
  );
}

/** `time:zh/asides`. */
export const asides: Refiner = {
  name: "asides",
  refine(items, input) {
    const text = input.text;
    const p = patterns();
    return items.map((item, i) => {
      const kind = item.block.kind;
      if (kind === "caption" || kind === "reference") return { ...item, aside: true };
      const before = clauseBefore(text, item);
      const after = text.slice(item.textEnd, Math.min(item.block.textEnd, item.textEnd + 16));
      const future =
        p.futureBefore.test(before) || p.futureAfter.test(after) || invitedFuture(before);
      const since =
        p.since.test(after) && !/[，。；]/.test(after.slice(0, after.search(/以来/) + 1));
      const quoted = insideQuote(
        text.slice(item.block.textStart, item.textStart),
        item.textStart - item.block.textStart,
      );
      if (future || since || quoted || inParenthesizedRange(text, items, i)) {
        return { ...item, aside: true };
      }
      return item;
    });
  },
};
