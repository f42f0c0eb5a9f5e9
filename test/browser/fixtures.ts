/** Fixture articles for the server and browser tests (short, mixed script, hand-written). */
import type { FixtureArticle } from "./fake-store.js";

const wiki = (title: string) => `https://zh.wikipedia.org/wiki/${title} "wikilink"`;

/** A short relations article in mixed script with dated events of several types. */
export const RELATIONS: FixtureArticle = {
  source: "relations.md",
  title: "美國-北韓關係",
  raw: [
    `**美國-北韓關係**是[美國](${wiki("美國")})與[朝鮮](${wiki("朝鮮")})之間的雙邊關係。`,
    "",
    "## 歷史",
    "",
    "1990年代兩國關係緊張。1994年10月美朝在日內瓦簽署《框架協議》。\\[1\\]2002年10月美國指責朝鮮秘密進行鈾濃縮。",
    "",
    "2006年10月9日朝鮮進行了一次地下核試驗。2006年10月14日聯合國安理會通過第1718號決議對朝鮮實施制裁。\\[2\\]",
    "",
    "## 首脑会谈",
    "",
    "2018年6月12日美朝首脑在新加坡举行会谈。2009年4月5日朝鲜发射卫星。2019年朝鲜批评美国举行联合军演。",
    "",
    "1. [框架協議全文](https://example.org/agreed-framework)",
    "2. [安理會決議](https://example.org/res1718)",
  ].join("\n"),
  entities: [
    { id: "USA", kind: "state", name: "美国", names: ["美國", "美国", "美"] },
    { id: "PRK", kind: "state", name: "朝鲜", names: ["朝鮮", "朝鲜", "北韓", "朝"] },
    { id: "UNSC", kind: "organization", name: "联合国安理会", names: ["聯合國安理會"] },
  ],
  events: [
    {
      type: "agreement",
      trigger: "簽署《框架協議》",
      source: ["USA", "PRK"],
      summary: "美朝簽署《框架協議》",
    },
    {
      type: "condemnation",
      trigger: "指責朝鮮",
      source: ["USA"],
      target: ["PRK"],
      summary: "美國指責朝鮮進行鈾濃縮",
    },
    { type: "weapons_test", trigger: "地下核試驗", source: ["PRK"], summary: "朝鮮進行地下核試驗" },
    {
      type: "sanction",
      trigger: "第1718號決議",
      source: ["UNSC"],
      target: ["PRK"],
      summary: "安理會通過第1718號決議制裁朝鮮",
    },
    {
      type: "talks",
      trigger: "新加坡举行会谈",
      source: ["USA", "PRK"],
      summary: "美朝首脑在新加坡会谈",
    },
    { type: "weapons_test", trigger: "发射卫星", source: ["PRK"], summary: "朝鲜发射卫星" },
    {
      type: "condemnation",
      trigger: "批评美国",
      source: ["PRK"],
      target: ["USA"],
      summary: "朝鲜批评美国举行联合军演",
    },
    { type: "policy", trigger: "關係緊張", source: ["USA", "PRK"], summary: "兩國關係緊張" },
  ],
  findings: [
    {
      kind: "year-out-of-sequence",
      text: "2009年4月5日",
      message: "2009年 breaks the order of its paragraph (2018 before, 2019 after)",
      suggestion: "2018-04-05",
    },
    {
      kind: "doubtful-anchor",
      text: "2019年",
      message: "2019年 may take its year from the wrong anchor",
      suggestion: "2018",
      confidence: 0.3,
    },
  ],
};

/** An article whose text, titles and links try to run script in the page. */
export const HOSTILE: FixtureArticle = {
  source: "hostile.md",
  title: "<img src=x onerror=window.__pwned=1>惡意",
  raw: [
    "## <script>window.__pwned=1</script>標題",
    "",
    '2001年<script>window.__pwned=1;alert(1)</script>美國發表聲明。2003年<img src=x onerror="window.__pwned=1;alert(2)">朝鮮拒絕。',
    "",
    "參見[點我](javascript:alert(1))與[另一個](JaVaScRiPt:window.__pwned=1)。2004年美國提出要求。",
    "",
    "1. [x](javascript:alert(3)) <b>bold</b>",
  ].join("\n"),
  entities: [
    { id: "USA", kind: "state", name: "美国", names: ["美國"] },
    { id: "EVIL", kind: "other", name: "<b onmouseover=alert(1)>邪</b>", names: ["朝鮮"] },
  ],
  events: [
    {
      type: "statement",
      trigger: "發表聲明",
      source: ["USA"],
      summary: "<script>window.__pwned=1</script>聲明",
    },
    {
      type: "rejection",
      trigger: "拒絕",
      source: ["EVIL"],
      target: ["USA"],
      summary: "<img src=x onerror=window.__pwned=1>拒絕",
    },
    {
      type: "demand",
      trigger: "提出要求",
      source: ["USA"],
      target: ["EVIL"],
      summary: "[x](javascript:alert(1))",
    },
  ],
};
