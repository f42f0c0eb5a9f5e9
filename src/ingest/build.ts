/**
 * The document builder: walks the markdown tree in reading order and assembles the display
 * text, its offset map and every stand-off record of the Document.
 */
import type {
  Blockquote,
  Heading,
  Html,
  List,
  ListItem,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from "mdast";
import type {
  Block,
  BlockKind,
  Category,
  ConverterSpan,
  Document,
  Footnote,
  Image,
  Link,
  Reference,
  Section,
  Sentence,
  Span,
} from "../model/index.js";
import { toSimplified } from "../normalize/opencc.js";
import { HtmlTables } from "./html.js";
import { classifyLink, type LinkClass } from "./links.js";
import { renderSegment, type Rendered } from "./render.js";
import { splitSentences } from "./sentences.js";
import { Stream, UNIT, pushAligned } from "./stream.js";

/** A link seen while flattening a block: its record and its stream range. */
export interface LinkSeen {
  link: Link;
  cls: LinkClass;
  from: number;
  to: number;
}

/** A block's inline content flattened to one stream. */
export interface Flat {
  stream: Stream;
  links: LinkSeen[];
  /** Image links with the stream index where they stood. */
  images: Array<{ link: Link; at: number }>;
}

/** Everything the builder produces: the Document without id, title, source and raw, plus title cues. */
export interface Built extends Omit<Document, "id" | "title" | "source" | "raw"> {
  /** Text of the first bold run in the lead, if any. */
  boldLead: string | null;
  /** Text of the first level-1 heading, if any. */
  firstH1: string | null;
  /** The page title named by a provenance banner (`> 本文内容由[X](…)转换而来`), if any. */
  bannerTitle: string | null;
}

const BANNER = /(?:转换|轉換)而来|(?:转换|轉換)而來/;
const TEMPLATE_ONLY = /^\s*(?:\{\{[^{}\n]*\}\}\s*)+$/;
/**
 * A paragraph of MediaWiki behaviour switches alone (`__NOTOC__`; markdown reads it as bold
 * "NOTOC"): MediaWiki shows nothing for it, so it is neither text nor the lead's bold title.
 */
const SWITCH =
  "__(?:NOTOC|FORCETOC|TOC|NOEDITSECTION|NEWSECTIONLINK|NONEWSECTIONLINK|NOGALLERY|HIDDENCAT|EXPECTUNUSEDCATEGORY|NOCONTENTCONVERT|NOCC|NOTITLECONVERT|NOTC|INDEX|NOINDEX|STATICREDIRECT|DISAMBIG|NOGLOBAL)__";
const SWITCHES_ONLY = new RegExp(`^\\s*(?:${SWITCH}\\s*)+$`);
const ONE_SWITCH = new RegExp(`^${SWITCH}$`);

/** Walks `tree` (parsed from `raw`) and builds the document records. */
export class Builder {
  protected readonly parts: string[] = [];
  /** Display offset where each of `parts` begins (ascending). */
  protected readonly partStarts: number[] = [];
  protected textLength = 0;
  protected starts: number[] = [];
  protected ends: number[] = [];
  protected readonly sections: Section[] = [];
  protected readonly blocks: Block[] = [];
  protected readonly sentences: Sentence[] = [];
  protected readonly links: Link[] = [];
  protected readonly categories: Category[] = [];
  protected readonly images: Image[] = [];
  protected readonly footnotes: Footnote[] = [];
  protected readonly references: Reference[] = [];
  protected readonly converter: ConverterSpan[] = [];
  protected readonly sectionStack: Section[] = [];
  private readonly html = new HtmlTables();
  protected tableCount = 0;
  protected displayTitle: string | null = null;
  protected boldLead: string | null = null;
  private firstH1: string | null = null;
  private bannerTitle: string | null = null;
  protected inLead = true;
  protected pendingMarkers: Array<{
    n: number;
    rs: number;
    re: number;
    block: number;
    at: number;
  }> = [];

  constructor(protected readonly raw: string) {}

  /** Builds everything from the tree. */
  build(tree: Root): Built {
    const children = tree.children;
    const refIndex = this.referenceList(children);
    for (let i = 0; i < children.length; i += 1) {
      const node = children[i] as RootContent;
      if (i === refIndex) this.referenceItems(node as List);
      else this.blockNode(node);
    }
    this.html.finish();
    this.flushHtmlCells();
    return this.finish();
  }

  /** Closes the open sections, attaches footnotes and links, and returns the records. */
  protected finish(): Built {
    this.closeSections(this.raw.length, 0);
    this.attachFootnotes();
    this.resolveOrphanLinks();
    const text = this.parts.join("");
    return {
      text,
      rawStarts: Int32Array.from(this.starts),
      rawEnds: Int32Array.from(this.ends),
      sections: this.sections,
      blocks: this.blocks,
      sentences: this.sentences,
      links: this.links,
      categories: this.categories,
      images: this.images,
      footnotes: this.footnotes,
      references: this.references,
      converter: this.converter,
      displayTitle: this.displayTitle,
      boldLead: this.boldLead,
      firstH1: this.firstH1,
      bannerTitle: this.bannerTitle,
    };
  }

  // ---- structure -------------------------------------------------------------------------

  /**
   * Index of the reference list among top-level nodes: the last ordered list, when nothing
   * but HTML, templates and category links follows it; -1 otherwise.
   */
  private referenceList(children: RootContent[]): number {
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const node = children[i] as RootContent;
      if (node.type === "list" && node.ordered === true) return i;
      if (!this.isFurniture(node)) return -1;
    }
    return -1;
  }

  /** True for top-level nodes with no reading content: HTML, templates, category-only lines. */
  private isFurniture(node: RootContent): boolean {
    if (node.type === "html" || node.type === "thematicBreak" || node.type === "definition") {
      return true;
    }
    if (node.type !== "paragraph") return false;
    const raw = this.slice(node);
    if (TEMPLATE_ONLY.test(raw)) return true;
    return node.children.every(
      (c) =>
        (c.type === "text" && c.value.trim() === "") ||
        (c.type === "link" && classifyLink(c.url, c.title ?? null).kind === "category"),
    );
  }

  private slice(node: Nodes): string {
    const p = node.position;
    return p ? this.raw.slice(p.start.offset ?? 0, p.end.offset ?? 0) : "";
  }

  private blockNode(node: RootContent): void {
    if (node.type !== "html") this.flushHtmlCells();
    switch (node.type) {
      case "heading":
        this.heading(node);
        return;
      case "paragraph":
        this.paragraph(node, "paragraph");
        return;
      case "list":
        this.list(node);
        return;
      case "table":
        this.table(node);
        return;
      case "code":
        this.code(node.value, node);
        return;
      case "html":
        this.htmlNode(node);
        return;
      case "blockquote":
        this.blockquote(node);
        return;
      default:
        if ("children" in node && Array.isArray(node.children)) {
          for (const child of node.children as RootContent[]) this.blockNode(child);
        }
    }
  }

  private heading(node: Heading): void {
    const flat = this.flatten(node.children);
    this.addHeading(node, node.depth, flat, this.render(flat, 0, flat.stream.length, true));
  }

  /** Opens a section of `depth` at `node`, with its heading block from `rendered`. */
  protected addHeading(node: Nodes, depth: number, flat: Flat, rendered: Rendered): void {
    this.inLead = false;
    const start = node.position?.start.offset ?? 0;
    this.closeSections(start, depth);
    const parent = this.sectionStack[this.sectionStack.length - 1] ?? null;
    const id = this.sections.length;
    const blockId = this.addBlock("heading", rendered, flat, { node, section: id });
    const title = this.blockText(blockId);
    const section: Section = {
      id,
      level: depth,
      title,
      parent: parent === null ? null : parent.id,
      block: blockId,
      start,
      end: this.raw.length,
      text: "",
    };
    this.sections.push(section);
    this.sectionStack.push(section);
    if (depth === 1 && this.firstH1 === null && title !== "") this.firstH1 = title;
  }

  /** Ends every open section of level ≥ `level` at `end` (level 0 closes all). */
  protected closeSections(end: number, level: number): void {
    for (;;) {
      const top = this.sectionStack[this.sectionStack.length - 1];
      if (top === undefined || top.level < level) return;
      top.end = end;
      top.text = this.raw.slice(top.start, end);
      this.sectionStack.pop();
    }
  }

  protected currentSection(): number | null {
    const top = this.sectionStack[this.sectionStack.length - 1];
    return top === undefined ? null : top.id;
  }

  private paragraph(node: Paragraph, kind: BlockKind): void {
    const raw = this.slice(node);
    if (TEMPLATE_ONLY.test(raw) || SWITCHES_ONLY.test(raw)) return;
    if (this.inLead && this.boldLead === null) {
      const strong = node.children.find((c) => c.type === "strong" && !this.isSwitch(c));
      if (strong !== undefined) {
        const flat = this.flatten([strong], false);
        const t = this.render(flat, 0, flat.stream.length, false).out.text();
        if (t.trim() !== "") this.boldLead = t.trim();
      }
    }
    const flat = this.flatten(node.children);
    this.segments(flat, kind);
  }

  /** Splits a paragraph's stream at images and their leaked captions, emitting blocks. */
  private segments(flat: Flat, kind: BlockKind): void {
    const { stream } = flat;
    let from = 0;
    for (let k = 0; k < flat.images.length; k += 1) {
      const img = flat.images[k] as { link: Link; at: number };
      const limit = flat.images[k + 1]?.at ?? stream.length;
      // Note: a caption leaks only when `\]\]` closes it before the next image.
      let close = -1;
      for (let i = img.at; i + 1 < limit; i += 1) {
        if (
          stream.codes[i] === 93 &&
          stream.kinds[i] === UNIT.escaped &&
          stream.codes[i + 1] === 93 &&
          stream.kinds[i + 1] === UNIT.escaped
        ) {
          close = i;
          break;
        }
      }
      this.emitSegment(flat, from, img.at, kind);
      let caption: Span | null = null;
      if (close >= 0) {
        const rendered = this.render(flat, img.at, close, true);
        const id = this.addBlock("caption", rendered, flat, null);
        if (id >= 0) {
          // The caption runs from after the image link to before `\]\]` (outer spaces dropped).
          let start = img.link.end;
          let end = stream.rs[close] ?? start;
          while (start < end && /\s/.test(this.raw[start] ?? "")) start += 1;
          while (end > start && /\s/.test(this.raw[end - 1] ?? "")) end -= 1;
          caption = { start, end, text: this.raw.slice(start, end) };
        }
        from = close + 2;
      } else from = img.at;
      this.images.push({
        start: img.link.start,
        end: img.link.end,
        text: img.link.text,
        file: fileName(img.link.target),
        caption,
      });
    }
    this.emitSegment(flat, from, stream.length, kind);
  }

  private emitSegment(flat: Flat, from: number, to: number, kind: BlockKind): void {
    if (to <= from) return;
    const rendered = this.render(flat, from, to, kind !== "reference");
    this.addBlock(kind, rendered, flat, null);
  }

  private list(node: List): void {
    for (const item of node.children) this.listItem(item, "list-item");
  }

  private listItem(item: ListItem, kind: BlockKind): void {
    for (const child of item.children) {
      if (child.type === "paragraph") this.paragraph(child, kind);
      else if (child.type === "list") this.list(child);
      else this.blockNode(child);
    }
  }

  private referenceItems(node: List): void {
    this.inLead = false;
    let n = node.start ?? 1;
    for (const item of node.children) {
      const raw = this.slice(item);
      const written = /^\s*(\d{1,9})[.)]/.exec(raw);
      if (written) n = Number(written[1]);
      const before = this.blocks.length;
      this.listItem(item, "reference");
      const empty = this.blocks.length === before;
      const start = item.position?.start.offset ?? 0;
      const end = item.position?.end.offset ?? start;
      this.references.push({ start, end, text: this.raw.slice(start, end), n, empty });
      n += 1;
    }
  }

  private table(node: Table): void {
    this.inLead = false;
    const table = this.tableCount;
    this.tableCount += 1;
    node.children.forEach((row, r) => {
      row.children.forEach((cell, c) => {
        const flat = this.flatten(cell.children);
        const rendered = this.render(flat, 0, flat.stream.length, true);
        this.addBlock("table-cell", rendered, flat, null, {
          table,
          row: r,
          column: c,
          header: r === 0,
        });
      });
    });
  }

  private code(value: string, node: Nodes): void {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const rawText = this.raw.slice(start, end);
    let a = start;
    let b = end;
    const fence = /^ {0,3}(?:`{3,}|~{3,})/.exec(rawText);
    if (fence) {
      const nl = rawText.indexOf("\n");
      a = nl < 0 ? end : start + nl + 1;
      const lastNl = rawText.lastIndexOf("\n");
      if (lastNl > nl && /^\s*(?:`{3,}|~{3,})\s*$/.test(rawText.slice(lastNl + 1)))
        b = start + lastNl;
    }
    const stream = new Stream();
    pushAligned(stream, value, this.raw, a, b, false);
    const rendered: Rendered = {
      out: stream,
      map: new Int32Array(stream.length + 1).map((_, i) => i),
      from: 0,
      converters: [],
      markers: [],
    };
    this.addBlock("code", rendered, { stream, links: [], images: [] }, { node });
  }

  private htmlNode(node: Html): void {
    const start = node.position?.start.offset ?? 0;
    const outside = this.html.scan(node.value, start, () => this.tableCount++);
    this.flushHtmlCells();
    if (outside.text().trim() === "") return;
    const rendered = this.render(
      { stream: outside, links: [], images: [] },
      0,
      outside.length,
      false,
    );
    this.addBlock("paragraph", rendered, { stream: outside, links: [], images: [] }, null);
  }

  private flushHtmlCells(): void {
    const cells = this.html.cells.splice(0);
    for (const cell of cells) {
      const flat = { stream: cell.stream, links: [], images: [] };
      const rendered = this.render(flat, 0, cell.stream.length, false);
      this.addBlock("table-cell", rendered, flat, null, {
        table: cell.table,
        row: cell.row,
        column: cell.column,
        header: cell.header,
      });
    }
  }

  private blockquote(node: Blockquote): void {
    const raw = this.slice(node);
    if (this.blocks.length === 0 && BANNER.test(raw)) {
      // Note: the mirror's provenance banner is not article text; it names the page.
      const link = node.children
        .flatMap((c) => (c.type === "paragraph" ? c.children : []))
        .find((c) => c.type === "link");
      if (link !== undefined) {
        const flat = this.flatten(link.children, false);
        const title = this.render(flat, 0, flat.stream.length, false).out.text().trim();
        if (title !== "") this.bannerTitle = title;
      }
      return;
    }
    for (const child of node.children) this.blockNode(child);
  }

  // ---- inline ----------------------------------------------------------------------------

  /** Whether `node` is a behaviour switch (`__NOTOC__`, read by markdown as bold). */
  private isSwitch(node: PhrasingContent): boolean {
    const { start, end } = node.position ?? {};
    return (
      start?.offset !== undefined &&
      end?.offset !== undefined &&
      ONE_SWITCH.test(this.raw.slice(start.offset, end.offset))
    );
  }

  /** Flattens inline nodes to a stream, recording links and images. */
  private flatten(nodes: PhrasingContent[], record = true): Flat {
    const flat: Flat = { stream: new Stream(), links: [], images: [] };
    for (const node of nodes) this.inline(node, flat, record);
    return flat;
  }

  private inline(node: PhrasingContent | Nodes, flat: Flat, record: boolean): void {
    const p = node.position;
    const start = p?.start.offset ?? 0;
    const end = p?.end.offset ?? start;
    switch (node.type) {
      case "text":
      case "inlineCode":
        pushAligned(flat.stream, node.value, this.raw, start, end, node.type === "text");
        return;
      case "break":
        flat.stream.push(32, start, end, UNIT.softbreak);
        return;
      case "html": {
        if (/^<br\b/i.test(node.value)) flat.stream.push(32, start, end, UNIT.generated);
        return;
      }
      case "image":
      case "imageReference":
      case "footnoteReference":
        return;
      case "strong":
        if (this.isSwitch(node)) return;
        for (const child of node.children) this.inline(child, flat, record);
        return;
      case "link": {
        const cls = classifyLink(node.url, node.title ?? null);
        if (!record) {
          if (cls.kind === "category" || cls.kind === "file") return;
          for (const child of node.children) this.inline(child, flat, false);
          return;
        }
        const first = node.children[0]?.position?.start.offset;
        const last = node.children[node.children.length - 1]?.position?.end.offset;
        const aStart = first ?? Math.min(start + 1, end);
        const aEnd = last ?? aStart;
        const link = this.recordLink(cls, node.url, start, end, {
          start: aStart,
          end: aEnd,
          text: this.raw.slice(aStart, aEnd),
        });
        if (cls.kind === "category") return;
        if (cls.kind === "file") {
          flat.images.push({ link, at: flat.stream.length });
          return;
        }
        const from = flat.stream.length;
        for (const child of node.children) this.inline(child, flat, true);
        flat.links.push({ link, cls, from, to: flat.stream.length });
        return;
      }
      default:
        if ("children" in node && Array.isArray(node.children)) {
          for (const child of node.children as PhrasingContent[]) {
            this.inline(child, flat, record);
          }
        } else if ("value" in node && typeof node.value === "string") {
          pushAligned(flat.stream, node.value, this.raw, start, end);
        }
    }
  }

  /** Records a link (and, for a category link, the category it assigns); returns the record. */
  protected recordLink(
    cls: LinkClass,
    url: string,
    start: number,
    end: number,
    anchor: Span,
  ): Link {
    const link: Link = {
      id: this.links.length,
      kind: cls.kind,
      target: cls.target,
      url,
      start,
      end,
      text: this.raw.slice(start, end),
      anchor,
      entity: null,
      anchorUncertain: false,
      block: null,
    };
    this.links.push(link);
    if (cls.kind === "category") {
      this.categories.push({ start, end, text: link.text, name: cls.name ?? cls.target });
    }
    return link;
  }

  private render(flat: Flat, from: number, to: number, footnotes: boolean): Rendered {
    const str = flat.stream.text(0, to);
    return renderSegment(flat.stream, str, from, to, footnotes);
  }

  // ---- blocks ----------------------------------------------------------------------------

  protected blockText(id: number): string {
    const b = this.blocks[id] as Block;
    return this.displaySlice(b.textStart, b.textEnd);
  }

  /** Display text `[a, b)` from the parts appended so far (binary search, no whole-text join). */
  private displaySlice(a: number, b: number): string {
    let lo = 0;
    let hi = this.partStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.partStarts[mid] ?? 0) <= a) lo = mid;
      else hi = mid - 1;
    }
    let out = "";
    for (let i = lo; i < this.parts.length; i += 1) {
      const start = this.partStarts[i] ?? 0;
      if (start >= b) break;
      const part = this.parts[i] ?? "";
      out += part.slice(Math.max(0, a - start), Math.min(part.length, b - start));
    }
    return out;
  }

  /** Appends a block (skipped when empty, except headings); returns its id or -1. */
  protected addBlock(
    kind: BlockKind,
    r: Rendered,
    flat: Flat,
    opts: { node?: Nodes; section?: number } | null,
    table?: Block["table"],
  ): number {
    const units = r.out;
    if (units.length === 0 && kind !== "heading") {
      // Markup that shows nothing (H|, T|, -|) is still recorded, zero-width at this point.
      for (const c of r.converters) this.addConverter(c, flat.stream, this.textLength);
      // Markers in an otherwise empty block follow the text before them.
      const prev = this.blocks.length - 1;
      for (const m of r.markers) {
        if (prev >= 0) this.pendingMarkers.push({ ...m, block: prev, at: this.textLength });
      }
      return -1;
    }
    if (this.blocks.length > 0) {
      const prev = this.ends[this.ends.length - 1] ?? 0;
      this.partStarts.push(this.textLength);
      this.parts.push("\n");
      this.starts.push(prev);
      this.ends.push(prev);
      this.textLength += 1;
    }
    const base = this.textLength;
    this.partStarts.push(this.textLength);
    this.parts.push(units.text());
    for (let k = 0; k < units.length; k += 1) {
      this.starts.push(units.rs[k] ?? 0);
      this.ends.push(units.re[k] ?? 0);
    }
    this.textLength += units.length;
    let start: number;
    let end: number;
    if (units.length > 0) {
      start = units.rs[0] ?? 0;
      end = Math.max(start, units.re[units.length - 1] ?? 0);
    } else {
      start = opts?.node?.position?.start.offset ?? this.ends[this.ends.length - 1] ?? 0;
      end = opts?.node?.position?.end.offset ?? start;
    }
    const id = this.blocks.length;
    const block: Block = {
      id,
      kind,
      section: opts?.section ?? this.currentSection(),
      start,
      end,
      text: this.raw.slice(start, end),
      textStart: base,
      textEnd: this.textLength,
    };
    if (table !== undefined) block.table = table;
    this.blocks.push(block);

    for (const c of r.converters) this.addConverter(c, flat.stream, base);
    for (const m of r.markers) {
      this.pendingMarkers.push({ n: m.n, rs: m.rs, re: m.re, block: id, at: base + m.at });
    }
    if (kind !== "code") this.addSentences(block);
    this.resolveLinks(flat, r, base, id);
    return id;
  }

  private addConverter(c: Rendered["converters"][number], stream: Stream, base: number): void {
    const { hit } = c;
    const start = stream.rs[hit.from] ?? 0;
    const end = stream.re[hit.to - 1] ?? start;
    this.converter.push({
      start,
      end,
      text: this.raw.slice(start, end),
      flags: hit.flags,
      shown: { cn: hit.cn.text(), tw: hit.tw.text() },
      textStart: base + c.outStart,
      textEnd: base + c.outEnd,
      rules: hit.rules,
    });
    if (hit.title !== null && this.displayTitle === null) {
      this.displayTitle = hit.title.cn.replace(/\u200b/g, "");
    }
  }

  private addSentences(block: Block): void {
    const text = this.blockText(block.id);
    for (const [a, b] of splitSentences(text)) {
      const span = this.rawSpan(block.textStart + a, block.textStart + b);
      this.sentences.push({
        id: this.sentences.length,
        block: block.id,
        ...span,
        textStart: block.textStart + a,
        textEnd: block.textStart + b,
        footnotes: [],
      });
    }
  }

  private rawSpan(a: number, b: number): Span {
    const start = this.starts[a] ?? 0;
    const end = Math.max(start, this.ends[b - 1] ?? start);
    return { start, end, text: this.raw.slice(start, end) };
  }

  /** Fills block and entity of the links whose stream range lies in this segment. */
  private resolveLinks(flat: Flat, r: Rendered, base: number, block: number): void {
    const to = r.from + r.map.length - 1;
    for (const seen of flat.links) {
      if (seen.from < r.from || seen.to > to) continue;
      const { link } = seen;
      link.block = block;
      if (link.kind !== "internal") continue;
      const dStart = base + (r.map[seen.from - r.from] ?? 0);
      const dEnd = base + (r.map[seen.to - r.from] ?? 0);
      const anchorText = this.displaySlice(dStart, dEnd);
      const len = entityLength(anchorText, link.target);
      if (len === null) {
        link.entity = link.anchor.end > link.anchor.start ? { ...link.anchor } : null;
        link.anchorUncertain = true;
        continue;
      }
      let { start, end } = this.rawSpan(dStart, dStart + len);
      // Note: an entity that ends where converter markup ends takes in its closing `}-`.
      for (const c of this.converter) {
        if (c.textEnd === dStart + len && c.textStart >= dStart && c.end > end) end = c.end;
      }
      start = Math.min(start, end);
      link.entity = { start, end, text: this.raw.slice(start, end) };
    }
    // Links in a segment that rendered nothing stay outside body text (block null).
  }

  /** Internal links outside body text: the entity is judged on the raw anchor. */
  private resolveOrphanLinks(): void {
    for (const link of this.links) {
      if (link.kind !== "internal" || link.block !== null) continue;
      const len = entityLength(link.anchor.text, link.target);
      if (len === null) {
        link.entity = link.anchor.end > link.anchor.start ? { ...link.anchor } : null;
        link.anchorUncertain = true;
      } else {
        const end = link.anchor.start + len;
        link.entity = {
          start: link.anchor.start,
          end,
          text: this.raw.slice(link.anchor.start, end),
        };
      }
    }
  }

  protected attachFootnotes(): void {
    const refByN = new Map<number, number>();
    this.references.forEach((r, i) => {
      if (!refByN.has(r.n)) refByN.set(r.n, i);
    });
    // Sentences are in display order, and so are markers: one forward pass.
    let s = 0;
    for (const m of this.pendingMarkers) {
      const block = this.blocks[m.block] as Block;
      while (
        s + 1 < this.sentences.length &&
        (this.sentences[s + 1] as Sentence).textStart < m.at
      ) {
        s += 1;
      }
      let sentence: Sentence | null = null;
      const cand = this.sentences[s];
      if (cand !== undefined && cand.block === m.block && cand.textStart < m.at) sentence = cand;
      else {
        // A marker at the very start of its block goes with the block's first sentence.
        const first = this.sentences.find(
          (x) => x.block === m.block && x.textStart >= block.textStart,
        );
        sentence = first ?? null;
      }
      const id = this.footnotes.length;
      this.footnotes.push({
        id,
        n: m.n,
        start: m.rs,
        end: m.re,
        text: this.raw.slice(m.rs, m.re),
        sentence: sentence === null ? null : sentence.id,
        reference: refByN.get(m.n) ?? null,
      });
      if (sentence !== null) sentence.footnotes.push(id);
    }
  }
}

