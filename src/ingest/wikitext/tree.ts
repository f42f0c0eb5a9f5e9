/**
 * The MediaWiki syntax tree from wikiparser-node, seen through the few fields the reader uses,
 * with raw offsets: a node's text is `raw.slice(start, start + String(node).length)`.
 */
import Parser from "wikiparser-node";
import { AnnalsError } from "../../model/index.js";

/** A node of the wikiparser-node tree (the fields read here; the library's own types are richer). */
export interface WikiNode {
  /** `text`, `heading`, `link`, `template`, `ext`, `table`, `td`, `converter`, … */
  type: string;
  /** Normalized name: link target, template title, tag name, parameter name, image-parameter key. */
  name?: string;
  /** Text of a `text` node. */
  data?: string;
  /** Heading level (`==` is 2). */
  level?: number;
  /** `td`, `th` or `caption` for table cells. */
  subtype?: string;
  /** True for `<ref … />` and `<br/>`. */
  selfClosing?: boolean;
  /** True for a closing HTML tag. */
  closing?: boolean;
  childNodes?: WikiNode[];
  /** An attribute of an extension or HTML tag. */
  getAttr?: (key: string) => string | true | undefined;
  toString(): string;
}

// Note: zh.wikipedia's namespaces, magic words and extension tags (shipped with the library);
// viewOnly skips the bookkeeping that editing the tree would need.
Parser.config = "zhwiki";
Parser.viewOnly = true;

/** Parses wikitext; the tree's text is exactly `raw` (checked). */
export function parseWikitext(raw: string, name: string): WikiNode {
  const root = Parser.parse(raw) as unknown as WikiNode;
  if (String(root) !== raw) {
    throw new AnnalsError("the wikitext parser did not keep the text as written", { file: name });
  }
  return root;
}

/**
 * The children of `node` (which starts at raw offset `start`) with their raw offsets. Syntax
 * between children (`[[`, `|`, `}}`) is not a node; each child is found at or after the end of
 * the one before it in the node's own text.
 */
export function childrenAt(node: WikiNode, start: number): Array<[WikiNode, number]> {
  const kids = node.childNodes ?? [];
  if (kids.length === 0) return [];
  const own = String(node);
  const out: Array<[WikiNode, number]> = [];
  let cursor = 0;
  for (const child of kids) {
    const text = String(child);
    const at = text === "" ? cursor : own.indexOf(text, cursor);
    const pos = at < 0 ? cursor : at;
    out.push([child, start + pos]);
    cursor = pos + text.length;
  }
  return out;
}

/** The first child of `node` of `type`, with its offset, or null. */
export function childOf(node: WikiNode, start: number, type: string): [WikiNode, number] | null {
  return childrenAt(node, start).find(([c]) => c.type === type) ?? null;
}
