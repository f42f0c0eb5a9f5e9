/**
 * Runs the parsers over every taggable block (one pass of each pattern per block) and places
 * what they find in the document's display text.
 */
import type { Block, Normalized } from "../model/index.js";
import type { Candidate, ParseInput, Parser, Placed, Point } from "./types.js";

/**
 * Every candidate of every parser over the non-code blocks of `norm`, in block order and, within
 * a block, in parser order (`reference`: the document's now).
 *
 * Note: each parser runs over all blocks before the next one starts (the candidates are then
 * put back in block order): a pattern's compiled code stays hot in the processor's caches,
 * where alternating some thirty large patterns block by block evicted it (measured: the parse
 * costs about a third less).
 */
export function parseBlocks(
  norm: Normalized,
  parsers: readonly Parser[],
  reference?: Point,
): Placed[] {
  const doc = norm.doc;
  const blocks = doc.blocks.filter((b) => b.kind !== "code" && b.textEnd > b.textStart);
  const texts = blocks.map((b) => norm.analysis.slice(b.textStart, b.textEnd));
  const inputs: (ParseInput | undefined)[] = new Array<ParseInput | undefined>(blocks.length);
  /** Per block, per parser: what it found (filled parser by parser, read block by block). */
  const found: (Placed[][] | undefined)[] = new Array<Placed[][] | undefined>(blocks.length);
  const context = new DocumentContext(norm, reference);
  const table = triggerTable(parsers);
  const { run, starts } = scanBlocks(norm.analysis, blocks, texts, parsers, table);
  const words = table.words;
  for (let priority = 0; priority < parsers.length; priority += 1) {
    const parser = parsers[priority]!;
    const scan = scanner(parser);
    const positions = starts[priority];
    for (let b = 0; b < blocks.length; b += 1) {
      const text = texts[b]!;
      if ((run[b * words + (priority >> 5)]! & (1 << (priority & 31))) === 0) continue;
      if (positions !== undefined && positions.to[b] === positions.from[b]) continue;
      const block = blocks[b]!;
      const input = (inputs[b] ??= new BlockInput(text, block, context));
      // Note: MATCHES is emptied only when something is in it (the length setter is a call of its
      // own, and most parser and block pairs find nothing).
      const matches = MATCHES;
      if (matches.length !== 0) matches.length = 0;
      if (positions === undefined) scanAll(scan.pattern, text, 0, matches);
      else scanAt(scan, text, positions.at, positions.from[b]!, positions.to[b]!, matches);
      let here: Placed[] | undefined;
      for (const m of matches) {
        const result = parser.extract(m, input);
        if (result === null) continue;
        here ??= [];
        if (!Array.isArray(result)) here.push(place(result, block, priority));
        else for (const c of result) here.push(place(c, block, priority));
      }
      if (matches.length !== 0) matches.length = 0;
      if (here !== undefined) (found[b] ??= []).push(here);
    }
  }
  const out: Placed[] = [];
  for (const lists of found) {
    if (lists === undefined) continue;
    for (const list of lists) for (const item of list) out.push(item);
  }
  return out;
}

/**
 * What the blocks of one document share: its title line and link starts (each built at the first
 * question: most documents never ask) and the reference date.
 */
class DocumentContext {
  private titleLine: string | undefined;
  private linkStarts: Set<number> | undefined;
  constructor(
    readonly norm: Normalized,
    readonly reference: Point | undefined,
  ) {}

  /** The title and category names, one per line: document-level context (朝鲜王朝战争). */
  title(): string {
    const doc = this.norm.doc;
    return (this.titleLine ??= [
      doc.displayTitle ?? doc.title,
      ...doc.categories.map((c) => c.name),
    ].join("\n"));
  }

  /** Whether a link's text starts at raw offset `raw`. */
  linkStart(raw: number): boolean {
    if (this.linkStarts === undefined) {
      this.linkStarts = new Set<number>();
      for (const link of this.norm.doc.links) this.linkStarts.add(link.anchor.start);
    }
    return this.linkStarts.has(raw);
  }
}

/**
 * A block's parse input. Note: a class (its getter on the prototype, one shape for every block),
 * where an object literal with a getter and a spread per block was slow to build and to read.
 */
class BlockInput implements ParseInput {
  readonly reference?: Point;
  constructor(
    readonly text: string,
    readonly block: Block,
    private readonly context: DocumentContext,
  ) {
    if (context.reference !== undefined) this.reference = context.reference;
  }

  get title(): string {
    return this.context.title();
  }

