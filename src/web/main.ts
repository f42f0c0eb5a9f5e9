/**
 * The timeline page: wires the API, the timeline, the side panels and the article reader, and
 * switches the whole page between Simplified and Traditional script.
 */
import "vis-timeline/styles/vis-timeline-graph2d.css";
import "./style.css";
import type { EventType } from "../model/types.js";
import type { DocumentView } from "../server/view.js";
import {
  listDocuments,
  listEntities,
  listEvents,
  listFindings,
  loadDocument,
  loadEntity,
  loadPair,
  search,
  ApiError,
  type ApiDocument,
  type ApiEntity,
  type ApiEvent,
  type ApiSearchHit,
  type EventFilters,
  type Scripted,
} from "./api.js";
import { drawPairChart } from "./chart.js";
import { dateRange } from "./dates.js";
import { activatable, append, clear, h } from "./dom.js";
import {
  entityKindName,
  findingMessage,
  findingName,
  granularityName,
  t,
  typeName,
  type LabelKey,
  type Script,
} from "./i18n.js";
import { Reader } from "./reader.js";
import { eventKey, TimelineView } from "./timeline.js";
import { TYPE_COLOURS, TYPE_ORDER } from "./types.js";

type Tab = "events" | "entity" | "findings" | "search" | "chart";

/** The phone's three views (one at a time below 860 px; all at once on a wide screen). */
type View = "timeline" | "events" | "reader";

/** The width at which the page switches to its phone layout (style.css has the same). */
const phone = window.matchMedia("(max-width: 860px)");

const $ = <E extends HTMLElement>(id: string): E => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as E;
};

const state = {
  script: "cn" as Script,
  docs: [] as ApiDocument[],
  doc: null as string | null,
  entities: new Map<string, ApiEntity>(),
  types: new Set<EventType>(TYPE_ORDER),
  events: [] as ApiEvent[],
  selected: null as string | null,
  tab: "events" as Tab,
  entity: null as string | null,
  pair: null as [string, string] | null,
  query: "",
  searchResult: null as Awaited<ReturnType<typeof search>> | null,
  showLow: false,
};

const pick = (s: Scripted): string => (state.script === "cn" ? s.cn : s.tw);
/** A date label from the API in the page's script (— when there is none). */
const when = (label: Scripted | null | undefined): string => (label ? pick(label) : "—");
/** A document's title in the page's script (the stored title as a fallback). */
const docName = (id: string, fallback: string): string => {
  const doc = state.docs.find((d) => d.id === id);
  return doc ? pick(doc.display) : fallback;
};
/** Whether events of several articles share the timeline (each item then names its article). */
const allDocuments = (): boolean => state.doc === null && state.docs.length > 1;
const entityName = (id: string): string => {
  const e = state.entities.get(id);
  return e ? pick(e.display) : id;
};

const reader = new Reader($("reader"), { onEvent: (doc, id) => void selectEvent(`${doc}:${id}`) });
const timeline = new TimelineView($("timeline"), (key) => {
  if (phone.matches) setView("events");
  void selectEvent(key);
});

function setView(view: View): void {
  document.body.dataset.view = view;
  for (const button of document.querySelectorAll<HTMLElement>(".views [data-view]")) {
    button.setAttribute("aria-selected", String(button.dataset.view === view));
  }
  window.scrollTo({ top: 0 });
}

// Note: the URL holds what a shared link needs (document, event, filters, search, script);
// every user action pushes a history entry, and the back button restores the previous one.
let restoring = false;

/** The view's state as URL parameters. */
function urlParams(): URLSearchParams {
  const params = new URLSearchParams();
  const f = filters();
  if (state.doc) params.set("doc", state.doc);
  if (state.selected) params.set("event", state.selected);
  if (f.types) params.set("types", f.types.join(","));
  if (f.actor) params.set("actor", f.actor);
  if (f.pair) params.set("pair", f.pair.join(","));
  if (f.from) params.set("from", f.from);
  if (f.to) params.set("to", f.to);
  if (state.query) params.set("q", state.query);
  if (state.script === "tw") params.set("script", "tw");
  return params;
}

