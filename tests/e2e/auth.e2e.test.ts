// Account journeys in a real browser: sign up in Spanish and verify by email, sign out and
// in again, reset a forgotten password.
import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { db } from "~/modules/db/index.server.ts";
import { createUser } from "../helpers/factories.ts";
import { expect, hydrated, login, test } from "./support/browser.ts";
import { readLatestMail } from "./support/mail.ts";
import { resources } from "~/modules/i18n/index.server.ts";

const enAuth = resources.en.auth;
const enCommon = resources.en.common;
const esAuth = resources.es.auth;
const enEmail = resources.en.email;
const esEmail = resources.es.email;

function uniqueEmail(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(4).toString("hex")}@example.test`;
}

async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/en/login");
  await hydrated(page);
  await page.getByLabel(enAuth.fields.email).fill(email);
  await page.getByLabel(enAuth.fields.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: enAuth.signIn.submit }).click();
}

test.describe("accounts in the browser", () => {
  test("signs up in Spanish and verifies the address from the emailed link", async ({ newPage }) => {
    const email = uniqueEmail("ana");
    const page = await newPage({ locale: "es-MX" });
    await page.goto("/es/signup");
    await hydrated(page);
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("es");
    await page.getByLabel(esAuth.fields.name).fill("Ana María Pérez Ochoa");
    await page.getByLabel(esAuth.fields.email).fill(email);
    await page.getByLabel(esAuth.fields.password, { exact: true }).fill("una frase bastante larga");
    await page.getByLabel(esAuth.fields.privacyConsent).check();
    await page.getByRole("button", { name: esAuth.signUp.submit }).click();

    await page.waitForURL("**/es/verify-email?sent=1");
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe(esAuth.verify.sent);
    const user = await db.user.findUniqueOrThrow({
      where: { email },
      select: { language: true, emailVerifiedAt: true },
    });
    expect(user).toEqual({ language: "es", emailVerifiedAt: null });

    const mail = await readLatestMail(email, "verify");
    expect(mail.subject).toBe(esEmail.verify.subject);
    expect(mail.language).toBe("es");
    expect(mail.link).toMatch(/\/es\/verify-email\?token=/);

    const response = await page.goto(mail.link);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe(esAuth.verify.success);
    const verified = await db.user.findUniqueOrThrow({ where: { email }, select: { emailVerifiedAt: true } });
    expect(verified.emailVerifiedAt).toBeInstanceOf(Date);

    // The link works once.
    const again = await page.goto(mail.link);
    expect(again?.status()).toBe(400);
    await expect.poll(() => page.getByRole("alert").first().textContent()).toBe(esAuth.verify.invalid);
  });

  test("signs out from the account menu and signs in again", async ({ page }) => {
    const password = "a long enough pass phrase";
    const user = await createUser({ password, name: "Sam Rivera" });

    await signInWithForm(page, user.email, password);
    await page.waitForURL((url) => url.pathname === "/en");
    await page.getByLabel(enCommon.nav.accountMenu.replace("{{name}}", user.name)).click();
    await page.getByRole("button", { name: enCommon.nav.signOut }).click();

    await page.waitForURL("**/en/login?signedOut=1");
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe(enAuth.signOut.done);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    // Signed out means the account page sends the reader to sign in.
    await page.goto("/en/account");
    expect(new URL(page.url()).pathname).toBe("/en/login");

    await signInWithForm(page, user.email, password);
    await page.waitForURL((url) => url.pathname === "/en");
    await page.goto("/en/account");
    expect(new URL(page.url()).pathname).toBe("/en/account");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(enAuth.account.title);
  });

  test("resets a forgotten password from the emailed link and signs in with the new one", async ({ page, newPage }) => {
    const oldPassword = "the old pass phrase here";
    const newPassword = "a brand new pass phrase";
    const user = await createUser({ password: oldPassword });

    await page.goto("/en/forgot-password");
    await hydrated(page);
    await page.getByLabel(enAuth.fields.email).fill(user.email);
    await page.getByRole("button", { name: enAuth.forgot.submit }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe(enAuth.forgot.sent);

    const mail = await readLatestMail(user.email, "reset");
    expect(mail.link).toMatch(/\/en\/reset-password\?token=/);
    await page.goto(mail.link);
    await hydrated(page);
    await page.getByLabel(enAuth.fields.newPassword).fill(newPassword);
    await page.getByRole("button", { name: enAuth.reset.submit }).click();
    // The link proved the address: the reset signs the person in.
    await page.waitForURL("**/en/account?reset=1");
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe(enAuth.reset.done);
    const notice = await readLatestMail(user.email, "passwordReset");
    expect(notice.subject).toBe(enEmail.notices.passwordReset.subject);

    const elsewhere = await newPage();
    await signInWithForm(elsewhere, user.email, oldPassword);
    await expect.poll(() => elsewhere.getByRole("alert").first().textContent()).toBe(enAuth.signIn.invalid);
    expect(new URL(elsewhere.url()).pathname).toBe("/en/login");

    await signInWithForm(elsewhere, user.email, newPassword);
    await elsewhere.waitForURL((url) => url.pathname === "/en");

    // The link is spent.
    const reused = await page.goto(mail.link);
    expect(reused?.status()).toBe(400);
  });
});

test.describe("changing the password in the browser", () => {
  test("changes the password on the account page and signs in with the new one", async ({ page, newPage }) => {
    const oldPassword = "the first pass phrase";
    const newPassword = "the second pass phrase";
    const user = await createUser({ password: oldPassword });
    await login(page, user.email);

    await page.goto("/en/account");
    await hydrated(page);
    await page.getByRole("link", { name: enAuth.account.passwordTitle }).click();
    await page.waitForURL("**/en/account/password");
    // Client-side navigation changes the URL before the new page has rendered.
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(enAuth.account.passwordTitle);
    await page.getByLabel(enAuth.fields.currentPassword).fill(oldPassword);
    await page.getByLabel(enAuth.fields.newPassword).fill(newPassword);
    await page.getByRole("button", { name: enAuth.account.passwordTitle }).click();
    await page.waitForURL("**/en/account?passwordChanged=1");
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe(enAuth.account.passwordChanged);

    const signedOut = await newPage();
    await signInWithForm(signedOut, user.email, oldPassword);
    await expect.poll(() => signedOut.getByRole("alert").first().textContent()).toBe(enAuth.signIn.invalid);
    await signInWithForm(signedOut, user.email, newPassword);
    await signedOut.waitForURL((url) => url.pathname === "/en");
  });
});
