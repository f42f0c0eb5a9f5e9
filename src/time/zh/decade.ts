/**
 * Decades, with an optional century and part: 1990年代, 90年代, 九十年代, 二十世纪九十年代,
 * 六七十年代 (one DATE: the first decade, the second noted), 1990年代初 (START), 80年代末 (END).
 * Must not match: 1990年 (a year), 70年 (a duration).
 */
import type { Parser } from "../types.js";
import { NOT_AFTER_NUMBER, num, partMod } from "./fragments.js";

const pattern = new RegExp(
  `${NOT_AFTER_NUMBER}(?:(?<c>\\d{1,2}|[一二]?十[一二三四五六七八九]?|[一二三四五六七八九])世纪)?` +
    `(?:(?<a>[一二三四五六七八九])(?<b>[一二三四五六七八九])十|(?<n>\\d{4}|\\d0|[〇零一二三四五六七八九]{3}[〇零]|[一二三四五六七八九]十|[〇零]{1,2}))` +
    `年代(?<p>初期|中期|后期|末期|初|中|末)?`,
  "g",
);

/** `time:zh/decade`. */
export const decade: Parser = {
  name: "decade",
  triggers: "代",
  starts: "\\d〇零一二三四五六七八九十",
  gate: /年代/,
  pattern,
  extract(match) {
    const g = match.groups ?? {};
    const century = num(g.c);
    let tens: number | undefined;
    let second: number | undefined;
    let full: number | undefined;
    if (g.a !== undefined && g.b !== undefined) {
      tens = num(g.a);
      second = num(g.b);
    } else if (g.n !== undefined) {
      const n = num(g.n);
      if (n === undefined) return null;
      if (/^(?:\d{4}|[〇零一二三四五六七八九]{4})$/.test(g.n)) full = n;
      else tens = n >= 10 ? Math.floor(n / 10) : n;
    }
    let value: number;
    if (full !== undefined) {
      if (full % 10 !== 0) return null;
      value = full / 10;
    } else {
      if (tens === undefined) return null;
      // Note: without a century, 90年代 is the 1990s and 00年代–20年代 the 2000s–2020s.
      const base =
        century !== undefined
          ? (century - 1) * 10
          : tens <= 2 && g.n !== undefined && /^[〇零0]/.test(g.n)
            ? 200
            : 190;
      value = base + tens;
    }
    const note =
      second !== undefined && tens !== undefined
        ? `also the ${value - tens + second}0s (${g.a}${g.b}十年代)`
        : undefined;
    return {
      start: match.index,
      end: match.index + match[0].length,
      type: "DATE",
      rule: "decade",
      calendar: "gregorian",
      mod: partMod(g.p),
      point: { decade: value },
      need: "none",
      ...(note !== undefined ? { note } : {}),
    };
  },
};
