// The shell in a real browser: the language switch, forgery protection, a 360 px phone.
import type { Page } from "@playwright/test";
import { db } from "~/modules/db/index.server.ts";
import { createUser } from "../helpers/factories.ts";
import { baseUrl, expect, hydrated, login, test } from "./support/browser.ts";
import { resources } from "~/modules/i18n/index.server.ts";

const enAuth = resources.en.auth;
const enCommon = resources.en.common;
const esAuth = resources.es.auth;
const esCommon = resources.es.common;

const htmlLang = (page: Page) => page.locator("html").getAttribute("lang");
const h1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

test.describe("the shell in the browser", () => {
  test("switches language with the header link and stays on the same page", async ({ page }) => {
    await page.goto("/en/forgot-password?from=test");
    await hydrated(page);
    expect(await htmlLang(page)).toBe("en");
    expect(await h1(page)).toBe(enAuth.forgot.title);

    await page.getByRole("link", { name: enCommon.language.switchToLabel }).click();
    await page.waitForURL("**/es/forgot-password?from=test");
    await expect.poll(() => htmlLang(page)).toBe("es");
    expect(await h1(page)).toBe(esAuth.forgot.title);

    await page.getByRole("link", { name: esCommon.language.switchToLabel }).click();
    await page.waitForURL("**/en/forgot-password?from=test");
    await expect.poll(() => htmlLang(page)).toBe("en");
    expect(await h1(page)).toBe(enAuth.forgot.title);
  });

  test("refuses a cross-site POST before any action runs", async ({ page }) => {
    const password = "a long enough pass phrase";
    const user = await createUser({ password });
    const form = { email: user.email, password };

    const forged = await page.request.post(`${baseUrl}/en/login`, {
      form,
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain("refused");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    // A foreign Origin alone (an older browser without Sec-Fetch-Site) is refused as well.
    const originOnly = await page.request.post(`${baseUrl}/en/logout`, {
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(originOnly.status()).toBe(403);

    // The same request from the site itself goes through to the action and signs in.
    const sameSite = await page.request.post(`${baseUrl}/en/login`, {
      form,
      headers: { Origin: baseUrl, "Sec-Fetch-Site": "same-origin" },
      maxRedirects: 0,
    });
    expect(sameSite.status()).toBe(302);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  test("refuses a form another site makes the browser post", async ({ page }) => {
    // A page on another site (localhost is a different site from 127.0.0.1) that posts to ours.
    const attacker = baseUrl.replace("127.0.0.1", "localhost") + "/attacker";
    await page.route(attacker, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><form method="post" action="${baseUrl}/en/signup">
          <input name="name" value="Forged"><input name="email" value="forged@example.test">
          <input name="password" value="forged password 123"><input name="language" value="en">
          <input name="privacy" value="on"><button>Go</button></form>`,
      }),
    );
    await page.goto(attacker);
    const [response] = await Promise.all([page.waitForResponse(`${baseUrl}/en/signup`), page.click("button")]);
    expect(response.status()).toBe(403);
    expect(await db.user.count({ where: { email: "forged@example.test" } })).toBe(0);
  });

  test("fits a 360 px wide phone without sideways scrolling", async ({ newPage }) => {
    const user = await createUser({ name: "María Guadalupe Fernández de la Garza" });
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    for (const path of ["/en", "/es", "/es/signup", "/en/login", "/es/privacy"]) {
      await page.goto(path);
      expect(await scrollWidth(), path).toBeLessThanOrEqual(360);
    }
    await login(page, user.email);
    for (const path of ["/es", "/es/account"]) {
      await page.goto(path);
      expect(await scrollWidth(), path).toBeLessThanOrEqual(360);
    }
  });
});
