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
import { TYPE_COLOURS, TYPE_ORDER } from "./types.js";

/** The key of an event across documents. */
export function eventKey(event: { doc: string; id: string }): string {
  return `${event.doc}:${event.id}`;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

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
  private resizeTimer: number | undefined;

  constructor(container: HTMLElement, onSelect: (key: string) => void) {
    const options: TimelineOptions = {
      height: "100%",
      stack: true,
      zoomable: true,
      moveable: true,
      zoomKey: "ctrlKey",
      horizontalScroll: true,
      verticalScroll: true,
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
      cluster: { maxItems: 3, showStipes: true, fitOnDoubleClick: true, titleTemplate: "{count}" },
      tooltip: { followMouse: false },
      // Note: contents are DOM elements built from text nodes; strings are never parsed as HTML.
      xss: { disabled: false },
      groupOrder: (a: DataGroup, b: DataGroup) =>
        TYPE_ORDER.indexOf(a.id as EventType) - TYPE_ORDER.indexOf(b.id as EventType),
    };
    // Note: the typings say DataItem.content is a string, but the widget accepts an element.
    this.timeline = new Timeline(
      container,
      this.items as unknown as DataSet<DataItem>,
      this.groups,
      options,
    );
    this.timeline.on("select", (props: { items: Array<string | number> }) => {
      const key = props.items[0];
      if (key !== undefined) onSelect(String(key));
    });
    // Refit after a resize (a phone rotating, the panel opening) so the axis stays readable.
    new ResizeObserver(() => {
      window.clearTimeout(this.resizeTimer);
      this.resizeTimer = window.setTimeout(() => {
        if (this.items.length > 0) this.fit();
      }, 150);
    }).observe(container);
  }

  /** Replaces the events; returns how many have no place on the calendar. */
  setEvents(events: ApiEvent[], script: Script): number {
    this.events = events;
    return this.render(script, true);
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

  /** Zooms to show every item. */
  fit(): void {
    this.timeline.fit({ animation: false });
  }

  /** Zooms in or out by a factor. */
  zoom(inward: boolean): void {
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
      const doubt = event.doubt
        ? `${script === "cn" ? "此日期可能有误" : "此日期可能有誤"}${
            event.doubt.suggestion
              ? `${script === "cn" ? "，建议 " : "，建議 "}${event.doubt.suggestion}`
              : ""
          }`
        : null;
      const item: TimelineItem = {
        id: eventKey(event),
        group: event.type,
        content: h("span", { class: "tl-label" }, doubt ? `⚠ ${short}` : short),
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
      if (doubt) item.title = doubt;
      items.push(item);
    }
    const groups: DataGroup[] = TYPE_ORDER.filter((type) => present.has(type)).map((type) => ({
      id: type,
      content: h("span", { class: "tl-group" }, swatch(type), typeName(type, script)),
      style: `border-left: 4px solid ${TYPE_COLOURS[type]};`,
    }));
    this.groups.clear();
    this.groups.add(groups);
    this.items.clear();
    this.items.add(items);
    this.limitToData(items);
    if (refit && items.length > 0) this.fit();
    if (!refit) this.timeline.setSelection(selection);
    return undated;
  }
}
