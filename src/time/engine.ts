/**
 * Runs the parsers over every taggable block (one pass of each pattern per block) and places
 * what they find in the document's display text.
 */
import type { Normalized } from "../model/index.js";
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
  const linkStarts = new Set<number>();
  for (const link of doc.links) linkStarts.add(link.anchor.start);
  const blocks = doc.blocks.filter((b) => b.kind !== "code" && b.textEnd > b.textStart);
  const texts = blocks.map((b) => norm.analysis.slice(b.textStart, b.textEnd));
  const inputs: (ParseInput | undefined)[] = new Array<ParseInput | undefined>(blocks.length);
  /** Per block, per parser: what it found (filled parser by parser, read block by block). */
  const found: (Placed[][] | undefined)[] = new Array<Placed[][] | undefined>(blocks.length);
  // Note: the title and category names, one per line: document-level context (朝鲜王朝战争).
  const title = [doc.displayTitle ?? doc.title, ...doc.categories.map((c) => c.name)].join("\n");
  const table = triggerTable(parsers);
  const fired = triggered(texts, table);
  const words = table.words;
  for (let priority = 0; priority < parsers.length; priority += 1) {
    const parser = parsers[priority]!;
    const pattern = scanPattern(parser);
    for (let b = 0; b < blocks.length; b += 1) {
      const text = texts[b]!;
      if ((fired[b * words + (priority >> 5)]! & (1 << (priority & 31))) === 0) continue;
      if (parser.gate !== undefined && !parser.gate.test(text)) continue;
      const block = blocks[b]!;
      const input = (inputs[b] ??= {
        text,
        block,
        title,
        linkStart: (offset: number) =>
          linkStarts.has(doc.rawStarts[block.textStart + offset] ?? -1),
        ...(reference !== undefined ? { reference } : {}),
      });
      let here: Placed[] | undefined;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        if (m[0] === "") {
          pattern.lastIndex += 1;
          continue;
        }
        const result = parser.extract(m, input);
        if (result === null) continue;
        here ??= [];
        for (const c of Array.isArray(result) ? result : [result]) {
          here.push(place(c, block, priority));
        }
      }
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

const scanPatterns = new WeakMap<Parser, { source: RegExp; scan: RegExp }>();

/**
 * The pattern a parser is scanned with: its own, or with its `starts` as a leading lookahead
 * (compiled once per pattern; the groups and flags are the pattern's own).
 */
export function scanPattern(parser: Parser): RegExp {
  const pattern = parser.pattern;
  if (parser.starts === undefined) return pattern;
  const known = scanPatterns.get(parser);
  if (known !== undefined && known.source === pattern) return known.scan;
  const scan = new RegExp(`(?=[${parser.starts}])(?:${pattern.source})`, pattern.flags);
  scanPatterns.set(parser, { source: pattern, scan });
  return scan;
}

/**
 * For a parser list: each UTF-16 unit's bit mask of the parsers it triggers (bit `i % 32` of
 * word `i >> 5` for parser `i`), built at first use. One pass over a block then tells every
 * parser whether to run, where a character-class scan per parser read the block thirty times.
 */
interface TriggerTable {
  words: number;
  /** `words` masks per UTF-16 unit, `unit * words + word`. */
  masks: Uint32Array;
}

const triggerTables = new WeakMap<readonly Parser[], TriggerTable>();

function triggerTable(parsers: readonly Parser[]): TriggerTable {
  let table = triggerTables.get(parsers);
  if (table === undefined) {
    const words = Math.max(1, Math.ceil(parsers.length / 32));
    const masks = new Uint32Array(0x10000 * words);
    parsers.forEach((parser, i) => {
      for (let k = 0; k < parser.triggers.length; k += 1) {
        const unit = parser.triggers.charCodeAt(k);
        masks[unit * words + (i >> 5)]! |= 1 << (i & 31);
      }
    });
    table = { words, masks };
    triggerTables.set(parsers, table);
  }
  return table;
}

/** Per text, the parsers (bit sets of `words` words each) whose triggers occur in it. */
function triggered(texts: readonly string[], table: TriggerTable): Uint32Array {
  const { words, masks } = table;
  const out = new Uint32Array(texts.length * words);
  texts.forEach((text, t) => {
    const base = t * words;
    for (let i = 0; i < text.length; i += 1) {
      const at = text.charCodeAt(i) * words;
      for (let w = 0; w < words; w += 1) out[base + w]! |= masks[at + w]!;
    }
  });
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
