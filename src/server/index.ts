/** The HTTP server: JSON API over a store and the built web page. */
export { createApp, DEFAULT_EVENT_LIMIT, type AppOptions, type EventOut } from "./app.js";
export type {
  DocumentView,
  EventView,
  FindingView,
  Mark,
  MarkKind,
  ReferenceView,
} from "./document-view.js";
export { EVENT_TYPES, isEventType } from "../model/index.js";
export type { PairSeries, PairYear } from "./pairs.js";
export { openApiDocument } from "./openapi.js";
