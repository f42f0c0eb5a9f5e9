/**
 * How a template shows on the page, from `data/ingest/wikitext.json`: the parameters whose value
 * MediaWiki displays (`{{lang|en|Pueblo}}` → Pueblo), conversion rules (`{{NoteTA}}`), an infobox
 * (metadata), or nothing (`{{cite web|…}}`, `{{main|…}}`, every template not in the table).
 */
import { loadDataJson } from "../../model/data.js";

/** One row of the template table. */
export interface TemplateRule {
  /** Parameter names (`1`, `2`, `text`) whose value is shown; the first one present wins. */
  show?: string[];
  /** The numbered parameters are page-wide conversion rules (`1=zh-hans:A;zh-hant:B;`). */
  rules?: boolean;
  /** An infobox: its date fields become document metadata. */
  infobox?: boolean;
}

interface WikitextTable {
  linkTrail: string;
  templates: Record<string, TemplateRule>;
  infoboxDate: { names: string; values: string };
}

const TABLE = loadDataJson<WikitextTable>("ingest/wikitext.json");
const EXACT = new Map<string, TemplateRule>();
const PREFIX: Array<[string, TemplateRule]> = [];
for (const [key, rule] of Object.entries(TABLE.templates)) {
  if (key.endsWith("*")) PREFIX.push([key.slice(0, -1), rule]);
  else EXACT.set(key, rule);
}
PREFIX.sort((a, b) => b[0].length - a[0].length);

/** Letters after `]]` that MediaWiki shows as part of the link (`[[cat]]s`). */
export const LINK_TRAIL = new RegExp(TABLE.linkTrail, "u");
/** An infobox field whose name says it is a date. */
export const DATE_NAME = new RegExp(TABLE.infoboxDate.names, "iu");
/** An infobox value that holds a date. */
export const DATE_VALUE = new RegExp(TABLE.infoboxDate.values, "u");

/** `Template:Lang-en` → `lang-en`, `模板:NoteTA` → `noteta`: the lower-case name without namespace. */
export function templateKey(name: string): string {
  const colon = name.indexOf(":");
  const bare = colon >= 0 ? name.slice(colon + 1) : name;
  return bare.replace(/_/g, " ").trim().toLowerCase();
}

/** The rule for a template name, or null (the template shows nothing). */
export function templateRule(name: string): TemplateRule | null {
  const key = templateKey(name);
  const exact = EXACT.get(key);
  if (exact !== undefined) return exact;
  for (const [prefix, rule] of PREFIX) if (key.startsWith(prefix)) return rule;
  return null;
}
