/**
 * Markdown → mdast in pieces: a long article is cut at safe top-level block boundaries, each
 * piece parsed on its own and the trees joined with their positions shifted. The tree is the
 * one a single parse gives (tested on the bundled and gold articles), while the parser's
 * working memory and its superlinear cost stay those of one piece (one 2.7 M-character parse:
 * 51 s and 1.1 GB; in 32 k pieces: 15 s and 0.3 GB).
 *
 * A boundary is a line start after a blank line whose line begins a top-level block at
 * column 0 (not a space, tab, `>` or list marker: such a line could continue a list item or a
 * quote), outside a fenced code block and outside an HTML block that blank lines do not end
 * (`<!--`, `<script`, `<pre`, `<style`, `<textarea`, `<?`, `<!X`, `<![CDATA[`). A document with
 * link reference or footnote definitions (`[x]: url`, document-wide) is parsed whole.
 */
import type { Root, RootContent } from "mdast";

/** Pieces are at least this many characters (UTF-16), cut at the next safe boundary. */
export const PIECE_CHARS = 32_000;

const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_OPEN: ReadonlyArray<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Z]/i, />/],
];
/** A fence or an HTML block opener anywhere in a line (inside a list item or a quote). */
const NESTED = /`{3}|~{3}|<(?:!|\?|script|pre|style|textarea)/i;
const STARTS_BLOCK = /^(?![ \t>]|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))\S/;
/** Blank in Markdown's sense: spaces and tabs only (not a lone BOM or U+3000). */
const BLANK = /^[ \t]*$/;

/** Offsets where the text may be cut into pieces of at least `pieceChars` characters. */
export function pieceStarts(text: string, pieceChars: number): number[] {
  const starts = [0];
  // Note: the parser drops a byte-order mark that opens its input, shifting what follows;
  // such a text (a second BOM after the one ingest removes) is parsed whole, as before.
  if (text.length <= pieceChars || text.charCodeAt(0) === 0xfeff || DEFINITION.test(text)) {
    return starts;
  }
  let fence: string | null = null;
  let htmlEnd: RegExp | null = null;
  // Note: a fence or HTML block inside a list item or quote lasts until its container ends,
  // which is the next boundary; the parser ends it there a little differently than at the
  // end of a piece, so that one boundary is skipped.
  let nested = false;
  let blankBefore = false;
  const lineEnd = /\r\n|\r|\n/g;
  for (let at = 0; at < text.length;) {
    lineEnd.lastIndex = at;
    const found = lineEnd.exec(text);
    const end = found === null ? text.length : found.index;
    const line = text.slice(at, end);
    if (fence !== null) {
      const close = FENCE.exec(line);
      const run = close?.[1] ?? "";
      if (close && run[0] === fence[0] && run.length >= fence.length) {
        if (BLANK.test(line.slice(close[0].length))) fence = null;
      }
    } else if (htmlEnd !== null) {
      if (htmlEnd.test(line)) htmlEnd = null;
    } else {
      if (blankBefore && STARTS_BLOCK.test(line) && at - (starts.at(-1) ?? 0) >= pieceChars) {
        if (nested) nested = false;
        else starts.push(at);
      }
      const opened = FENCE.exec(line);
      const html = HTML_OPEN.find(([open]) => open.test(line));
      if (opened) fence = opened[1] ?? null;
      else if (html) {
        const m = html[0].exec(line);
        if (m && !html[1].test(line.slice(m.index + m[0].length))) htmlEnd = html[1];
      } else if (NESTED.test(line)) nested = true;
    }
    blankBefore = BLANK.test(line);
    at = found === null ? text.length : end + found[0].length;
  }
  return starts;
}

/** Parses `text` piece by piece (see the file comment) into one mdast root. */
export function parsePieces(
  parse: (text: string) => Root,
  text: string,
  pieceChars = PIECE_CHARS,
): Root {
  const starts = pieceStarts(text, pieceChars);
  if (starts.length === 1) return parse(text);
  const children: RootContent[] = [];
  let line = 0;
  let end = { line: 1, column: 1, offset: 0 };
  for (let k = 0; k < starts.length; k += 1) {
    const from = starts[k] ?? 0;
    const to = starts[k + 1] ?? text.length;
    const piece = text.slice(from, to);
    const tree = parse(piece);
    for (const child of tree.children) {
      shift(child, from, line);
      children.push(child);
    }
    const last = tree.position?.end;
    if (last) end = { line: last.line + line, column: last.column, offset: to };
    line += piece.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return { type: "root", children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

/** Moves a node and its descendants by `offset` characters and `lines` lines (iteratively). */
function shift(node: RootContent, offset: number, lines: number): void {
  const stack: Array<{ position?: Root["position"]; children?: unknown }> = [node];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    const p = n.position;
    if (p) {
      if (p.start.offset !== undefined) p.start.offset += offset;
      if (p.end.offset !== undefined) p.end.offset += offset;
      p.start.line += lines;
      p.end.line += lines;
    }
    if (Array.isArray(n.children)) stack.push(...(n.children as typeof stack));
  }
}