  linkStart(offset: number): boolean {
    const raw = this.context.norm.doc.rawStarts[this.block.textStart + offset] ?? -1;
    return this.context.linkStart(raw);
  }
}

/** The matches of one parser in one block (reused: no array per block and parser). */
const MATCHES: RegExpExecArray[] = [];

/**
 * Above this share of a block's characters being possible match starts, a parser scans the block
 * with its global pattern (the regex engine steps through positions faster than a call per
 * position); below it, its sticky pattern is tried at those positions only.
 */
const DENSE = 0.15;

/** A parser's patterns: its own (global) and, with `starts`, a sticky copy tried at one position. */
interface Scanner {
  pattern: RegExp;
  sticky: RegExp;
}

const scanners = new WeakMap<Parser, { source: RegExp; scan: Scanner }>();

/** The patterns a parser is scanned with (compiled once per pattern; its groups and flags). */
function scanner(parser: Parser): Scanner {
  const pattern = parser.pattern;
  const known = scanners.get(parser);
  if (known !== undefined && known.source === pattern) return known.scan;
  const sticky = new RegExp(pattern.source, `${pattern.flags.replace("g", "")}y`);
  const scan = { pattern, sticky };
  scanners.set(parser, { source: pattern, scan });
  return scan;
}

/** Every non-empty match of the global `pattern` in `text` from `from`, in order, into `out`. */
function scanAll(pattern: RegExp, text: string, from: number, out: RegExpExecArray[]): void {
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0] === "") {
      pattern.lastIndex += 1;
      continue;
    }
    out.push(m);
  }
}

/**
 * Every non-empty match in `text` starting at one of the positions `at[from…to)` (ascending),
 * none overlapping the one before: the matches a global scan finds when no match can start
 * elsewhere (into `out`). Dense positions fall back to the global scan from the first one.
 */
function scanAt(
  scan: Scanner,
  text: string,
  at: Int32Array,
  from: number,
  to: number,
  out: RegExpExecArray[],
): void {
  if (from === to) return;
  if (to - from > DENSE * text.length) {
    scanAll(scan.pattern, text, at[from]!, out);
    return;
  }
  const sticky = scan.sticky;
  let next = 0;
  for (let j = from; j < to; j += 1) {
    const i = at[j]!;
    if (i < next) continue;
    sticky.lastIndex = i;
    const m = sticky.exec(text);
    if (m === null || m[0] === "") continue;
    next = sticky.lastIndex;
    out.push(m);
  }
}

/**
 * The matches of `parser` in each of `texts` as the engine finds them (at its `starts` positions
 * when it has them): for tests, to compare with the plain pattern's matches.
 */
export function engineMatches(parser: Parser, texts: readonly string[]): RegExpExecArray[][] {
  const table = triggerTable([parser]);
  const scan = scanner(parser);
  return texts.map((text) => {
    const out: RegExpExecArray[] = [];
    const range = [{ textStart: 0, textEnd: text.length }];
    const positions = scanBlocks(text, range, [text], [parser], table, true).starts[0];
    if (positions === undefined) scanAll(scan.pattern, text, 0, out);
    else scanAt(scan, text, positions.at, positions.from[0]!, positions.to[0]!, out);
    return out;
  });
}

/**
 * For a parser list: each UTF-16 unit's bit mask of the parsers it triggers (bit `i % 32` of
 * word `i >> 5` for parser `i`), and of the parsers whose matches may start with it, built at
 * first use. One pass over a block then tells every parser whether to run and where its matches
 * may start, where a scan per parser read the block thirty times.
 */
interface TriggerTable {
  words: number;
  /** `words` masks per UTF-16 unit, `unit * words + word`. */
  masks: Uint32Array;
  /** The same for `starts`: the parsers a match of which may begin with the unit. */
  startMasks: Uint32Array;
  /**
   * Per UTF-16 unit: 1 when it triggers some parser, 2 when some parser's match may start with
   * it (or both). Most characters of a text are neither: the scan skips them with one lookup.
   */
  kinds: Uint8Array;
  /** The parsers that have `starts`, by index. */
  started: number[];
  /** A buffer for a block's positions holding some parser's start character (grown as needed). */
  candidates: Int32Array;
  /** Buffers for a scan's `run` bits and its parsers' `from`/`to` lists (grown as needed). */
  runs: Uint32Array;
  ends: Int32Array;
  /** A buffer for a scan's count of positions per parser (cleared per scan). */
  counts: Int32Array;
  /** Per parser, a buffer for the positions of one scan (grown as needed). */
  scratch: Int32Array[];
}

