/**
 * The markdown reader. A text without `[^` (no GFM footnote can exist there) is read by
 * micromark with GFM minus footnotes, its events compiled to mdast by `compile.ts` (not by
 * mdast-util-from-markdown, which remark-parse uses); a text with `[^` by remark-parse +
 * remark-gfm. Both give remark-gfm's tree (tested on every repository article and on the
 * malformed documents of the tests); `readMarkdownLean` and `readMarkdownRemark` keep the
 * remark path as the reference the tests and `bench/reader.js` compare against.
 *
 * A GFM footnote call (`[^x]`) exists only when its definition (`[^x]:`) does, and both begin
 * with `[^`: a text without those two characters in a row has no footnote, whichever reader.
 *
 * GFM's autolink-literal tree transform (a search of every text node for `www.`, `http://`,
 * `https://` and e-mail addresses) runs only over the top-level blocks whose source holds `@`,
 * `&`, `http` or `www` in any case: a text node's value is its source with escapes and
 * character references decoded, so a block without those has nothing to find.
 */
import type { Nodes, Root, RootContent } from "mdast";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { parse, postprocess, preprocess } from "micromark";
import { combineExtensions } from "micromark-util-combine-extensions";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import { compileEvents } from "./compile.js";

// Note: built once; the lean processor gets them without their tree transforms (autolink
// literals), which `readMarkdownLean` runs block by block.
const gfmMdast = gfmFromMarkdown();
const gfmTransforms = gfmMdast.flatMap((extension) => extension.transforms ?? []);
const gfmUntransformed = gfmMdast.map((extension) => ({ ...extension, transforms: [] }));

/** GFM's micromark extensions without footnotes, in remark-gfm's order. */
const gfmLeanSyntax = combineExtensions([
  gfmAutolinkLiteral(),
  gfmStrikethrough(),
  gfmTable(),
  gfmTaskListItem(),
]);

/** remark-gfm without its footnotes (the other extensions in remark-gfm's order). */
function gfmWithoutFootnotes(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmLeanSyntax);
  (data.fromMarkdownExtensions ??= []).push(gfmUntransformed);
}

/** Source characters without which a block holds no autolink literal (see the file comment). */
const AUTOLINK_HINT = /[@&]|http|www/i;

// Note: one processor of each kind for every call (building one is the expensive part).
const full = unified().use(remarkParse).use(remarkGfm);
const lean = unified().use(remarkParse).use(gfmWithoutFootnotes);

/** Markdown (GFM) → mdast; positions are UTF-16 offsets into `text`. */
export function readMarkdown(text: string): Root {
  return text.includes("[^") ? readMarkdownFull(text) : readMarkdownTokens(text);
}

/** The reader before `readMarkdownTokens`: remark-gfm, or remark with the lean GFM set. */
export function readMarkdownRemark(text: string): Root {
  return text.includes("[^") ? readMarkdownFull(text) : readMarkdownLean(text);
}

/** remark-parse + remark-gfm: the reference `readMarkdown` keeps. */
export function readMarkdownFull(text: string): Root {
  return full.parse(text);
}

/** remark-parse + GFM without footnotes: the same tree for a text without `[^`. */
export function readMarkdownLean(text: string): Root {
  return autolinkLiterals(text, lean.parse(text));
}

/**
 * The lean reader without mdast-util-from-markdown: micromark's events with the lean GFM set,
 * compiled to the same tree by `compileEvents`, then the autolink transform block by block.
 */
export function readMarkdownTokens(text: string): Root {
  const events = postprocess(
    parse({ extensions: [gfmLeanSyntax] })
      .document()
      .write(preprocess()(text, undefined, true)),
  );
  return autolinkLiterals(text, compileEvents(events, text));
}

/** GFM's autolink-literal transform over the top-level blocks that may hold one. */
function autolinkLiterals(text: string, tree: Root): Root {
  for (const child of tree.children) {
    if (mayHoldAutolink(text, child)) {
      // Note: a transform edits the parents of text nodes, never a top-level block itself.
      const root: Root = { type: "root", children: [child] };
      for (const transform of gfmTransforms) transform(root);
    }
  }
  return tree;
}

/**
 * Whether a top-level block may hold an autolink literal: its source has a hint (no position:
 * yes), and so does one of its text nodes outside links.
 */
function mayHoldAutolink(text: string, block: RootContent): boolean {
  const from = block.position?.start.offset;
  const to = block.position?.end.offset;
  if (from !== undefined && to !== undefined && !AUTOLINK_HINT.test(text.slice(from, to))) {
    return false;
  }
  return textHints(block);
}

/**
 * Whether a text node under `node`, outside links and link references, holds `@`, `http` or
 * `www` (any case). Every pattern of the autolink transform (URLs from `http://`, `https://`,
 * `www.`; e-mail, `mailto:` and `xmpp:` addresses around `@`) needs one of them in a text node
 * it searches (only text nodes, never inside `link` or `linkReference`), so a block without
 * one comes out of the transform unchanged. Most blocks with a hint in their source have it
 * only in a link's destination (`[朝鲜](https://zh.wikipedia.org/…)`): their transform, a
 * search of every text node, is skipped (~2.5% of a full extract).
 */
function textHints(node: Nodes): boolean {
  if (node.type === "text") return TEXT_HINT.test(node.value);
  if (node.type === "link" || node.type === "linkReference" || !("children" in node)) return false;
  for (const child of node.children) if (textHints(child)) return true;
  return false;
}

/** A text value's characters without which it holds no autolink literal. */
const TEXT_HINT = /@|http|www/i;
