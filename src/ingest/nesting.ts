/**
 * A bound on block nesting, checked on the raw text before parsing: the markdown parser and
 * the block builder recurse once per level (`>` × 4000 overflows the stack; `- ` × 2000 takes
 * seconds in the list tokenizer), while a real article nests lists and quotes a few levels.
 *
 * Matches (depth): `> > x` (2), `- - x` (2), `1. - x` (2), `      - x` (4: six spaces of
 * indentation count as three list levels). Must not count: `-1` or `**bold**` (no space after
 * the marker), a code line indented without a marker.
 */
import { AnnalsError, lineColumn } from "../model/index.js";

/** The deepest block nesting a document may have (quotes and list items on one line). */
export const MAX_NESTING = 100;

/**
 * The nesting depth a line's prefix opens: its container markers, plus one list level per two
 * columns of indentation before the first marker.
 */
export function lineNesting(text: string, start: number, end: number): number {
  let depth = 0;
  let columns = 0;
  let i = start;
  while (i < end) {
    let spaces = 0;
    while (i < end && (text[i] === " " || text[i] === "\t")) {
      spaces += text[i] === "\t" ? 4 : 1;
      i += 1;
    }
    const marker = markerLength(text, i, end);
    if (marker === 0) break;
    if (depth === 0) columns = spaces;
    depth += 1;
    i += marker;
  }
  return depth + Math.floor(columns / 2);
}

/** The length of a quote or list marker at `i` (`>`, `- `, `1. `), or 0. */
function markerLength(text: string, i: number, end: number): number {
  const ch = text[i];
  if (ch === ">") return 1;
  const spaced = (at: number): boolean => at >= end || text[at] === " " || text[at] === "\t";
  if ((ch === "-" || ch === "*" || ch === "+") && spaced(i + 1)) return 1;
  let j = i;
  while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j += 1;
  if (j > i && (text[j] === "." || text[j] === ")") && spaced(j + 1)) return j + 1 - i;
  return 0;
}

/** Throws a one-line error naming the first line nested deeper than `MAX_NESTING`. */
export function checkNesting(text: string, name: string): void {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (lineNesting(text, start, end) > MAX_NESTING) {
      const { line, column } = lineColumn(text, start);
      throw new AnnalsError(
        `quotes or lists nested more than ${MAX_NESTING} levels deep; not a wiki article?`,
        { file: name, position: `${line}:${column}` },
      );
    }
    start = end + 1;
  }
}
