/**
 * Months stated relative to the narrative month: 同月, 当月, 次月 (+1), 翌月, 同月25日, 当月底; and
 * relative to the writer's now, 本月/这个月, 上个月 (−1), 下个月 (+1), 本月十日: against the reference
 * date when there is one, else the narrative's month (as 去年/明年), without moving the line.
 * Must not match: 上月/下月 without 个 (登上月球, 上月台), 每月 (a set), a 月 of 月球 (the moon:
 * 实现国际首次月球背面软着陆, 本月球车; the moon is named in apollo-11, chang-e-2, change-3, change-4).
 * A 球 that starts another word is not the moon: 次月球队解散, 同月球迷 are 次月, 同月.
 */
import type { Parser } from "../types.js";
import { DAY, num, partMod } from "./fragments.js";

const pattern = new RegExp(
  `(?:(?<r>同月|当月|次月|翌月)|(?<now>本月|这个月|上个月|下个月))(?!球(?![队赛迷员场星衣季坛]))(?:(?<d>${DAY})[日号])?(?<p>上旬|中旬|下旬|初|底|末)?`,
  "g",
);

/** `time:zh/relative-month`. */
export const relativeMonth: Parser = {
  name: "relative-month",
  triggers: "月",
  starts: "上下本这同当次翌",
  pattern,
  extract(match) {
    const g = match.groups ?? {};
    const d = num(g.d);
    if (d !== undefined && (d < 1 || d > 31)) return null;
    const offset =
      g.r === "次月" || g.r === "翌月" || g.now === "下个月" ? 1 : g.now === "上个月" ? -1 : 0;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "relative-month",
      calendar: "gregorian",
      mod: partMod(g.p),
      point: d !== undefined ? { day: d } : {},
      need: "year-month",
      relative: { unit: "month", offset, ...(g.now !== undefined ? { deictic: true } : {}) },
      ...(g.now !== undefined
        ? {
            fromNow: {
              unit: "month" as const,
              offset,
              grain: d !== undefined ? ("day" as const) : ("month" as const),
            },
          }
        : {}),
    };
  },
};
