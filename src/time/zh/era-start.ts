/**
 * The opening years of an era or reign: 民国初年, 民國初期, 同治初年, 光绪初年 → the decade of the
 * era's first year, START (191 START, 186 START, 187 START). Gold of hu-weide, lu-zhengxiang,
 * yan-huiqing, zhang-yinhuan.
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
      point: { decade: Math.floor(era.first / 10) },
      need: "none",
    };
  },
};
