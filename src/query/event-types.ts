/** Validation of event type names against the closed set of DESIGN §6. */
import { EVENT_TYPES, type EventType } from "../model/index.js";

/** Whether `value` names an event type. */
export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
