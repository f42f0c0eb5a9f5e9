/**
 * The post-dictionary of known opencc-js miss-conversions (`data/normalize/fixes.tsv`),
 * applied in context and always length-preserving.
 */
import { loadDataTsv } from "../model/data.js";

/** One fix: where the Simplified input reads `source` and the output reads `wrong`, write `right`. */
export interface Fix {
  variant: "cn" | "tw";
  source: string;
  wrong: string;
  right: string;
}

let cache: Fix[] | null = null;

/** The fixes table, loaded once; rows whose three forms differ in length are refused. */
export function loadFixes(): Fix[] {
  if (cache !== null) return cache;
  const fixes: Fix[] = [];
  for (const [variant, source, wrong, right] of loadDataTsv("normalize/fixes.tsv")) {
    if (variant !== "cn" && variant !== "tw") continue;
    if (source === undefined || wrong === undefined || right === undefined) continue;
    if (source.length !== wrong.length || wrong.length !== right.length || source === "") continue;
    fixes.push({ variant, source, wrong, right });
  }
  cache = fixes;
  return fixes;
}

/**
 * Applies the fixes for `variant` to `output`, converted from a text whose Simplified form is
 * `simplified` (same length): each occurrence of `wrong` over `source` becomes `right`.
 */
export function applyFixes(
  output: string,
  simplified: string,
  variant: "cn" | "tw",
  fixes: Fix[] = loadFixes(),
): string {
  let out = output;
  for (const fix of fixes) {
    if (fix.variant !== variant) continue;
    let at = out.indexOf(fix.wrong);
    while (at >= 0) {
      if (simplified.startsWith(fix.source, at)) {
        out = out.slice(0, at) + fix.right + out.slice(at + fix.right.length);
      }
      at = out.indexOf(fix.wrong, at + 1);
    }
  }
  return out;
}
