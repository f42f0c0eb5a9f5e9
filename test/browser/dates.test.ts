/**
 * Dates a person reads on the page are labels (19世纪中叶, 1923年秋, 1970年后), never TIMEX3
 * codes, in the event list, the event panel, the timeline's tooltips and the reader, in both scripts.
 */
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { TIMEX_CODE } from "../../src/export/testing.js";
import { FakeStore, type FixtureArticle } from "./fake-store.js";
import { browserAvailable, ensureBuilt, launch, listen, openPage, shot } from "./harness.js";

/** A short article whose events carry every kind of coarse or modified date. */
const DATES: FixtureArticle = {
  source: "dates.md",
  title: "年代测试",
  raw: [
    "**年代测试**是一篇测试文章。",
    "",
    "## 经过",
    "",
    "十九世纪中叶清朝开放通商口岸。1923年秋日本发生大地震。1993年5月初两国举行会谈。",
    "",
    "1970年以后两国恢复贸易。约1866年朝鲜击退法国舰队。2003年10月15日9时中国发射神舟五号。",
  ].join("\n"),
  entities: [
    { id: "QING", kind: "state", name: "清朝", names: ["清朝"] },
    { id: "JPN", kind: "state", name: "日本", names: ["日本"] },
    { id: "CHN", kind: "state", name: "中国", names: ["中国", "中國"] },
  ],
  events: [
    { type: "policy", trigger: "开放通商口岸", source: ["QING"], date: "18", mod: "MID" },
    { type: "other", trigger: "大地震", source: ["JPN"], date: "1923-FA" },
    { type: "talks", trigger: "举行会谈", source: [], date: "1993-05", mod: "START" },
    { type: "aid", trigger: "恢复贸易", source: [], date: "1970", mod: "AFTER" },
    { type: "armed_incident", trigger: "击退法国舰队", source: [], date: "1866", mod: "APPROX" },
    { type: "weapons_test", trigger: "发射神舟五号", source: ["CHN"], date: "2003-10-15T09:00" },
  ],
};

const EXPECTED_CN = [
  "19世纪中叶",
  "1923年秋",
  "1993年5月初",
  "1970年后",
  "约1866年",
  "2003年10月15日9时",
];

const available = browserAvailable();

/** The date cells of the event list, in list order. */
async function rowDates(page: Page): Promise<string[]> {
  return (await page.locator(".event-row .date").allTextContents()).map((s) => s.trim());
}

describe.skipIf(!available)("web:dates (fixture store)", () => {
  let browser: Browser;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    ensureBuilt();
    ({ app, url } = await listen(new FakeStore([DATES])));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test("the event list and the panel show dates as people write them", async () => {
    const { page, errors } = await openPage(browser, url);
    await page.waitForSelector(".vis-item");
    const dates = await rowDates(page);
    expect([...dates].sort()).toEqual([...EXPECTED_CN].sort());
    for (const date of dates) expect(date).not.toMatch(TIMEX_CODE);
    await page.locator(".event-row", { hasText: "1923年秋" }).first().click();
    await page.waitForSelector(".event-detail");
    const facts = (await page.locator(".event-detail .facts").textContent()) ?? "";
    expect(facts).toContain("1923年秋");
    expect(facts).not.toMatch(TIMEX_CODE);
    await shot(page, "dates-labels");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("timeline tooltips and reader marks name dates, and follow the 简/繁 toggle", async () => {
    const { page, errors } = await openPage(browser, url);
    await page.waitForSelector(".vis-item");
    await page.locator(".vis-item", { hasText: "开放通商口岸" }).first().hover();
    const tooltip = page.locator(".vis-tooltip");
    await expect.poll(() => tooltip.textContent()).toContain("19世纪中叶");
    const marks = await page
      .locator(".article .m-timex")
      .evaluateAll((els) => els.map((el) => el.getAttribute("title") ?? ""));
    expect(marks.length).toBeGreaterThanOrEqual(4);
    for (const title of marks) {
      expect(title).toMatch(/年/u);
      expect(title).not.toMatch(TIMEX_CODE);
    }
    await page.click("#script-tw");
    await expect.poll(() => rowDates(page)).toContain("19世紀中葉");
    expect(await rowDates(page)).toContain("約1866年");
    expect(errors).toEqual([]);
    await page.close();
  });
});
