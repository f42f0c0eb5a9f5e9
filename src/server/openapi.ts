/** The OpenAPI 3 description of the JSON API, written as data. */
import { EVENT_TYPES } from "../model/index.js";
import { MAX_LIMIT, MAX_OFFSET } from "./params.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const error = { $ref: "#/components/schemas/Error" };
const errorResponse = (description: string): Json => ({
  description,
  content: { "application/json": { schema: error } },
});
const ok = (description: string, schema: Json): Json => ({
  description,
  content: { "application/json": { schema } },
});
const query = (name: string, description: string, schema: Json, required = false): Json => ({
  name,
  in: "query",
  required,
  description,
  schema,
});
const str = { type: "string" };
const limit = query("limit", `Maximum number of items (1–${MAX_LIMIT}).`, {
  type: "integer",
  minimum: 1,
  maximum: MAX_LIMIT,
});
const offset = query("offset", `Items to skip before the first one returned (0–${MAX_OFFSET}).`, {
  type: "integer",
  minimum: 0,
  maximum: MAX_OFFSET,
});
const doc = query("doc", "Document id or source name.", str);
const datePattern = "^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$";
const badRequest = errorResponse("A parameter is missing, unknown or malformed.");
const notFound = errorResponse("Unknown document, entity or actor.");
const scripted = { type: "object", properties: { cn: str, tw: str }, required: ["cn", "tw"] };

