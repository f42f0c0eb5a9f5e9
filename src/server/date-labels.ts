/** Dates as the page shows them: the reader's label (`19世纪中叶`, `1923年秋`) in both scripts. */
import { dateLabelZh } from "../export/index.js";
import type { TimexMod } from "../model/types.js";
import { scripted } from "./script.js";
import type { Scripted } from "./view.js";

/** The label of a TIMEX3 value in zh-cn and zh-tw, or null when it is no placeable date. */
export function dateLabels(
  value: string | null | undefined,
  mod: TimexMod | null | undefined = null,
): Scripted | null {
  const label = dateLabelZh(value ?? null, mod ?? null);
  return label === null ? null : scripted(label);
}
