/**
 * Hostile inputs for the growth and fuzz tests: pathological documents that scale with a size
 * (one paragraph of repeated dates, dated sentences on one line, unclosed brackets, converter
 * markup and link runs), and a seeded generator of malformed documents.
 */
import { ingest } from "../../src/ingest/index.js";
import { normalize } from "../../src/normalize/index.js";
import { tagTimes } from "../../src/time/index.js";
import { findEntities } from "../../src/entities/index.js";
import { extractEvents } from "../../src/events/index.js";
import { checkChronology } from "../../src/check/index.js";
import type { Chronicle } from "../../src/model/index.js";
import { seeded } from "../../src/model/random.js";

/** The seeded generator the malformed documents are drawn with. */
export { seeded };

const SENTENCE = "2001年3月5日，美国与朝鲜在日内瓦举行会谈。";

/** Repeats `unit` to about `chars` characters. */
function fill(unit: string, chars: number): string {
  return unit.repeat(Math.max(1, Math.round(chars / unit.length)));
}

/** Pathological documents by name, each a function of its size in characters. */
export const PATHOLOGICAL: Record<string, (chars: number) => string> = {
  "1999年 repeated": (n) => fill("1999年", n),
  "dated sentences on one line": (n) => fill(SENTENCE, n),
  "（ repeated": (n) => fill("（", n),
  "（ and dates": (n) => fill("（1999年", n),
  "open quotes and dates": (n) => fill("“1999年至今", n),
  "open titles and dates": (n) => fill("《1999年", n),
  "-{…}- run": (n) => fill("-{zh-hans:1999年;zh-hant:一九九九年;}-", n),
  "unclosed -{": (n) => fill("-{", n),
  "link run": (n) => fill('[美国](美国 "wikilink")于[1999年](1999年 "wikilink")', n),
  "[ repeated": (n) => fill("[", n),
  "actors on one line": (n) => fill("美国总统卡特访问朝鲜，朝鲜宣布退出六方会谈。", n),
};

/** The stages of one extraction, each timed on its own. */
export const STAGES = ["ingest", "normalize", "time", "entities", "events", "check"] as const;

/** Milliseconds each stage takes on `raw`. */
export function timeStages(raw: string): Record<(typeof STAGES)[number], number> {
  // The process's CPU time, not the wall clock: other processes on a busy machine slow the wall
  // clock of every stage but not the CPU time a stage spends (vitest runs a file in its own fork).
  const at = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let t = at();
  const lap = () => {
    const now = at();
    const ms = now - t;
    t = now;
    return ms;
  };
  const doc = ingest(raw, { name: "growth.md" });
  const ingestMs = lap();
  const norm = normalize(doc);
  const normalizeMs = lap();
  const timexes = tagTimes(norm);
  const timeMs = lap();
  const entities = findEntities(norm);
  const entitiesMs = lap();
  const events = extractEvents(norm, timexes, entities);
  const eventsMs = lap();
  const chronicle: Chronicle = {
    document: { id: doc.id, title: doc.title, source: doc.source, length: raw.length },
    timexes,
    entities,
    events,
    findings: [],
  };
  checkChronology(chronicle, norm);
  return {
    ingest: ingestMs,
    normalize: normalizeMs,
    time: timeMs,
    entities: entitiesMs,
    events: eventsMs,
    check: lap(),
  };
}

// Pieces a malformed article is made of: markup cut in half, unbalanced marks, odd characters.
const PIECES = [
  "1999年",
  "2001年3月5日",
  "同年11月",
  "次日",
  "光绪二十一年",
  "1990年代",
  "公元前221年",
  "至今",
  "美国",
  "朝鲜",
  "卡特访问朝鲜",
  "宣布",
  "制裁",
  "会谈",
  "，",
  "。",
  "\n",
  "\n\n",
  "\r\n",
  "\r",
  "# ",
  "## 1999年\n",
  "> ",
  "- ",
  "1. ",
  "* ",
  "**",
  "_",
  "`",
  "```\n",
  "|a|b|\n|-|-|\n",
  "[",
  "]",
  "(",
  ")",
  '[美国](美国 "wikilink")',
  "[x](http://e.example/",
  '![fig](a.png "fig:',
  "\\]\\]",
  "-{",
  "}-",
  "-{zh-hans:甲;zh-hant:乙;}-",
  "-{H|",
  "《",
  "》",
  "（",
  "）",
  "“",
  "”",
  "「",
  "<table><tr><td>",
  "</td>",
  "<br>",
  "<!--",
  "&amp;",
  "&#0;",
  "\\[1\\]",
  "\\",
  "\t",
  " ",
  "\u0000",
  "\u200b",
  "\ufeff",
  "\ud800",
  "\udc00",
  "😀",
  "\u202e",
  "=",
  "+",
  "@",
];

/** One malformed document of up to about `maxPieces` pieces drawn by `random`. */
export function malformed(random: () => number, maxPieces = 60): string {
  const n = 1 + Math.floor(random() * maxPieces);
  let out = "";
  for (let i = 0; i < n; i += 1) out += PIECES[Math.floor(random() * PIECES.length)] ?? "";
  return out;
}
