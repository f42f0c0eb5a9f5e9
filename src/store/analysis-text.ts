/**
 * Query text in analysis form: the same conversion the normalize stage applies to the article
 * (zh-tw → zh-cn with opencc-js, full-width ASCII made half-width), so 朝鮮 finds 朝鲜.
 */
import { Converter } from "opencc-js";

let twToCn: ((text: string) => string) | null = null;

/** Converts a query string (either script) to the Simplified, half-width analysis form. */
export function toAnalysis(text: string): string {
  const convert = (twToCn ??= Converter({ from: "tw", to: "cn" }));
  // Note: full-width ASCII (U+FF01–U+FF5E) sits 0xFEE0 above its half-width form; U+3000 is a space.
  return convert(text)
    .replace(/[\uFF01-\uFF5E]/g, (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}