const triggerTables = new WeakMap<readonly Parser[], TriggerTable>();

function triggerTable(parsers: readonly Parser[]): TriggerTable {
  let table = triggerTables.get(parsers);
  if (table === undefined) {
    const words = Math.max(1, Math.ceil(parsers.length / 32));
    const masks = new Uint32Array(0x10000 * words);
    const startMasks = new Uint32Array(0x10000 * words);
    parsers.forEach((parser, i) => {
      for (let k = 0; k < parser.triggers.length; k += 1) {
        const unit = parser.triggers.charCodeAt(k);
        masks[unit * words + (i >> 5)]! |= 1 << (i & 31);
      }
      if (parser.starts === undefined) return;
      for (const unit of classUnits(parser.starts)) {
        startMasks[unit * words + (i >> 5)]! |= 1 << (i & 31);
      }
    });
    const kinds = new Uint8Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit += 1) {
      for (let w = 0; w < words; w += 1) {
        if (masks[unit * words + w] !== 0) kinds[unit]! |= 1;
        if (startMasks[unit * words + w] !== 0) kinds[unit]! |= 2;
      }
    }
    table = {
      words,
      masks,
      startMasks,
      kinds,
      started: parsers.flatMap((p, i) => (p.starts !== undefined ? [i] : [])),
      scratch: parsers.map(() => new Int32Array(1024)),
      candidates: new Int32Array(4096),
      runs: new Uint32Array(256),
      ends: new Int32Array(4096),
      counts: new Int32Array(parsers.length),
    };
    triggerTables.set(parsers, table);
  }
  return table;
}

/**
 * Where a parser's matches may start: block-local offsets, block `b`'s at `at[from[b]…to[b])`,
 * written only for the blocks the parser runs on (others hold stale numbers: the engine reads a
 * block's pair only after its run bit). Note: `at`, `from` and `to` are views of the table's
 * buffers, valid until the next scan with the same table (reused across documents: no garbage
 * per position).
 */
interface Positions {
  at: Int32Array;
  from: Int32Array;
  to: Int32Array;
}

/**
 * Per block (`[start, end)` ranges of `text`, whose texts are `texts`): which parsers run on it
 * (bit sets of `words` words each: a trigger character occurs and the gate, if any, passes) and,
 * per parser with `starts`, the positions its matches may start at (only in blocks it runs on,
 * or `everywhere`: for tests of `starts` alone).
 */
