/**
 * The page as a newcomer first sees it, at a desktop (1400×900) and a phone (390×844) size:
 * the first view, the lanes, the console, the chart, the phone views, the all-documents view,
 * findings and titles in both scripts, and the URL.
 */
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dateRange } from "../../src/web/dates.js";
import { LANE_ORDER } from "../../src/web/types.js";
import { ARTICLES_DIR } from "../corpus.js";
import { browserAvailable, ensureBuilt, launch, listen, openPage, shot } from "./harness.js";
import { articlesStore, SAMPLE, sampleStore } from "./real-store.js";

const available = browserAvailable();

const VIEWPORTS = [
  ["desktop", { width: 1400, height: 900 }],
  ["phone", { width: 390, height: 844 }],
] as const;

type Viewport = (typeof VIEWPORTS)[number][1];

interface ApiEventLite {
  doc: string;
  id: string;
  type: string;
  date: { value: string | null };
}

/** Year (fractional) of each dated event, sorted. */
function eventYears(events: readonly ApiEventLite[]): number[] {
  return events
    .map((e) => dateRange(e.date.value))
    .filter((r) => r !== null)
    .map((r) => r.start.getUTCFullYear() + r.start.getUTCMonth() / 12)
    .sort((a, b) => a - b);
}

/** Nearest-rank quantile of sorted numbers. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.round(q * (sorted.length - 1))] ?? NaN;
}

/** The visible span of the timeline, in fractional years. */
async function windowYears(page: Page): Promise<[number, number]> {
  await page.waitForSelector("#timeline[data-from-year]");
  const data = await page.locator("#timeline").evaluate((el) => ({ ...el.dataset }));
  return [Number(data.fromYear), Number(data.toYear)];
}

/** How many lines each element matching `selector` takes (its text's distinct line tops). */
async function lineCounts(page: Page, selector: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const range = el.ownerDocument.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }),
  );
}

/** On a phone, switches to one of the three views (no-op on a desktop). */
async function view(page: Page, name: "timeline" | "events" | "reader", size: Viewport) {
  if (size.width < 800) await page.click(`.views [data-view="${name}"]`);
}

/**
 * Clicks (taps) a labelled timeline item at a point of it that nothing covers (its mark, or
 * along its label: a label's start may lie under the lane names); fails if there is none.
 */
async function clickFreeItem(page: Page): Promise<void> {
  // Note: a string, evaluated in the page (this file is type-checked without the DOM library).
  const point = (await page.evaluate(`(() => {
    for (const el of document.querySelectorAll(".vis-item.vis-box.tl-room")) {
      const r = el.getBoundingClientRect();
      const y = r.top + r.height / 2;
      if (r.width === 0 || y < 0 || y > innerHeight) continue;
      for (let x = r.left + Math.min(r.width / 2, 12); x < r.right; x += 12) {
        if (x < 0 || x > innerWidth) continue;
        const hit = document.elementFromPoint(x, y);
        if (hit && el.contains(hit)) return { x, y };
      }
    }
    return null;
  })()`)) as { x: number; y: number } | null;
  expect(point, "a timeline item that nothing covers").not.toBeNull();
  if (point) await page.mouse.click(point.x, point.y);
}

/** Every console message that is not plain information. */
function watchConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() !== "log" && msg.type() !== "info" && msg.type() !== "debug")
      messages.push(`${msg.type()}: ${msg.text()}`);
  });
  return messages;
}

