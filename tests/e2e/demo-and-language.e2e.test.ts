// The demo banner on every page of a seeded server, and the offer to keep the language of
// the sign-in page.
import { db } from "~/modules/db/index.server.ts";
import { DEMO_PASSWORD } from "~/modules/demo/index.server.ts";
import { demoEmail, expect, hydrated, test } from "./support/browser.ts";

test.describe("demo banner", () => {
  test("is shown in each language while demo accounts exist", async ({ page }) => {
    await page.goto("/en/courses");
    await expect(page.getByRole("note").innerText()).resolves.toMatch(/^Demo data\. .*password is public/);
    await page.goto("/es/glossary");
    await expect(page.getByRole("note").innerText()).resolves.toMatch(/^Datos de demostración\./);
  });
});

test.describe("signing in at /es/login with English saved", () => {
  const email = demoEmail("learner");
  test.afterAll(() => db.user.update({ where: { email }, data: { language: "en" }, select: { id: true } }));

  test("lands in Spanish and saves Spanish with one click", async ({ page }) => {
    await page.goto("/es/login");
    await hydrated(page);
    await page.getByLabel("Correo electrónico").fill(email);
    await page.getByLabel("Contraseña").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Iniciar sesión" }).click();
    await page.waitForURL(/\/es$/);
    const offer = page.getByRole("status").filter({ hasText: "Está leyendo en español" });
    await expect(offer.innerText()).resolves.toMatch(/configurada en inglés/);
    await offer.getByRole("button", { name: "Usar español de ahora en adelante" }).click();
    await offer.waitFor({ state: "detached" });
    expect(new URL(page.url()).pathname).toBe("/es");
    const saved = await db.user.findUniqueOrThrow({ where: { email }, select: { language: true } });
    expect(saved.language).toBe("es");
  });
});
