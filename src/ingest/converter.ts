/**
 * LanguageConverter markup `-{…}-`, parsed as MediaWiki's ConverterRule does, over a stream
 * of unescaped inline text so that what is shown keeps its raw positions.
 *
 * Matches: `-{朝鮮}-`, `-{zh-hans:意;zh-hant:義;}-`, `-{R|X}-`, `-{A|zh-hans:A;zh-hant:B}-`,
 * `-{H|…}-`, `-{T|…}-`, `-{D|…}-`, `-{-|…}-`, `-{N|zh-tw}-`, `-{zh-hans;zh-hant|X}-`, nesting.
 * Not markup: an unclosed `-{` (stays literal), `}-` without an opening.
 */
import { CONVERTER } from "./data.js";
import { Stream, UNIT } from "./stream.js";

/** Maximum nesting depth of converter markup (deeper markup stays literal). */
export const MAX_DEPTH = 10;
const ZWSP = 0x200b;
const VARIANTS = new Set(CONVERTER.variants);
const FLAGS = new Set(CONVERTER.flags);
const VARIANT_ALT = CONVERTER.variants
  .slice()
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/-/g, "\\-"))
  .join("|");
// Note: `;` separates choices only before `variant:` (or `from=>variant:`) or at the end.
const SEPARATOR = new RegExp(
  `;\\s*(?=(?:${VARIANT_ALT})\\s*:|[^;]*?=>\\s*(?:${VARIANT_ALT})\\s*:|\\s*$)`,
  "g",
);

/** A page rule added (A|, H|) or removed (-|) by converter markup. */
export interface ConverterRule {
  variant: string;
  from?: string;
  to: string;
  remove?: boolean;
}

/** One parsed `-{…}-`: its stream range, resolved flags, and what each variant shows. */
export interface ConverterHit {
  /** Stream range of the whole markup, `-{` to `}-` inclusive. */
  from: number;
  to: number;
  flags: string[];
  /** Shown units per variant, padded with U+200B to the same length. */
  cn: Stream;
  tw: Stream;
  rules: ConverterRule[];
  /** The display title set by T|, per variant. */
  title: { cn: string; tw: string } | null;
}

/** Pairs every `-{` with its `}-` in `str[from, to)` (a stack, so unclosed ones stay literal). */
export function matchConverters(str: string, from: number, to: number): Map<number, number> {
  const closeOf = new Map<number, number>();
  if (str.indexOf("-{", from) < 0) return closeOf;
  const stack: number[] = [];
  let i = from;
  while (i < to - 1) {
    const c = str.charCodeAt(i);
    if (c === 45 /* - */ && str.charCodeAt(i + 1) === 123 /* { */) {
      stack.push(i);
      i += 2;
    } else if (c === 125 /* } */ && str.charCodeAt(i + 1) === 45 && stack.length > 0) {
      const open = stack.pop() as number;
      closeOf.set(open, i + 2);
      i += 2;
    } else i += 1;
  }
  return closeOf;
}

/** Context for rendering one stream range. */
export interface ConverterContext {
  stream: Stream;
  str: string;
  closeOf: Map<number, number>;
}

/** Appends units `[a, b)` to both outputs, rendering nested markup; collects top-level hits. */
export function renderRange(
  ctx: ConverterContext,
  a: number,
  b: number,
  depth: number,
  cn: Stream,
  tw: Stream,
): void {
  const { stream, closeOf } = ctx;
  let i = a;
  while (i < b) {
    const close = closeOf.get(i);
    if (close !== undefined && close <= b && depth < MAX_DEPTH) {
      const hit = parseConverter(ctx, i, close, depth + 1);
      appendStream(cn, hit.cn);
      appendStream(tw, hit.tw);
      i = close;
      continue;
    }
    const code = stream.codes[i] ?? 0;
    const rs = stream.rs[i] ?? 0;
    const re = stream.re[i] ?? 0;
    const kind = stream.kinds[i] ?? 0;
    cn.push(code, rs, re, kind);
    tw.push(code, rs, re, kind);
    i += 1;
  }
}

function appendStream(to: Stream, from: Stream): void {
  for (let k = 0; k < from.length; k += 1) {
    to.push(from.codes[k] ?? 0, from.rs[k] ?? 0, from.re[k] ?? 0, from.kinds[k] ?? 0);
  }
}

