// Bad input in a real browser: translated messages next to the fields, linked for screen
// readers, and nothing written — with scripts (checked in the page) and without (the server's 400).
import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { db } from "~/modules/db/index.server.ts";
import { expect, hydrated, test } from "./support/browser.ts";
import { countMail } from "./support/mail.ts";
import { resources } from "~/modules/i18n/index.server.ts";

const esAuth = resources.es.auth;

/** aria-invalid of the field labelled `label`, and the texts its aria-describedby points at (sorted). */
async function describedBy(page: Page, label: string): Promise<{ invalid: string | null; descriptions: string[] }> {
  const input = page.getByLabel(label, { exact: true });
  const ids = (await input.getAttribute("aria-describedby"))?.split(/\s+/).filter(Boolean) ?? [];
  const descriptions = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return { invalid: await input.getAttribute("aria-invalid"), descriptions: descriptions.map(String).sort() };
}

test.describe("field errors in the browser", () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`shows translated errors next to bad sign-up fields (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({
      newPage,
    }) => {
      const email = `not-an-email-${crypto.randomBytes(3).toString("hex")}`;
      const page = await newPage({ javaScriptEnabled, locale: "es-MX" });
      const usersBefore = await db.user.count();
      await page.goto("/es/signup");
      if (javaScriptEnabled) await hydrated(page);

      await page.getByLabel(esAuth.fields.name).fill("Luis Herrera");
      await page.getByLabel(esAuth.fields.email).fill(email);
      await page.getByLabel(esAuth.fields.password, { exact: true }).fill("corta");
      await page.getByLabel(esAuth.fields.privacyConsent).check();
      if (javaScriptEnabled) {
        await page.getByRole("button", { name: esAuth.signUp.submit }).click();
        await page.getByText(esAuth.fieldErrors.emailInvalid).waitFor();
      } else {
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === "POST"),
          page.getByRole("button", { name: esAuth.signUp.submit }).click(),
        ]);
        expect(response.status()).toBe(400);
        await page.waitForLoadState();
      }

      expect(await describedBy(page, esAuth.fields.email)).toEqual({
        invalid: "true",
        descriptions: [esAuth.fieldErrors.emailInvalid],
      });
      // The password field keeps its hint and adds the error.
      expect(await describedBy(page, esAuth.fields.password)).toEqual({
        invalid: "true",
        descriptions: [esAuth.fields.passwordHint, esAuth.fieldErrors.passwordTooShort].sort(),
      });
      expect(await describedBy(page, esAuth.fields.name)).toEqual({ invalid: null, descriptions: [] });
      await expect.poll(() => page.getByRole("alert").count()).toBeGreaterThan(0);
      expect(new URL(page.url()).pathname).toBe("/es/signup");

      expect(await db.user.count()).toBe(usersBefore);
      expect(countMail(email)).toBe(0);
    });
  }
});
