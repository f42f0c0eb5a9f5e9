/**
 * Days counted from the writer's now: 今天, 明天, 昨天, 前天, 后天, 大前天, 大后天, 明日, 昨日, and
 * with a part of day 今晨, 今早, 昨晚, 今晚, 明晚, 昨夜. With a reference date they are that day
 * (今天 → the reference day); without one 今天 is PRESENT_REF and the others count from the
 * narrative's day (they occur in quotations and documents) without moving the line.
 * Must not match: 今天下 (part of 今天下午 is still 今天), 后天性 (acquired), 先天后天, 明日之星.
 */
import type { Parser, PartOfDay } from "../types.js";
import { insideQuote } from "./present-ref.js";

const pattern =
  /大前天|大后天|今天|明天|昨天|前天|(?<![先天])后天(?![性的])|明日(?!之)|昨日|(?<pod>今晨|今早|昨晚|今晚|明晚|明早|昨夜|今夜)/g;

const OFFSETS: Record<string, number> = {
  大前天: -3,
  前天: -2,
  昨天: -1,
  昨日: -1,
  今天: 0,
  明天: 1,
  明日: 1,
  后天: 2,
  大后天: 3,
};

const PARTS: Record<string, [number, PartOfDay]> = {
  今晨: [0, "MO"],
  今早: [0, "MO"],
  明早: [1, "MO"],
  昨晚: [-1, "NI"],
  昨夜: [-1, "NI"],
  今晚: [0, "NI"],
  今夜: [0, "NI"],
  明晚: [1, "NI"],
};

/** `time:zh/deictic-day`. */
export const deicticDay: Parser = {
  name: "deictic-day",
  triggers: "天日晨早晚夜",
  starts: "今明昨前后大",
  pattern,
  extract(match, input) {
    const word = match[0];
    // Note: without a reference date, a quotation's 今天/明天 points at the speaker's now.
    if (input.reference === undefined && insideQuote(input, match.index)) return null;
    const part = PARTS[word];
    const offset = part?.[0] ?? OFFSETS[word];
    if (offset === undefined) return null;
    const base = {
      start: match.index,
      end: match.index + word.length,
      rule: "deictic-day",
      calendar: "gregorian" as const,
      mod: null,
      fromNow: { unit: "day" as const, offset, grain: "day" as const },
    };
    if (word === "今天") return { ...base, type: "DATE", value: "PRESENT_REF" };
    return {
      ...base,
      type: part !== undefined ? "TIME" : "DATE",
      point: part !== undefined ? { partOfDay: part[1] } : {},
      need: "date",
      relative: { unit: "day", offset, deictic: true },
    };
  },
};
