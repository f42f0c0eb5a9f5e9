// The articles a speed script runs on: the bundled sample of `root`, then every article of
// `folder` (NAME.md, or NAME/NAME.md one level down), each with its text (BOM removed).
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The sample plus the articles of `folder`, as `{ path, raw }`. */
export function articles(root, folder) {
  const files = [join(root, "samples/us-dprk.md")];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    // Note: upper-case names are the folder's documentation (README.md, EVENTS-GUIDE.md), not articles.
    if (/^[A-Z][A-Z0-9-]*\.md$/.test(name)) continue;
    if (name.endsWith(".md") && statSync(path).isFile()) files.push(path);
    else if (existsSync(join(path, `${name}.md`))) files.push(join(path, `${name}.md`));
  }
  return files.map((path) => ({ path, raw: readFileSync(path, "utf8").replace(/^\uFEFF/, "") }));
}
