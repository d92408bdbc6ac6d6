// The second factor in a real browser: the demo supervisor signs in in Spanish with a code
// from the authenticator (a wrong code first), on a phone-sized screen; a new org admin enrols
// an authenticator from the key the page shows and receives recovery codes.
import { Secret, TOTP } from "otpauth";
import { db } from "~/modules/db/index.server.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "~/modules/demo/index.server.ts";
import { resources } from "~/modules/i18n/index.server.ts";
import { createMember } from "../helpers/factories.ts";
import { demoEmail, expect, freshTotpCode, hydrated, test } from "./support/browser.ts";

const es = resources.es.auth;
const en = resources.en.auth;

test.describe("second factor", () => {
  test("es: the supervisor signs in with a code from the authenticator", async ({ newPage }) => {
    const email = demoEmail("supervisor");
    const secret = DEMO_ACCOUNTS.find((a) => a.email === email)!.totpSecret!;
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const page = await newPage({ viewport: { width: 360, height: 740 }, locale: "es-MX" });

    await page.goto("/es/login?redirectTo=%2Fes%2Fvetting");
    await hydrated(page);
    await page.getByLabel(es.fields.email).fill(email);
    await page.getByLabel(es.fields.password, { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: es.signIn.submit }).click();
    await page.waitForURL(/\/es\/second-factor\?redirectTo=%2Fes%2Fvetting$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(es.secondFactor.title);

    const field = page.getByLabel(es.secondFactor.code);
    await expect(field).toHaveAttribute("autocomplete", "one-time-code");
    await expect(field).toHaveAttribute("inputmode", "numeric");
    // Nothing wider than a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // A wrong code: a message in Spanish, still on the page, not signed in.
    await field.fill("000000");
    await page.getByRole("button", { name: es.secondFactor.submit }).click();
    await expect(page.getByRole("alert").first()).toContainText(es.secondFactor.errors.invalid);
    await expect(page).toHaveURL(/\/es\/second-factor/);
    const refused = await newPage();
    await refused.context().addCookies(await page.context().cookies());
    expect((await refused.goto("/es/vetting"))!.url()).toMatch(/\/es\/second-factor\?redirectTo=/);

    await page.getByLabel(es.secondFactor.code).fill(await freshTotpCode(user.id, secret));
    await page.getByRole("button", { name: es.secondFactor.submit }).click();
    await page.waitForURL(/\/es\/vetting$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test("en: a new org admin enrols an authenticator and gets recovery codes", async ({ newPage }) => {
    const { user } = await createMember("org_admin");
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    await page.goto("/en/login");
    await hydrated(page);
    await page.getByLabel(en.fields.email).fill(user.email);
    await page.getByLabel(en.fields.password, { exact: true }).fill("correct horse battery staple");
    await page.getByRole("button", { name: en.signIn.submit }).click();
    await page.waitForURL(/\/en\/second-factor\/enrol/);
    await expect(page.getByRole("img", { name: en.secondFactor.enrol.qrLabel })).toBeVisible();
    const key = (await page.locator(".totp-secret").innerText()).replace(/\s/g, "");
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const code = new TOTP({ secret: Secret.fromBase32(key) }).generate();
    await page.getByLabel(en.secondFactor.enrol.step3).fill(code);
    await page.getByRole("button", { name: en.secondFactor.enrol.submit }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.secondFactor.enrol.doneTitle);
    const codes = page.locator(".recovery-codes li");
    await expect(codes).toHaveCount(10);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole("link", { name: en.secondFactor.enrol.continue }).click();
    await page.goto("/en/account");
    await expect(page).toHaveURL(/\/en\/account$/);
  });
});
