/**
 * The wikitext reader: MediaWiki markup → Document, with the markdown reader's model and promise
 * (`raw.slice(start, end) === text` where raw is the wikitext). Pure: no I/O, no clock.
 */
import type { Document, PageInfo } from "../../model/index.js";
import { toDocument } from "../build.js";
import { WikiBuilder } from "./build.js";
import { parseWikitext } from "./tree.js";

export { templateKey, templateRule } from "./templates.js";

/** Builds the Document of one wikitext page; `title` (a dump's page title) wins over the bold lead. */
export function ingestWikitext(
  text: string,
  options: { name: string; id: string; fallbackTitle: string; title?: string; page?: PageInfo },
): Document {
  const root = parseWikitext(text, options.name);
  const built = new WikiBuilder(text).buildWiki(root);
  const meta: Document["meta"] = { format: "wikitext", infobox: built.infobox };
  if (options.page !== undefined) meta.page = options.page;
  const title = options.title ?? built.boldLead ?? options.fallbackTitle;
  return toDocument(built, { id: options.id, title, source: options.name, raw: text }, meta);
}

const WIKI_EXT = /\.(?:wiki|wikitext|mediawiki)$/i;
const MD_EXT = /\.(?:md|markdown)$/i;
const WIKI_SIGNS = [
  /\[\[[^\]\n|]+(?:\|[^\]\n]*)?\]\]/g,
  /\{\{[^{}\n]{1,200}/g,
  /'''[^'\n]+'''/g,
  /^={2,6}[^=\n]+={2,6}\s*$/gm,
  /<ref[\s>]/g,
  /^\{\|/gm,
];
const MD_SIGNS = [
  /\]\([^)\s]+(?:\s+"[^"]*")?\)/g,
  /^#{1,6} /gm,
  /\*\*[^*\n]+\*\*/g,
  /\\\[\d+\\\]/g,
];

function count(text: string, signs: RegExp[]): number {
  let n = 0;
  for (const re of signs) n += text.match(re)?.length ?? 0;
  return n;
}

/**
 * The source format of a file: by extension (`.wiki`, `.wikitext`, `.mediawiki` → wikitext;
 * `.md` → md), else by content: wikitext when its first 64 k characters show more wiki markup
 * (`[[…]]`, `{{…}}`, `'''…'''`, `== … ==`, `<ref>`, `{|`) than markdown (`](…)`, `# `, `**`, `\[n\]`).
 */
export function detectFormat(name: string, raw: string): "md" | "wikitext" {
  if (WIKI_EXT.test(name)) return "wikitext";
  if (MD_EXT.test(name)) return "md";
  const head = raw.slice(0, 65536);
  const wiki = count(head, WIKI_SIGNS);
  return wiki >= 2 && wiki > count(head, MD_SIGNS) ? "wikitext" : "md";
}