/** Builds the OpenAPI document (a fresh object each call). */
export function openApiDocument(): Json {
  return {
    openapi: "3.0.3",
    info: {
      title: "annals API",
      version: "0.1.0",
      description:
        "Read access to an annals store: documents with their annotations, dated events, " +
        "entities, chronology findings, full-text search (Simplified or Traditional) and " +
        "cooperation–conflict series per actor pair. Offsets are UTF-16 code units: " +
        "`start`/`end` index the raw text, `textStart`/`textEnd` the display text.",
    },
    paths: {
      "/api/documents": {
        get: {
          summary: "List stored documents (sources relative to the folder they share).",
          parameters: [limit, offset],
          responses: {
            "200": ok("Document summaries.", {
              type: "object",
              properties: { documents: { type: "array", items: { type: "object" } } },
            }),
            "400": badRequest,
          },
        },
      },
      "/api/documents/{id}": {
        get: {
          summary:
            "One document: display texts (original, cn, tw) and every annotation placed on them.",
          parameters: [{ name: "id", in: "path", required: true, schema: str }],
          responses: {
            "200": ok("The reader's view of the document.", {
              type: "object",
              properties: { document: { type: "object" } },
            }),
            "400": badRequest,
            "404": notFound,
          },
        },
      },
      "/api/events": {
        get: {
          summary: "Events matching the filters of `annals timeline`, in date order.",
          parameters: [
            doc,
            query("type", "Comma-separated event types.", {
              type: "string",
              example: "sanction,weapons_test",
            }),
            query("actor", "Actor id or alias (either script).", str),
            query("pair", "Two actors separated by a comma, either direction.", {
              type: "string",
              example: "USA,PRK",
            }),
            query("from", "Inclusive lower date bound (TIMEX3 prefix).", {
              type: "string",
              pattern: datePattern,
            }),
            query("to", "Inclusive upper date bound (TIMEX3 prefix).", {
              type: "string",
              pattern: datePattern,
            }),
            query("q", "Full-text query over mention text (either script).", str),
            query(
              "after",
              "Keyset cursor `DOC/EVENT`: only events after that one in date order (the `next` of the previous page; fast at any depth, unlike `offset`).",
              { type: "string", example: "us-dprk-0123456789/e12" },
            ),
            limit,
            offset,
          ],
          responses: {
            "200": ok("Matching events.", {
              type: "object",
              properties: {
                count: { type: "integer" },
                events: { type: "array", items: { $ref: "#/components/schemas/Event" } },
                next: {
                  type: "string",
                  nullable: true,
                  description: "Cursor for `after=` when the page is full, else null.",
                },
              },
            }),
            "400": badRequest,
            "404": notFound,
          },
        },
      },
      "/api/entities": {
        get: {
          summary: "Entities (actors and named things), most active first.",
          parameters: [doc, query("q", "Name or alias (either script).", str), limit, offset],
          responses: {
            "200": ok("Entities.", { type: "object" }),
            "400": badRequest,
            "404": notFound,
          },
        },
      },
      "/api/entities/{id}": {
        get: {
          summary: "One entity with its events and counterparts.",
          parameters: [{ name: "id", in: "path", required: true, schema: str }, limit, offset],
          responses: {
            "200": ok("The entity, its events and the actors it shares events with.", {
              type: "object",
            }),
            "400": badRequest,
            "404": notFound,
          },
        },
      },
      "/api/findings": {
        get: {
          summary: "Chronology findings (problems in an article's own chronology).",
          parameters: [doc, limit, offset],
          responses: {
            "200": ok("Findings, and the confidence below which the page hides them.", {
              type: "object",
              properties: {
                minConfidence: { type: "number" },
                findings: { type: "array", items: { type: "object" } },
              },
            }),
            "400": badRequest,
            "404": notFound,
          },
        },
      },
      "/api/search": {
        get: {
          summary: "Full-text search over sentences and event mentions, either script.",
          parameters: [query("q", "Search text.", str, true), doc, limit, offset],
          responses: {
            "200": ok(
              "Sentence hits (raw span, `display` text without markup in both scripts, `match` = " +
                "where the search text, or else its first term that shows, sits in it, in either " +
                "script and any case; null when it does not show) and the events whose mentions match.",
              { type: "object" },
            ),
            "400": badRequest,
            "404": notFound,
          },
        },
      },
      "/api/pairs": {
        get: {
          summary:
            "Cooperation–conflict series of an actor pair: per year, the sum and count of event scores.",
          parameters: [
            query(
              "a",
              "First actor: id or a full name (either script), never part of one.",
              str,
              true,
            ),
            query("b", "Second actor: id or a full name (either script).", str, true),
            doc,
            limit,
            offset,
          ],
          responses: {
            "200": ok("The series.", {
              type: "object",
              properties: {
                years: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      year: { type: "integer" },
                      sum: { type: "number" },
                      count: { type: "integer" },
                      events: { type: "array", items: str },
                    },
                  },
                },
                unscored: { type: "integer" },
                undated: { type: "integer" },
              },
            }),
            "400": badRequest,
            "404": notFound,
          },
        },
      },
      "/api/openapi.json": {
        get: {
          summary: "This description.",
          responses: { "200": ok("OpenAPI 3 document.", { type: "object" }) },
        },
      },
    },
    components: {
      schemas: {
        Error: { type: "object", properties: { error: str }, required: ["error"] },
        Event: {
          type: "object",
          properties: {
            id: str,
            doc: str,
            docTitle: str,
            type: { type: "string", enum: [...EVENT_TYPES] },
            date: {
              type: "object",
              properties: {
                value: { type: "string", nullable: true },
                mod: { type: "string", nullable: true },
                timex: { type: "string", nullable: true },
                inferred: { type: "boolean" },
                basis: { type: "string", nullable: true },
              },
            },
            actors: {
              type: "object",
              properties: {
                source: { type: "array", items: str },
                target: { type: "array", items: str },
                other: { type: "array", items: str },
              },
            },
            score: { type: "number", nullable: true },
            summary: {
              type: "string",
              description:
                "The event as a row that reads alone: its first mention with the subject restored, in the article's script, about 40 characters at most (the mention keeps the clause as written).",
            },
            display: scripted,
            dateLabel: {
              ...scripted,
              nullable: true,
              description:
                "The date as people write it (19世纪中叶, 1923年秋, 1970年后), in both scripts; null when undated. date.value keeps the TIMEX3 value.",
            },
            doubt: {
              type: "object",
              nullable: true,
              description:
                "Set when a chronology finding doubts the timex this event is dated by: its kind, suggested value, confidence and message.",
              properties: {
                kind: str,
                suggestion: str,
                suggestionLabel: { ...scripted, nullable: true },
                confidence: { type: "number" },
                message: str,
              },
            },
            mentions: {
              type: "array",
              items: {
                type: "object",
                properties: { start: { type: "integer" }, end: { type: "integer" }, text: str },
              },
            },
          },
        },
      },
    },
  };
}
