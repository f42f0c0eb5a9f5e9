/**
 * The zoomable timeline (vis-timeline): one row per event type, coloured by type; a day is a
 * box, a month, year or decade a range as long as what the text states.
 */
import { DataSet } from "vis-data/peer";
import {
  Timeline,
  type DataGroup,
  type DataItem,
  type TimelineItem,
  type TimelineOptions,
} from "vis-timeline/peer";
import type { EventType } from "../model/types.js";
import type { ApiEvent } from "./api.js";
import { axisLabel, dateRange } from "./dates.js";
import { h } from "./dom.js";
import { typeName, type Script } from "./i18n.js";
import { LANE_ORDER, TYPE_COLOURS } from "./types.js";

/** The key of an event across documents. */
export function eventKey(event: { doc: string; id: string }): string {
  return `${event.doc}:${event.id}`;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** Room an item's label needs before the next item of its lane (px). */
const LABEL_PX = 130;
/** The widest label (px; the stylesheet's default for `--tl-label-max`). */
const LABEL_MAX_PX = 260;
/** Space kept between a cut label and the next item of its lane (px). */
const LABEL_GAP_PX = 8;
/** The label width an item's style carries (set by `markRoom`). */
const LABEL_WIDTH_STYLE = /--tl-label-max: \d+px;/g;

/** A time as a fractional year (2018.5 = mid-2018). */
function yearOf(ms: number): number {
  const d = new Date(ms);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return d.getUTCFullYear() + (ms - start) / YEAR_MS;
}

/** The `q`-quantile (0…1) of sorted numbers, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i] ?? NaN;
}

/**
 * The dense span of some times (ms): from the 10th to the 90th percentile, padded by a tenth
 * of its length (at least a year) on each side.
 */
export function denseSpan(times: readonly number[]): { start: number; end: number } | null {
  if (times.length === 0) return null;
  const sorted = [...times].sort((a, b) => a - b);
  const lo = quantile(sorted, 0.1);
  const hi = quantile(sorted, 0.9);
  const pad = Math.max(YEAR_MS, (hi - lo) * 0.1);
  return { start: lo - pad, end: hi + pad };
}

function swatch(type: EventType): HTMLElement {
  const el = h("span", { class: "swatch", dataset: { type } });
  el.style.setProperty("--c", TYPE_COLOURS[type]);
  return el;
}

/** The timeline widget and its data. */
export class TimelineView {
  private readonly items = new DataSet<TimelineItem>();
  private readonly groups = new DataSet<DataGroup>();
  private readonly timeline: Timeline;
  private events: ApiEvent[] = [];
  private docTitle: ((event: ApiEvent) => string) | null = null;
  /** Whether the window is still the dense-span frame (no zoom, pan or 全部 since). */
  private framed = true;
  private resizeTimer: number | undefined;

  constructor(
    private readonly container: HTMLElement,
    onSelect: (key: string) => void,
  ) {
    // Until the first events are drawn the widget would show its default window (around today)
    // with no items, which reads as "nothing here"; style.css hides it while busy.
    container.setAttribute("aria-busy", "true");
    const options: TimelineOptions = {
      // Note: one row per lane (no stacking; overlaps form clusters) and the widget as tall as
      // its lanes, so every lane shows without an inner scroll.
      stack: false,
      // A box starts at its date, as a range does, so its label takes room only after it
      // (where markRoom measures it), never over the item before.
      align: "left",
      groupHeightMode: "fitItems",
      zoomable: true,
      moveable: true,
      zoomKey: "ctrlKey",
      horizontalScroll: true,
      verticalScroll: false,
      orientation: { axis: "top", item: "top" },
      margin: { item: { horizontal: 2, vertical: 4 } },
      selectable: true,
      showCurrentTime: false,
      // Chinese axis labels (the widget's default locale is English).
      format: {
        minorLabels: (date: Date, scale: string) => axisLabel(date, scale, false),
        majorLabels: (date: Date, scale: string) => axisLabel(date, scale, true),
      },
      // A day to a few centuries: never so far out that the axis piles up its grid lines.
      zoomMin: 7 * 24 * 3600 * 1000,
      zoomMax: 400 * YEAR_MS,
      // Dense periods collapse into counted clusters until zoomed in (double-click to open).
      cluster: { maxItems: 3, showStipes: false, fitOnDoubleClick: true, titleTemplate: "{count}" },
      tooltip: { followMouse: false },
      // Note: contents are DOM elements built from text nodes; strings are never parsed as HTML.
      xss: { disabled: false },
      groupOrder: (a: DataGroup, b: DataGroup) =>
        LANE_ORDER.indexOf(a.id as EventType) - LANE_ORDER.indexOf(b.id as EventType),
    };
    // Note: the typings say DataItem.content is a string, but the widget accepts an element.
    this.timeline = new Timeline(
      container,
      this.items as unknown as DataSet<DataItem>,
      this.groups,
      options,
    );
    // The visible span as fractional years on the container (what the browser tests read),
    // written only once there are items: the widget also reports its default window (around
    // today) before the events arrive, which is not a view of the article.
    this.timeline.on("rangechanged", () => {
      if (this.items.length > 0) {
        const { start, end } = this.timeline.getWindow();
        container.dataset.fromYear = yearOf(start.getTime()).toFixed(3);
        container.dataset.toYear = yearOf(end.getTime()).toFixed(3);
      }
      this.markRoom();
    });
    this.timeline.on("rangechange", (props: { byUser: boolean }) => {
      if (props.byUser) this.framed = false;
    });
    this.timeline.on("select", (props: { items: Array<string | number> }) => {
      const key = props.items[0];
      if (key !== undefined) onSelect(String(key));
    });
    // Refit after a resize (a phone rotating, the panel opening) so the axis stays readable.
    new ResizeObserver(() => {
      window.clearTimeout(this.resizeTimer);
      this.resizeTimer = window.setTimeout(() => {
        // Note: only a view the reader has not moved is reframed (a late layout change must not
        // undo 全部 or a zoom).
        if (this.items.length > 0 && this.framed) this.frame();
      }, 150);
    }).observe(container);
  }

  /**
   * Replaces the events; returns how many have no place on the calendar. `docTitle` names an
   * event's article on its item (the all-documents view), or is null for one article.
   */
  setEvents(
    events: ApiEvent[],
    script: Script,
    docTitle: ((event: ApiEvent) => string) | null = null,
  ): number {
    this.events = events;
    this.docTitle = docTitle;
    const undated = this.render(script, true);
    this.container.removeAttribute("aria-busy");
    return undated;
  }

  /** Shows the widget without events (the first request failed; the page says why). */
  settle(): void {
    this.container.removeAttribute("aria-busy");
  }

  /** Re-labels the items in another script. */
  setScript(script: Script): void {
    this.render(script, false);
  }

  /** Selects an item and brings it into view. */
  select(key: string | null): void {
    if (key === null || this.items.get(key) === null) {
      this.timeline.setSelection([]);
      return;
    }
    this.timeline.setSelection([key]);
    const item = this.items.get(key);
    if (!item) return;
    // Zoom to a few years around the item, so clusters open and the item shows.
    const start = new Date(item.start).getTime();
    const end = item.end === undefined ? start : new Date(item.end).getTime();
    const pad = Math.max(2 * YEAR_MS, (end - start) * 0.5);
    this.timeline.setWindow(start - pad, end + pad, { animation: false });
  }

  /**
   * Gives a label only to the items with room for it at the current zoom (the next item of
   * the same lane, or the window's edge, at least LABEL_PX away); the others show as marks,
   * their text in the tooltip and the panel. A label is cut (with an ellipsis) where the next
   * item of its lane starts, so labels never run over each other: lanes are one row.
   */
  private markRoom(): void {
    const window = this.timeline.getWindow();
    const width = this.container.clientWidth || 1;
    const pxPerMs = width / Math.max(1, window.end.getTime() - window.start.getTime());
    const byLane = new Map<string, TimelineItem[]>();
    for (const item of this.items.get()) {
      const lane = String(item.group);
      byLane.set(lane, [...(byLane.get(lane) ?? []), item]);
    }
    const changed: TimelineItem[] = [];
    for (const lane of byLane.values()) {
      lane.sort((a, b) => new Date(a.start).getTime() - new Date(b.start).getTime());
      lane.forEach((item, i) => {
        // The next item of the lane, or the window's right edge, bounds the label.
        const next = lane[i + 1];
        const stop = Math.min(
          next === undefined ? Infinity : new Date(next.start).getTime(),
          window.end.getTime(),
        );
        const gap = (stop - new Date(item.start).getTime()) * pxPerMs;
        const base = String(item.className ?? "").replace(/ ?tl-room/g, "");
        const room = this.docTitle === null ? LABEL_PX : LABEL_PX * 1.5;
        const className = gap >= room ? `${base} tl-room` : base;
        // The label's width stops short of the next item (in steps of 10 px, so zooming
        // re-renders few items); the CSS variable is read by `.tl-label`'s max-width.
        const width = Math.floor(Math.min(LABEL_MAX_PX, gap - LABEL_GAP_PX) / 10) * 10;
        const plain = String(item.style ?? "").replace(LABEL_WIDTH_STYLE, "");
        const style = gap >= room ? `${plain}--tl-label-max: ${width}px;` : plain;
        if (className !== item.className || style !== item.style) {
          changed.push({ ...item, className, style });
        }
      });
    }
    if (changed.length > 0) this.items.update(changed);
  }

  /** Zooms to show every item. */
  fit(): void {
    this.framed = false;
    this.timeline.fit({ animation: false });
  }

  /** Frames the dense span of the events (10th to 90th percentile of their dates). */
  frame(): void {
    const span = denseSpan(this.items.get().map((item) => new Date(item.start).getTime()));
    if (span) this.timeline.setWindow(span.start, span.end, { animation: false });
    this.framed = true;
  }

  /** Zooms in or out by a factor. */
  zoom(inward: boolean): void {
    this.framed = false;
    if (inward) this.timeline.zoomIn(0.5, { animation: false });
    else this.timeline.zoomOut(0.5, { animation: false });
  }

  /** Keeps panning within the data (plus a margin), so the view cannot drift into empty centuries. */
  private limitToData(items: readonly TimelineItem[]): void {
    let lo = Infinity;
    let hi = -Infinity;
    for (const item of items) {
      lo = Math.min(lo, new Date(item.start).getTime());
      hi = Math.max(hi, new Date(item.end ?? item.start).getTime());
    }
    if (!Number.isFinite(lo)) return;
    const pad = Math.max(2 * YEAR_MS, (hi - lo) * 0.1);
    this.timeline.setOptions({ min: lo - pad, max: hi + pad });
  }

  private render(script: Script, refit: boolean): number {
    const selection = this.timeline.getSelection();
    const items: TimelineItem[] = [];
    const present = new Set<EventType>();
    let undated = 0;
    for (const event of this.events) {
      const range = dateRange(event.date.value);
      if (!range) {
        undated += 1;
        continue;
      }
      present.add(event.type);
      const colour = TYPE_COLOURS[event.type];
      const label = script === "cn" ? event.display.cn : event.display.tw;
      const short = label.length > 22 ? `${label.slice(0, 21)}…` : label;
      const article = this.docTitle?.(event) ?? null;
      const doubt = event.doubt
        ? `${script === "cn" ? "此日期可能有误" : "此日期可能有誤"}${
            event.doubt.suggestionLabel
              ? `${script === "cn" ? "，建议 " : "，建議 "}${event.doubt.suggestionLabel[script]}`
              : ""
          }`
        : null;
      const item: TimelineItem = {
        id: eventKey(event),
        group: event.type,
        content: h(
          "span",
          { class: "tl-label" },
          article === null ? "" : h("span", { class: "tl-doc" }, `${article}·`),
          doubt ? `⚠ ${short}` : short,
        ),
        start: range.start,
        type: range.end ? "range" : "box",
        className: `tl-${range.granularity}${event.date.inferred ? " tl-inferred" : ""}${
          doubt ? " tl-doubt" : ""
        }`,
        style: range.end
          ? `background-color: ${colour}2e; border-color: ${colour}; color: #1d232b;`
          : `background-color: ${colour}; border-color: ${colour}; color: #fff;`,
      };
      if (range.end) item.end = range.end;
      const date = event.dateLabel ? event.dateLabel[script] : null;
      item.title = [article, date, label, doubt].filter((x) => x !== null).join(" · ");
      items.push(item);
    }
    const groups: DataGroup[] = LANE_ORDER.filter((type) => present.has(type)).map((type) => ({
      id: type,
      content: h("span", { class: "tl-group" }, swatch(type), typeName(type, script)),
      style: `border-left: 4px solid ${TYPE_COLOURS[type]};`,
    }));
    this.groups.clear();
    this.groups.add(groups);
    this.items.clear();
    this.items.add(items);
    this.limitToData(items);
    if (refit && items.length > 0) this.frame();
    this.markRoom();
    if (!refit) this.timeline.setSelection(selection);
    return undated;
  }
}
