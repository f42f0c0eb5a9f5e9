/** The JSON contract of DESIGN §3: document, timexes, entities, events, findings. */
import type { Chronicle } from "../model/index.js";

/** Options for `toJson`. */
export interface JsonOptions {
  /** Indentation in spaces (default 2; 0 for one line). */
  indent?: number;
}

/** The chronicle of an extraction as JSON text (keys in contract order), ending in a newline. */
export function toJson(extraction: { chronicle: Chronicle }, options: JsonOptions = {}): string {
  const { document, timexes, entities, events, findings } = extraction.chronicle;
  const contract: Chronicle = { document, timexes, entities, events, findings };
  const indent = options.indent ?? 2;
  return `${JSON.stringify(contract, null, indent === 0 ? undefined : indent)}\n`;
}
