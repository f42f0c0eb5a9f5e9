import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import type { Root, RootContent } from "mdast";
import { FIXTURE_EVENTS } from "../query/fixture.js";
import { markdownCell, toMarkdown } from "./markdown.js";

/** The table cells as their text (HTML `<br>` nodes read back as "\n"). */
function cells(markdown: string): string[][] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const table = tree.children.find((n) => n.type === "table");
  if (!table || table.type !== "table") throw new Error("no table");
  const text = (node: RootContent): string => {
    if (node.type === "text" || node.type === "inlineCode") return node.value;
    if (node.type === "html") return node.value === "<br>" ? "\n" : node.value;
    return "children" in node ? node.children.map((c) => text(c as RootContent)).join("") : "";
  };
  return table.children.map((row) => row.children.map((cell) => text(cell)));
}

describe("markdownCell", () => {
  it.each([
    ["a|b", "a\\|b"],
    ["一\n二", "一<br>二"],
    ["a\r\nb", "a<br>b"],
    ["*x* _y_ `z`", "\\*x\\* \\_y\\_ \\`z\\`"],
    ["<b>", "\\<b\\>"],
    ["back\\slash", "back\\\\slash"],
    ["朝鲜", "朝鲜"],
  ])("%j → %j", (text, expected) => {
    expect(markdownCell(text)).toBe(expected);
  });
});

describe("toMarkdown", () => {
  const md = toMarkdown(FIXTURE_EVENTS);
  const table = cells(md);

  it("is a GFM table with a header and one row per event, five cells each", () => {
    expect(table[0]).toEqual(["date", "type", "score", "actors", "summary"]);
    expect(table).toHaveLength(FIXTURE_EVENTS.length + 1);
    for (const row of table) expect(row).toHaveLength(5);
  });

  it.each([
    ["|", "a|b|c"],
    ["newline", "第一行\n第二行"],
    ["markup", "**粗** [链接](http://x) <script>x</script> \\ & &amp;"],
  ])("reads back cell text with %s intact", (_name, summary) => {
    const event = { ...FIXTURE_EVENTS[0]!, summary };
    const [, row] = cells(toMarkdown([event]));
    expect(row?.[4]).toBe(summary);
  });

  it("explains the date marks it uses under the table, and only those", () => {
    const legend = md.trimEnd().split("\n").at(-1) ?? "";
    expect(legend).toMatch(/^\\~ date inferred from the narrative.* · \? no date found/u);
    expect(legend).not.toContain("!→");
    const plain = { ...FIXTURE_EVENTS[0]!, date: { ...FIXTURE_EVENTS[0]!.date, inferred: false } };
    expect(toMarkdown([plain]).trimEnd().split("\n").at(-1)).toMatch(/^\|/);
  });

  it("marks inferred dates with ~ and unknown ones with ?", () => {
    const byId = new Map(FIXTURE_EVENTS.map((e, i) => [e.id, table[i + 1]]));
    expect(byId.get("e3")?.[0]).toBe("~2006年10月9日");
    expect(byId.get("e7")?.[0]).toBe("?");
    expect(byId.get("e4")?.[0]).toBe("1990年代初");
    expect(byId.get("e3")?.[3]).toBe("USA → PRK");
  });

  it("uses display names when given, and a title", () => {
    const out = toMarkdown([FIXTURE_EVENTS[2]!], {
      names: new Map([["USA", "美国"]]),
      title: "美朝|關係",
    });
    expect(out.startsWith("# 美朝\\|關係\n")).toBe(true);
    expect(cells(out)[1]?.[3]).toBe("美国 → PRK");
  });
});

describe("toMarkdown: doubted dates", () => {
  const event = FIXTURE_EVENTS.find((e) => e.date.value === "2006-10-09")!;
  it.each<[string, object, string]>([
    ["no finding", {}, "2006年10月9日"],
    [
      "a suggestion",
      { dateFinding: { kind: "inherited-slip", suggestion: "2007-10-09", confidence: 0.8 } },
      "2006年10月9日!→2007年10月9日",
    ],
    [
      "an applied suggestion",
      {
        date: { ...event.date, value: "2007-10-09" },
        dateFinding: {
          kind: "inherited-slip",
          suggestion: "2007-10-09",
          confidence: 0.8,
          applied: true,
          literal: "2006-10-09",
        },
      },
      "2007年10月9日!←2006年10月9日",
    ],
  ])("%s", (_name, extra, expected) => {
    const row = cells(toMarkdown([{ ...event, ...extra }]))[1];
    expect(row?.[0]?.replace(/^~/, "")).toBe(expected);
  });
});
