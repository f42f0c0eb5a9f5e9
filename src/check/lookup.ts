/**
 * Indexed look-ups of a context's timexes: by sentence, and by raw span (binary search over
 * `infos`, which are in document order), so that checks do not scan every timex per item.
 */
import type { Sentence } from "../model/index.js";
import type { CheckContext, TimexInfo } from "./context.js";

const bySentence = new WeakMap<TimexInfo[], Map<Sentence, TimexInfo[]>>();

/** The timexes of sentence `s`, in document order. */
export function infosInSentence(ctx: CheckContext, s: Sentence): TimexInfo[] {
  let index = bySentence.get(ctx.infos);
  if (!index) {
    index = new Map();
    for (const i of ctx.infos) {
      if (i.sentence === null) continue;
      const list = index.get(i.sentence) ?? [];
      list.push(i);
      index.set(i.sentence, list);
    }
    bySentence.set(ctx.infos, index);
  }
  return index.get(s) ?? [];
}

/** The timexes whose raw span lies inside `[start, end)`, in document order. */
export function infosInSpan(ctx: CheckContext, start: number, end: number): TimexInfo[] {
  const infos = ctx.infos;
  let lo = 0;
  let hi = infos.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((infos[mid]?.timex.start ?? 0) < start) lo = mid + 1;
    else hi = mid;
  }
  const out: TimexInfo[] = [];
  for (let k = lo; k < infos.length; k += 1) {
    const i = infos[k];
    if (i === undefined || i.timex.start > end) break;
    if (i.timex.end <= end) out.push(i);
  }
  return out;
}
