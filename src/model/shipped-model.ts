/** Loads a trained model that may be absent (`data/events/roles.json`, `dates.json`). */
import { loadDataJson } from "./data.js";

/**
 * `data/<relative>` as a model of `version`, or null when the file is missing. Only a missing
 * file means "no model shipped": a corrupt file or another version is an error, never a silent
 * fall-back to the rules.
 */
export function loadShippedModel<T extends { version: number }>(
  relative: string,
  version: number,
  what: string,
): T | null {
  let model: T;
  try {
    model = loadDataJson<T>(relative);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    return null;
  }
  if (model.version !== version)
    throw new Error(`data/${relative}: unknown ${what} version ${String(model.version)}`);
  return model;
}
