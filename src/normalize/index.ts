/**
 * The normalize stage: script-normalized views of a document's display text (zh-cn, zh-tw and
 * the Simplified analysis text), each exactly as long as `Document.text` so offsets carry over.
 * Pure: no I/O beyond the data tables, no clock.
 */
import {
  loadDataJson,
  type ConverterSpan,
  type Document,
  type Normalized,
} from "../model/index.js";
import { applyFixes } from "./fixes.js";
import { toSimplified, toTraditional } from "./opencc.js";

export { convertKeepingLength, toSimplified, toTraditional } from "./opencc.js";
export { applyFixes, loadFixes, type Fix } from "./fixes.js";

/** First private-use code point used to mask converter spans. */
const MASK = 0xe000;
const MASK_RANGE = 0x1900;

const CN_VARIANTS = new Set(["zh-hans", "zh-cn", "zh-sg", "zh-my"]);
const TW_VARIANTS = new Set(["zh-hant", "zh-tw", "zh-hk", "zh-mo"]);

/** Whether converter markup leaves its text unconverted in `variant` (all but `zh-hans;…|X`). */
function protects(span: ConverterSpan, variant: "cn" | "tw"): boolean {
  const listed = span.flags.filter((f) => CN_VARIANTS.has(f) || TW_VARIANTS.has(f));
  if (listed.length === 0) return true;
  const set = variant === "cn" ? CN_VARIANTS : TW_VARIANTS;
  return !listed.some((f) => set.has(f));
}

/** Replaces each protected converter range with private-use characters (same length). */
function mask(text: string, spans: ConverterSpan[], variant: "cn" | "tw"): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let last = 0;
  let k = 0;
  for (const span of spans) {
    if (!protects(span, variant) || span.textEnd <= span.textStart) continue;
    parts.push(text.slice(last, span.textStart));
    let m = "";
    for (let i = span.textStart; i < span.textEnd; i += 1) {
      m += String.fromCharCode(MASK + (k % MASK_RANGE));
      k += 1;
    }
    parts.push(m);
    last = span.textEnd;
  }
  parts.push(text.slice(last));
  return parts.join("");
}

/** Writes each converter span's shown text for `variant` back into `text`. */
function restore(text: string, spans: ConverterSpan[], variant: "cn" | "tw"): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (const span of spans) {
    if (!protects(span, variant) || span.textEnd <= span.textStart) continue;
    const shown = span.shown[variant];
    // Note: shown texts are padded to the span's display length; guard anyway.
    const fill =
      shown.length === span.textEnd - span.textStart
        ? shown
        : text.slice(span.textStart, span.textEnd);
    parts.push(text.slice(last, span.textStart), fill);
    last = span.textEnd;
  }
  parts.push(text.slice(last));
  return parts.join("");
}

const FALLBACKS = loadDataJson<{ fallbacks: { cn: string[]; tw: string[] } }>(
  "ingest/converter.json",
).fallbacks;

/**
 * Applies the page's conversion rules (`-{H|…}-`, `-{A|…}-`, `{{NoteTA}}`) to a variant view:
 * where the display text holds a form a rule names (北韓), the view shows the variant's form
 * (zh-cn 朝鲜). A form of another length than the variant's is left alone (offsets must hold),
 * and so is text inside protected converter markup.
 */
function applyPageRules(view: string, doc: Document, variant: "cn" | "tw"): string {
  const pairs: Array<[string, string]> = [];
  for (const span of doc.converter) {
    const both = span.rules.filter((r) => r.from === undefined && r.remove !== true);
    const byVariant = new Map(both.map((r) => [r.variant, r.to]));
    const target = FALLBACKS[variant].map((v) => byVariant.get(v)).find((t) => t !== undefined);
    if (target !== undefined) {
      for (const r of both) {
        if (r.to !== target && r.to.length === target.length) pairs.push([r.to, target]);
      }
    }
    for (const r of span.rules) {
      const own = FALLBACKS[variant].includes(r.variant);
      if (r.from !== undefined && own && r.remove !== true && r.from.length === r.to.length) {
        pairs.push([r.from, r.to]);
      }
    }
  }
  if (pairs.length === 0) return view;
  const taken = new Uint8Array(view.length);
  for (const span of doc.converter) {
    if (protects(span, variant)) taken.fill(1, span.textStart, span.textEnd);
  }
  const out = view.split("");
  pairs.sort((a, b) => b[0].length - a[0].length);
  for (const [form, to] of pairs) {
    for (let at = doc.text.indexOf(form); at >= 0; at = doc.text.indexOf(form, at + 1)) {
      if (taken.subarray(at, at + form.length).some((x) => x === 1)) continue;
      for (let k = 0; k < form.length; k += 1) out[at + k] = to[k] ?? "";
      taken.fill(1, at, at + form.length);
    }
  }
  return out.join("");
}

/** Full-width digits and Latin letters (U+FF10–FF19, FF21–FF3A, FF41–FF5A) made half-width. */
export function halfWidthAlnum(text: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0xff10 && c <= 0xff19) ||
      (c >= 0xff21 && c <= 0xff3a) ||
      (c >= 0xff41 && c <= 0xff5a)
    ) {
      out += text.slice(last, i) + String.fromCharCode(c - 0xfee0);
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/** The Simplified, half-width analysis form of any text (same length), as `normalize` makes it. */
export function toAnalysisText(text: string): string {
  const simplified = toSimplified(text);
  return halfWidthAlnum(applyFixes(simplified, simplified, "cn"));
}

/** Any text (a label, a name, a summary) in zh-cn display script, with the fixes applied. */
export function toCnDisplay(text: string): string {
  const simplified = toSimplified(text);
  return applyFixes(simplified, simplified, "cn");
}

/** Any text in zh-tw display script, with the fixes applied (佩里 stays 佩里). */
export function toTwDisplay(text: string): string {
  const simplified = toSimplified(text);
  return applyFixes(toTraditional(simplified), simplified, "tw");
}

/** Builds the zh-cn, zh-tw and analysis views of a document, each as long as `doc.text`. */
export function normalize(doc: Document): Normalized {
  const spans = doc.converter;
  // Note: one tw→cn pass serves both cn (protected spans restored) and analysis; the analysis
  // text converts converter spans too (朝鮮 → 朝鲜): it is for matching and search, where a
  // protected Traditional form would hide a mention from a Simplified query.
  const simplified = toSimplified(doc.text);
  const cn = applyPageRules(
    applyFixes(restore(simplified, spans, "cn"), simplified, "cn"),
    doc,
    "cn",
  );
  const tw = applyPageRules(
    applyFixes(restore(toTraditional(mask(doc.text, spans, "tw")), spans, "tw"), simplified, "tw"),
    doc,
    "tw",
  );
  const analysis = halfWidthAlnum(applyFixes(simplified, simplified, "cn"));
  return { doc, cn, tw, analysis };
}