function pushUrl(): void {
  if (restoring) return;
  const search = urlParams().toString();
  if (search === location.search.slice(1)) return;
  history.pushState(null, "", search === "" ? location.pathname : `?${search}`);
}

/** Puts the page in the state a URL describes. */
async function applyUrl(queryString: string): Promise<void> {
  const params = new URLSearchParams(queryString);
  restoring = true;
  try {
    const known = (id: string | null) => (id !== null && state.entities.has(id) ? id : "");
    const pair = (params.get("pair") ?? "").split(",");
    $<HTMLSelectElement>("actor").value = known(params.get("actor"));
    $<HTMLSelectElement>("pair-a").value = known(pair[0] ?? null);
    $<HTMLSelectElement>("pair-b").value = known(pair[1] ?? null);
    $<HTMLInputElement>("from").value = params.get("from") ?? "";
    $<HTMLInputElement>("to").value = params.get("to") ?? "";
    const types = params.get("types");
    state.types = new Set(
      types === null ? TYPE_ORDER : TYPE_ORDER.filter((type) => types.split(",").includes(type)),
    );
    state.query = params.get("q") ?? "";
    $<HTMLInputElement>("q").value = state.query;
    setScript(params.get("script") === "tw" ? "tw" : "cn");
    const doc = params.get("doc");
    const single = state.docs.length === 1 ? (state.docs[0]?.id ?? null) : null;
    state.doc = doc !== null && state.docs.some((d) => d.id === doc) ? doc : single;
    renderDocPicker();
    state.selected = null;
    state.searchResult =
      state.query === "" ? null : await search(state.query, state.doc ?? undefined);
    await showDocument(state.doc);
    await refreshEvents();
    const event = params.get("event");
    if (event !== null && state.events.some((e) => eventKey(e) === event)) await selectEvent(event);
  } finally {
    restoring = false;
  }
}
const panel = $("panel");
const chartBox = $("chart-box");

function setStatus(message: string, isError = false): void {
  const el = $("status");
  el.textContent = message;
  el.classList.toggle("error", isError);
}

/** An API failure as shown in the filter bar: a Chinese prefix before the server's text. */
function errorText(error: unknown): string {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
    const prefix =
      error.status === 404 ? t("notFound", state.script) : t("badParams", state.script);
    return `${prefix}${error.message}`;
  }
  return `${t("error", state.script)}：${error instanceof Error ? error.message : String(error)}`;
}

/** The "may be wrong" line of an event whose date a finding doubts, or null. */
function doubtText(event: ApiEvent): string | null {
  const doubt = event.doubt;
  if (!doubt) return null;
  const suggestion = doubt.suggestion
    ? `，${t("suggestion", state.script)} ${doubt.suggestionLabel ? pick(doubt.suggestionLabel) : doubt.suggestion}`
    : "";
  return `${t("doubtfulDate", state.script)}${suggestion}`;
}

function relabel(): void {
  document.documentElement.lang = state.script === "cn" ? "zh-Hans" : "zh-Hant";
  for (const el of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n as LabelKey, state.script);
  }
  $("q").setAttribute("placeholder", t("searchPlaceholder", state.script));
  $("reader").setAttribute("aria-label", t("reader", state.script));
  $("script-cn").setAttribute("aria-pressed", String(state.script === "cn"));
  $("script-tw").setAttribute("aria-pressed", String(state.script === "tw"));
  document.title = `${t("appTitle", state.script)} annals`;
}

function renderDocPicker(): void {
  const select = $<HTMLSelectElement>("doc");
  clear(select);
  append(select, h("option", { value: "" }, t("allDocuments", state.script)));
  for (const doc of state.docs) append(select, h("option", { value: doc.id }, pick(doc.display)));
  select.value = state.doc ?? "";
}

