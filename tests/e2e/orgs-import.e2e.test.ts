// An org admin imports a roster in Spanish: upload → dry-run report → apply → the page
// follows the job (it refreshes itself) until it is finished.
import crypto from "node:crypto";
import { db } from "~/modules/db/index.server.ts";
import { expect, hydrated, login, test } from "./support/browser.ts";
import { resources } from "~/modules/i18n/index.server.ts";

const es = resources.es.orgImport;

const ORG_ADMIN = "orgadmin@demo.puente.test";

test.describe("roster import in the browser", () => {
  test("an org admin uploads a CSV, reads the dry run, applies it and sees it finish", async ({ newPage }) => {
    const admin = await db.user.findUniqueOrThrow({
      where: { email: ORG_ADMIN },
      select: { memberships: { select: { orgId: true, roles: { select: { role: true } } } } },
    });
    const orgId = admin.memberships.find((m) => m.roles.some((r) => r.role === "org_admin"))!.orgId;
    const suffix = crypto.randomBytes(3).toString("hex");
    const cohort = await db.cohort.create({
      data: { orgId, name: `Grupo importado ${suffix}`, startsOn: new Date(), endsOn: new Date(Date.now() + 9e9) },
      select: { id: true, name: true },
    });
    const csv =
      "\uFEFFnombre,correo,idioma,rol,grupo\n" +
      `Lucía Núñez,lucia-${suffix}@example.test,es,learner,${cohort.name}\n` +
      `"=HYPERLINK(""http://evil.example"")",x-${suffix}@example.test,es,learner,${cohort.name}\n` +
      `Sin Correo,no-es-correo,es,learner,${cohort.name}\n`;

    const page = await newPage({ locale: "es-MX" });
    await login(page, ORG_ADMIN);
    await page.goto(`/es/orgs/import?org=${orgId}`);
    await hydrated(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(es.upload.title);
    await page.getByLabel(es.upload.file).setInputFiles({
      name: "alumnos.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    });
    await page.getByRole("button", { name: es.upload.submit }).click();
    await page.waitForURL(/\/es\/orgs\/import\/[^/?]+$/);
    await hydrated(page);
    const table = page.getByRole("table");
    await expect.poll(() => table.getByRole("row").count()).toBe(4);
    expect(await table.getByRole("row").nth(1).textContent()).toContain(es.plans.new);
    // The formula is shown as text.
    expect(await table.getByRole("row").nth(2).textContent()).toContain('=HYPERLINK("http://evil.example")');
    expect(await table.getByRole("row").nth(3).textContent()).toContain(es.reasons.emailInvalid);

    await page.getByRole("button", { name: es.job.apply }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent(), { timeout: 30_000 })
      .toMatch(/^Terminó el .*: 2 filas aplicadas, 1 filas no importadas\.$/);
    const lucia = await db.user.findUniqueOrThrow({
      where: { email: `lucia-${suffix}@example.test` },
      select: { name: true, cohortMembers: { select: { cohortId: true } } },
    });
    expect(lucia).toEqual({ name: "Lucía Núñez", cohortMembers: [{ cohortId: cohort.id }] });
  });
});
