/**
 * The wikitext document builder: walks the wikiparser-node tree in reading order and assembles
 * the same records as the markdown builder (it reuses its block, sentence, section, footnote
 * and converter bookkeeping). What MediaWiki shows is body text; `<ref>` bodies, templates
 * (except the text a template shows), comments, categories and file links are not.
 */
import type { Nodes } from "mdast";
import type { Block, BlockKind, InfoboxField, Span } from "../../model/index.js";
import { Builder, type Built, type Flat } from "../build.js";
import { matchConverters, parseConverter } from "../converter.js";
import { classifyTitle } from "../links.js";
import { renderSegment } from "../render.js";
import { Stream, UNIT } from "../stream.js";
import { DATE_NAME, DATE_VALUE, LINK_TRAIL, templateKey, templateRule } from "./templates.js";
import { childOf, childrenAt, type WikiNode } from "./tree.js";

/** A flattened block plus the `<ref>` markers in it (stream index where each stood). */
interface WikiFlat extends Flat {
  refs: Array<{ n: number; rs: number; re: number; at: number }>;
}

/** What the wikitext builder adds to the markdown builder's records. */
export interface WikiBuilt extends Built {
  infobox: InfoboxField[];
}

const ENTITIES: Record<string, number> = {
  nbsp: 0xa0,
  amp: 38,
  lt: 60,
  gt: 62,
  quot: 34,
  apos: 39,
  ensp: 0x2002,
  emsp: 0x2003,
  thinsp: 0x2009,
  ndash: 0x2013,
  mdash: 0x2014,
  middot: 0xb7,
  hellip: 0x2026,
  times: 0xd7,
  minus: 0x2212,
};
const ENTITY = /^&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z][a-z\d]{1,31}));/i;
/** HTML tags that end a paragraph (block-level elements). */
const BLOCK_TAGS = new Set(["p", "div", "blockquote", "center", "li", "ul", "ol", "dl", "dd"]);
/** Extension tags whose content is read as page text. */
const TEXT_EXTS = new Set(["poem", "nowiki"]);

function newFlat(): WikiFlat {
  return { stream: new Stream(), links: [], images: [], refs: [] };
}

function fakeNode(start: number, end: number): Nodes {
  return {
    type: "text",
    value: "",
    position: {
      start: { line: 1, column: 1, offset: start },
      end: { line: 1, column: 1, offset: end },
    },
  };
}

/** Walks a wikitext tree (parsed from `raw`) and builds the document records. */
export class WikiBuilder extends Builder {
  private flat: WikiFlat = newFlat();
  private kind: BlockKind = "paragraph";
  private cell: Block["table"] | undefined;
  /** Whether the current source line has shown any non-space character. */
  private lineVisible = false;
  private readonly refNames = new Map<string, number>();
  private refCount = 0;
  /** Stream index where an open bold run of the lead started. */
  private bold: number | null = null;
  private readonly infobox: InfoboxField[] = [];

  /** Builds everything from the tree of the whole page. */
  buildWiki(root: WikiNode): WikiBuilt {
    this.walkChildren(root, 0);
    this.flush();
    return { ...this.finish(), infobox: this.infobox };
  }

  private walkChildren(node: WikiNode, start: number): void {
    const kids = childrenAt(node, start);
    for (let k = 0; k < kids.length; k += 1) {
      const [child, at] = kids[k] as [WikiNode, number];
      this.walk(child, at, kids[k + 1]?.[0] ?? null);
    }
  }

  private walk(node: WikiNode, start: number, next: WikiNode | null): void {
    const end = start + String(node).length;
    switch (node.type) {
      case "text":
        this.text(node.data ?? "", start);
        return;
      case "heading":
        this.wikiHeading(node, start, end);
        return;
      case "list":
      case "dd":
        this.flush();
        this.kind = "list-item";
        return;
      case "quote":
        this.quote();
        return;
      case "link":
      case "category":
        this.link(node, start, end, next);
        return;
      case "file":
      case "gallery-image":
        this.file(node, start, end);
        return;
      case "template":
        this.template(node, start);
        return;
      case "ext":
        this.ext(node, start, end);
        return;
      case "html":
        this.htmlTag(node, start, end);
        return;
      case "converter":
        // Note: converter markup is pushed as written and read by the shared renderer
        // (converter.ts), so `-{…}-` behaves exactly as in the markdown reader.
        this.plain(String(node), start);
        return;
      case "table":
        this.wikiTable(node, start);
        return;
      case "hr":
        this.flush();
        return;
      case "ext-link":
        this.extLink(node, start, end);
        return;
      case "free-ext-link":
      case "magic-link":
        this.plain(String(node), start);
        return;
      case "comment":
      case "magic-word":
      case "arg":
      case "double-underscore":
      case "include":
      case "noinclude":
      case "heading-trail":
        return;
      default:
        this.walkChildren(node, start);
    }
  }

