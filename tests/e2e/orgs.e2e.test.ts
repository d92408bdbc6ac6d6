// An org admin creates a cohort and an enrolment code in the browser; a student redeems the
// code on the Spanish page, signing up there, and appears in the cohort's progress table.
// Selectors are labels and accessible names from the translation files.
import crypto from "node:crypto";
import { db } from "~/modules/db/index.server.ts";
import { expect, hydrated, login, test } from "./support/browser.ts";
import { resources } from "~/modules/i18n/index.server.ts";

const esAuth = resources.es.auth;
const esOrgs = resources.es.orgs;

const ORG_ADMIN = "orgadmin@demo.puente.test";
const LAW_SCHOOL = "Facultad de Derecho de la Frontera";

test.describe("cohorts and enrolment codes in the browser", () => {
  test("an org admin creates a cohort and a code; a student redeems it in Spanish and shows in the progress table", async ({
    newPage,
  }) => {
    const suffix = crypto.randomBytes(3).toString("hex");
    const cohortName = `Grupo de prueba ${suffix}`;
    const org = await db.organization.findFirstOrThrow({ where: { name: LAW_SCHOOL }, select: { id: true } });

    const admin = await newPage({ locale: "es-MX" });
    await login(admin, ORG_ADMIN);
    await admin.goto(`/es/orgs/${org.id}`);
    await hydrated(admin);
    await admin.getByRole("link", { name: esOrgs.org.newCohort }).click();
    await admin.waitForURL(`**/es/orgs/${org.id}/cohorts/new`);
    await hydrated(admin);
    await admin.getByLabel(esOrgs.newCohort.name, { exact: true }).fill(cohortName);
    await admin.getByLabel(esOrgs.newCohort.startsOn).fill("2026-01-10");
    await admin.getByLabel(esOrgs.newCohort.endsOn).fill("2026-12-10");
    await admin.getByRole("checkbox", { name: /^Práctica jurídica/ }).check();
    await admin.getByRole("button", { name: esOrgs.newCohort.submit }).click();
    await admin.waitForURL((url) => /\/cohorts\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
    await hydrated(admin);
    await expect.poll(() => admin.getByRole("heading", { level: 1 }).textContent()).toBe(cohortName);
    const cohortUrl = new URL(admin.url()).pathname;

    await admin.getByRole("link", { name: esOrgs.cohort.codesLink }).click();
    await admin.waitForURL("**/codes");
    await hydrated(admin);
    await admin.getByLabel(esOrgs.codes.issue.seatLimit).fill("5");
    await admin.getByRole("button", { name: esOrgs.codes.issue.submit }).click();
    await admin.waitForURL((url) => url.searchParams.get("done") === "issued");
    const shown = (await admin.locator("code.enrolment-code").first().textContent())!.trim();
    expect(shown).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const studentName = `Estudiante ${suffix}`;
    const student = await newPage({ locale: "es-MX" });
    await student.goto("/es/join");
    await hydrated(student);
    await student.getByLabel(esOrgs.join.code).fill(shown.toLowerCase());
    await student.getByRole("button", { name: esOrgs.join.continue }).click();
    await student.waitForURL(`**/es/join/${shown.replace("-", "")}`);
    await hydrated(student);
    await student.getByLabel(esAuth.fields.name).fill(studentName);
    await student.getByLabel(esAuth.fields.email).fill(`estudiante-${suffix}@example.test`);
    await student.getByLabel(esAuth.fields.password, { exact: true }).fill("una contraseña bastante larga");
    await student.getByLabel(esAuth.fields.privacyConsent).check();
    await student.getByRole("button", { name: esOrgs.join.signUpSubmit }).click();
    await student.waitForURL("**/es/verify-email?**");

    await admin.goto(cohortUrl);
    await hydrated(admin);
    const table = admin.getByRole("table", { name: esOrgs.progress.caption.replace("{{cohort}}", cohortName) });
    await expect
      .poll(() => table.getByRole("rowheader").allTextContents())
      .toEqual([expect.stringContaining(studentName)]);
    const user = await db.user.findUniqueOrThrow({
      where: { email: `estudiante-${suffix}@example.test` },
      select: { language: true },
    });
    expect(user.language).toBe("es");
  });
});