/** Length of the prefix of `anchor` that names `target` (DESIGN §9 link trail), or null. */
export function entityLength(anchor: string, target: string): number | null {
  const hash = target.indexOf("#");
  const title = (hash >= 0 ? target.slice(0, hash) : target).trim();
  if (title === "" || anchor.length < title.length) return null;
  const prefix = anchor.slice(0, title.length);
  if (prefix === title) return title.length;
  const fold = (s: string): string => toSimplified(s).toLowerCase().replace(/_/g, " ");
  return fold(prefix) === fold(title) ? title.length : null;
}

function fileName(target: string): string {
  const colon = target.indexOf(":");
  return colon >= 0 ? target.slice(colon + 1).trim() : target;
}

/** The Document of a built article: `head` (id, title, source, raw) plus the built records. */
export function toDocument(
  built: Built,
  head: Pick<Document, "id" | "title" | "source" | "raw">,
  meta?: Document["meta"],
): Document {
  const doc: Document = {
    ...head,
    text: built.text,
    rawStarts: built.rawStarts,
    rawEnds: built.rawEnds,
    sections: built.sections,
    blocks: built.blocks,
    sentences: built.sentences,
    links: built.links,
    categories: built.categories,
    images: built.images,
    footnotes: built.footnotes,
    references: built.references,
    converter: built.converter,
    displayTitle: built.displayTitle,
  };
  if (meta !== undefined) doc.meta = meta;
  return doc;
}