function renderActorPickers(): void {
  const entities = [...state.entities.values()].filter((e) => e.events > 0);
  for (const id of ["actor", "pair-a", "pair-b"]) {
    const select = $<HTMLSelectElement>(id);
    const value = select.value;
    clear(select);
    append(select, h("option", { value: "" }, "—"));
    for (const e of entities)
      append(
        select,
        h(
          "option",
          { value: e.id },
          `${pick(e.display)}（${entityKindName(e.kind, state.script)}）`,
        ),
      );
    select.value = value;
  }
}

function renderLegend(): void {
  const legend = $("legend");
  clear(legend);
  const present = new Set(state.events.map((e) => e.type));
  for (const type of TYPE_ORDER) {
    const on = state.types.has(type);
    const chip = h(
      "button",
      {
        class: `chip${on ? " on" : ""}${present.has(type) ? "" : " absent"}`,
        type: "button",
        dataset: { type },
      },
      h("span", { class: "swatch", dataset: { type } }),
      typeName(type, state.script),
    );
    chip.setAttribute("aria-pressed", String(on));
    chip.style.setProperty("--c", TYPE_COLOURS[type]);
    chip.addEventListener("click", () => {
      if (state.types.has(type)) state.types.delete(type);
      else state.types.add(type);
      void refreshEvents();
    });
    append(legend, chip);
  }
}

function filters(): EventFilters {
  const f: EventFilters = {};
  if (state.doc) f.doc = state.doc;
  if (state.types.size < TYPE_ORDER.length) f.types = [...state.types];
  const actor = $<HTMLSelectElement>("actor").value;
  if (actor) f.actor = actor;
  const a = $<HTMLSelectElement>("pair-a").value;
  const b = $<HTMLSelectElement>("pair-b").value;
  if (a && b && a !== b) f.pair = [a, b];
  const from = $<HTMLInputElement>("from").value.trim();
  const to = $<HTMLInputElement>("to").value.trim();
  if (from) f.from = from;
  if (to) f.to = to;
  if (state.query) f.q = state.query;
  return f;
}

async function refreshEvents(): Promise<void> {
  renderLegend();
  if (state.types.size === 0) {
    state.events = [];
  } else {
    try {
      state.events = (await listEvents(filters())).events;
      setStatus("");
    } catch (error) {
      setStatus(errorText(error), true);
      timeline.settle();
      return;
    }
  }
  pushUrl();
  const undated = timeline.setEvents(
    state.events,
    state.script,
    allDocuments() ? (event) => docName(event.doc, event.docTitle) : null,
  );
  renderCounts(undated);
  renderLegend();
  showPeriodExamples();
  if (state.tab === "events") renderPanel();
}

/**
 * The period inputs' placeholders as examples from the events shown (the first event's year, the
 * last one's year and month), so a 1905 article does not suggest 1994–2019; kept while filtered.
 */
function showPeriodExamples(): void {
  if (isPeriodFiltered()) return;
  let first: Date | null = null;
  let last: Date | null = null;
  for (const event of state.events) {
    const range = dateRange(event.date.value);
    if (!range) continue;
    if (first === null || range.start < first) first = range.start;
    if (last === null || range.start > last) last = range.start;
  }
  // Note: a year before 1 (or 1–999, which the period filter reads as a decade or century)
  // makes a poor example; the defaults stay.
  if (first === null || last === null || first.getFullYear() < 1000) return;
  const month = String(last.getMonth() + 1).padStart(2, "0");
  $("from").setAttribute("placeholder", String(first.getFullYear()));
  $("to").setAttribute("placeholder", `${last.getFullYear()}-${month}`);
}

function isPeriodFiltered(): boolean {
  return (
    $<HTMLInputElement>("from").value.trim() !== "" || $<HTMLInputElement>("to").value.trim() !== ""
  );
}

function renderCounts(undated = state.events.filter((e) => !dateRange(e.date.value)).length): void {
  $("counts").textContent =
    `${t("events", state.script)} ${state.events.length}` +
    (undated > 0 ? ` · ${t("undated", state.script)} ${undated}` : "");
}

