/** Escaping for HTML text and XML character data and attributes. */

/** Text with `&`, `<`, `>`, `"` and `'` replaced by character references. */
export function escapeMarkup(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}
