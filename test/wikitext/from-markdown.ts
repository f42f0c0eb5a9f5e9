/**
 * Writes a pandoc-converted zhwiki markdown article back as plausible wikitext (test fixture
 * generator): `== headings ==`, `[[links]]` with their link trails, `'''bold'''`, lists, tables,
 * `[[File:…|thumb|caption]]`, footnote markers as `<ref>`s holding a dated `{{cite web}}`,
 * Latin glosses in full-width parentheses as `{{lang|en|…}}`, and an infobox and a `{{NoteTA}}`
 * on top. Also writes a MediaWiki XML export around pages.
 */
import type { List, Nodes, PhrasingContent, Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { classifyLink } from "../../src/ingest/index.js";

const processor = unified().use(remarkParse).use(remarkGfm);
const FILE_OPEN = "\u0001";
const FILE_CLOSE = "\u0002";

/** The wikitext of a markdown article. */
export function markdownToWikitext(markdown: string, title: string): string {
  const tree = processor.parse(markdown) as Root;
  const children = tree.children;
  // The reference list is the last ordered list (DESIGN §9); its items become the ref bodies.
  let refList = -1;
  for (let i = children.length - 1; i >= 0; i -= 1) {
    const node = children[i] as RootContent;
    if (node.type === "list" && node.ordered === true) {
      refList = i;
      break;
    }
  }
  const refBodies = new Map<number, string>();
  if (refList >= 0) {
    const list = children[refList] as List;
    list.children.forEach((item, k) => {
      const text = item.children
        .map((c) => (c.type === "paragraph" ? c.children.map(plainText).join("") : ""))
        .join(" ")
        .trim();
      if (text !== "") refBodies.set((list.start ?? 1) + k, text);
    });
  }
  const state = { refBodies, usedRefs: new Set<number>() };
  const out: string[] = [
    "{{NoteTA|G1=政治|1=zh-hans:朝鲜;zh-hant:北韓;|2=zh-hans:美国;zh-hant:美國;}}",
    `{{Infobox bilateral relations|${title}|map=Map.png|mission1=無|mission2=無|established=1866年|signed=2018年6月12日}}`,
  ];
  for (let i = 0; i < children.length; i += 1) {
    if (i === refList) continue;
    const block = blockText(children[i] as RootContent, state);
    if (block !== "") out.push(block);
  }
  out.push("{{Authority control}}");
  return `${out.join("\n\n")}\n`;
}

interface State {
  refBodies: Map<number, string>;
  usedRefs: Set<number>;
}

function blockText(node: RootContent, state: State): string {
  switch (node.type) {
    case "heading": {
      const marks = "=".repeat(Math.max(2, node.depth));
      const text = inline(node.children, state);
      return /参考文献|參考文獻|参考资料|參考資料/.test(text)
        ? `${marks} ${text} ${marks}\n<references />`
        : `${marks} ${text} ${marks}`;
    }
    case "paragraph":
      return inline(node.children, state);
    case "list":
      return node.children
        .map((item) =>
          item.children
            .map((c) =>
              c.type === "paragraph"
                ? `${node.ordered === true ? "#" : "*"} ${inline(c.children, state)}`
                : blockText(c, state),
            )
            .join("\n"),
        )
        .join("\n");
    case "table": {
      const rows = node.children.map((row, r) =>
        row.children
          .map(
            (cell, c) =>
              `${r === 0 ? "!" : "|"}${c === 0 ? "" : r === 0 ? "!" : "|"} ${inline(cell.children, state)}`,
          )
          .join(" "),
      );
      return `{| class="wikitable"\n${rows.join("\n|-\n")}\n|}`;
    }
    case "blockquote":
      return node.children.map((c) => blockText(c, state)).join("\n\n");
    case "html":
      return node.value;
    case "code":
      return `<pre>${node.value}</pre>`;
    default:
      return "";
  }
}

function plainText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(plainText).join("");
  return "";
}

function inline(nodes: PhrasingContent[], state: State): string {
  const raw = nodes.map((n) => inlineNode(n, state)).join("");
  // A file link's caption is the text after it up to the `]]` pandoc leaked.
  return raw
    .replace(
      new RegExp(`${FILE_OPEN}([^${FILE_CLOSE}]*)${FILE_CLOSE}([^${FILE_OPEN}]*?)\\]\\]`, "g"),
      (_m, file: string, caption: string) => `[[File:${file}|thumb|${caption.trim()}]]`,
    )
    .replace(new RegExp(`${FILE_OPEN}([^${FILE_CLOSE}]*)${FILE_CLOSE}`, "g"), "[[File:$1|thumb]]");
}