async function showDocument(id: string | null): Promise<DocumentView | null> {
  if (id === null) {
    reader.show(null, state.script);
    return null;
  }
  if (reader.current?.summary.id === id) return reader.current;
  const { document: doc } = await loadDocument(id);
  reader.show(doc, state.script);
  return doc;
}

async function selectEvent(key: string): Promise<void> {
  state.selected = key;
  pushUrl();
  const [docId, eventId] = splitKey(key);
  setTab("events", false);
  timeline.select(key);
  await showDocument(docId);
  reader.highlightEvent(eventId);
  renderPanel();
  document.querySelector<HTMLElement>(".event-detail h3")?.focus();
}

function splitKey(key: string): [string, string] {
  const at = key.lastIndexOf(":");
  return [key.slice(0, at), key.slice(at + 1)];
}

function setTab(tab: Tab, render = true): void {
  state.tab = tab;
  for (const button of document.querySelectorAll<HTMLElement>(".tabs [data-tab]")) {
    button.setAttribute("aria-selected", String(button.dataset.tab === tab));
  }
  chartBox.hidden = tab !== "chart";
  if (render) renderPanel();
}

function renderPanel(): void {
  clear(panel);
  if (state.tab === "events") renderEventsPanel();
  else if (state.tab === "entity") void renderEntityPanel();
  else if (state.tab === "findings") void renderFindingsPanel();
  else if (state.tab === "search") renderSearchPanel();
  else void renderChartPanel();
}

function typeChip(type: EventType): HTMLElement {
  const chip = h("span", { class: "type-chip", dataset: { type } }, typeName(type, state.script));
  chip.style.setProperty("--c", TYPE_COLOURS[type]);
  return chip;
}

function entityButton(id: string): HTMLElement {
  return activatable(
    h("span", { class: "entity-link", dataset: { entity: id } }, entityName(id)),
    () => openEntity(id),
  );
}

function eventRow(event: ApiEvent): HTMLElement {
  const key = eventKey(event);
  const row = h(
    "li",
    { class: `event-row${key === state.selected ? " selected" : ""}`, dataset: { key } },
    h(
      "span",
      { class: "date" },
      when(event.dateLabel),
      event.doubt ? h("span", { class: "doubt", title: doubtText(event) ?? "" }, " ⚠") : null,
    ),
    typeChip(event.type),
    h(
      "span",
      { class: "summary" },
      allDocuments()
        ? h("span", { class: "row-doc" }, `${docName(event.doc, event.docTitle)}·`)
        : "",
      pick(event.display),
    ),
  );
  const doubt = doubtText(event);
  if (doubt) row.title = doubt;
  return activatable(row, () => void selectEvent(key));
}

function renderEventsPanel(): void {
  const selected = state.events.find((e) => eventKey(e) === state.selected) ?? null;
  if (selected) append(panel, eventDetail(selected));
  else append(panel, h("p", { class: "hint" }, t("selectEvent", state.script)));
  const list = h("ol", { class: "event-list", aria: { label: t("events", state.script) } });
  for (const event of state.events) append(list, eventRow(event));
  if (state.events.length === 0)
    append(panel, h("p", { class: "hint" }, t("noEvents", state.script)));
  append(panel, list);
}

