// An administrator assigns a role in the browser, and the role takes effect for the person.
// Selectors are accessible names and labels from the translation files, so styling can change.
import crypto from "node:crypto";
import { db } from "~/modules/db/index.server.ts";
import { grantRole } from "~/modules/orgs/index.server.ts";
import { createUser } from "../helpers/factories.ts";
import { confirmAccess, demoEmail, expect, hydrated, login, test } from "./support/browser.ts";
import { resources } from "~/modules/i18n/index.server.ts";

const esAdmin = resources.es.admin;
const esAuth = resources.es.auth;
const esCommon = resources.es.common;

const ADMIN_EMAIL = demoEmail("admin");
const ORG_NAME = "Unidad Conjunta de Análisis Financiero";

test.describe("administration in the browser", () => {
  test.use({ locale: "es-MX" });

  test("an admin finds a person and assigns them a role in an organization", async ({ adminPage: page, newPage }) => {
    const name = `Rodrigo Prueba ${crypto.randomBytes(3).toString("hex")}`;
    const person = await createUser({ name, language: "es" });
    const admin = await db.user.findUniqueOrThrow({ where: { email: ADMIN_EMAIL }, select: { id: true } });
    const org = await db.organization.findFirstOrThrow({ where: { name: ORG_NAME }, select: { id: true } });

    await page.goto("/es");
    await page
      .getByRole("navigation", { name: esCommon.nav.label })
      .getByRole("link", { name: esCommon.nav.admin, exact: true })
      .click();
    await page.waitForURL("**/es/admin/users");
    await hydrated(page);

    await page.getByLabel(esAdmin.users.searchLabel).fill(name.toUpperCase());
    await page.getByRole("button", { name: esCommon.actions.search }).click();
    await page.waitForURL((url) => url.searchParams.has("q"));
    await page.getByRole("link", { name, exact: true }).click();
    await page.waitForURL(`**/es/admin/users/${person.id}`);
    await hydrated(page);
    // Client-side navigation changes the URL before the new page has rendered.
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(name);

    const grant = async () => {
      await page.getByLabel(esAdmin.user.grant.org, { exact: true }).selectOption({ label: ORG_NAME });
      await page
        .getByLabel(esAdmin.user.grant.role, { exact: true })
        .selectOption({ label: esCommon.roles.instructor });
      await page.getByRole("button", { name: esAdmin.user.grant.submit }).click();
    };
    // A role change asks for the admin's password and code again first (decision 016): the page
    // says nothing has changed yet, and after confirming the admin makes the change again.
    await grant();
    await page.waitForURL(/\/es\/confirm-access/);
    await expect(page.getByText(esAuth.reauth.repeat)).toBeVisible();
    expect(await db.membershipRole.count({ where: { membership: { userId: person.id } } })).toBe(0);
    await confirmAccess(page, ADMIN_EMAIL, "es");
    expect(new URL(page.url()).pathname).toBe(`/es/admin/users/${person.id}`);
    await grant();

    await page.waitForURL((url) => url.searchParams.get("done") === "roleGranted");
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe(esAdmin.done.roleGranted);
    const roles = page.getByRole("table", { name: esAdmin.user.roles.caption.replace("{{name}}", name) });
    const row = roles.getByRole("row").filter({ hasText: ORG_NAME });
    expect(await row.getByRole("cell").nth(1).textContent()).toBe(esCommon.roles.instructor);

    const held = await db.membershipRole.findMany({
      where: { membership: { userId: person.id } },
      select: { role: true, membership: { select: { orgId: true } } },
    });
    expect(held).toEqual([{ role: "instructor", membership: { orgId: org.id } }]);
    const audit = await db.auditEvent.findMany({
      where: { action: "membership.role.granted", subject: `user:${person.id}` },
      select: { actorId: true },
    });
    expect(audit).toEqual([{ actorId: admin.id }]);

    // The person now sees the instructor's area, and still may not open the admin pages.
    const theirs = await newPage();
    await login(theirs, person.email);
    await theirs.goto("/es");
    const nav = theirs.getByRole("navigation", { name: esCommon.nav.label });
    expect(await nav.getByRole("link", { name: esCommon.nav.instructor, exact: true }).count()).toBe(1);
    expect(await nav.getByRole("link", { name: esCommon.nav.admin, exact: true }).count()).toBe(0);
    const refused = await theirs.goto("/es/admin/users");
    expect(refused?.status()).toBe(403);
  });
});

test.describe("roles waiting for a verified address", () => {
  test.use({ locale: "es-MX" });

  test("the admin sees a role of an unverified person marked as pending, and the person sees why", async ({
    adminPage: page,
    newPage,
  }) => {
    const name = `Paula Pendiente ${crypto.randomBytes(3).toString("hex")}`;
    const person = await createUser({ name, language: "es", verified: false });
    const org = await db.organization.findFirstOrThrow({ where: { name: ORG_NAME }, select: { id: true } });
    await grantRole(null, person.id, org.id, "supervisor");

    await page.goto(`/es/admin/users/${person.id}`);
    const roles = page.getByRole("table", { name: esAdmin.user.roles.caption.replace("{{name}}", name) });
    const row = roles.getByRole("row").filter({ hasText: ORG_NAME });
    expect(await row.getByRole("cell").nth(1).textContent()).toBe(
      `${esCommon.roles.supervisor} ${esAdmin.pendingVerification}`,
    );
    expect(await page.getByText(esAdmin.pendingVerificationHint).count()).toBe(1);

    const own = await newPage();
    await login(own, person.email);
    await own.goto("/es/account");
    expect(await own.getByText(esAuth.account.rolesPending).count()).toBe(1);
    // The nav offers no supervisor page while the role waits.
    expect(await own.getByRole("link", { name: esCommon.nav.vetting, exact: true }).count()).toBe(0);
  });
});