  // ---- text --------------------------------------------------------------------------------

  private push(code: number, rs: number, re: number, kind: number): void {
    this.flat.stream.push(code, rs, re, kind);
    if (code !== 32 && code !== 9 && code !== 0xa0 && code !== 0x3000) this.lineVisible = true;
  }

  /** Pushes raw text as it is written (no entities, no line handling). */
  private plain(text: string, start: number): void {
    for (let i = 0; i < text.length; i += 1) {
      this.push(text.charCodeAt(i), start + i, start + i + 1, UNIT.plain);
    }
  }

  private text(data: string, start: number): void {
    for (let i = 0; i < data.length; i += 1) {
      const c = data.charCodeAt(i);
      if (c === 10) {
        this.newline(start + i, data.charCodeAt(i + 1) === 10);
        continue;
      }
      if (c === 13 && data.charCodeAt(i + 1) === 10) continue;
      if (c === 38 /* & */) {
        const m = ENTITY.exec(data.slice(i, i + 40));
        const code = m === null ? undefined : entityCode(m);
        if (m !== null && code !== undefined) {
          const units = String.fromCodePoint(code);
          for (let k = 0; k < units.length; k += 1) {
            this.push(units.charCodeAt(k), start + i, start + i + m[0].length, UNIT.escaped);
          }
          i += m[0].length - 1;
          continue;
        }
      }
      this.push(c, start + i, start + i + 1, UNIT.plain);
    }
  }

  /** A line end: ends a list item, a paragraph at a blank or furniture line, else a soft break. */
  private newline(at: number, blankFollows: boolean): void {
    if (this.cell !== undefined) {
      this.flat.stream.push(10, at, at + 1, UNIT.softbreak);
    } else if (this.kind === "list-item" || !this.lineVisible || blankFollows) {
      this.flush();
      this.kind = "paragraph";
    } else {
      this.flat.stream.push(10, at, at + 1, UNIT.softbreak);
    }
    this.lineVisible = false;
  }

  private quote(): void {
    if (!this.inLead || this.boldLead !== null) return;
    if (this.bold === null) {
      this.bold = this.flat.stream.length;
      return;
    }
    const shown = this.flat.stream.text(this.bold).trim();
    this.bold = null;
    if (shown !== "") this.boldLead = shown;
  }

  // ---- blocks ------------------------------------------------------------------------------

  /** Ends the current block: renders it, adds it and its footnote markers, resolves its links. */
  private flush(kind: BlockKind = this.kind): number {
    const flat = this.flat;
    this.flat = newFlat();
    this.bold = null;
    if (flat.stream.length === 0 && flat.refs.length === 0 && flat.links.length === 0) return -1;
    const rendered = renderSegment(flat.stream, flat.stream.text(), 0, flat.stream.length, false);
    const id = this.addBlock(kind, rendered, flat, null, this.cell);
    const block = id >= 0 ? (this.blocks[id] as Block) : null;
    const prev = id >= 0 ? id : this.blocks.length - 1;
    for (const ref of flat.refs) {
      const at = block === null ? this.textLength : block.textStart + (rendered.map[ref.at] ?? 0);
      if (prev >= 0)
        this.pendingMarkers.push({ n: ref.n, rs: ref.rs, re: ref.re, block: prev, at });
    }
    // Note: a wiki link's text is exactly what it shows: the whole anchor names the target
    // (the markdown reader has to guess where a link trail begins; here it is known).
    for (const seen of flat.links) {
      const { link } = seen;
      if (link.kind !== "internal" || link.block === null) continue;
      link.entity = link.anchor.end > link.anchor.start ? { ...link.anchor } : null;
      link.anchorUncertain = false;
    }
    return id;
  }

  private wikiHeading(node: WikiNode, start: number, end: number): void {
    this.flush();
    this.kind = "paragraph";
    const title = childOf(node, start, "heading-title");
    if (title !== null) this.walkChildren(title[0], title[1]);
    const flat = this.flat;
    this.flat = newFlat();
    const rendered = renderSegment(flat.stream, flat.stream.text(), 0, flat.stream.length, false);
    this.addHeading(fakeNode(start, end), node.level ?? 2, flat, rendered);
    for (const seen of flat.links) {
      if (seen.link.kind === "internal") {
        seen.link.entity = { ...seen.link.anchor };
        seen.link.anchorUncertain = false;
      }
    }
    this.lineVisible = false;
  }