function eventDetail(event: ApiEvent): HTMLElement {
  const doc = reader.current?.summary.id === event.doc ? reader.current : null;
  const view = doc?.events.find((e) => e.id === event.id);
  const timex =
    doc && event.date.timex ? doc.timexes.find((x) => x.id === event.date.timex) : undefined;
  const anchor = doc && timex?.anchor ? doc.timexes.find((x) => x.id === timex.anchor) : undefined;
  const text = doc ? (state.script === "cn" ? doc.text.cn : doc.text.tw) : "";
  const range = dateRange(event.date.value);
  const basis = event.date.basis;
  const dl = h("dl", { class: "facts" });
  const fact = (label: LabelKey, ...value: Array<Node | string>) =>
    append(dl, h("dt", {}, t(label, state.script)), h("dd", {}, ...value));
  const doubt = doubtText(event);
  fact(
    "date",
    h("strong", {}, when(event.dateLabel)),
    range
      ? ` · ${t("precision", state.script)}：${granularityName(range.granularity, state.script)}`
      : "",
    doubt ? h("div", { class: "doubt-line" }, `⚠ ${doubt}`) : "",
  );
  fact(
    "basis",
    basis ? t(basis, state.script) : "—",
    timex
      ? ` · 「${doc ? text.slice(...displayOf(doc, timex.start, timex.end)) : timex.text}」`
      : "",
  );
  if (anchor) fact("anchor", `「${anchor.text}」 → ${when(anchor.label)}`);
  fact("type", typeChip(event.type));
  const actors = h("div", { class: "actors" });
  for (const role of ["source", "target", "other"] as const) {
    const ids = event.actors[role];
    if (ids.length === 0) continue;
    const line = h("div", {}, h("span", { class: "role" }, `${t(role, state.script)}：`));
    ids.forEach((id, i) => append(line, i > 0 ? "、" : "", entityButton(id)));
    append(actors, line);
  }
  fact("actors", actors);
  fact("score", event.score === null ? t("unscored", state.script) : scoreText(event.score));
  const mentions = h("ol", { class: "mentions" });
  const ranges = view?.ranges ?? [];
  event.mentions.forEach((mention, i) => {
    const r = ranges[i];
    const quote = r ? text.slice(r.textStart, r.textEnd) : mention.text;
    const show = activatable(
      h("span", { class: "show-in-text" }, t("showInText", state.script)),
      () => {
        if (phone.matches) setView("reader");
        reader.highlightEvent(event.id);
        $("reader").focus({ preventScroll: true });
      },
    );
    append(mentions, h("li", {}, h("blockquote", {}, quote), show));
  });
  fact("mentions", mentions);
  const details = h(
    "details",
    { class: "internals" },
    h("summary", {}, t("details", state.script)),
    h(
      "dl",
      { class: "internal-facts" },
      h("dt", {}, t("rule", state.script)),
      h("dd", {}, h("code", {}, event.rule)),
      timex ? h("dt", {}, "timex") : null,
      timex ? h("dd", {}, h("code", {}, `${timex.value} · ${timex.rule}`)) : null,
      h("dt", {}, "id"),
      h("dd", {}, h("code", {}, [event.id, ...Object.values(event.actors).flat()].join(" · "))),
    ),
  );
  append(dl, h("dt", {}, ""), h("dd", {}, details));
  return h(
    "section",
    { class: "event-detail" },
    h("h3", { tabindex: -1 }, pick(event.display)),
    h("p", { class: "doc-title" }, docName(event.doc, event.docTitle)),
    dl,
  );
}

function displayOf(doc: DocumentView, start: number, end: number): [number, number] {
  const mark = doc.marks.find(
    (m) =>
      m.kind === "timex" &&
      doc.timexes.some((x) => x.id === m.id && x.start === start && x.end === end),
  );
  return mark ? [mark.textStart, mark.textEnd] : [0, 0];
}

function scoreText(score: number): string {
  return score > 0 ? `+${score}` : String(score);
}

function openEntity(id: string): void {
  state.entity = id;
  setTab("entity");
}

