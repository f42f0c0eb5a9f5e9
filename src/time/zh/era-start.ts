/**
 * The opening years of an era or reign: 民国初年, 民國初期, 同治初年 → the decade of the era's first
 * year, START (191 START, 186 START) when the era starts early in its decade (first year ending in
 * 0–2); an era starting later would put its opening years in a decade mostly before it, so those
 * take the era's first year, START: 光绪初年 → 1875 START, 宣统初年 → 1909 START, 洪武初年 → 1368
 * START, 昭和初期 → 1926 START. Gold of hu-weide, lu-zhengxiang, yan-huiqing, zhang-yinhuan.
 * Must not match: 清朝初年, 南宋末年 (a dynasty, not an era with numbered years), 民国初年级 (a
 * school year), 民国时期 (no part), 唐高宗初年 (a Korean temple name without Korean context).
 */
import type { Parser } from "../types.js";
import { once } from "../tables.js";
import { eraAt } from "./era-year.js";
import { eraNames, eraStarts } from "./fragments.js";

const pattern = once(() => new RegExp(`(?<era>${eraNames()})初(?:年|期)(?![级級])`, "g"));

/** `time:zh/era-start`. */
export const eraStart: Parser = {
  name: "era-start",
  triggers: "初",
  get starts() {
    return eraStarts();
  },
  gate: /初[年期]/,
  get pattern() {
    return pattern();
  },
  extract(match, input) {
    const era = eraAt(match.groups?.era, input, match.index);
    if (era === undefined) return null;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "era-start",
      calendar: "gregorian",
      mod: "START",
      point: era.first % 10 <= 2 ? { decade: Math.floor(era.first / 10) } : { year: era.first },
      need: "none",
    };
  },
};
