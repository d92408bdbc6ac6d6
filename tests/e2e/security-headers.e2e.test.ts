// The security headers of server/security.mjs on one response of every kind the production
// server sends (decision 017), and pages in both languages that raise no Content-Security-
// Policy violation. The every-page walk (pages.e2e.test.ts) fails on console errors; the last
// test shows that a refused inline script is one, so that walk covers every page too.
import type { APIResponse } from "@playwright/test";
import { db } from "~/modules/db/index.server.ts";
import { baseUrl, demoEmail, expect, hydrated, test, type Page } from "./support/browser.ts";

type Kind = { what: string; response: APIResponse; cache: RegExp | null };

function expectSecurityHeaders({ what, response, cache }: Kind): void {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, what).toMatch(/(^|;)script-src 'self' 'nonce-[A-Za-z0-9+/]{22}=='(;|$)/);
  expect(csp, what).not.toContain("unsafe-inline");
  expect(csp, what).not.toContain("unsafe-eval");
  for (const directive of [
    "default-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "img-src 'self' data:",
  ]) {
    expect(csp.split(";"), `${what}: ${directive}`).toContain(directive);
  }
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["x-request-id"], what).toMatch(/^[0-9a-f-]{36}$/);
  // Plain HTTP: no HSTS (a browser ignores it there; server-headers.test.ts covers HTTPS).
  expect(headers["strict-transport-security"], what).toBeUndefined();
  // Each once: Remix's response and Express's must not both add one.
  for (const name of ["content-security-policy", "x-content-type-options", "referrer-policy", "cache-control"]) {
    const count = response.headersArray().filter((h) => h.name.toLowerCase() === name).length;
    expect(count, `${what}: ${name} sent ${count} times`).toBeLessThanOrEqual(1);
  }
  if (cache) expect(headers["cache-control"], what).toMatch(cache);
}

const NO_STORE = /^(private, )?no-store$/;

async function get(page: Page, path: string, status = 200): Promise<APIResponse> {
  const response = await page.request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(status);
  return response;
}

test("every kind of response carries the security headers", async ({ learnerPage, supervisorPage, page }) => {
  test.setTimeout(120_000);
  const learner = await db.user.findUniqueOrThrow({ where: { email: demoEmail("learner") }, select: { id: true } });
  const credential = await db.credential.findFirstOrThrow({
    where: { userId: learner.id, revokedAt: null, suspendedAt: null },
    select: { id: true },
  });
  const list = await db.statusList.findFirstOrThrow({ select: { id: true } });
  const asset = /src="(\/build\/[^"]+\.js)"|href="(\/build\/[^"]+\.js)"/.exec(await (await get(page, "/en")).text());
  const buildFile = asset![1] ?? asset![2]!;

  const kinds: Kind[] = [
    { what: "signed-in page", response: await get(learnerPage, "/en/learn"), cache: NO_STORE },
    { what: "signed-in page (es)", response: await get(learnerPage, "/es/credentials"), cache: NO_STORE },
    { what: "data request", response: await get(learnerPage, "/en/learn.data"), cache: NO_STORE },
    { what: "CSV export", response: await get(supervisorPage, "/en/vetting/export"), cache: NO_STORE },
    { what: "PDF", response: await get(learnerPage, `/en/credentials/${credential.id}.pdf`), cache: NO_STORE },
    { what: "credential JSON", response: await get(page, `/credentials/${credential.id}.json`), cache: null },
    { what: "status list", response: await get(page, `/status-lists/${list.id}`), cache: /^public, max-age=30$/ },
    { what: "DID document", response: await get(page, "/.well-known/did.json"), cache: /^public, max-age=300$/ },
    { what: "verification page", response: await get(page, `/verify/${credential.id}`), cache: NO_STORE },
    { what: "anonymous page", response: await get(page, "/es/courses"), cache: null },
    { what: "static file", response: await get(page, "/favicon.svg"), cache: /max-age=3600/ },
    { what: "build asset", response: await get(page, buildFile), cache: /max-age=31536000, immutable/ },
    { what: "404 page", response: await get(page, "/en/no-such-page", 404), cache: null },
    { what: "404 JSON", response: await get(page, "/credentials/nope.json", 404), cache: NO_STORE },
    { what: "health check", response: await get(page, "/healthz"), cache: NO_STORE },
  ];
  const refused = await page.request.post("/en/login", {
    headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    form: { email: "x@example.com" },
  });
  expect(refused.status()).toBe(403);
  kinds.push({ what: "refusal", response: refused, cache: NO_STORE });
  for (const kind of kinds) expectSecurityHeaders(kind);

  // A page's inline scripts carry the nonce of its own header, and nothing inline goes without.
  const html = await kinds[0]!.response.text();
  const nonce = /'nonce-([^']+)'/.exec(kinds[0]!.response.headers()["content-security-policy"]!)![1]!;
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(2);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(html).not.toMatch(/\sstyle="/);
  // A new nonce per response.
  const again = (await get(learnerPage, "/en/learn")).headers()["content-security-policy"];
  expect(again).not.toContain(nonce);
});

const PAGES = ["", "/courses", "/glossary", "/search?q=smurfing", "/login", "/signup", "/privacy", "/no-such-page"];
const SIGNED_IN = ["/learn", "/credentials", "/account", "/courses"];

/** Collects the page's CSP violations (the browser's own event, before any console wording). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test("pages in both languages, signed out and signed in, raise no CSP violation", async ({ page, learnerPage }) => {
  test.setTimeout(180_000);
  for (const [who, tab, paths] of [
    ["signed out", page, PAGES],
    ["learner", learnerPage, SIGNED_IN],
  ] as const) {
    const violations = await watchViolations(tab);
    for (const lang of ["en", "es"]) {
      for (const path of paths) {
        await tab.goto(`/${lang}${path}`);
        await hydrated(tab);
        expect(await violations(), `${who} ${lang}${path}`).toEqual([]);
      }
    }
    // A client-side navigation after hydration loads more route chunks and the data.
    await tab.goto(`/en${paths[0]}`);
    await hydrated(tab);
    await tab.locator('main a[href^="/en/"]:visible').first().click();
    await tab.waitForLoadState("networkidle");
    expect(await violations(), `${who}: after a client-side navigation`).toEqual([]);
  }
});

test("a refused inline script is a console error, which the page fixture turns into a failure", async ({ browser }) => {
  // A context of its own: the fixture's pages would fail this test for the error it provokes.
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto("/en");
    await hydrated(page);
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
    });
    await expect.poll(() => errors.join("\n")).toContain("Content Security Policy");
    expect(await page.evaluate(() => "__injected" in window)).toBe(false);
  } finally {
    await context.close();
  }
});
