/** Event-type validation over the model's closed set. */
import { EVENT_TYPES, type EventType } from "../model/index.js";

export { EVENT_TYPES };

/** Whether a string names an event type. */
export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
