import { describe, expect, it } from "vitest";
import { XMLValidator } from "fast-xml-parser";
import type { Chronicle } from "../model/index.js";
import { FIXTURE_CHRONICLE, FIXTURE_RAW, spanOfText } from "../query/fixture.js";
import { planTimeMlTags, toTimeMl } from "./timeml.js";

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** The TEXT element's character data with tags removed and references resolved. */
function plainText(xml: string): string {
  const inner = /<TEXT>([\s\S]*)<\/TEXT>/.exec(xml)?.[1] ?? "";
  return inner
    .replace(/<[^>]+>/g, "")
    .replace(/&(lt|gt|amp|quot|apos);/g, (_m, e: string) => ENTITIES[e] ?? "");
}

/** Checks nesting rules with a stack: no EVENT inside EVENT, nothing inside TIMEX3. */
function nestingProblems(xml: string): string[] {
  const inner = /<TEXT>([\s\S]*)<\/TEXT>/.exec(xml)?.[1] ?? "";
  const stack: string[] = [];
  const problems: string[] = [];
  for (const m of inner.matchAll(/<(\/?)(EVENT|TIMEX3)\b[^>]*>/g)) {
    const [, close, name] = m;
    if (close) {
      if (stack.pop() !== name) problems.push(`bad close ${name}`);
    } else {
      if (stack.includes("TIMEX3")) problems.push(`${name} inside TIMEX3`);
      if (name === "EVENT" && stack.includes("EVENT")) problems.push("EVENT inside EVENT");
      stack.push(name ?? "");
    }
  }
  if (stack.length > 0) problems.push("unclosed");
  return problems;
}

describe("toTimeMl", () => {
  const xml = toTimeMl({ raw: FIXTURE_RAW }, FIXTURE_CHRONICLE);

  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>')).toBe(true);
  });

  it("keeps the article text exactly, escaped", () => {
    expect(plainText(xml)).toBe(FIXTURE_RAW);
    expect(xml).toContain("&amp; 試探 &lt;非正式&gt;");
    expect(xml).toContain("&quot;粮食|援助&quot;");
  });

  it("has a TIMEX3 for every timex, around its text", () => {
    for (const t of FIXTURE_CHRONICLE.timexes) {
      const open = new RegExp(
        `<TIMEX3 tid="${t.id}" type="${t.type}" value="${t.value}"[^>]*>([^<]*)</TIMEX3>`,
      );
      expect(open.exec(xml)?.[1]).toBe(t.text);
    }
    expect(xml).toContain(
      '<TIMEX3 tid="t3" type="DATE" value="199" mod="START">1990年代初</TIMEX3>',
    );
  });

  it("nests tags properly", () => {
    expect(nestingProblems(xml)).toEqual([]);
  });

  it("nests a contained timex inside its event", () => {
    expect(xml).toMatch(
      /<EVENT eid="e\d+" class="OCCURRENCE"><TIMEX3 tid="t1"[^>]*>1994年10月21日<\/TIMEX3>，美國與朝鮮/,
    );
  });

  it("trims an event that crosses a timex and drops one that repeats another's span", () => {
    const { stats, tags } = planTimeMlTags(FIXTURE_RAW, FIXTURE_CHRONICLE);
    expect(stats).toEqual({ events: 9, trimmed: 1, dropped: 1 });
    const t3 = spanOfText("1990年代初");
    const sanction = tags.find((t) => t.event?.id === "e4");
    expect(sanction?.start).toBe(t3.end);
    expect(tags.filter((t) => t.event?.id === "e9")).toEqual([]);
  });

  it("writes instances and links (date inclusion, identity of repeated mentions)", () => {
    const instances = xml.match(/<MAKEINSTANCE /g) ?? [];
    expect(instances).toHaveLength(9);
    expect(xml).toMatch(
      /<TLINK lid="l\d+" relType="IS_INCLUDED" eventInstanceID="ei\d+" relatedToTime="t2"\/>/,
    );
    expect(xml).toMatch(/relType="IDENTITY"/);
    expect(xml).toContain('class="REPORTING"');
  });

  it("names each event's first tag by the event's id, a further mention by id and rank", () => {
    // The TimeML EVENTs once were numbered by position, so e6 here was another event than e6 in
    // the JSON, CSV and TimelineJS exports (tester finding).
    const eids = [...xml.matchAll(/<EVENT eid="([^"]+)"/g)].map((m) => m[1]);
    const placed = new Set(
      planTimeMlTags(FIXTURE_RAW, FIXTURE_CHRONICLE).tags.map((t) => t.event?.id),
    );
    const ids = FIXTURE_CHRONICLE.events.map((e) => e.id).filter((id) => placed.has(id));
    expect(eids.filter((id) => !id?.includes("."))).toEqual(expect.arrayContaining(ids));
    for (const id of eids) expect(id).toMatch(/^(e\d+)(\.\d+)?$/);
    const repeated = eids.filter((id) => id?.includes("."));
    expect(repeated.length).toBeGreaterThan(0);
    for (const id of repeated) {
      const [first] = (id ?? "").split(".");
      expect(xml).toMatch(
        new RegExp(
          `eventInstanceID="ei${id?.slice(1)}" relatedToEventInstance="ei${first?.slice(1)}"`,
        ),
      );
    }
  });

  it("writes a DCT when given", () => {
    const withDct = toTimeMl({ raw: FIXTURE_RAW }, FIXTURE_CHRONICLE, { dct: "2020-01-01" });
    expect(withDct).toContain('functionInDocument="CREATION_TIME">2020-01-01</TIMEX3></DCT>');
    expect(XMLValidator.validate(withDct)).toBe(true);
    expect(xml).not.toContain("<DCT>");
  });

  it("stays valid with control characters and markup in the text", () => {
    const raw = 'a\u0001b <c> & "d" 1999年\u000b';
    const chronicle: Chronicle = {
      ...FIXTURE_CHRONICLE,
      document: { ...FIXTURE_CHRONICLE.document, title: "<&>" },
      timexes: [
        { ...FIXTURE_CHRONICLE.timexes[0]!, start: 16, end: 21, text: "1999年", value: "1999" },
      ],
      events: [],
    };
    const out = toTimeMl({ raw }, chronicle);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(plainText(out)).toBe('a\uFFFDb <c> & "d" 1999年\uFFFD');
  });

  it("drops the later of two crossing timexes (documented), keeping the output valid", () => {
    const [t1] = FIXTURE_CHRONICLE.timexes;
    const crossing = { ...t1!, id: "t99", start: t1!.start + 2, end: t1!.end + 2 };
    const out = toTimeMl({ raw: FIXTURE_RAW }, { ...FIXTURE_CHRONICLE, timexes: [t1!, crossing] });
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).toContain('tid="t1"');
    expect(out).not.toContain('tid="t99"');
  });
});
