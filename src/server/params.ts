/**
 * Query and path parameters of the HTTP API, validated with zod. Every schema is strict:
 * an unknown parameter is an error, so a typo never silently widens a query.
 */
import { z } from "zod";
import type { EventQuery, EventType } from "../model/index.js";
import { EVENT_TYPES, isEventType } from "../model/index.js";
import { parseBound } from "../query/date-range.js";

/** Largest `limit` accepted by any list endpoint. */
export const MAX_LIMIT = 5000;

/** A TIMEX3 date prefix: `1994`, `2009-04`, `2018-06-12`. */
const DATE_PREFIX = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const text = (name: string, max: number) =>
  z
    .string({
      error: (iss) =>
        iss.input === undefined ? `${name} is required` : `${name} must be given once`,
    })
    .trim()
    .min(1, { error: `${name} must not be empty` })
    .max(max, { error: `${name} is longer than ${max} characters` });

const limit = z
  .string({ error: "limit must be a single value" })
  .regex(/^\d{1,6}$/, { error: `limit must be a whole number from 1 to ${MAX_LIMIT}` })
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_LIMIT, {
    error: `limit must be a whole number from 1 to ${MAX_LIMIT}`,
  });

/** Largest `offset` accepted by any list endpoint. */
export const MAX_OFFSET = 1_000_000;

const offset = z
  .string({ error: "offset must be a single value" })
  .regex(/^\d{1,7}$/, { error: `offset must be a whole number from 0 to ${MAX_OFFSET}` })
  .transform(Number)
  .refine((n) => n <= MAX_OFFSET, {
    error: `offset must be a whole number from 0 to ${MAX_OFFSET}`,
  });

/** `limit` and `offset`, accepted by every list endpoint. */
const page = { limit: limit.optional(), offset: offset.optional() };

const datePrefix = (name: string) =>
  z
    .string({ error: `${name} must be a single value` })
    .regex(DATE_PREFIX, { error: `${name} must be a date like 1994, 2009-04 or 2018-06-12` })
    // Note: the pattern lets 2009-02-30 through; the CLI's --from/--to refuse it, and so does this.
    .refine((value) => parseBound(value) !== null, {
      error: `${name} must be a day the calendar has (not like 2009-02-30)`,
    });

const types = z
  .string({ error: "type must be a single comma-separated list" })
  .transform((value, ctx): EventType[] => {
    const parts = value
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "");
    if (parts.length === 0) {
      ctx.addIssue({ code: "custom", message: "type must name at least one event type" });
      return z.NEVER;
    }
    const bad = parts.find((part) => !isEventType(part));
    if (bad !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `unknown event type '${bad}' (expected one of: ${EVENT_TYPES.join(", ")})`,
      });
      return z.NEVER;
    }
    return parts.filter(isEventType);
  });

const pair = z
  .string({ error: "pair must be a single value" })
  .transform((value, ctx): [string, string] => {
    const parts = value.split(",").map((part) => part.trim());
    const [a, b] = parts;
    if (parts.length !== 2 || !a || !b) {
      ctx.addIssue({
        code: "custom",
        message: "pair must be two actors separated by a comma, e.g. USA,PRK",
      });
      return z.NEVER;
    }
    if (a.length > 100 || b.length > 100) {
      ctx.addIssue({ code: "custom", message: "pair actors must be at most 100 characters each" });
      return z.NEVER;
    }
    return [a, b];
  });

/** `GET /api/events` parameters (the filters of `annals timeline`). */
export const eventsParams = z
  .strictObject(
    {
      doc: text("doc", 200).optional(),
      type: types.optional(),
      actor: text("actor", 100).optional(),
      pair: pair.optional(),
      from: datePrefix("from").optional(),
      to: datePrefix("to").optional(),
      q: text("q", 200).optional(),
      after: z
        .string({ error: "after must be a single value" })
        .regex(/^.{1,300}\/[^/]{1,100}$/, {
          error: "after must be a cursor DOC/EVENT (the next of an earlier page)",
        })
        .optional(),
      ...page,
    },
    { error: (issue) => unknownKeyMessage(issue) },
  )
  .refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, {
    error: "from must not be later than to",
  });

/** `GET /api/entities` parameters. */
export const entitiesParams = z.strictObject(
  { doc: text("doc", 200).optional(), q: text("q", 100).optional(), ...page },
  { error: (issue) => unknownKeyMessage(issue) },
);

/** `GET /api/findings` parameters. */
export const findingsParams = z.strictObject(
  { doc: text("doc", 200).optional(), ...page },
  { error: (issue) => unknownKeyMessage(issue) },
);

/** `GET /api/search` parameters. */
export const searchParams = z.strictObject(
  { q: text("q", 200), doc: text("doc", 200).optional(), ...page },
  { error: (issue) => unknownKeyMessage(issue) },
);

/** `GET /api/pairs` parameters. */
export const pairsParams = z
  .strictObject(
    { a: text("a", 100), b: text("b", 100), doc: text("doc", 200).optional(), ...page },
    { error: (issue) => unknownKeyMessage(issue) },
  )
  .refine((p) => p.a !== p.b, { error: "a and b must be two different actors" });

/** A path id (`:id`). */
export const idParam = z.strictObject({ id: text("id", 200) });

/** Parameters without any accepted key (`/api/documents/:id`). */
export const noParams = z.strictObject({}, { error: (issue) => unknownKeyMessage(issue) });

/** Parameters of a list without filters (`/api/documents`, the events of `/api/entities/:id`). */
export const pageParams = z.strictObject(page, { error: (issue) => unknownKeyMessage(issue) });

/** One page of `items`: `offset` skipped, at most `limit` kept. */
export function pageOf<T>(
  items: readonly T[],
  p: { limit?: number | undefined; offset?: number | undefined },
): T[] {
  const start = p.offset ?? 0;
  return items.slice(start, p.limit === undefined ? undefined : start + p.limit);
}

// Note: C0 controls and DEL (NUL first of all) have no business in a query and break
// downstream parsers (SQLite FTS reads NUL as the end of the string).
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The first parameter whose value holds a control character, or null. */
export function controlCharacterIn(input: unknown): string | null {
  if (typeof input !== "object" || input === null) return null;
  for (const [key, value] of Object.entries(input)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === "string" && hasControl(v))) return key;
  }
  return null;
}

function unknownKeyMessage(issue: {
  code?: string | undefined;
  keys?: unknown;
}): string | undefined {
  if (issue.code === "unrecognized_keys" && Array.isArray(issue.keys)) {
    const keys = issue.keys.map((key) => `'${String(key)}'`).join(", ");
    return `unknown parameter ${keys}`;
  }
  if (issue.code === "invalid_type") return "parameters must be a query string";
  return undefined;
}

/** Turns validated `/api/events` parameters into the store's query. */
export function toEventQuery(p: z.output<typeof eventsParams>, defaultLimit: number): EventQuery {
  const query: EventQuery = { limit: p.limit ?? defaultLimit };
  if (p.offset !== undefined && p.offset > 0) query.offset = p.offset;
  if (p.doc !== undefined) query.doc = p.doc;
  if (p.type !== undefined) query.types = p.type;
  if (p.actor !== undefined) query.actor = p.actor;
  if (p.pair !== undefined) query.pair = p.pair;
  if (p.from !== undefined) query.from = p.from;
  if (p.to !== undefined) query.to = p.to;
  if (p.q !== undefined) query.query = p.q;
  if (p.after !== undefined) query.after = p.after;
  return query;
}

/** A zod error as one clear sentence (every message names its parameter). */
export function describeError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid parameters";
  return issue.message;
}
