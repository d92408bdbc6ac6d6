// A counterpart's clearance in a real browser: the Mexican supervisor signs in in Spanish with
// a code from the authenticator, opens the partner's shared people, follows a task force
// person's clearance link and confirms the name from the person's ID (a wrong name first).
import { db } from "~/modules/db/index.server.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "~/modules/demo/index.server.ts";
import { resources } from "~/modules/i18n/index.server.ts";
import { demoEmail, expect, freshTotpCode, hydrated, test } from "./support/browser.ts";

const auth = resources.es.auth;
const words = resources.es.credentials.clearance;

test.describe("clearances", () => {
  test("es: the supervisor verifies a counterpart's clearance by confirming the name", async ({ newPage }) => {
    const email = demoEmail("supervisor");
    const secret = DEMO_ACCOUNTS.find((a) => a.email === email)!.totpSecret!;
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const page = await newPage({ locale: "es-MX" });

    await page.goto("/es/login?redirectTo=%2Fes%2Fvetting%2Fshared");
    await hydrated(page);
    await page.getByLabel(auth.fields.email).fill(email);
    await page.getByLabel(auth.fields.password, { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: auth.signIn.submit }).click();
    await page.waitForURL(/\/es\/second-factor/);
    await page.getByLabel(auth.secondFactor.code).fill(await freshTotpCode(user.id, secret));
    await page.getByRole("button", { name: auth.secondFactor.submit }).click();
    await page.waitForURL(/\/es\/vetting\/shared$/);

    // A task force person with a clearance, in the agreement's table.
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: words.shared.link }) })
      .first();
    const name = (await row.getByRole("rowheader").innerText()).trim();
    expect(name.length).toBeGreaterThan(3);
    await row.getByRole("link", { name: words.shared.link }).click();
    await page.waitForURL(/\/verify\/[0-9a-z]{26}\?lang=es$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.heading);
    // Initials only: the name itself is nowhere on the page.
    await expect(page.locator("body")).not.toContainText(name);
    await hydrated(page);

    await page.getByLabel(words.confirmName).fill("Nombre Equivocado");
    await page.getByRole("button", { name: words.confirm }).click();
    await expect(page.locator("[data-name-check]")).toHaveText(words.doesNotMatch);

    // As the ID prints it: capitals, no accents.
    const asOnId = name.normalize("NFKD").replace(/\p{M}/gu, "").toUpperCase();
    await page.getByLabel(words.confirmName).fill(asOnId);
    await page.getByRole("button", { name: words.confirm }).click();
    await expect(page.locator("[data-name-check]")).toHaveText(words.matches);
    await expect(page.locator("[data-name-check]")).toContainText("Coincide");
  });
});
