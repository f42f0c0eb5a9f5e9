/**
 * Exports: pure converters from a chronicle or a list of events to JSON, CSV, Markdown,
 * TimelineJS3 JSON, TimeML and a terminal table. No I/O; the CLI writes the result.
 */
export * from "./csv.js";
export * from "./date-label.js";
export * from "./escape.js";
export * from "./json.js";
export * from "./markdown.js";
export * from "./table.js";
export * from "./timelinejs.js";
export * from "./timeml.js";
export * from "./width.js";
export * from "./render.js";
export * from "./display.js";
export * from "./date-cell.js";
