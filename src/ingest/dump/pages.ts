/**
 * MediaWiki XML export (schema 0.10/0.11) → pages, as a push parser: feed it text in pieces,
 * take the finished pages after each piece. It holds one page's text at a time (plus the pages
 * finished in the current piece), so memory does not grow with the dump. Pure: no I/O.
 */
import { SaxesParser, type SaxesTag } from "saxes";
import { AnnalsError } from "../../model/index.js";

/** One page of a dump: its latest revision. */
export interface DumpPage {
  title: string;
  /** Namespace number (0: articles). */
  ns: number;
  /** Page id. */
  id: string;
  /** Revision id of the text. */
  revision: string;
  /** Revision timestamp (`2024-05-01T12:00:00Z`). */
  timestamp: string;
  text: string;
  /** True for a redirect (a `<redirect>` element, or text opening with `#REDIRECT`/`#重定向`). */
  redirect: boolean;
  /** Content model (`wikitext`, `css`, …); "" when the dump does not say. */
  model: string;
}

const REDIRECT_TEXT = /^\s*#(?:redirect|重定向)\s*\[\[/i;
/** Elements whose text is collected (everything else is skipped). */
const COLLECT = new Set([
  "dbname",
  "page/title",
  "page/ns",
  "page/id",
  "revision/id",
  "revision/timestamp",
  "revision/text",
  "revision/model",
]);

/** Streaming reader of one export; `wiki` is its `<dbname>` once seen. */
export class DumpReader {
  /** The wiki's database name from `<siteinfo>` (`zhwiki`), or "" before it is read. */
  wiki = "";
  /** The most pages ever waiting to be taken (for tests of the memory bound). */
  maxQueued = 0;
  private readonly parser = new SaxesParser({ position: true });
  private readonly stack: string[] = [];
  private queue: DumpPage[] = [];
  private page: DumpPage | null = null;
  private revision: { id: string; timestamp: string; text: string; model: string } | null = null;
  private collecting: string | null = null;
  private buffer: string[] = [];

  constructor(private readonly name: string) {
    this.parser.on("opentag", (tag: SaxesTag) => this.open(tag));
    this.parser.on("closetag", () => this.close());
    this.parser.on("text", (text: string) => {
      if (this.collecting !== null) this.buffer.push(text);
    });
    this.parser.on("cdata", (text: string) => {
      if (this.collecting !== null) this.buffer.push(text);
    });
    this.parser.on("error", (error: Error) => {
      throw new AnnalsError(`invalid XML: ${error.message.replace(/^(?:.*?:)?\d+:\d+: /, "")}`, {
        file: this.name,
        position: `${this.parser.line}:${this.parser.column}`,
      });
    });
  }

  /** Feeds the next piece of the export's text. */
  write(text: string): void {
    this.parser.write(text);
  }

  /** Ends the input (throws on an unclosed document). */
  end(): void {
    this.parser.close();
  }

  /** The pages finished since the last call. */
  take(): DumpPage[] {
    const out = this.queue;
    this.queue = [];
    return out;
  }

  private open(tag: SaxesTag): void {
    const parent = this.stack[this.stack.length - 1] ?? "";
    const name = tag.name;
    this.stack.push(name);
    if (name === "page") {
      this.page = {
        title: "",
        ns: 0,
        id: "",
        revision: "",
        timestamp: "",
        text: "",
        redirect: false,
        model: "",
      };
      return;
    }
    if (this.page === null && name !== "dbname") return;
    if (name === "revision") {
      this.revision = { id: "", timestamp: "", text: "", model: "" };
      return;
    }
    if (name === "redirect" && parent === "page" && this.page !== null) {
      this.page.redirect = true;
      return;
    }
    const key = `${parent}/${name}`;
    if (name === "dbname" ? parent === "siteinfo" : COLLECT.has(key)) {
      this.collecting = name === "dbname" ? "dbname" : key;
      this.buffer = [];
    }
  }

  private close(): void {
    const name = this.stack.pop() ?? "";
    const parent = this.stack[this.stack.length - 1] ?? "";
    const key = name === "dbname" ? "dbname" : `${parent}/${name}`;
    if (this.collecting !== null && this.collecting === key) {
      const value = this.buffer.join("");
      this.buffer = [];
      this.collecting = null;
      this.store(key, value);
      return;
    }
    if (name === "revision" && this.page !== null && this.revision !== null) {
      // Note: a history dump holds several revisions; the last one is the page's text.
      this.page.revision = this.revision.id;
      this.page.timestamp = this.revision.timestamp;
      this.page.text = this.revision.text;
      this.page.model = this.revision.model;
      this.revision = null;
      return;
    }
    if (name === "page" && this.page !== null) {
      if (REDIRECT_TEXT.test(this.page.text)) this.page.redirect = true;
      this.queue.push(this.page);
      if (this.queue.length > this.maxQueued) this.maxQueued = this.queue.length;
      this.page = null;
    }
  }

  private store(key: string, value: string): void {
    if (key === "dbname") {
      this.wiki = value.trim();
      return;
    }
    const page = this.page;
    const rev = this.revision;
    if (page === null) return;
    if (key === "page/title") page.title = value;
    else if (key === "page/ns") page.ns = Number(value.trim());
    else if (key === "page/id") page.id = value.trim();
    else if (rev !== null && key === "revision/id") rev.id = value.trim();
    else if (rev !== null && key === "revision/timestamp") rev.timestamp = value.trim();
    else if (rev !== null && key === "revision/text") rev.text = value;
    else if (rev !== null && key === "revision/model") rev.model = value.trim();
  }
}

/** `[[Category:X]]`, `[[分类:X|key]]` as written in a page's text: the category names. */
export function writtenCategories(text: string, prefixes: string[]): string[] {
  const alt = prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const re = new RegExp(
    `\\[\\[\\s*(?:${alt})\\s*:\\s*([^\\]|\\n]+?)\\s*(?:\\|[^\\]\\n]*)?\\]\\]`,
    "giu",
  );
  const out: string[] = [];
  for (const m of text.matchAll(re)) out.push((m[1] ?? "").replace(/_/g, " ").trim());
  return out;
}
