// Fixtures for browser tests: `page` and every page made with `newPage()` live in a context of
// their own (own cookies) in the worker's Debian Chromium; a page signed in as each demo role;
// and a failing test for any script error a page raises. Options set with `test.use()` (locale,
// viewport, javaScriptEnabled) apply to every page a test makes.
import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { db } from "~/modules/db/index.server.ts";
import { DEMO_ACCOUNTS } from "~/modules/demo/index.server.ts";
import { startSession } from "~/modules/auth/index.server.ts";
import { currentRun } from "../setup/run.ts";

export { expect };
export type { Page };

export const { baseUrl } = currentRun();

/** Errors the pages of one test raised; the test fails if any is left at its end. */
type PageErrors = string[];

/** Records every script error `page` raises into `errors`. */
function watchErrors(page: Page, errors: PageErrors): void {
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    // Chromium reports every 4xx/5xx answer as a console error; tests assert statuses themselves.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      errors.push(`console.error: ${message.text()}`);
    }
  });
}

/** Watches the pages `context` has and every page it opens later. */
function watchContext(context: BrowserContext, errors: PageErrors): void {
  for (const page of context.pages()) watchErrors(page, errors);
  context.on("page", (page) => watchErrors(page, errors));
}

/** Signs `email` in by creating a session the way the sign-in action does, without the form. */
export async function login(page: Page, email: string): Promise<void> {
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

/** The demo account (seeded with PUENTE_DEMO=1) holding `role`, or the platform administrator. */
export function demoEmail(role: "learner" | "instructor" | "org_admin" | "supervisor" | "vetting_officer" | "admin") {
  const account =
    role === "admin"
      ? DEMO_ACCOUNTS.find((a) => a.admin)
      : DEMO_ACCOUNTS.find((a) => !a.admin && a.roles.some((r) => r.role === role));
  if (!account) throw new Error(`no demo account holds ${role}`);
  return account.email;
}

type Fixtures = {
  pageErrors: PageErrors;
  /** A page in a new browser context (no cookies); `options` override the test's `use` options. */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  learnerPage: Page;
  instructorPage: Page;
  orgAdminPage: Page;
  supervisorPage: Page;
  vettingOfficerPage: Page;
  /** The platform administrator. */
  adminPage: Page;
};

const signedIn =
  (role: Parameters<typeof demoEmail>[0]) =>
  async ({ newPage }: { newPage: Fixtures["newPage"] }, use: (page: Page) => Promise<void>) => {
    const page = await newPage();
    await login(page, demoEmail(role));
    await use(page);
  };

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from its pattern.
  pageErrors: async ({}, use) => {
    const errors: PageErrors = [];
    await use(errors);
    // Runs once the test and the fixtures that open its pages (they depend on this one) are done.
    expect(errors, "errors raised in the page").toEqual([]);
  },
  context: async ({ context, pageErrors }, use) => {
    watchContext(context, pageErrors);
    await use(context);
  },
  newPage: async ({ browser, pageErrors }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      // The test's `use` options (baseURL, locale, viewport …) fill in what `options` leaves out.
      const context = await browser.newContext(options);
      contexts.push(context);
      watchContext(context, pageErrors);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  learnerPage: signedIn("learner"),
  instructorPage: signedIn("instructor"),
  orgAdminPage: signedIn("org_admin"),
  supervisorPage: signedIn("supervisor"),
  vettingOfficerPage: signedIn("vetting_officer"),
  adminPage: signedIn("admin"),
});