function scanBlocks(
  text: string,
  ranges: readonly { textStart: number; textEnd: number }[],
  texts: readonly string[],
  parsers: readonly Parser[],
  table: TriggerTable,
  everywhere = false,
): { run: Uint32Array; starts: (Positions | undefined)[] } {
  const { words, masks, startMasks, kinds, started, scratch } = table;
  // Note: the bit sets and block ends live in the table's buffers, reused from document to
  // document (allocating typed arrays per document and parser cost a fifth of this scan).
  if (table.runs.length < ranges.length * words) {
    table.runs = new Uint32Array(2 * ranges.length * words);
  }
  const run = table.runs.subarray(0, ranges.length * words).fill(0);
  const stride = ranges.length;
  if (table.ends.length < 2 * started.length * stride) {
    table.ends = new Int32Array(4 * started.length * stride);
  }
  const counts = table.counts.fill(0);
  /** Per parser with `starts`: its `from` and `to` lists, side by side in the table's buffer. */
  const froms = new Array<Int32Array | undefined>(parsers.length).fill(undefined);
  const tos = new Array<Int32Array | undefined>(parsers.length).fill(undefined);
  started.forEach((k, j) => {
    froms[k] = table.ends.subarray(2 * j * stride, (2 * j + 1) * stride);
    tos[k] = table.ends.subarray((2 * j + 1) * stride, (2 * j + 2) * stride);
  });
  const want = new Uint32Array(words);
  /** The parsers some character of the block may start a match of. */
  const seen = new Uint32Array(words);
  let candidates = table.candidates;
  for (let t = 0; t < ranges.length; t += 1) {
    const range = ranges[t]!;
    const start = range.textStart;
    const end = range.textEnd;
    const base = t * words;
    // Note: one pass reads the triggers and notes where some parser's match may start (a tenth
    // of a text's characters); the pass for each parser's positions reads those only.
    let found = 0;
    seen.fill(0);
    for (let i = start; i < end; i += 1) {
      const unit = text.charCodeAt(i);
      const kind = kinds[unit]!;
      if (kind === 0) continue;
      const at = unit * words;
      if ((kind & 1) !== 0) {
        for (let w = 0; w < words; w += 1) run[base + w]! |= masks[at + w]!;
      }
      if ((kind & 2) !== 0) {
        for (let w = 0; w < words; w += 1) seen[w]! |= startMasks[at + w]!;
        if (found === candidates.length) {
          const grown = new Int32Array(candidates.length * 2);
          grown.set(candidates);
          table.candidates = candidates = grown;
        }
        candidates[found++] = i;
      }
    }
    let any = 0;
    for (let w = 0; w < words; w += 1) {
      for (let bits = run[base + w]!; bits !== 0; bits &= bits - 1) {
        const k = w * 32 + 31 - Math.clz32(bits & -bits);
        const parser = parsers[k]!;
        // Note: a parser none of whose start characters occur cannot match: its gate is not read.
        const none = parser.starts !== undefined && (seen[w]! & (1 << (k & 31))) === 0;
        if (none || (parser.gate !== undefined && !parser.gate.test(texts[t]!))) {
          run[base + w]! &= ~(1 << (k & 31));
        }
      }
      want[w] = everywhere ? ~0 : run[base + w]!;
      any |= want[w]!;
    }
    if (any === 0) continue;
    // Note: a block's position lists are noted for the parsers that run on it only (a write per
    // block and parser with starts was a tenth of this scan).
    for (let w = 0; w < words; w += 1) {
      for (let bits = want[w]!; bits !== 0; bits &= bits - 1) {
        const k = w * 32 + 31 - Math.clz32(bits & -bits);
        const from = froms[k];
        if (from !== undefined) from[t] = counts[k]!;
      }
    }
    for (let c = 0; c < found; c += 1) {
      const i = candidates[c]!;
      const at = text.charCodeAt(i) * words;
      for (let w = 0; w < words; w += 1) {
        for (let bits = startMasks[at + w]! & want[w]!; bits !== 0; bits &= bits - 1) {
          const k = w * 32 + 31 - Math.clz32(bits & -bits);
          let buffer = scratch[k]!;
          if (counts[k] === buffer.length) {
            const grown = new Int32Array(buffer.length * 2);
            grown.set(buffer);
            scratch[k] = buffer = grown;
          }
          buffer[counts[k]!++] = i - start;
        }
      }
    }
    for (let w = 0; w < words; w += 1) {
      for (let bits = want[w]!; bits !== 0; bits &= bits - 1) {
        const k = w * 32 + 31 - Math.clz32(bits & -bits);
        const to = tos[k];
        if (to !== undefined) to[t] = counts[k]!;
      }
    }
  }
  return {
    run,
    starts: froms.map((from, k) =>
      from !== undefined ? { at: scratch[k]!, from, to: tos[k]! } : undefined,
    ),
  };
}

/**
 * The UTF-16 units of a character class body (`\d〇零一二`, `a-z`, `\-`): the syntax parsers
 * write their `starts` in (escapes stand for their character, `\d` for the digits).
 */
export function classUnits(body: string): number[] {
  const out: number[] = [];
  const units: number[] = [];
  for (let i = 0; i < body.length; i += 1) {
    const c = body.charAt(i);
    if (c !== "\\") {
      units.push(body.charCodeAt(i));
      continue;
    }
    i += 1;
    if (body.charAt(i) === "d") for (let d = 48; d <= 57; d += 1) out.push(d);
    else units.push(-body.charCodeAt(i) - 1); // an escaped character: never a range's dash
  }
  for (let k = 0; k < units.length; k += 1) {
    const unit = units[k]!;
    const lo = unit < 0 ? -unit - 1 : unit;
    if (units[k + 1] === 45 && units[k + 2] !== undefined) {
      const hi = units[k + 2]! < 0 ? -units[k + 2]! - 1 : units[k + 2]!;
      for (let u = lo; u <= hi; u += 1) out.push(u);
      k += 2;
    } else out.push(lo);
  }
  return out;
}

/**
 * The candidate placed in the document. Note: it is completed in place (each `extract` returns
 * fresh objects), where a copy per candidate cost about a tenth of the parse.
 */
function place(c: Candidate, block: Placed["block"], priority: number): Placed {
  const placed = c as Placed;
  placed.textStart = block.textStart + c.start;
  placed.textEnd = block.textStart + c.end;
  placed.block = block;
  placed.priority = priority;
  return placed;
}
