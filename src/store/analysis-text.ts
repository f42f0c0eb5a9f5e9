/**
 * Query text in analysis form: the same conversion the normalize stage applies to the article
 * (zh-tw → zh-cn with opencc-js, full-width digits and letters made half-width), so 朝鮮 finds
 * 朝鲜.
 */
import { toAnalysisText } from "../normalize/index.js";

/** Converts a query string or a name (either script) to the Simplified, half-width analysis form. */
export function toAnalysis(text: string): string {
  return toAnalysisText(text);
}
