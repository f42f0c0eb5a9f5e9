/**
 * Sets (recurring times): 每周一 (XXXX-WXX-1), 每年 (P1Y), 每两年 (P2Y), 每月, 每周, 每天/每日, 每小时, 年度 (annual,
 * P1Y), 一年一度, 年 meaning "annual" before a measure (年出口量, 年贸易量 → P1Y).
 * Must not match: 年度财务 (a fiscal year's accounts), 2017年度 (a fiscal year), 本年度 (this year), 每次 (a count), 每人, 青年出口,
 * 全年产量 (a word ending in 年).
 */
import { parseNumber } from "../numerals.js";
import { alternation, lexicon, once } from "../tables.js";
import type { Parser } from "../types.js";

const pattern = once(() => {
  const annual = lexicon().annual;
  const notAfter = annual.notAfter.replace(/[\\\]^-]/g, "\\$&");
  return new RegExp(
    `每(?:周|星期|礼拜)(?<wd>[一二三四五六日天])|每隔?(?<n>\\d{1,3}|[一二两三四五六七八九十]{1,3})?个?(?<u>年度|[年月周天日]|星期|礼拜|小时|分钟)|一(?<u2>[年月周天])一(?:度|次)|(?<![\\d〇零一二三四五六七八九十本上下该同今去明前次每财年])年度(?!${alternation(annual.notSetAfter)})|(?<![${notAfter}])(?<annual>年)(?=${alternation(annual.before)})`,
    "gu",
  );
});

const UNIT: Record<string, string> = {
  年度: "Y",
  年: "Y",
  月: "M",
  周: "W",
  星期: "W",
  礼拜: "W",
  天: "D",
  日: "D",
  小时: "TH",
  分钟: "TM",
};

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
      return { ...base, value: `XXXX-WXX-${wd}` };
    }
    const unit = UNIT[g.u ?? g.u2 ?? "年度"];
    if (unit === undefined) return null;
    const n = g.n === undefined ? 1 : /^\d/.test(g.n) ? Number.parseInt(g.n, 10) : parseNumber(g.n);
    if (n === null || n === 0) return null;
    const value = unit.startsWith("T") ? `PT${n}${unit.slice(1)}` : `P${n}${unit}`;
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