async function renderEntityPanel(): Promise<void> {
  const id = state.entity;
  if (!id) {
    const list = h("ul", { class: "entity-list" });
    for (const e of [...state.entities.values()].slice(0, 60)) {
      append(
        list,
        h(
          "li",
          {},
          entityButton(e.id),
          h("span", { class: "muted" }, ` ${entityKindName(e.kind, state.script)} · ${e.events}`),
        ),
      );
    }
    append(panel, list);
    return;
  }
  append(panel, h("p", { class: "hint" }, t("loading", state.script)));
  try {
    const detail = await loadEntity(id);
    if (state.tab !== "entity" || state.entity !== id) return;
    clear(panel);
    const e = detail.entity;
    const counterparts = h("ul", { class: "counterparts" });
    for (const c of detail.counterparts) {
      append(
        counterparts,
        h(
          "li",
          {},
          entityButton(c.id),
          h("span", { class: "muted" }, ` ${c.events} · ${scoreText(c.score)} `),
          activatable(h("span", { class: "chart-link" }, t("openChart", state.script)), () =>
            openPair(id, c.id),
          ),
        ),
      );
    }
    const events = h("ol", { class: "event-list" });
    for (const event of detail.events) append(events, eventRow(event));
    append(
      panel,
      h(
        "section",
        { class: "entity-page" },
        h(
          "h3",
          {},
          pick(e.display),
          h("span", { class: "muted" }, ` ${entityKindName(e.kind, state.script)}`),
        ),
        h(
          "details",
          { class: "internals" },
          h("summary", {}, t("details", state.script)),
          h("code", {}, e.id),
        ),
        h(
          "p",
          {},
          h("span", { class: "role" }, `${t("names", state.script)}：`),
          e.names.join("、"),
        ),
        h("h4", {}, `${t("counterparts", state.script)} (${detail.counterparts.length})`),
        counterparts,
        h("h4", {}, `${t("events", state.script)} (${detail.events.length})`),
        events,
      ),
    );
  } catch (error) {
    clear(panel);
    append(
      panel,
      h("p", { class: "error" }, error instanceof Error ? error.message : String(error)),
    );
  }
}

async function renderFindingsPanel(): Promise<void> {
  try {
    const { findings: all, minConfidence = 0.5 } = await listFindings(state.doc ?? undefined);
    if (state.tab !== "findings") return;
    clear(panel);
    const findings = state.showLow ? all : all.filter((f) => f.confidence >= minConfidence);
    const hidden = all.length - all.filter((f) => f.confidence >= minConfidence).length;
    const toggle = h("input", { type: "checkbox", id: "show-low" });
    toggle.checked = state.showLow;
    toggle.addEventListener("change", () => {
      state.showLow = toggle.checked;
      renderPanel();
    });
    append(
      panel,
      h(
        "p",
        { class: "finding-filter" },
        h("label", {}, toggle, ` ${t("showLowConfidence", state.script)}`),
        hidden > 0 && !state.showLow
          ? h("span", { class: "muted" }, ` · ${hidden} ${t("hiddenLow", state.script)}`)
          : null,
      ),
    );
    if (findings.length === 0)
      append(panel, h("p", { class: "hint" }, t("noFindings", state.script)));
    const list = h("ol", { class: "findings" });
    findings.forEach((finding) => {
      const low = finding.confidence < minConfidence;
      const item = h(
        "li",
        { class: `finding${low ? " low" : ""}`, dataset: { kind: finding.kind } },
        h("span", { class: "kind" }, findingName(finding.kind, state.script)),
        h(
          "span",
          { class: "confidence muted" },
          ` ${t("confidence", state.script)} ${finding.confidence.toFixed(2)}`,
        ),
        h("q", {}, findingQuote(finding)),
        finding.suggestion
          ? h(
              "p",
              { class: "suggestion" },
              `${t("suggestion", state.script)}：`,
              h(
                "strong",
                {},
                finding.suggestionLabel ? pick(finding.suggestionLabel) : finding.suggestion,
              ),
            )
          : null,
        h(
          "p",
          { class: "message" },
          findingMessage({ kind: finding.kind, text: findingQuote(finding) }, state.script),
        ),
      );
      activatable(item, () => void openFinding(finding.doc, finding.start, finding.end));
      append(list, item);
    });
    append(panel, list);
  } catch (error) {
    append(
      panel,
      h("p", { class: "error" }, error instanceof Error ? error.message : String(error)),
    );
  }
}

