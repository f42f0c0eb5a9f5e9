/**
 * The article reader: display text rendered block by block from the API's document view, with
 * every timex, event mention, finding and link marked, and footnote markers linked to the
 * reference list. Text only ever enters the page as text nodes.
 */
import type { DocumentView, Mark } from "../server/view.js";
import { activatable, append, clear, h } from "./dom.js";
import { t, type Script } from "./i18n.js";

/** What the reader reports back. */
export interface ReaderHandlers {
  onEvent(docId: string, eventId: string): void;
}

/** A rendered article: lets the page highlight an event, a finding or a text range. */
export class Reader {
  private doc: DocumentView | null = null;
  private script: Script = "cn";
  private byEvent = new Map<string, HTMLElement[]>();
  private byFinding = new Map<string, HTMLElement[]>();
  private segments: Array<{ start: number; end: number; el: HTMLElement }> = [];
  private active: HTMLElement[] = [];
  private activeKey: { kind: "event" | "finding" | "range"; id: string } | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: ReaderHandlers,
  ) {}

  /** The document on show, if any. */
  get current(): DocumentView | null {
    return this.doc;
  }

  /** Shows a document (or a placeholder when null). */
  show(doc: DocumentView | null, script: Script): void {
    this.doc = doc;
    this.script = script;
    this.render();
  }

  /** Switches the script, keeping the highlight. */
  setScript(script: Script): void {
    if (script === this.script) return;
    this.script = script;
    const key = this.activeKey;
    this.render();
    if (key) this.mark(key.kind, key.id, false);
  }

  /** Marks an event's mentions and scrolls the first into view; false when it has none here. */
  highlightEvent(eventId: string, scroll = true): boolean {
    return this.mark("event", eventId, scroll);
  }

  /** Marks a finding's span and scrolls to it. */
  highlightFinding(index: number, scroll = true): boolean {
    return this.mark("finding", String(index), scroll);
  }

  /** Marks the display range covering raw `[start, end)` (a search hit). */
  highlightRaw(start: number, end: number): boolean {
    const doc = this.doc;
    if (!doc) return false;
    const sentence = doc.sentences.find((s) => s.start <= start && end <= s.end);
    if (!sentence) return false;
    return this.mark("range", `${sentence.textStart}-${sentence.textEnd}`, true);
  }

  private mark(kind: "event" | "finding" | "range", id: string, scroll: boolean): boolean {
    for (const el of this.active) el.classList.remove("active");
    this.activeKey = { kind, id };
    let els: HTMLElement[] = [];
    if (kind === "event") els = this.byEvent.get(id) ?? [];
    else if (kind === "finding") els = this.byFinding.get(id) ?? [];
    else {
      const [from, to] = id.split("-").map(Number);
      els = this.segments
        .filter((s) => s.start >= (from ?? 0) && s.end <= (to ?? 0))
        .map((s) => s.el);
    }
    this.active = els;
    for (const el of els) el.classList.add("active");
    const first = els[0];
    if (first && scroll) this.scrollTo(first);
    return els.length > 0;
  }

  /** Scrolls the reader itself (not the whole page) when it has its own scroll area. */
  private scrollTo(el: HTMLElement): void {
    const box = this.container;
    if (box.scrollHeight > box.clientHeight + 1) {
      const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    } else {
      el.scrollIntoView({ block: "center", behavior: "auto" });
    }
  }

  private render(): void {
    clear(this.container);
    this.byEvent.clear();
    this.byFinding.clear();
    this.segments = [];
    this.active = [];
    const doc = this.doc;
    if (!doc) {
      append(this.container, h("p", { class: "placeholder" }, t("chooseDoc", this.script)));
      return;
    }
    const text = this.script === "cn" ? doc.text.cn : doc.text.tw;
    const title = this.script === "cn" ? doc.title.cn : doc.title.tw;
    const article = h("article", { class: "article", aria: { label: title } }, h("h1", {}, title));
    const footnotesAt = new Map<number, Array<{ n: number; reference: number | null }>>();
    for (const fn of doc.footnotes) footnotesAt.set(fn.at, [...(footnotesAt.get(fn.at) ?? []), fn]);
    const listed = new Set<HTMLElement>();
    let markIndex = 0;
    for (const block of doc.blocks) {
      if (block.kind === "reference") continue;
      while (
        markIndex < doc.marks.length &&
        (doc.marks[markIndex]?.textEnd ?? 0) <= block.textStart
      )
        markIndex += 1;
      const marks: Mark[] = [];
      for (let i = markIndex; i < doc.marks.length; i += 1) {
        const mark = doc.marks[i];
        if (!mark || mark.textStart >= block.textEnd) break;
        if (mark.textEnd > block.textStart) marks.push(mark);
      }
      const el = this.blockElement(doc, block.kind, block.section);
      const cuts = new Set<number>([block.textStart, block.textEnd]);
      for (const mark of marks) {
        cuts.add(Math.max(mark.textStart, block.textStart));
        cuts.add(Math.min(mark.textEnd, block.textEnd));
      }
      for (const at of footnotesAt.keys())
        if (at > block.textStart && at <= block.textEnd) cuts.add(at);
      const points = [...cuts].sort((a, b) => a - b);
      for (let i = 0; i + 1 < points.length; i += 1) {
        const from = points[i] ?? 0;
        const to = points[i + 1] ?? 0;
        const covering = marks.filter((m) => m.textStart <= from && m.textEnd >= to);
        const segment = this.segment(doc, text.slice(from, to), covering, listed);
        this.segments.push({ start: from, end: to, el: segment });
        append(el, segment);
        for (const fn of footnotesAt.get(to) ?? []) {
          const label = `[${fn.n}]`;
          const sup = h(
            "sup",
            { class: "fn" },
            fn.reference === null ? label : h("a", { href: `#ref-${fn.reference}` }, label),
          );
          append(el, sup);
        }
      }
      append(article, el);
    }
    if (doc.references.length > 0) {
      const list = h("ol", { class: "references" });
      for (const ref of doc.references) {
        const item = h(
          "li",
          { id: `ref-${ref.n}`, value: String(ref.n) },
          ref.text.replace(/^\d+\.\s*/, ""),
        );
        (item as HTMLLIElement).value = ref.n;
        for (const url of ref.urls) {
          append(item, " ", h("a", { href: url, class: "ext" }, url));
          const a = item.lastElementChild;
          if (a) {
            a.setAttribute("rel", "noopener noreferrer nofollow");
            a.setAttribute("target", "_blank");
          }
        }
        append(list, item);
      }
      append(article, h("h2", {}, t("references", this.script)), list);
    }
    append(this.container, article);
  }

  private blockElement(doc: DocumentView, kind: string, section: number | null): HTMLElement {
    if (kind === "heading") {
      const level = section === null ? 2 : (doc.sections[section]?.level ?? 2);
      const tag = (["h2", "h2", "h2", "h3", "h4", "h5", "h5"] as const)[Math.min(level, 6)] ?? "h3";
      return h(tag, {});
    }
    if (kind === "code") return h("pre", {});
    if (kind === "list-item") return h("p", { class: "li" });
    if (kind === "table-cell") return h("p", { class: "cell" });
    if (kind === "caption") return h("p", { class: "caption" });
    return h("p", {});
  }

  private segment(
    doc: DocumentView,
    text: string,
    covering: Mark[],
    listed: Set<HTMLElement>,
  ): HTMLElement {
    if (covering.length === 0) return h("span", {}, text);
    const classes: string[] = [];
    const events = covering.filter((m) => m.kind === "event");
    const timex = covering.find((m) => m.kind === "timex");
    const finding = covering.find((m) => m.kind === "finding");
    const link = covering.find((m) => m.kind === "link");
    if (events.length > 0) classes.push("m-event");
    if (timex) classes.push("m-timex");
    if (finding) classes.push("m-finding");
    if (link) classes.push("m-link");
    const el = h("span", { class: classes.join(" ") }, text);
    if (timex) {
      const label = doc.timexes.find((x) => x.id === timex.id)?.label;
      el.dataset.timex = timex.id;
      if (label) el.title = label[this.script];
    }
    if (link?.url) el.title = link.url;
    for (const mark of events) {
      const list = this.byEvent.get(mark.id) ?? [];
      list.push(el);
      this.byEvent.set(mark.id, list);
    }
    if (finding) {
      const list = this.byFinding.get(finding.id) ?? [];
      list.push(el);
      this.byFinding.set(finding.id, list);
      el.dataset.finding = finding.id;
    }
    const first = events[0];
    if (first) {
      el.dataset.events = events.map((m) => m.id).join(" ");
      const id = first.id;
      const docId = doc.summary.id;
      // Only the first segment of an event is a tab stop, so the tab order stays usable.
      if (!listed.has(el) && (this.byEvent.get(id)?.length ?? 0) === 1) {
        activatable(el, () => this.handlers.onEvent(docId, id));
        el.setAttribute("aria-label", `${t("event", this.script)} ${id}`);
        listed.add(el);
      } else {
        el.addEventListener("click", () => this.handlers.onEvent(docId, id));
      }
    }
    return el;
  }
}
