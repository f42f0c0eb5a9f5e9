import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeStore } from "./fake-store.js";
import { HOSTILE, RELATIONS } from "./fixtures.js";
import { browserAvailable, ensureBuilt, launch, listen, openPage, shot } from "./harness.js";

const available = browserAvailable();

describe.skipIf(!available)("web:page (fixture store)", () => {
  let browser: Browser;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    ensureBuilt();
    ({ app, url } = await listen(new FakeStore([RELATIONS])));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test("loads, shows the timeline, the legend and the article", async () => {
    const { page, errors } = await openPage(browser, url);
    await page.waitForSelector(".vis-item");
    expect(await page.locator(".tl-label").count()).toBe(8);
    expect(await page.locator(".vis-item.vis-range").count()).toBe(4); // 2 months, 1 year, 1 decade
    expect(await page.locator("#legend .chip").count()).toBe(20);
    expect(await page.locator(".article .m-timex").count()).toBeGreaterThanOrEqual(8);
    await shot(page, "page-loaded");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("clicking an event highlights its sentence in the article", async () => {
    const { page, errors } = await openPage(browser, url);
    await page.locator(".vis-item", { hasText: "地下核" }).click();
    await page.waitForSelector(".event-detail");
    const active = await page.locator(".article .active").allTextContents();
    expect(active.join("")).toBe("2006年10月9日朝鲜进行了一次地下核试验。");
    await expect.poll(() => page.locator(".article .active").first().isVisible()).toBe(true);
    expect(await page.locator(".event-detail .facts").textContent()).toContain("2006年10月9日");
    await shot(page, "event-selected");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the 简/繁 toggle switches the article, the labels and the timeline", async () => {
    const { page, errors } = await openPage(browser, url);
    expect(await page.locator(".article").textContent()).toContain("首脑会谈");
    await page.click("#script-tw");
    expect(await page.locator(".article").textContent()).toContain("首腦會談");
    expect(await page.locator("#tab-entity").textContent()).toBe("實體");
    expect(await page.locator(".vis-item", { hasText: "首腦" }).count()).toBe(1);
    expect(await page.getAttribute("html", "lang")).toBe("zh-Hant");
    await shot(page, "traditional");
    await page.click("#script-cn");
    expect(await page.locator("#tab-entity").textContent()).toBe("实体");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("filtering by type keeps only that type on the timeline", async () => {
    const { page, errors } = await openPage(browser, url);
    await page.click("#types-none");
    await expect.poll(() => page.locator(".tl-label").count()).toBe(0);
    await page.click('#legend .chip[data-type="weapons_test"]');
    await expect.poll(() => page.locator(".tl-label").count()).toBe(2);
    await page.click('#legend .chip[data-type="sanction"]');
    await expect.poll(() => page.locator(".tl-label").count()).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a bad period shows the server's message and keeps the page usable", async () => {
    const { page, errors } = await openPage(browser, url);
    await page.fill("#from", "2009-13");
    await page.click('#filter-form button[type="submit"]');
    await expect.poll(() => page.locator("#status").textContent()).toContain("from must be a date");
    await page.fill("#from", "2006");
    await page.fill("#to", "2009");
    await page.click('#filter-form button[type="submit"]');
    await expect.poll(() => page.locator(".tl-label").count()).toBe(3);
    // The failed request logs a 400 in the console; that one is expected.
    expect(errors.filter((e) => !/400/.test(e))).toEqual([]);
    await page.close();
  });

  test("an entity page lists its events and counterparts, and the pair chart draws", async () => {
    const { page, errors } = await openPage(browser, url);
    await page.locator(".vis-item", { hasText: "1718" }).click();
    await page.locator('.event-detail .entity-link[data-entity="UNSC"]').click();
    await page.waitForSelector(".entity-page");
    expect(await page.locator(".entity-page h3").textContent()).toContain("联合国安理会");
    expect(await page.locator(".entity-page .event-row").count()).toBe(1);
    expect(await page.locator(".counterparts li").count()).toBe(1);
    await shot(page, "entity");
    await page.click("#tab-chart");
    await page.waitForSelector("#chart canvas");
    expect(await page.locator(".pair-title").textContent()).toContain("美国");
    await shot(page, "pair-chart");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("keyboard: Tab to an event row, Enter opens it", async () => {
    const { page, errors } = await openPage(browser, url);
    const row = page.locator(".event-list .event-row").first();
    await row.focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector(".event-detail");
    expect(await page.locator(".article .active").count()).toBeGreaterThan(0);
    // A marked mention in the article is a tab stop too.
    const mention = page.locator('.article .m-event[tabindex="0"]').nth(3);
    await mention.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".event-detail h3").textContent()).not.toBe("");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("findings link to their place in the text; search works in both scripts", async () => {
    const { page, errors } = await openPage(browser, url);
    // The event dated by the doubted timex is marked in the timeline and the list.
    expect(await page.locator(".vis-item.vis-box.tl-doubt").count()).toBe(1);
    expect(await page.locator(".event-row .doubt").count()).toBe(1);
    expect(await page.locator(".event-row", { hasText: "发射卫星" }).getAttribute("title")).toBe(
      "此日期可能有误，建议 2018年4月5日",
    );
    await page.click("#tab-findings");
    // Low-confidence findings are hidden until asked for; kinds are translated.
    await expect.poll(() => page.locator(".finding").count()).toBe(1);
    const first = await page.locator(".finding").first().textContent();
    expect(first).toContain("年份顺序异常");
    expect(first).toContain("置信度 0.80");
    expect(first).toContain("建议：2018年4月5日");
    expect(first).not.toContain("2018-04-05");
    expect(first).not.toContain("year-out-of-sequence");
    await page.check("#show-low");
    await expect.poll(() => page.locator(".finding").count()).toBe(2);
    expect(await page.locator(".finding.low").textContent()).toContain("可疑的日期推断");
    await page.uncheck("#show-low");
    await expect.poll(() => page.locator(".finding").count()).toBe(1);
    await page.locator(".finding").first().click();
    expect((await page.locator(".article .active").allTextContents()).join("")).toBe(
      "2009年4月5日",
    );
    await page.fill("#q", "核試驗");
    await page.press("#q", "Enter");
    await page.waitForSelector(".hits li");
    expect(await page.locator(".hits li").count()).toBe(1);
    expect(await page.locator(".hits li mark").textContent()).toBe("核试验");
    await expect.poll(() => page.locator(".tl-label").count()).toBe(1);
    await page.locator(".hits li").first().click();
    expect((await page.locator(".article .active").allTextContents()).join("")).toContain(
      "地下核试验",
    );
    await shot(page, "search");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("phone: after searching, the axis does not overflow its grid", async () => {
    const { page, errors } = await openPage(browser, url, { width: 390, height: 844 });
    const warnings: string[] = [];
    page.on("console", (msg) => warnings.push(msg.text()));
    await page.waitForSelector(".vis-item");
    await page.fill("#q", "朝鲜");
    await page.press("#q", "Enter");
    await page.waitForSelector(".hits li");
    await page.waitForTimeout(400);
    expect(warnings.filter((w) => /grid lines/.test(w))).toEqual([]);
    const labels = await page.locator(".vis-time-axis .vis-text.vis-minor").allTextContents();
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.length).toBeLessThan(60);
    expect(labels.join("")).not.toMatch(/[a-z]/i);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("narrow screen: one view at a time, each as wide as the screen", async () => {
    const { page, errors } = await openPage(browser, url, { width: 420, height: 900 });
    await page.click('.views [data-view="events"]');
    const side = await page.locator(".side").boundingBox();
    expect(side && side.width).toBeLessThanOrEqual(420);
    await page.click('.views [data-view="reader"]');
    const reader = await page.locator(".reader").boundingBox();
    expect(reader && reader.width).toBeLessThanOrEqual(420);
    await shot(page, "narrow", true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!available)("web:page (whole store of two articles)", () => {
  let browser: Browser;
  let app: FastifyInstance;
  let url: string;
  const store = new FakeStore([RELATIONS, HOSTILE]);

  beforeAll(async () => {
    ensureBuilt();
    ({ app, url } = await listen(store));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test("all documents on one timeline; an event of the second opens that article", async () => {
    const { page, errors } = await openPage(browser, url);
    expect(await page.locator("#doc").inputValue()).toBe("");
    expect(await page.locator(".event-list .event-row").count()).toBe(11);
    await page.locator(".event-row", { hasText: "2004" }).click();
    await page.waitForSelector(".event-detail");
    expect(await page.locator(".article h1").textContent()).toContain("恶意"); // Simplified by default
    expect((await page.locator(".article .active").allTextContents()).join("")).toBe(
      "2004年美国提出要求。",
    );
    // Choosing one document narrows the timeline and the list.
    const hostile = store.documents()[1]?.id ?? "";
    await page.selectOption("#doc", hostile);
    await expect.poll(() => page.locator(".event-list .event-row").count()).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });
});
