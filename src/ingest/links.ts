/**
 * Link classification for pandoc-converted wiki markdown: which markdown links are wiki links
 * (internal, category, file, interlanguage) and which are external, and their decoded titles.
 *
 * Matches: `[美國](https://zh.wikipedia.org/wiki/美國 "wikilink")`, `[x](../Page/共和党_\(美国\).md "wikilink")`,
 * `[a.jpg](https://zh.wikipedia.org/wiki/File:a.jpg "fig:a.jpg")`, `[Foo](https://en.wikipedia.org/wiki/Foo)`.
 * Not a wiki link: `[普韋布洛號](http://www.usspueblo.org/)`.
 */
import type { LinkKind } from "../model/index.js";
import { NAMESPACES } from "./data.js";

/** A classified link: its kind, its decoded target (title or URL) and, for files, the file name. */
export interface LinkClass {
  kind: LinkKind;
  /** Decoded title (`共和党 (美国)`, `Category:朝美關係`) for wiki links; the URL for external ones. */
  target: string;
  /** For category links: the category name; for file links: the file name; else null. */
  name: string | null;
}

const FILE = new Set(NAMESPACES.file.map((x) => x.toLowerCase()));
const CATEGORY = new Set(NAMESPACES.category.map((x) => x.toLowerCase()));
const LANGUAGES = new Set(NAMESPACES.languages.map((x) => x.toLowerCase()));
const ZH_HOSTS = new Set(NAMESPACES.zhHosts);
const WIKI_HOST = /^([a-z][a-z\d-]*)(?:\.m)?\.wikipedia\.org$/;

/** Decodes a wiki title: percent-decoding, markdown escapes removed, `_` as space, trimmed. */
export function decodeTitle(title: string): string {
  let out = title;
  if (out.includes("%")) {
    try {
      out = decodeURIComponent(out);
    } catch {
      // Note: a stray `%` that is not an escape stays as written.
    }
  }
  out = out.replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, "$1");
  return out.replace(/_/g, " ").replace(/\s+/g, " ").trim();
}

/** Splits `Ns:Rest` into a lower-cased namespace and the rest, or null. */
function namespaceOf(title: string): { ns: string; rest: string } | null {
  const colon = title.indexOf(":");
  if (colon <= 0) return null;
  return { ns: title.slice(0, colon).trim().toLowerCase(), rest: title.slice(colon + 1).trim() };
}

/** Classifies a wiki title (already decoded) into internal, category, file or interlanguage. */
export function classifyTitle(title: string, fig: boolean): LinkClass {
  // A leading colon (`:Category:X`) makes a plain link to the page.
  const lead = title.startsWith(":");
  const t = lead ? title.slice(1).trim() : title;
  const ns = namespaceOf(t);
  if (ns !== null) {
    if (FILE.has(ns.ns)) return { kind: "file", target: t, name: ns.rest };
    if (CATEGORY.has(ns.ns) && !lead) return { kind: "category", target: t, name: ns.rest };
    if (LANGUAGES.has(ns.ns)) return { kind: "interlanguage", target: t, name: null };
  }
  if (fig) return { kind: "file", target: t, name: t };
  return { kind: "internal", target: t, name: null };
}

/** The title part of a wiki URL (`https://zh.wikipedia.org/wiki/X`, `../Page/X.md`), or null. */
function wikiTitle(url: string): { title: string; lang: string | null } | null {
  const page = /^(?:\.\.?\/)*Page\/([^#]+)(#.*)?$/.exec(url);
  if (page) {
    const title = (page[1] ?? "").replace(/\.md$/, "");
    return { title: title + (page[2] ?? ""), lang: null };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  const host = parsed.hostname.toLowerCase();
  const hostMatch = WIKI_HOST.exec(host);
  if (!hostMatch) return null;
  // Note: URL() percent-encodes the path, so take it from the string as written.
  const pathStart = url.indexOf("/", url.indexOf("//") + 2);
  const path = pathStart < 0 ? "/" : url.slice(pathStart);
  let title: string | null = null;
  for (const prefix of NAMESPACES.zhPathPrefixes) {
    if (path.startsWith(prefix)) {
      title = path.slice(prefix.length);
      break;
    }
  }
  if (title === null) {
    const t = parsed.searchParams.get("title");
    if (t === null) return null;
    title = t;
  }
  const q = title.indexOf("?");
  if (q >= 0) title = title.slice(0, q);
  const lang = ZH_HOSTS.has(host) ? null : (hostMatch[1] ?? null);
  return { title, lang };
}

/** Classifies one markdown link by its URL and title attribute. */
export function classifyLink(url: string, title: string | null): LinkClass {
  const fig = title !== null && title.startsWith("fig:");
  const wiki = wikiTitle(url.trim());
  if (wiki === null) return { kind: "external", target: url, name: null };
  const decoded = decodeTitle(wiki.title);
  if (wiki.lang !== null)
    return { kind: "interlanguage", target: `${wiki.lang}:${decoded}`, name: null };
  return classifyTitle(decoded, fig);
}
