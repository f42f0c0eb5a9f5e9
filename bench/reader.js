#!/usr/bin/env node
// Reader options on the same files: `node bench/reader.js [DIR...] [--runs N]`.
// DIR: folders of articles (NAME.md, or NAME/NAME.md one level down); default the repository's
// corpus/. The bundled sample is always added. For each option it prints CPU time (user + sys,
// so other processes on a busy machine count less than in wall time), median of N runs
// (default 5) taken in turns (option 1, 2, …, then again), after one warm-up of each:
//   remark+gfm        unified + remark-parse + remark-gfm → mdast, each file whole
//   annals reader     what ingest runs: `parsePieces(readMarkdown)`: for text without `[^`,
//                     micromark's events with GFM minus footnotes compiled to mdast by
//                     `compile.ts` (no mdast-util-from-markdown), autolink literals only where a
//                     block may hold one; remark-gfm for text with `[^`
//   remark reader     the reader before it: `parsePieces(readMarkdownRemark)`, the same but
//                     remark-parse (micromark + mdast-util-from-markdown) builds the tree
//   micromark+gfm     micromark's tokenizer with the GFM extensions: the event stream
//                     (`postprocess(parse().document().write(preprocess()(…)))`), no tree
//   micromark lean    the same with the reader's lean GFM set (no footnotes)
//   micromark         CommonMark tokens alone (no GFM)
// --against ROOT: also the full extract (`extract()`, every stage) of ROOT's build (another
// checkout, e.g. the commit before a reader change) and of this one, loaded in the same process
// and timed in turns the same way, so the two figures share the machine's load.
// Prints figures only; asserts nothing.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, postprocess, preprocess } from "micromark";
import { gfm } from "micromark-extension-gfm";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { combineExtensions } from "micromark-util-combine-extensions";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { printUsage } from "./usage.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
if (process.argv.includes("--help")) printUsage(import.meta.url);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const againstAt = args.indexOf("--against");
const against = againstAt >= 0 ? args[againstAt + 1] : undefined;
const dirs = args.filter(
  (a, k) =>
    !a.startsWith("--") &&
    (runsAt < 0 || k !== runsAt + 1) &&
    (againstAt < 0 || k !== againstAt + 1),
);
if (againstAt >= 0 && (against === undefined || !existsSync(join(against, "dist/extract.js")))) {
  console.error("bench/reader: --against needs a built checkout (ROOT/dist/extract.js)");
  process.exit(2);
}
if (!Number.isInteger(runs) || runs < 1) {
  console.error("bench/reader: --runs needs a positive whole number");
  process.exit(2);
}

const { readMarkdown, readMarkdownRemark } = await import(join(root, "dist/ingest/reader.js"));
const { parsePieces } = await import(join(root, "dist/ingest/parse.js"));

const files = [join(root, "samples/us-dprk.md")];
for (const dir of (dirs.length > 0 ? dirs : [join(root, "corpus")]).map((d) => resolve(d))) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`bench/reader: no such folder of articles: ${dir}`);
    process.exit(2);
  }
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name.endsWith(".md") && statSync(path).isFile()) files.push(path);
    else if (existsSync(join(path, `${name}.md`))) files.push(join(path, `${name}.md`));
  }
}
const texts = files.map((path) => readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
const chars = texts.reduce((n, t) => n + t.length, 0);

const remark = unified().use(remarkParse).use(remarkGfm);
const gfmAll = gfm();
const gfmLean = combineExtensions([
  gfmAutolinkLiteral(),
  gfmStrikethrough(),
  gfmTable(),
  gfmTaskListItem(),
]);
/** micromark's event stream of `text` (what mdast-util-from-markdown compiles into a tree). */
const tokens = (extensions) => (text) =>
  postprocess(
    parse({ extensions })
      .document()
      .write(preprocess()(text, undefined, true)),
  );

const extractOf = async (at) => (await import(join(resolve(at), "dist/extract.js"))).extract;
const whole = (extract) => (text) => extract({ raw: text, name: "bench.md" });
const extracts =
  against === undefined
    ? []
    : [
        [`extract ${against}`, whole(await extractOf(against))],
        ["extract this", whole(await extractOf(root))],
      ];

const options = [
  ["remark+gfm", (text) => remark.parse(text)],
  ["annals reader", (text) => parsePieces(readMarkdown, text)],
  ["remark reader", (text) => parsePieces(readMarkdownRemark, text)],
  ["micromark+gfm", tokens([gfmAll])],
  ["micromark lean", tokens([gfmLean])],
  ["micromark", tokens([])],
];

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
/** CPU seconds of each option on every text, median of `runs` runs taken in turns. */
function measure(list) {
  const seconds = new Map(list.map(([name]) => [name, []]));
  for (const [, read] of list) for (const t of texts) read(t);
  for (let r = 0; r < runs; r += 1) {
    for (const [name, read] of list) {
      const t0 = cpu();
      for (const t of texts) read(t);
      seconds.get(name).push(cpu() - t0);
    }
  }
  return seconds;
}
const seconds = measure(options);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `reader options — ${texts.length} files (the sample + ${texts.length - 1}), ${chars} chars, ` +
    `CPU time, median of ${runs} interleaved runs, Node ${process.version}`,
);
const base = median(seconds.get("remark+gfm"));
for (const [name] of options) {
  const s = median(seconds.get(name));
  console.log(
    `${name.padEnd(15)} ${(chars / s / 1e6).toFixed(2)} M chars/s  ${(s * 1000).toFixed(0)} ms  ` +
      `×${(base / s).toFixed(2)} of remark+gfm`,
  );
}
if (extracts.length > 0) {
  const times = measure(extracts);
  const first = median(times.get(extracts[0][0]));
  for (const [name] of extracts) {
    const s = median(times.get(name));
    console.log(
      `${name}  ${(chars / s / 1e6).toFixed(3)} M chars/s  ${(s * 1000).toFixed(0)} ms  ` +
        `×${(first / s).toFixed(2)} of the first`,
    );
  }
}
