/** Script folding for matching: Traditional (zh-tw) text converted to Simplified (zh-cn). */
import * as OpenCC from "opencc-js";

let converter: ((text: string) => string) | null = null;

/** The text in Simplified script, lower-cased, for comparing names and queries across scripts. */
export function foldScript(text: string): string {
  // Note: built lazily; loading the dictionaries costs tens of milliseconds.
  const convert = (converter ??= OpenCC.Converter({ from: "tw", to: "cn" }));
  return convert(text).toLowerCase();
}