function trimRange(str: string, a: number, b: number): [number, number] {
  while (a < b && /\s/.test(str[a] ?? "")) a += 1;
  while (b > a && /\s/.test(str[b - 1] ?? "")) b -= 1;
  return [a, b];
}

/** Generated text (a variant name, a description) mapped to the raw range `[rs, re)`. */
function generated(text: string, rs: number, re: number): Stream {
  const s = new Stream();
  for (let k = 0; k < text.length; k += 1) s.push(text.charCodeAt(k), rs, re, UNIT.generated);
  return s;
}

/** Parses the markup `str[open, close)` (`-{` … `}-`) into flags, choices and shown text. */
export function parseConverter(
  ctx: ConverterContext,
  open: number,
  close: number,
  depth: number,
): ConverterHit {
  const { str, stream, closeOf } = ctx;
  const a = open + 2;
  const b = close - 2;
  const innerRs = stream.rs[a] ?? stream.re[open + 1] ?? 0;
  const innerRe = stream.re[b - 1] ?? innerRs;
  // Flags: before the first top-level `|`.
  let sep = -1;
  for (let j = a; j < b; j += 1) {
    const c = closeOf.get(j);
    if (c !== undefined && c <= b) {
      j = c - 1;
      continue;
    }
    if (str.charCodeAt(j) === 124 /* | */) {
      sep = j;
      break;
    }
  }
  const written = new Set<string>();
  const variantFlags: string[] = [];
  let textFrom = a;
  if (sep >= 0) {
    for (const f of str.slice(a, sep).split(";")) {
      const ff = f.trim();
      if (FLAGS.has(ff)) written.add(ff);
      else if (VARIANTS.has(ff)) variantFlags.push(ff);
    }
    textFrom = sep + 1;
  }
  // Precedence as in ConverterRule::parseFlags: R wins, then N, then -; T alone means T+H.
  let flags: string[];
  if (written.size === 0 && variantFlags.length === 0) flags = [];
  else if (written.has("R")) flags = ["R"];
  else if (written.has("N")) flags = ["N"];
  else if (written.has("-")) flags = ["-"];
  else if (written.size === 1 && written.has("T")) flags = ["T", "H"];
  else if (written.has("H")) flags = ["H", ...["T", "D"].filter((f) => written.has(f))];
  else if (written.size > 0)
    flags = [...written].filter((f) => f === "A" || f === "D" || f === "T");
  else flags = variantFlags;

  // Choices: `variant:text` or `from=>variant:text`, separated by `;` before a variant.
  let masked = str.slice(textFrom, b);
  if (closeOf.size > 0) {
    for (let j = textFrom; j < b; j += 1) {
      const c = closeOf.get(j);
      if (c !== undefined && c <= b) {
        masked = masked.slice(0, j - textFrom) + "x".repeat(c - j) + masked.slice(c - textFrom);
        j = c - 1;
      }
    }
  }
  const bid = new Map<string, [number, number]>();
  const unid = new Map<string, Array<{ from: string; range: [number, number] }>>();
  let valid = true;
  let pieceStart = 0;
  const pieces: Array<[number, number]> = [];
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(masked); m !== null; m = SEPARATOR.exec(masked)) {
    pieces.push([pieceStart, m.index]);
    pieceStart = m.index + m[0].length;
    if (m[0].length === 0) SEPARATOR.lastIndex += 1;
  }
  pieces.push([pieceStart, masked.length]);
  for (const [p0, p1] of pieces) {
    const colon = masked.indexOf(":", p0);
    if (colon < 0 || colon >= p1) continue;
    const left = masked.slice(p0, colon);
    const [t0, t1] = trimRange(str, textFrom + colon + 1, textFrom + p1);
    const arrow = left.indexOf("=>");
    const variant = (arrow >= 0 ? left.slice(arrow + 2) : left).trim();
    if (!VARIANTS.has(variant)) {
      valid = false;
      break;
    }
    if (t1 <= t0) continue;
    if (arrow >= 0) {
      const list = unid.get(variant) ?? [];
      list.push({ from: left.slice(0, arrow).trim(), range: [t0, t1] });
      unid.set(variant, list);
    } else bid.set(variant, [t0, t1]);
  }
  if (!valid) {
    bid.clear();
    unid.clear();
  }
  const hasTables = bid.size + unid.size > 0;

  // Note: memoized, so each nesting level renders its text once (not once per variant).
  const memo = new Map<number, { cn: Stream; tw: Stream }>();
  const render = (x: number, y: number): { cn: Stream; tw: Stream } => {
    const key = x * 0x100000 + (y - x);
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const cn = new Stream();
    const tw = new Stream();
    renderRange(ctx, x, y, depth, cn, tw);
    memo.set(key, { cn, tw });
    return { cn, tw };
  };
  const choose = (which: "cn" | "tw"): [number, number] | null => {
    for (const v of CONVERTER.fallbacks[which]) {
      const r = bid.get(v);
      if (r) return r;
    }
    for (const v of CONVERTER.fallbacks[which]) {
      const r = unid.get(v)?.[0]?.range;
      if (r) return r;
    }
    const first = bid.values().next();
    return first.done === true ? null : first.value;
  };
  const shownFor = (which: "cn" | "tw"): Stream => {
    if (!hasTables) return render(textFrom, b)[which];
    const r = choose(which);
    return r === null ? new Stream() : render(r[0], r[1])[which];
  };

  let cn: Stream;
  let tw: Stream;
  const flag = flags[0];
  if (flag === "R" || (flags.length > 0 && VARIANTS.has(flag ?? ""))) {
    ({ cn, tw } = render(textFrom, b));
  } else if (flag === "N") {
    const v = str.slice(textFrom, b).trim();
    const name = CONVERTER.names[v];
    if (name !== undefined) cn = tw = generated(name, innerRs, innerRe);
    else ({ cn, tw } = render(textFrom, b));
  } else if (flag === "-" || flags.includes("H")) {
    cn = new Stream();
    tw = new Stream();
  } else if (flags.includes("D")) {
    let d = "";
    for (const [v, [t0, t1]] of bid) d += `${CONVERTER.names[v] ?? v}：${str.slice(t0, t1)}；`;
    for (const [v, list] of unid) {
      for (const u of list) d += `${u.from}⇒${CONVERTER.names[v] ?? v}：${str.slice(...u.range)}；`;
    }
    if (!hasTables) d = str.slice(textFrom, b);
    cn = tw = generated(d, innerRs, innerRe);
  } else {
    cn = shownFor("cn");
    tw = shownFor("tw");
  }
  pad(cn, tw, innerRs);

  const rules: ConverterRule[] = [];
  if (hasTables && (flags.includes("A") || flags.includes("H") || flag === "-")) {
    const remove = flag === "-";
    for (const [variant, [t0, t1]] of bid) {
      rules.push(
        remove ? { variant, to: str.slice(t0, t1), remove } : { variant, to: str.slice(t0, t1) },
      );
    }
    for (const [variant, list] of unid) {
      for (const u of list) {
        const to = str.slice(...u.range);
        rules.push(remove ? { variant, from: u.from, to, remove } : { variant, from: u.from, to });
      }
    }
  }
  let title: { cn: string; tw: string } | null = null;
  if (flags.includes("T")) {
    title = { cn: shownFor("cn").text(), tw: shownFor("tw").text() };
  }
  return { from: open, to: close, flags, cn, tw, rules, title };
}

