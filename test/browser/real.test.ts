import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DocumentView } from "../../src/server/index.js";
import { browserAvailable, ensureBuilt, launch, listen, openPage, shot } from "./harness.js";
import { sampleStore } from "./real-store.js";

// The seed article through the real pipeline and the real SQLite store.
const sample = sampleStore();
const available = browserAvailable();

afterAll(() => sample.dispose());

describe("web:real-store/api", () => {
  let app: FastifyInstance;
  let view: DocumentView;
  beforeAll(async () => {
    ({ app } = await listen(sample.store));
    const id = sample.store.documents()[0]?.id ?? "";
    view = (await app.inject(`/api/documents/${id}`)).json().document as DocumentView;
  });
  afterAll(async () => app?.close());

  test("every timex mark shows the timex's own characters", () => {
    const timexes = new Map(view.timexes.map((t) => [t.id, t]));
    const marks = view.marks.filter((m) => m.kind === "timex");
    expect(marks.length).toBeGreaterThan(0.9 * view.timexes.length);
    let same = 0;
    for (const mark of marks) {
      const shown = view.text.original.slice(mark.textStart, mark.textEnd);
      if (shown === timexes.get(mark.id)?.text) same += 1;
    }
    // A few timexes span markup (`-{…}-`, links) whose display differs from the raw text.
    expect(same / marks.length).toBeGreaterThan(0.95);
  });

  test("the seed's 2006 nuclear test is an event of PRK, placed on its sentence", () => {
    const test2006 = view.events.find(
      (e) => e.type === "weapons_test" && e.date.value === "2006-10-09",
    );
    expect(test2006?.actors.source).toContain("PRK");
    const range = test2006?.ranges[0];
    expect(range && view.text.original.slice(range.textStart, range.textEnd)).toMatch(/核/);
  });

  test("pairs: USA–PRK has a yearly series with cooperation and conflict", async () => {
    const res = (await app.inject("/api/pairs?a=USA&b=PRK")).json() as {
      years: Array<{ year: number; sum: number; count: number }>;
    };
    expect(res.years.length).toBeGreaterThan(10);
    expect(res.years.some((y) => y.sum > 0)).toBe(true);
    expect(res.years.some((y) => y.sum < 0)).toBe(true);
    expect(res.years.every((y) => y.count > 0 && Number.isInteger(y.year))).toBe(true);
  });

  test("search finds the same sentences in either script", async () => {
    const cn = (await app.inject(`/api/search?q=${encodeURIComponent("核试验")}`)).json();
    const tw = (await app.inject(`/api/search?q=${encodeURIComponent("核試驗")}`)).json();
    expect((cn.hits as unknown[]).length).toBeGreaterThan(0);
    expect(tw.hits).toEqual(cn.hits);
  });
});

describe.skipIf(!available)("web:real-store/page", () => {
  let browser: Browser;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    ensureBuilt();
    ({ app, url } = await listen(sample.store));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test("the seed article: timeline, event → sentence, script toggle, entity, chart", async () => {
    const { page, errors } = await openPage(browser, url);
    // Note: labels show only where they fit, so the first one may be hidden: wait for it drawn.
    await page.waitForSelector(".tl-label", { state: "attached" });
    await shot(page, "real-loaded");
    // Open the 2006 nuclear test from the event list.
    const row = page
      .locator(".event-row", { hasText: "2006年10月9日" })
      .filter({ hasText: "核" })
      .first();
    await row.focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector(".event-detail");
    const active = (await page.locator(".article .active").allTextContents()).join("");
    expect(active).toMatch(/核/);
    await shot(page, "real-event");
    await page.click("#script-tw");
    expect(await page.locator(".article").textContent()).toContain("朝鮮");
    expect((await page.locator(".article .active").allTextContents()).join("")).toBe(
      await page
        .locator(".article .active")
        .allTextContents()
        .then((t) => t.join("")),
    );
    await shot(page, "real-traditional");
    await page.click("#script-cn");
    await page.locator('.event-detail .entity-link[data-entity="PRK"]').first().click();
    await page.waitForSelector(".entity-page");
    expect(await page.locator(".entity-page .event-row").count()).toBeGreaterThan(20);
    await shot(page, "real-entity");
    await page.click("#tab-chart");
    await page.waitForSelector("#chart canvas");
    await page.waitForTimeout(200);
    await shot(page, "real-chart");
    await page.click("#tab-findings");
    await page.locator(".finding").first().click();
    expect(await page.locator(".article .active").count()).toBeGreaterThan(0);
    await shot(page, "real-findings");
    expect(errors).toEqual([]);
    await page.close();
  });
});
