// Fixtures for browser tests: one Debian chromium per test file, a fresh context (own cookies)
// per page, and a failing test for any script error the page raises.
import fs from "node:fs";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, afterEach, expect, inject } from "vitest";

export const baseUrl = inject("e2e").baseUrl;

// Debian's package, never a downloaded browser. CHROMIUM_PATH points elsewhere if needed.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function getBrowser(): Promise<Browser> {
  if (!fs.existsSync(executablePath)) {
    throw new Error(`${executablePath} not found: install Debian's chromium (apt-get install -y chromium)`);
  }
  // launch() gives every browser a fresh temporary --user-data-dir and removes it on close.
  browser ??= await chromium.launch({ executablePath, headless: true, args });
  return browser;
}

/** A page in a new browser context (no cookies), resolving relative URLs against the server. */
export async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await (await getBrowser()).newContext({ baseURL: baseUrl, locale: "en-US", ...options });
  contexts.push(context);
  return watchErrors(await context.newPage());
}

/** Fails the test on any script error `page` raises; newPage() does this for its page. */
export function watchErrors(page: Page): Page {
  page.on("pageerror", (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    // Chromium reports every 4xx/5xx answer as a console error; tests assert statuses themselves.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      pageErrors.push(`console.error: ${message.text()}`);
    }
  });
  return page;
}

/** Signs `email` in by creating a session the way the sign-in action does, without the form. */
export async function login(page: Page, email: string): Promise<void> {
  const { db } = await import("~/modules/db/index.server.ts");
  const { startSession } = await import("~/modules/auth/index.server.ts");
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const setCookie = await startSession(user.id);
  const [pair] = setCookie.split(";");
  const separator = pair!.indexOf("=");
  await page.context().addCookies([
    {
      name: pair!.slice(0, separator),
      value: pair!.slice(separator + 1),
      url: baseUrl,
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
}

/** Waits for hydration, so a click is handled by Remix rather than a full-page fallback. */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => "__remixRouter" in window && document.readyState === "complete");
}

afterEach(async () => {
  const errors = pageErrors.splice(0);
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  expect(errors, "errors raised in the page").toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  browser = undefined;
});