describe.skipIf(!available)("web:layout (the seed article)", () => {
  const sample = sampleStore();
  let browser: Browser;
  let app: FastifyInstance;
  let url: string;
  let events: ApiEventLite[];

  beforeAll(async () => {
    ensureBuilt();
    ({ app, url } = await listen(sample.store));
    browser = await launch();
    events = ((await (await fetch(`${url}api/events`)).json()) as { events: ApiEventLite[] })
      .events;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    sample.dispose();
  });

  for (const [name, size] of VIEWPORTS) {
    test(`${name}: the first view's span covers the events' 10th–90th percentile years, 全部 shows all`, async () => {
      const { page, errors } = await openPage(browser, url, size);
      const years = eventYears(events);
      const [from, to] = await windowYears(page);
      const p10 = quantile(years, 0.1);
      const p90 = quantile(years, 0.9);
      expect(from).toBeLessThanOrEqual(p10);
      expect(to).toBeGreaterThanOrEqual(p90);
      // It frames the dense span, not the whole (1845…2019 in the seed).
      const whole = (years.at(-1) ?? 0) - (years[0] ?? 0);
      expect(to - from).toBeLessThan(0.5 * whole);
      await shot(page, `layout-${name}-first-view`);
      await page.click("#zoom-fit");
      await expect
        .poll(async () => (await windowYears(page))[0])
        .toBeLessThanOrEqual(years[0] ?? 0);
      expect((await windowYears(page))[1]).toBeGreaterThanOrEqual(years.at(-1) ?? 0);
      expect(errors).toEqual([]);
      await page.close();
    });

    test(`${name}: the window it reports is the article's even when the events come late`, async () => {
      // The widget reports its default window (around today) 200 ms after it is built; with the
      // events arriving about then, the page once showed that window as the article's first
      // view to a reader of the data attributes (a CI failure). It must report only its own.
      const years = eventYears(events);
      for (const delay of [100, 150, 200, 300]) {
        const page = await browser.newPage({ viewport: size });
        await page.route(/\/api\/events/, async (route) => {
          await new Promise((resolve) => setTimeout(resolve, delay));
          await route.continue();
        });
        await page.goto(url);
        await page.waitForSelector("body[data-ready]");
        const [from, to] = await windowYears(page);
        expect(from, `events after ${delay} ms`).toBeLessThanOrEqual(quantile(years, 0.1));
        expect(to, `events after ${delay} ms`).toBeGreaterThanOrEqual(quantile(years, 0.9));
        await page.close();
      }
    });

    test(`${name}: the period inputs' examples are the article's own first and last dates`, async () => {
      const { page, errors } = await openPage(browser, url, size);
      const years = eventYears(events).map(Math.floor);
      await expect
        .poll(() => page.locator("#from").getAttribute("placeholder"))
        .toBe(String(years[0]));
      const to = (await page.locator("#to").getAttribute("placeholder")) ?? "";
      expect(to.slice(0, 4)).toBe(String(years.at(-1)));
      expect(errors).toEqual([]);
      await page.close();
    });

    test(`${name}: no empty window around today is shown before the events arrive`, async () => {
      // On a phone the first paint once showed an empty axis labelled with today's date for
      // most of a second: the widget is hidden (its place kept) until the first events are drawn.
      const page = await browser.newPage({ viewport: size });
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/api\/events/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(url);
      await page.waitForSelector(".vis-timeline", { state: "attached" });
      expect(await page.locator(".vis-timeline").isVisible()).toBe(false);
      const before = await page.locator("#timeline").boundingBox();
      expect(before?.height ?? 0).toBeGreaterThanOrEqual(100);
      release();
      await page.waitForSelector("body[data-ready]");
      await expect.poll(() => page.locator(".vis-timeline").isVisible()).toBe(true);
      expect(await page.locator("#timeline").getAttribute("aria-busy")).toBeNull();
      await page.close();
    });

    test(`${name}: one lane per type with events, in colour order, all visible without a scroll`, async () => {
      const { page, errors } = await openPage(browser, url, size);
      await page.waitForSelector(".vis-labelset .vis-label");
      const present = new Set(events.filter((e) => dateRange(e.date.value)).map((e) => e.type));
      const lanes = await page
        .locator(".vis-labelset .vis-label .swatch")
        .evaluateAll((els) => els.map((el) => el.getAttribute("data-type")));
      expect(lanes).toEqual(LANE_ORDER.filter((type) => present.has(type)));
      const box = await page.locator(".vis-timeline").boundingBox();
      const last = await page.locator(".vis-labelset .vis-label").last().boundingBox();
      expect(box && last && last.y + last.height <= box.y + box.height + 1).toBe(true);
      const scroll = await page
        .locator(".vis-panel.vis-left")
        .evaluate((el) => el.scrollHeight - el.clientHeight);
      expect(scroll).toBeLessThanOrEqual(1);
      expect(errors).toEqual([]);
      await page.close();
    });

    test(`${name}: no console warning while loading, zooming, selecting and switching script`, async () => {
      const page = await browser.newPage({ viewport: size });
      const messages = watchConsole(page);
      await page.goto(url);
      await page.waitForSelector("body[data-ready]");
      await page.waitForSelector(".vis-item");
      await clickFreeItem(page);
      await view(page, "timeline", size);
      for (const button of ["#zoom-in", "#zoom-in", "#zoom-out", "#zoom-fit", "#zoom-out"])
        await page.click(button);
      await page.click("#script-tw");
      await page.click("#zoom-fit");
      await page.waitForTimeout(300);
      expect(messages).toEqual([]);
      await page.close();
    });

    test(`${name}: the cooperation–conflict chart is on screen when opened`, async () => {
      const { page, errors } = await openPage(browser, url, size);
      await view(page, "events", size);
      await page.click("#tab-chart");
      await page.waitForSelector("#chart canvas");
      await page.waitForTimeout(300);
      const chart = await page.locator("#chart").boundingBox();
      expect(chart).not.toBeNull();
      expect(chart && chart.y).toBeGreaterThanOrEqual(0);
      expect(chart && chart.y + chart.height).toBeLessThanOrEqual(size.height);
      expect(chart && chart.width).toBeGreaterThan(300);
      await shot(page, `layout-${name}-chart`);
      expect(errors).toEqual([]);
      await page.close();
    });

    test(`${name}: findings are explained in Chinese, in the chosen script`, async () => {
      const { page, errors } = await openPage(browser, url, size);
      await view(page, "events", size);
      await page.click("#tab-findings");
      await page.waitForSelector(".finding .message");
      const cn = await page.locator(".finding .message").allTextContents();
      expect(cn.length).toBeGreaterThan(0);
      for (const message of cn) {
        expect(message).toMatch(/[\u4e00-\u9fff]{4}/);
        expect(message).not.toMatch(/[a-z]{3}/i);
      }
      await page.click("#script-tw");
      await page.waitForSelector(".finding .message");
      const tw = await page.locator(".finding .message").allTextContents();
      expect(tw).toHaveLength(cn.length);
      expect(tw.join("")).toMatch(/與|時間|沒有|寫/);
      expect(cn.join("")).toMatch(/与|时间|没有|写/);
      expect(errors).toEqual([]);
      await page.close();
    });

    test(`${name}: the URL keeps the document, the event and the filters; back restores`, async () => {
      const { page, errors } = await openPage(browser, url, size);
      await view(page, "events", size);
      await page.locator(".event-row", { hasText: "2006年10月9日" }).first().click();
      await page.waitForSelector(".event-detail");
      const title = await page.locator(".event-detail h3").textContent();
      expect(page.url()).toMatch(/[?&]event=/);
      expect(page.url()).toMatch(/[?&]doc=/);
      if (size.width < 800) await page.click("#filters-toggle");
      await page.click('#legend .chip[data-type="talks"]');
      await expect.poll(() => page.url()).toMatch(/[?&]types=/);
      const shared = page.url();
      const other = await browser.newPage({ viewport: size });
      await other.goto(shared);
      await other.waitForSelector("body[data-ready]");
      await view(other, "events", size);
      expect(await other.locator(".event-detail h3").textContent()).toBe(title);
      expect(
        await other.locator('#legend .chip[data-type="talks"]').getAttribute("aria-pressed"),
      ).toBe("false");
      await other.close();
      await page.goBack();
      await expect
        .poll(() => page.locator('#legend .chip[data-type="talks"]').getAttribute("aria-pressed"))
        .toBe("true");
      expect(page.url()).not.toMatch(/types=/);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  test("phone: tabs 时间轴 / 事件 / 原文, filters behind a button, each view short", async () => {
    const size = { width: 390, height: 844 };
    const { page, errors } = await openPage(browser, url, size);
    expect(await page.locator(".views [data-view]").allTextContents()).toEqual([
      "时间轴",
      "事件",
      "原文",
    ]);
    expect(await page.locator(".filters").isVisible()).toBe(false);
    await page.click("#filters-toggle");
    expect(await page.locator(".filters").isVisible()).toBe(true);
    await page.click("#filters-toggle");
    expect(await page.locator("#timeline").isVisible()).toBe(true);
    expect(await page.locator(".reader").isVisible()).toBe(false);
    await shot(page, "layout-phone-timeline");
    // A tap on a timeline item opens its detail in the 事件 view.
    await clickFreeItem(page);
    await page.waitForSelector(".event-detail");
    expect(await page.locator(".side").isVisible()).toBe(true);
    expect(await page.locator("#timeline").isVisible()).toBe(false);
    await shot(page, "layout-phone-events");
    await page.locator(".event-detail .show-in-text").first().click();
    expect(await page.locator(".reader").isVisible()).toBe(true);
    expect(await page.locator(".side").isVisible()).toBe(false);
    // The article starts on the first screen, not after every event row.
    const article = await page.locator(".reader").boundingBox();
    expect(article && article.y).toBeLessThan(300);
    await shot(page, "layout-phone-reader");
    // No label breaks one character per line: the header's labels keep one line.
    const lines = await lineCounts(page, ".top label > span, .views button");
    expect(lines.length).toBeGreaterThan(3);
    for (const count of lines) expect(count).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("desktop: no phone tabs, the filters in view", async () => {
    const { page, errors } = await openPage(browser, url, { width: 1400, height: 900 });
    expect(await page.locator(".views").isVisible()).toBe(false);
    expect(await page.locator(".filters").isVisible()).toBe(true);
    expect(await page.locator(".reader").isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!available)("web:layout (all documents)", () => {
  const OTHER = `${ARTICLES_DIR}/04_southeast-mutual-protection.md`;
  const corpus = articlesStore([SAMPLE, OTHER]);
  let browser: Browser;
  let app: FastifyInstance;
  let url: string;
  let docs: Array<{ id: string; display: { cn: string; tw: string } }>;

  beforeAll(async () => {
    ensureBuilt();
    ({ app, url } = await listen(corpus.store));
    browser = await launch();
    docs = ((await (await fetch(`${url}api/documents`)).json()) as { documents: typeof docs })
      .documents;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    corpus.dispose();
  });

  for (const [name, size] of VIEWPORTS) {
    test(`${name}: each item names its article; the reader follows the selected event`, async () => {
      const { page, errors } = await openPage(browser, url, size);
      await page.waitForSelector(".vis-item .tl-doc", { state: "attached" });
      const names = new Set(docs.map((d) => `${d.display.cn}·`));
      const items = await page.locator(".vis-item:not(.vis-cluster) .tl-label").count();
      const named = await page.locator(".vis-item:not(.vis-cluster) .tl-doc").allTextContents();
      expect(named).toHaveLength(items);
      for (const label of named) expect(names.has(label)).toBe(true);
      await shot(page, `layout-${name}-all-documents`);
      // The timeline's title and zoom buttons keep one line beside the counts of a large store
      // (the fixture's are shorter than a 124-article corpus's).
      await page.locator("#counts").evaluate((el) => {
        el.textContent = "事件 4924 · 未定日期 184";
      });
      const bar = await lineCounts(page, ".timeline-bar h2, .timeline-bar button");
      expect(bar).toEqual([1, 1, 1, 1]);
      await view(page, "events", size);
      for (const doc of docs) {
        await page
          .locator(".event-row", { hasText: `${doc.display.cn}·` })
          .first()
          .click();
        await page.waitForSelector(".event-detail");
        await view(page, "reader", size);
        await expect.poll(() => page.locator(".article h1").textContent()).toBe(doc.display.cn);
        await view(page, "events", size);
      }
      expect(errors).toEqual([]);
      await page.close();
    });

    test(`${name}: titles in the list, the panel and search hits follow 简/繁`, async () => {
      const { page, errors } = await openPage(browser, url, size);
      await page.click("#script-tw");
      await view(page, "events", size);
      const tw = new Set(docs.map((d) => d.display.tw));
      const rowDocs = await page.locator(".event-row .row-doc").allTextContents();
      expect(rowDocs.length).toBeGreaterThan(0);
      for (const label of rowDocs) expect(tw.has(label.replace(/·$/, ""))).toBe(true);
      await page.locator(".event-row").first().click();
      expect(tw.has((await page.locator(".event-detail .doc-title").textContent()) ?? "")).toBe(
        true,
      );
      await page.fill("#q", "朝鮮");
      await page.press("#q", "Enter");
      await page.waitForSelector(".hits li");
      const hitDocs = await page.locator(".hits li > .muted").allTextContents();
      expect(hitDocs.length).toBeGreaterThan(0);
      for (const label of hitDocs) expect(tw.has(label)).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
