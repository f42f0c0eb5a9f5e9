/**
 * Days stated relative to the narrative's last day: 同日, 当日, 当天 (same day), 次日, 翌日,
 * 隔日, 第二天 (+1), 前一天 (-1), 一天后 (+1, 后 kept in the span), 三天前 (-3); the Nth day
 * of what the narrative tells, counted from its last day: 事变第三日 (+2), 第5天 (+4).
 * Must not match: 几天后 (a vague duration), 今天 (the present), 每天 (a set), 每月第一天,
 * 新年的第一天 (a day of a calendar period, not of the narrative), 同日本/当日军 (同/当 before 日本
 * or 日军: "with Japan", "when the Japanese army"; bandung-conference, port-arthur-massacre,
 * battle-of-mukden), but 当日军队/当日军民/当日军方/当日军事…/同日军委/当日军警/当日军舰/当日军区 are "that
 * day" (军 starts another word there).
 */
import type { Parser } from "../types.js";
import { num } from "./fragments.js";

const pattern =
  /同日(?!本|军(?![队民方事委警舰区]))|当日(?!本|军(?![队民方事委警舰区]))|当天|同一天|这一天|那一天|这天|那天|次日|翌日|隔日|隔天|(?<![每月年周的])第(?<ord>\d{1,3}|[一二三四五六七八九十]{1,3})[天日](?![元本])|前一天|前一日|(?<![\d每第几数])(?<n>\d{1,2}|[一二两三四五六七八九十]{1,2})(?:天|日)(?<dir>之?后|之?前)/g;

const OFFSETS: Record<string, number> = {
  同日: 0,
  当日: 0,
  当天: 0,
  同一天: 0,
  这一天: 0,
  那一天: 0,
  这天: 0,
  那天: 0,
  次日: 1,
  翌日: 1,
  隔日: 1,
  隔天: 1,
  前一天: -1,
  前一日: -1,
};

/** `time:zh/relative-day`. */
export const relativeDay: Parser = {
  name: "relative-day",
  triggers: "日天",
  starts: "\\d一二两三四五六七八九十前同当次第翌这那隔",
  // Every match is one of the fixed words, 第N天/日, or N天/日 (之)前/后.
  gate: /同日|当日|当天|同一天|这一?天|那一?天|次日|翌日|隔[日天]|第[\d一二三四五六七八九十]{1,3}[天日]|前一[天日]|[天日]之?[前后]/,
  pattern,
  extract(match) {
    const g = match.groups ?? {};
    let offset = OFFSETS[match[0]];
    if (offset === undefined && g.ord !== undefined) {
      const n = num(g.ord);
      if (n === undefined || n === 0) return null;
      offset = n - 1;
    } else if (offset === undefined) {
      const n = num(g.n);
      if (n === undefined || n === 0) return null;
      offset = (g.dir ?? "").endsWith("后") ? n : -n;
    }
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "relative-day",
      calendar: "gregorian",
      mod: null,
      point: {},
      need: "date",
      relative: { unit: "day", offset },
    };
  },
};
