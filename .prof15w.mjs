import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
const { readMarkdown } = await import("./dist/ingest/reader.js");
const { parsePieces } = await import("./dist/ingest/parse.js");
const texts = [];
for (const n of readdirSync("corpus")) { const p = join("corpus", n, n + ".md"); if (existsSync(p)) texts.push(readFileSync(p, "utf8")); }
for (let r = 0; r < 4; r++) for (const t of texts) parsePieces(readMarkdown, t);
