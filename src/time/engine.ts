/**
 * Runs the parsers over every taggable block (one pass of each pattern per block) and places
 * what they find in the document's display text.
 */
import type { Normalized } from "../model/index.js";
import type { Candidate, ParseInput, Parser, Placed, Point } from "./types.js";

/** Every candidate of every parser over the non-code blocks of `norm`, in block order (`reference`: the document's now). */
export function parseBlocks(
  norm: Normalized,
  parsers: readonly Parser[],
  reference?: Point,
): Placed[] {
  const doc = norm.doc;
  const linkStarts = new Set<number>();
  for (const link of doc.links) linkStarts.add(link.anchor.start);
  const out: Placed[] = [];
  for (const block of doc.blocks) {
    if (block.kind === "code" || block.textEnd <= block.textStart) continue;
    const text = norm.analysis.slice(block.textStart, block.textEnd);
    let input: ParseInput | undefined;
    for (let priority = 0; priority < parsers.length; priority += 1) {
      const parser = parsers[priority]!;
      if (!hasAny(text, parser.triggers)) continue;
      input ??= {
        text,
        block,
        title: doc.displayTitle ?? doc.title,
        linkStart: (offset: number) =>
          linkStarts.has(doc.rawStarts[block.textStart + offset] ?? -1),
        ...(reference !== undefined ? { reference } : {}),
      };
      const pattern = parser.pattern;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        if (m[0] === "") {
          pattern.lastIndex += 1;
          continue;
        }
        const found = parser.extract(m, input);
        if (found === null) continue;
        for (const c of Array.isArray(found) ? found : [found]) out.push(place(c, block, priority));
      }
    }
  }
  return out;
}

/** One character-class test per trigger string, compiled at first use (one scan of the text). */
const triggerTests = new Map<string, RegExp>();

function hasAny(text: string, chars: string): boolean {
  let test = triggerTests.get(chars);
  if (test === undefined) {
    test = new RegExp(`[${chars.replace(/[\]\\^-]/g, "\\$&")}]`, "u");
    triggerTests.set(chars, test);
  }
  return test.test(text);
}

function place(c: Candidate, block: Placed["block"], priority: number): Placed {
  return {
    ...c,
    textStart: block.textStart + c.start,
    textEnd: block.textStart + c.end,
    block,
    priority,
  };
}