/** A finding's span as displayed (markup removed, current script) when its article is open. */
function findingQuote(finding: {
  doc: string;
  start: number;
  end: number;
  text: string;
  display?: Scripted | null;
}): string {
  const doc = reader.current;
  const fallback = finding.display ? pick(finding.display) : finding.text;
  if (!doc || doc.summary.id !== finding.doc) return fallback;
  const range = doc.findings.find((f) => f.start === finding.start && f.end === finding.end)?.range;
  if (!range) return fallback;
  const text = state.script === "cn" ? doc.text.cn : doc.text.tw;
  return text.slice(range.textStart, range.textEnd);
}

async function openFinding(docId: string, start: number, end: number): Promise<void> {
  const doc = await showDocument(docId);
  const index = doc?.findings.findIndex((f) => f.start === start && f.end === end) ?? -1;
  if (index >= 0) reader.highlightFinding(index);
}

function renderSearchPanel(): void {
  const result = state.searchResult;
  if (!result) {
    append(panel, h("p", { class: "hint" }, t("searchPlaceholder", state.script)));
    return;
  }
  append(panel, h("h3", {}, `「${state.query}」`));
  if (result.hits.length === 0 && result.events.length === 0) {
    append(panel, h("p", { class: "hint" }, t("noResults", state.script)));
  }
  const hits = h("ol", { class: "hits" });
  for (const hit of result.hits) {
    const item = h(
      "li",
      {},
      h("span", { class: "muted" }, docName(hit.doc, hit.docTitle)),
      hitSnippet(hit),
    );
    activatable(item, () => void openHit(hit.doc, hit.start, hit.end));
    append(hits, item);
  }
  append(panel, h("h4", {}, `${t("hits", state.script)} (${result.hits.length})`), hits);
  const events = h("ol", { class: "event-list" });
  for (const event of result.events) append(events, eventRow(event));
  append(panel, h("h4", {}, `${t("events", state.script)} (${result.events.length})`), events);
}

/** A hit's sentence as display text with the query highlighted (raw text only as a fallback). */
function hitSnippet(hit: ApiSearchHit): HTMLElement {
  if (!hit.display) return h("p", {}, hit.text);
  const text = pick(hit.display);
  const m = hit.match;
  if (!m) return h("p", {}, text);
  return h(
    "p",
    {},
    text.slice(0, m.start),
    h("mark", {}, text.slice(m.start, m.end)),
    text.slice(m.end),
  );
}

async function openHit(docId: string, start: number, end: number): Promise<void> {
  await showDocument(docId);
  reader.highlightRaw(start, end);
}

function openPair(a: string, b: string): void {
  state.pair = [a, b];
  setTab("chart");
}

function defaultPair(): [string, string] | null {
  if (state.entities.has("USA") && state.entities.has("PRK")) return ["USA", "PRK"];
  const top = [...state.entities.values()].filter((e) => e.kind === "state").slice(0, 2);
  return top[0] && top[1] ? [top[0].id, top[1].id] : null;
}

async function renderChartPanel(): Promise<void> {
  const a = $<HTMLSelectElement>("pair-a").value;
  const b = $<HTMLSelectElement>("pair-b").value;
  const pair = state.pair ?? (a && b && a !== b ? ([a, b] as [string, string]) : defaultPair());
  if (!pair) {
    append(panel, h("p", { class: "hint" }, t("noResults", state.script)));
    return;
  }
  try {
    const detail = await loadPair(pair[0], pair[1], state.doc ?? undefined);
    if (state.tab !== "chart") return;
    clear(panel);
    append(
      panel,
      h(
        "h3",
        { class: "pair-title" },
        entityButton(detail.a.id),
        " – ",
        entityButton(detail.b.id),
        h(
          "span",
          { class: "muted" },
          ` · ${t("unscored", state.script)} ${detail.unscored} · ${t("undated", state.script)} ${detail.undated}`,
        ),
      ),
    );
    drawPairChart($("chart"), detail, state.script);
    chartBox.scrollIntoView({ block: "nearest" });
  } catch (error) {
    clear(panel);
    append(
      panel,
      h("p", { class: "error" }, error instanceof Error ? error.message : String(error)),
    );
  }
}

