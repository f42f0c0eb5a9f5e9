/** The closed set of event types (DESIGN §6) as a runtime list, for validation and help text. */
import type { EventType } from "../model/index.js";

/** Every event type, in the order of DESIGN §6. */
export const EVENT_TYPES = [
  "talks",
  "visit",
  "agreement",
  "statement",
  "demand",
  "aid",
  "concession",
  "sanction",
  "condemnation",
  "rejection",
  "threat",
  "weapons_test",
  "military_exercise",
  "deployment",
  "armed_incident",
  "detention",
  "release",
  "leadership_change",
  "policy",
  "other",
] as const satisfies readonly EventType[];

// Note: fails to compile when EventType gains a member that this list lacks.
type Missing = Exclude<EventType, (typeof EVENT_TYPES)[number]>;
const exhaustive: Missing extends never ? true : false = true;
void exhaustive;

/** Whether `value` names an event type. */
export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
