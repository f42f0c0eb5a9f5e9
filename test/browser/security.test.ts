import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeStore } from "./fake-store.js";
import { HOSTILE } from "./fixtures.js";
import { browserAvailable, ensureBuilt, launch, listen, openPage, shot } from "./harness.js";

const available = browserAvailable();

describe.skipIf(!available)("web:security (hostile article)", () => {
  let browser: Browser;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    ensureBuilt();
    ({ app, url } = await listen(new FakeStore([HOSTILE])));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test("markup in text, titles, names and links never runs and shows literally", async () => {
    const { page, errors, dialogs } = await openPage(browser, url);
    await page.waitForSelector(".tl-label");
    // Open every event (detail panel renders summaries, actors and mentions).
    const rows = page.locator(".event-list .event-row");
    const n = await rows.count();
    expect(n).toBe(3);
    for (let i = 0; i < n; i += 1) {
      await rows.nth(i).click();
      await page.waitForSelector(".event-detail");
    }
    await page.locator('.event-detail .entity-link[data-entity="EVIL"]').first().click();
    await page.waitForSelector(".entity-page");
    await page.click("#script-tw");
    await page.click("#tab-events");
    await page.mouse.move(400, 400);
    await page.waitForTimeout(300);

    expect(await page.evaluate("window.__pwned")).toBeUndefined();
    expect(dialogs).toEqual([]);
    // Shown as text.
    const article = (await page.locator(".article").textContent()) ?? "";
    expect(article).toContain("<script>window.__pwned=1;alert(1)</script>");
    expect(article).toContain('<img src=x onerror="window.__pwned=1;alert(2)">');
    expect(await page.locator(".article h1").textContent()).toBe(
      "<img src=x onerror=window.__pwned=1>惡意",
    );
    expect(await page.locator(".event-row .summary", { hasText: "<script>window" }).count()).toBe(
      1,
    );
    expect(
      await page.locator(".entity-link", { hasText: "<b onmouseover" }).count(),
    ).toBeGreaterThan(0);
    // No element was created from the data.
    expect(await page.locator("body script:not([src])").count()).toBe(0);
    expect(
      await page.locator(".article img, .panel img, #timeline img, .article b, .panel b").count(),
    ).toBe(0);
    // javascript: never becomes a live link.
    const hrefs = await page
      .locator("a[href]")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.filter((href) => /^\s*javascript:/i.test(href))).toEqual([]);
    expect(hrefs.every((href) => href.startsWith("#") || /^https?:/.test(href))).toBe(true);
    await shot(page, "security");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the page's own CSP blocks an injected inline script", async () => {
    const { page, errors } = await openPage(browser, url);
    // Evaluated in the page (a string, so this Node-typed file needs no DOM types).
    await page.evaluate(
      "(() => { const s = document.createElement('script'); s.textContent = 'window.__pwned = 2'; document.body.appendChild(s); })()",
    );
    expect(await page.evaluate("window.__pwned")).toBeUndefined();
    // Chromium reports the CSP refusal on the console: that is the expected error here.
    expect(errors.some((e) => /Content Security Policy/i.test(e))).toBe(true);
    await page.close();
  });
});