/** Pads the shorter of two streams with U+200B (zero-width in raw) to equal length. */
function pad(x: Stream, y: Stream, at: number): void {
  const short = x.length < y.length ? x : y;
  const n = Math.abs(x.length - y.length);
  for (let k = 0; k < n; k += 1) {
    const last = short.length - 1;
    const pos = last >= 0 ? (short.re[last] ?? at) : at;
    short.push(ZWSP, pos, pos, UNIT.generated);
  }
}

/** Offsets of every `-{` that no `}-` closes and no closed markup contains. */
export function unclosedConverters(raw: string): number[] {
  if (!raw.includes("-{")) return [];
  const closeOf = matchConverters(raw, 0, raw.length);
  const out: number[] = [];
  let reach = -1;
  for (let i = raw.indexOf("-{"); i >= 0; i = raw.indexOf("-{", i + 1)) {
    const close = closeOf.get(i);
    if (close !== undefined) reach = Math.max(reach, close);
    else if (i >= reach) out.push(i);
  }
  return out;
}

/** What a warning about `count` unclosed converter markups says after the first one's place. */
export function unclosedWarning(count: number): string {
  const more = count > 1 ? ` (and ${count - 1} more)` : "";
  return `unclosed converter markup "-{"${more}; kept as literal text, as MediaWiki shows it`;
}