  private wikiTable(node: WikiNode, start: number): void {
    this.flush();
    const saved = { kind: this.kind, cell: this.cell };
    const table = this.tableCount;
    this.tableCount += 1;
    let row = -1;
    let column = 0;
    const cell = (td: WikiNode, at: number): void => {
      const inner = childOf(td, at, "td-inner");
      if (td.subtype === "caption") {
        this.cell = undefined;
        this.kind = "caption";
      } else {
        if (row < 0) row = 0;
        this.cell = { table, row, column, header: td.subtype === "th" };
        this.kind = "table-cell";
        column += 1;
      }
      if (inner !== null) this.walkChildren(inner[0], inner[1]);
      this.flush();
    };
    for (const [child, at] of childrenAt(node, start)) {
      if (child.type === "td") cell(child, at);
      else if (child.type === "tr") {
        row += 1;
        column = 0;
        for (const [td, tdAt] of childrenAt(child, at)) if (td.type === "td") cell(td, tdAt);
      }
    }
    this.kind = saved.kind === "table-cell" ? saved.kind : "paragraph";
    this.cell = saved.cell;
    this.lineVisible = false;
  }

  // ---- links and files ---------------------------------------------------------------------

  private link(node: WikiNode, start: number, end: number, next: WikiNode | null): void {
    const target = childOf(node, start, "link-target");
    const text = childOf(node, start, "link-text");
    const written = target === null ? "" : String(target[0]);
    const cls = classifyTitle(written.replace(/_/g, " ").trim(), false);
    const trail = next?.type === "text" ? (LINK_TRAIL.exec(next.data ?? "")?.[0].length ?? 0) : 0;
    let anchor: Span;
    if (text !== null) {
      const a = text[1];
      anchor = { start: a, end: a + String(text[0]).length, text: String(text[0]) };
    } else {
      // An unpiped link shows its target as written, without a leading colon.
      const colon = written.startsWith(":") ? 1 : 0;
      const a = (target?.[1] ?? start + 2) + colon;
      anchor = { start: a, end: a + written.length - colon, text: written.slice(colon) };
    }
    const linkEnd = cls.kind === "internal" ? end + trail : end;
    const link = this.recordLink(cls, written, start, linkEnd, anchor);
    if (cls.kind === "category" || cls.kind === "interlanguage") return;
    if (cls.kind === "file") {
      this.file(node, start, end);
      return;
    }
    const from = this.flat.stream.length;
    if (text !== null) this.walkChildren(text[0], text[1]);
    else this.plain(anchor.text, anchor.start);
    this.flat.links.push({ link, cls, from, to: this.flat.stream.length });
  }

  /** A file link: its caption is a caption block (not body text); the paragraph is split there. */
  private file(node: WikiNode, start: number, end: number): void {
    const kind = this.kind;
    this.flush();
    const target = childOf(node, start, "link-target");
    const written = target === null ? (node.name ?? "") : String(target[0]);
    const colon = written.indexOf(":");
    let caption: Span | null = null;
    const param = childrenAt(node, start).find(
      ([c]) => c.type === "image-parameter" && c.name === "caption",
    );
    if (param !== undefined) {
      this.walkChildren(param[0], param[1]);
      if (this.flush("caption") >= 0) {
        const text = String(param[0]);
        let a = param[1];
        let b = a + text.length;
        while (a < b && /\s/.test(this.raw[a] ?? "")) a += 1;
        while (b > a && /\s/.test(this.raw[b - 1] ?? "")) b -= 1;
        caption = { start: a, end: b, text: this.raw.slice(a, b) };
      }
    }
    this.kind = kind;
    this.images.push({
      start,
      end,
      text: this.raw.slice(start, end),
      file: (colon >= 0 ? written.slice(colon + 1) : written).trim(),
      caption,
    });
  }

  private extLink(node: WikiNode, start: number, end: number): void {
    const url = childOf(node, start, "ext-link-url");
    const text = childOf(node, start, "ext-link-text");
    if (text === null) return;
    const a = text[1];
    const shown = String(text[0]);
    const href = url === null ? "" : String(url[0]);
    const cls = { kind: "external", target: href, name: null } as const;
    const link = this.recordLink(cls, href, start, end, {
      start: a,
      end: a + shown.length,
      text: shown,
    });
    const from = this.flat.stream.length;
    this.walkChildren(text[0], a);
    this.flat.links.push({ link, cls, from, to: this.flat.stream.length });
  }

  // ---- templates, tags ---------------------------------------------------------------------

