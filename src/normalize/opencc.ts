/**
 * Cached opencc-js converters with a length guarantee: output always has the input's length.
 */
import { createRequire } from "node:module";

type Convert = (text: string) => string;

// Note: opencc-js (its dictionaries are megabytes of script) loads on the first conversion, not
// on import, so a command that converts nothing (`annals --help`, `parse --format json`) skips it.
const require = createRequire(import.meta.url);
let opencc: typeof import("opencc-js") | null = null;
const converter = (): typeof import("opencc-js").Converter =>
  (opencc ??= require("opencc-js") as typeof import("opencc-js")).Converter;

let toCnCache: Convert | null = null;
let toTwCache: Convert | null = null;

// Note: `tw→cn`, not `t→cn` (隨著 → 随着 only with tw); `cn→tw`, never `twp` (phrases change length).
function rawToCn(): Convert {
  if (toCnCache !== null) return toCnCache;
  const convert: Convert = converter()({ from: "tw", to: "cn" });
  toCnCache = convert;
  return convert;
}

function rawToTw(): Convert {
  if (toTwCache !== null) return toTwCache;
  const convert: Convert = converter()({ from: "cn", to: "tw" });
  toTwCache = convert;
  return convert;
}

/**
 * Runs `convert` and guarantees the output length: when opencc changes the length of the
 * whole text, each line, then each character is converted on its own (a character that still
 * changes length stays as written).
 */
export function convertKeepingLength(text: string, convert: Convert): string {
  const out = convert(text);
  if (out.length === text.length) return out;
  const lines = text.split("\n");
  if (lines.length > 1) return lines.map((l) => convertKeepingLength(l, convert)).join("\n");
  let result = "";
  for (const ch of text) {
    const c = convert(ch);
    result += c.length === ch.length ? c : ch;
  }
  return result;
}

/** Texts up to this long are remembered with their conversion (see `remembered`). */
export const SHORT_TEXT = 32;
/** How many short texts each direction remembers before it starts again from none. */
const REMEMBERED = 10_000;
const shortToCn = new Map<string, string>();
const shortToTw = new Map<string, string>();

/**
 * `convertKeepingLength`, remembered for short texts: the entities stage converts every link
 * target and every entity name (美国, 朝鲜, 金正恩 in article after article), and one opencc call
 * on a short text costs its whole chain (normalization, segmentation, two tries). A conversion
 * depends on the text alone, so a remembered one is the same string.
 */
function remembered(cache: Map<string, string>, text: string, convert: () => Convert): string {
  if (text.length > SHORT_TEXT) return convertKeepingLength(text, convert());
  let out = cache.get(text);
  if (out === undefined) {
    if (cache.size >= REMEMBERED) cache.clear();
    out = convertKeepingLength(text, convert());
    cache.set(text, out);
  }
  return out;
}

/** Traditional (Taiwan) or mixed text → Simplified (zh-cn), same length. */
export function toSimplified(text: string): string {
  return remembered(shortToCn, text, rawToCn);
}

/** Simplified or mixed text → Traditional (zh-tw), same length. */
export function toTraditional(text: string): string {
  return remembered(shortToTw, text, rawToTw);
}