function setScript(script: Script): void {
  if (state.script === script) return;
  state.script = script;
  relabel();
  renderDocPicker();
  renderActorPickers();
  renderLegend();
  renderCounts();
  timeline.setScript(script);
  reader.setScript(script);
  renderPanel();
}

async function selectDocument(id: string | null): Promise<void> {
  state.doc = id;
  state.selected = null;
  await showDocument(id);
  await refreshEvents();
}

function wire(): void {
  $("script-cn").addEventListener("click", () => {
    setScript("cn");
    pushUrl();
  });
  $("script-tw").addEventListener("click", () => {
    setScript("tw");
    pushUrl();
  });
  for (const button of document.querySelectorAll<HTMLElement>(".views [data-view]")) {
    button.addEventListener("click", () => setView(button.dataset.view as View));
  }
  $("filters-toggle").addEventListener("click", () => {
    const open = document.body.classList.toggle("filters-open");
    $("filters-toggle").setAttribute("aria-expanded", String(open));
  });
  window.addEventListener("popstate", () => void applyUrl(location.search));
  $<HTMLSelectElement>("doc").addEventListener("change", (event) => {
    const value = (event.target as HTMLSelectElement).value;
    void selectDocument(value === "" ? null : value);
  });
  $("filter-form").addEventListener("submit", (event) => {
    event.preventDefault();
    void refreshEvents();
  });
  for (const id of ["actor", "pair-a", "pair-b"]) {
    $(id).addEventListener("change", () => {
      if (id !== "actor") state.pair = null;
      void refreshEvents();
      if (state.tab === "chart") renderPanel();
    });
  }
  $("reset").addEventListener("click", () => {
    for (const id of ["actor", "pair-a", "pair-b", "from", "to"])
      $<HTMLInputElement>(id).value = "";
    state.types = new Set(TYPE_ORDER);
    state.query = "";
    $<HTMLInputElement>("q").value = "";
    void refreshEvents();
  });
  $("types-all").addEventListener("click", () => {
    state.types = new Set(TYPE_ORDER);
    void refreshEvents();
  });
  $("types-none").addEventListener("click", () => {
    state.types = new Set();
    void refreshEvents();
  });
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    void runSearch($<HTMLInputElement>("q").value.trim());
  });
  $("zoom-in").addEventListener("click", () => timeline.zoom(true));
  $("zoom-out").addEventListener("click", () => timeline.zoom(false));
  $("zoom-fit").addEventListener("click", () => timeline.fit());
  for (const button of document.querySelectorAll<HTMLElement>(".tabs [data-tab]")) {
    button.addEventListener("click", () => setTab(button.dataset.tab as Tab));
  }
}

async function runSearch(q: string): Promise<void> {
  state.query = q;
  if (q === "") {
    state.searchResult = null;
    await refreshEvents();
    return;
  }
  try {
    state.searchResult = await search(q, state.doc ?? undefined);
    setStatus("");
  } catch (error) {
    setStatus(errorText(error), true);
    return;
  }
  setTab("search");
  if (phone.matches) setView("events");
  await refreshEvents();
}

async function start(): Promise<void> {
  relabel();
  wire();
  setTab("events", false);
  try {
    const [{ documents }, { entities }] = await Promise.all([listDocuments(), listEntities()]);
    state.docs = documents;
    state.entities = new Map(entities.map((e) => [e.id, e]));
    renderActorPickers();
    setView("timeline");
    await applyUrl(location.search);
    document.body.dataset.ready = "true";
  } catch (error) {
    setStatus(
      `${t("error", state.script)}: ${error instanceof Error ? error.message : String(error)}`,
      true,
    );
    document.body.dataset.ready = "error";
  }
}

void start();