  private template(node: WikiNode, start: number): void {
    const rule = templateRule(node.name ?? "");
    if (rule === null) return;
    const params = childrenAt(node, start).filter(([c]) => c.type === "parameter");
    const valueOf = (param: [WikiNode, number]): [WikiNode, number] | null =>
      childOf(param[0], param[1], "parameter-value");
    if (rule.show !== undefined) {
      for (const name of rule.show) {
        const param = params.find(([c]) => c.name === name);
        const value = param === undefined ? null : valueOf(param);
        if (value === null || String(value[0]).trim() === "") continue;
        this.walkChildren(value[0], value[1]);
        return;
      }
      return;
    }
    if (rule.rules === true) {
      for (const param of params) {
        if (!/^\d+$/.test(param[0].name ?? "")) continue;
        const value = valueOf(param);
        if (value !== null) this.pageRule(String(value[0]), value[1]);
      }
      return;
    }
    if (rule.infobox === true) {
      for (const param of params) {
        const value = valueOf(param);
        if (value === null) continue;
        const written = String(value[0]);
        const name = (param[0].name ?? "").trim();
        const lead = written.length - written.trimStart().length;
        const trimmed = written.trim();
        if (trimmed === "" || trimmed.length > 200) continue;
        if (!DATE_VALUE.test(trimmed) && !(DATE_NAME.test(name) && /\d/.test(trimmed))) continue;
        const a = value[1] + lead;
        this.infobox.push({
          template: templateKey(node.name ?? ""),
          name,
          start: a,
          end: a + trimmed.length,
          text: trimmed,
        });
      }
    }
  }

  /** A `{{NoteTA}}` rule (`zh-hans:A;zh-hant:B;`): read as `-{H|…}-`, a page rule that shows nothing. */
  private pageRule(value: string, at: number): void {
    if (!value.includes(":")) return;
    const stream = new Stream();
    for (const ch of "-{H|") stream.push(ch.charCodeAt(0), at, at, UNIT.generated);
    for (let i = 0; i < value.length; i += 1) {
      stream.push(value.charCodeAt(i), at + i, at + i + 1, UNIT.plain);
    }
    const end = at + value.length;
    for (const ch of "}-") stream.push(ch.charCodeAt(0), end, end, UNIT.generated);
    const str = stream.text();
    const closeOf = matchConverters(str, 0, str.length);
    if (closeOf.get(0) !== str.length) return;
    const hit = parseConverter({ stream, str, closeOf }, 0, str.length, 1);
    if (hit.rules.length === 0) return;
    this.converter.push({
      start: at,
      end,
      text: this.raw.slice(at, end),
      flags: hit.flags,
      shown: { cn: "", tw: "" },
      textStart: this.textLength,
      textEnd: this.textLength,
      rules: hit.rules,
    });
  }

  private ext(node: WikiNode, start: number, end: number): void {
    const name = (node.name ?? "").toLowerCase();
    const inner = childOf(node, start, "ext-inner");
    if (name === "ref") {
      const key = node.getAttr?.("name");
      const named = typeof key === "string" && key.trim() !== "" ? key.trim() : null;
      let n = named === null ? undefined : this.refNames.get(named);
      if (n === undefined) {
        this.refCount += 1;
        n = this.refCount;
        if (named !== null) this.refNames.set(named, n);
        const body = inner === null ? "" : String(inner[0]);
        if (inner !== null && node.selfClosing !== true) {
          this.references.push({
            start: inner[1],
            end: inner[1] + body.length,
            text: body,
            n,
            empty: body.trim() === "",
          });
        }
      }
      this.flat.refs.push({ n, rs: start, re: end, at: this.flat.stream.length });
      return;
    }
    if (TEXT_EXTS.has(name) && inner !== null) {
      if (name === "nowiki") this.plain(String(inner[0]), inner[1]);
      else this.walkChildren(inner[0], inner[1]);
    }
  }

  private htmlTag(node: WikiNode, start: number, end: number): void {
    const name = (node.name ?? "").toLowerCase();
    if (name === "br") this.flat.stream.push(32, start, end, UNIT.generated);
    else if (BLOCK_TAGS.has(name) && this.cell === undefined) {
      this.flush();
      this.kind = "paragraph";
      this.lineVisible = false;
    }
  }
}

/** The code point of a character reference match, or undefined when it names none. */
function entityCode(m: RegExpExecArray): number | undefined {
  const code =
    m[1] !== undefined
      ? Number(m[1])
      : m[2] !== undefined
        ? parseInt(m[2], 16)
        : ENTITIES[(m[3] ?? "").toLowerCase()];
  if (code === undefined || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0)
    return undefined;
  return code;
}
