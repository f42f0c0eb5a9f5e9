/** Colours, labels and symbols for event types. */
import type { EventType } from "../model/types.js";

/** One colour per event type (cooperative types green/blue, conflictual red/orange, neutral grey). */
export const TYPE_COLOURS: Record<EventType, string> = {
  talks: "#2f6fb3",
  visit: "#4a90c8",
  agreement: "#1b8a5a",
  statement: "#7a7f87",
  demand: "#c08a1e",
  aid: "#2aa876",
  concession: "#5bb08a",
  sanction: "#c4412f",
  condemnation: "#d9822b",
  rejection: "#b5562f",
  threat: "#d0453b",
  weapons_test: "#9b1c31",
  military_exercise: "#a8482e",
  deployment: "#8c4a2f",
  armed_incident: "#6e0f1f",
  detention: "#7d3c98",
  release: "#48a9a6",
  leadership_change: "#5d6d7e",
  policy: "#8e7cc3",
  other: "#a0a4aa",
};

/** The event types in legend order (the DESIGN §6 table). */
export const TYPE_ORDER = Object.keys(TYPE_COLOURS) as EventType[];

/**
 * The timeline's lanes, grouped by colour family: cooperation (blue, green), words and
 * decisions (grey, violet), pressure (amber, orange, red), force (dark red).
 */
export const LANE_ORDER: readonly EventType[] = [
  "talks",
  "visit",
  "agreement",
  "aid",
  "concession",
  "release",
  "statement",
  "policy",
  "leadership_change",
  "other",
  "demand",
  "condemnation",
  "rejection",
  "threat",
  "sanction",
  "detention",
  "deployment",
  "military_exercise",
  "weapons_test",
  "armed_incident",
];