function inlineNode(node: PhrasingContent, state: State): string {
  switch (node.type) {
    case "text":
      return textValue(node.value, state);
    case "strong":
      return `'''${node.children.map((c) => inlineNode(c, state)).join("")}'''`;
    case "emphasis":
      return `''${node.children.map((c) => inlineNode(c, state)).join("")}''`;
    case "inlineCode":
      return node.value;
    case "break":
      return "<br />";
    case "html":
      return node.value;
    case "link": {
      const cls = classifyLink(node.url, node.title ?? null);
      const anchor = node.children.map((c) => inlineNode(c, state)).join("");
      if (cls.kind === "category") return `[[Category:${cls.name ?? cls.target}]]`;
      if (cls.kind === "file") return `${FILE_OPEN}${cls.name ?? cls.target}${FILE_CLOSE}`;
      if (cls.kind === "external")
        return anchor === "" ? `[${node.url}]` : `[${node.url} ${anchor}]`;
      if (cls.kind === "interlanguage") return `[[${cls.target}]]`;
      const target = cls.target;
      // Pandoc glued the link trail into the text: the link is the prefix naming the target.
      if (anchor.startsWith(target)) return `[[${target}]]${anchor.slice(target.length)}`;
      return `[[${target}|${anchor}]]`;
    }
    default:
      return "children" in node ? plainText(node) : "";
  }
}

function textValue(value: string, state: State): string {
  return value
    .replace(/\n/g, " ")
    .replace(/（([A-Z][A-Z .,'-]*[A-Z.])）/gi, "（{{lang|en|$1}}）")
    .replace(/\[(\d{1,3})\]/g, (_m, digits: string) => {
      const n = Number(digits);
      if (state.usedRefs.has(n)) return `<ref name="r${n}" />`;
      state.usedRefs.add(n);
      const title = state.refBodies.get(n) ?? `參考資料${n}`;
      return `<ref name="r${n}">{{cite web|title=${title}|date=2018年6月12日|accessdate=2019-01-0${1 + (n % 9)}}}</ref>`;
    });
}

/** One page of an export. */
export interface ExportPage {
  title: string;
  ns: number;
  id: number;
  revision: number;
  timestamp: string;
  text: string;
  /** The redirect target, for a redirect page. */
  redirect?: string;
}

function xmlEscape(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** The `<page>` element of one page (export schema 0.11). */
export function pageXml(p: ExportPage): string {
  const redirect =
    p.redirect === undefined ? "" : `    <redirect title="${xmlEscape(p.redirect)}" />\n`;
  return (
    `  <page>\n    <title>${xmlEscape(p.title)}</title>\n    <ns>${p.ns}</ns>\n    <id>${p.id}</id>\n${redirect}` +
    `    <revision>\n      <id>${p.revision}</id>\n      <parentid>${p.revision - 1}</parentid>\n` +
    `      <timestamp>${p.timestamp}</timestamp>\n      <contributor>\n        <username>Example</username>\n        <id>42</id>\n      </contributor>\n` +
    `      <model>wikitext</model>\n      <format>text/x-wiki</format>\n` +
    `      <text bytes="${Buffer.byteLength(p.text)}" xml:space="preserve">${xmlEscape(p.text)}</text>\n` +
    `      <sha1>x</sha1>\n    </revision>\n  </page>\n`
  );
}

/** The export's opening (`<mediawiki>` and `<siteinfo>`), for the wiki `dbname`. */
export function exportHead(dbname = "zhwiki", version = "0.11"): string {
  return (
    `<mediawiki xmlns="http://www.mediawiki.org/xml/export-${version}/" version="${version}" xml:lang="zh">\n` +
    `  <siteinfo>\n    <sitename>Wikipedia</sitename>\n    <dbname>${dbname}</dbname>\n` +
    `    <base>https://zh.wikipedia.org/wiki/Wikipedia:%E9%A6%96%E9%A1%B5</base>\n` +
    `    <namespaces>\n      <namespace key="0" case="first-letter" />\n      <namespace key="1" case="first-letter">Talk</namespace>\n` +
    `      <namespace key="10" case="first-letter">Template</namespace>\n    </namespaces>\n  </siteinfo>\n`
  );
}

/** A whole MediaWiki XML export of `pages`. */
export function exportXml(pages: ExportPage[], dbname = "zhwiki", version = "0.11"): string {
  return `${exportHead(dbname, version)}${pages.map(pageXml).join("")}</mediawiki>\n`;
}
