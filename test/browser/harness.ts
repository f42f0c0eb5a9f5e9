/**
 * Shared set-up of the browser tests: Debian's chromium through playwright-core, the built page,
 * and an app listening on 127.0.0.1 on a random port.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser, type Page } from "playwright-core";
import type { StoreReader } from "../../src/model/store.js";
import { createApp } from "../../src/server/index.js";

/** The chromium binary CI installs from Debian. */
export const CHROMIUM = "/usr/bin/chromium";
/** Repository root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The built page. */
export const WEB_DIST = fileURLToPath(new URL("../../web-dist", import.meta.url));
/** Where screenshots go (gitignored). */
export const ARTIFACTS = fileURLToPath(new URL("../../artifacts", import.meta.url));

/** Whether the browser tests can run here; under CI a missing browser is a failure, not a skip. */
export function browserAvailable(): boolean {
  const present = existsSync(CHROMIUM);
  if (!present && process.env.CI === "true") {
    throw new Error(`${CHROMIUM} is missing under CI (apt-get install -y chromium)`);
  }
  if (!present)
    console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
  return present;
}

/** Builds the page when web-dist is missing (npm test builds it first). */
export function ensureBuilt(): void {
  if (existsSync(`${WEB_DIST}/index.html`)) return;
  execFileSync("npx", ["vite", "build", "--config", "vite.config.ts", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
  });
}

/** Launches headless chromium with the flags CI uses. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Starts the app over a store on 127.0.0.1, random port. */
export async function listen(store: StoreReader): Promise<{ app: FastifyInstance; url: string }> {
  const app = await createApp({ store, staticDir: WEB_DIST });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (typeof address !== "object" || address === null) throw new Error("no address");
  return { app, url: `http://127.0.0.1:${address.port}/` };
}

/** A page that records console errors, page errors and dialogs. */
export async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1400, height: 1000 },
): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector("body[data-ready]");
  return { page, errors, dialogs };
}

/** Saves a screenshot to artifacts/NAME.png. */
export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage });
}
