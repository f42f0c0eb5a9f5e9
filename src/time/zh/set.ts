/**
 * Sets (recurring times): 每周一 (XXXX-WXX-1), 每周一下午八点 (XXXX-WXX-1T20:00), 每季度 (P3M), 每年 (P1Y), 每两年 (P2Y), 每月, 每周, 每天/每日, 每小时, 年度 (annual,
 * P1Y), 一年一度, 年 meaning "annual" before a measure (年出口量, 年贸易量 → P1Y).
 * Must not match: 每周一次 (once a week: P1W, not Mondays), 年度财务 (a fiscal year's accounts), 2017年度 (a fiscal year), 本年度 (this year), 每次 (a count), 每人, 青年出口,
 * 全年产量 (a word ending in 年).
 */
import { parseNumber } from "../numerals.js";
import { alternation, lexicon, once } from "../tables.js";
import type { Parser } from "../types.js";

const pattern = once(() => {
  const annual = lexicon().annual;
  const notAfter = annual.notAfter.replace(/[\\\]^-]/g, "\\$&");
  return new RegExp(
    `每(?:周|星期|礼拜)(?<wd>[一二三四五六日天])(?![次回遍趟])(?:(?<pod>早上|上午|中午|下午|晚上)?(?<hr>\\d{1,2}|[零一二两三四五六七八九十]{1,3})[点时](?:(?<half>半)|(?<mi>\\d{1,2}|[零一二三四五六七八九十]{1,3})分)?)?|每隔?(?<n>\\d{1,3}|[一二两三四五六七八九十]{1,3})?个?(?<u>年度|季度|[年月周天日]|星期|礼拜|小时|分钟)|一(?<u2>[年月周天])一(?:度|次)|(?<![\\d〇零一二三四五六七八九十本上下该同今去明前次每财年])年度(?!${alternation(annual.notSetAfter)})|(?<![${notAfter}])(?<annual>年)(?=${alternation(annual.before)})`,
    "gu",
  );
});

const UNIT: Record<string, string> = {
  年度: "Y",
  年: "Y",
  季度: "Q",
  月: "M",
  周: "W",
  星期: "W",
  礼拜: "W",
  天: "D",
  日: "D",
  小时: "TH",
  分钟: "TM",
};

/** Number of a count written in digits or Chinese numerals, or null. */
function count(text: string): number | null {
  return /^\d/.test(text) ? Number.parseInt(text, 10) : parseNumber(text);
}

/**
 * The clock time of a weekly set (每周一下午八点 → T20:00), or "" when none or not a time; 下午/晚上
 * move hours before 12 into the afternoon.
 */
function clock(g: Record<string, string | undefined>): string {
  if (g.hr === undefined) return "";
  let hour = count(g.hr);
  const minute = g.half !== undefined ? 30 : g.mi === undefined ? 0 : count(g.mi);
  if (hour === null || minute === null || hour > 24 || minute > 59) return "";
  if ((g.pod === "下午" || g.pod === "晚上") && hour < 12) hour += 12;
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `T${pad(hour)}:${pad(minute)}`;
}

/** `time:zh/set`. */
export const set: Parser = {
  name: "set",
  triggers: "每度年",
  starts: "每一年",
  get pattern() {
    return pattern();
  },
  extract(match) {
    const g = match.groups ?? {};
    const base = {
      start: match.index,
      end: match.index + match[0].length,
      type: "SET" as const,
      rule: "set",
      calendar: "gregorian" as const,
      mod: null,
    };
    if (g.wd !== undefined) {
      const wd = g.wd === "天" ? 7 : "一二三四五六日".indexOf(g.wd) + 1;
      return { ...base, value: `XXXX-WXX-${wd}${clock(g)}` };
    }
    const unit = UNIT[g.u ?? g.u2 ?? "年度"];
    if (unit === undefined) return null;
    const n = g.n === undefined ? 1 : count(g.n);
    if (n === null || n === 0) return null;
    // Note: a quarter recurs every three months (每季度 → P3M).
    const value = unit.startsWith("T")
      ? `PT${n}${unit.slice(1)}`
      : unit === "Q"
        ? `P${n * 3}M`
        : `P${n}${unit}`;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "SET",
      rule: "set",
      calendar: "gregorian",
      mod: null,
      value,
    };
  },
};
