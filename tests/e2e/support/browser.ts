// Fixtures for browser tests: `page` and every page made with `newPage()` live in a context of
// their own (own cookies) in the worker's Debian Chromium; a page signed in as each demo role;
// and a failing test for any script error a page raises. Options set with `test.use()` (locale,
// viewport, javaScriptEnabled) apply to every page a test makes.
import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { db } from "~/modules/db/index.server.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "~/modules/demo/index.server.ts";
import { startSession, totpStep } from "~/modules/auth/index.server.ts";
import { resources } from "~/modules/i18n/index.server.ts";
import { SECOND_FACTOR_ROLES } from "~/modules/auth/index.ts";
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

/** The session cookie, as a browser context takes it. */
async function addSessionCookie(page: Page, name: string, value: string): Promise<void> {
  await page.context().addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
}

/** A TOTP code of `secret` the server has not accepted yet (a code is refused when replayed): waits for the next step if needed. */
export async function freshTotpCode(userId: string, secret: string): Promise<string> {
  for (;;) {
    const factor = await db.secondFactor.findUnique({ where: { userId }, select: { lastUsedStep: true } });
    const now = Date.now();
    if ((factor?.lastUsedStep ?? -1) < totpStep(now)) {
      return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: now });
    }
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (now % 30_000) + 250));
  }
}

/**
 * Sessions of demo accounts that gave their second factor, by email: each account signs in
 * through the pages once and later tests reuse its session while it lasts (two sign-ins in one
 * 30-second step would need the same code twice, which the server refuses as a replay).
 */
const secondFactorSessions = new Map<string, { name: string; value: string }>();

/**
 * Signs a demo account that must give a second factor in through the pages (password, then a
 * code from its demo TOTP secret) in a context of its own, and returns the session cookie.
 */
async function signInWithCode(page: Page, email: string, secret: string, userId: string) {
  const cached = secondFactorSessions.get(email);
  if (cached) {
    const session = await db.session.findUnique({
      where: { id: cached.value },
      select: { secondFactorAt: true, lastSeenAt: true, createdAt: true },
    });
    // Privileged sessions end after 15 minutes idle and 8 hours (decision 016): reuse one
    // well inside both limits.
    const now = Date.now();
    const fresh =
      session && now - session.lastSeenAt.getTime() < 10 * 60_000 && now - session.createdAt.getTime() < 7 * 3_600_000;
    if (session?.secondFactorAt && fresh) return cached;
  }
  const context = await page.context().browser()!.newContext({ baseURL: baseUrl });
  try {
    const form = await context.newPage();
    await form.goto("/en/login");
    await form.getByLabel("Email address").fill(email);
    await form.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await form.getByRole("button", { name: "Sign in" }).click();
    await form.waitForURL(/\/en\/second-factor/);
    await form.getByLabel("Code from your authenticator app").fill(await freshTotpCode(userId, secret));
    await form.getByRole("button", { name: "Verify" }).click();
    await form.waitForURL((url) => !url.pathname.includes("second-factor"));
    const cookie = (await context.cookies()).find((c) => c.name === "puente_session");
    if (!cookie) throw new Error(`${email}: no session after the second factor`);
    const signedIn = { name: cookie.name, value: cookie.value };
    secondFactorSessions.set(email, signedIn);
    return signedIn;
  } finally {
    await context.close();
  }
}

/**
 * Signs `email` in. Demo accounts whose roles need a second factor sign in through the pages
 * with a code from their demo TOTP secret; any other account gets a session made the way the
 * sign-in action makes it (an account created by a test that holds such a role gets one
 * marked as having given the second factor: it has no authenticator to take a code from).
 */
export async function login(page: Page, email: string): Promise<void> {
  const user = await db.user.findUniqueOrThrow({
    where: { email },
    select: {
      id: true,
      isPlatformAdmin: true,
      memberships: { select: { roles: { select: { role: true } } } },
    },
  });
  const secret = DEMO_ACCOUNTS.find((a) => a.email === email)?.totpSecret;
  if (secret) {
    const { name, value } = await signInWithCode(page, email, secret, user.id);
    await addSessionCookie(page, name, value);
    return;
  }
  const privileged =
    user.isPlatformAdmin ||
    user.memberships.some((m) => m.roles.some((r) => (SECOND_FACTOR_ROLES as readonly string[]).includes(r.role)));
  const setCookie = await startSession(user.id, { secondFactorVerified: privileged });
  const [pair] = setCookie.split(";");
  const separator = pair!.indexOf("=");
  await addSessionCookie(page, pair!.slice(0, separator), pair!.slice(separator + 1));
}

/**
 * On the confirmation page a security-relevant change sent the demo account to (decision 016),
 * gives the password and a fresh code in the page's language, and waits to be sent back.
 */
export async function confirmAccess(page: Page, email: string, lang: "en" | "es"): Promise<void> {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account?.totpSecret) throw new Error(`${email}: not a demo account with an authenticator`);
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const auth = resources[lang].auth;
  await page.waitForURL(new RegExp(`/${lang}/confirm-access`));
  await hydrated(page);
  await page.getByLabel(auth.fields.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel(auth.reauth.code, { exact: true }).fill(await freshTotpCode(user.id, account.totpSecret));
  await page.getByRole("button", { name: auth.reauth.submit }).click();
  await page.waitForURL((url) => !url.pathname.includes("confirm-access"));
  await hydrated(page);
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

// A timeout of its own, apart from the test's: signing in through the pages with a second
// factor may wait up to 30 seconds for a code the server has not seen yet.
const signedIn = (
  role: Parameters<typeof demoEmail>[0],
): [
  ({ newPage }: { newPage: Fixtures["newPage"] }, use: (page: Page) => Promise<void>) => Promise<void>,
  { timeout: number },
] => [
  async ({ newPage }: { newPage: Fixtures["newPage"] }, use: (page: Page) => Promise<void>) => {
    const page = await newPage();
    await login(page, demoEmail(role));
    await use(page);
  },
  { timeout: 120_000 },
];

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
