// A supervisor, in Spanish, filters the vetting dashboard to "Por vencer", opens a person,
// downloads the CSV of that view and reads it back, and reads the 180-day outlook's table.
// A person of the supervisor's organization whose credential expires in 30 days is written
// first (through the vetting module, so the status is the rules' own), so the test holds with
// or without the demo population.
//
// The demo vetting officer (signed in with the second factor), in Spanish on a 360-pixel
// screen, records a check, corrects it with a reason, and sees the person's status follow.
import crypto from "node:crypto";
import fs from "node:fs";
import { db } from "~/modules/db/index.server.ts";
import { resources } from "~/modules/i18n/index.server.ts";
import { refreshVetting } from "~/modules/vetting/index.server.ts";
import { expect, hydrated, test } from "./support/browser.ts";

const es = resources.es.readiness;
const esVetting = resources.es.vetting;
const DAY = 86_400_000;
const ORG_SLUG = "unidad-conjunta-analisis";
const PROFILE = "joint-team-agent";
const CREDENTIALS = ["aml-core-certificate", "joint-operations-certificate"];
const CHECKS = ["background-investigation", "polygraph", "control-de-confianza"];

/** A person of the demo unit held to the agent profile, lacking only `missing` (for the officer's test). */
async function personWithout(
  missing: string | null,
  credentialDays = [30, 400],
): Promise<{ id: string; name: string }> {
  const org = await db.organization.findFirstOrThrow({ where: { slug: ORG_SLUG }, select: { id: true } });
  const officer = await db.user.findFirstOrThrow({
    where: { email: "vetting@demo.puente.test" },
    select: { id: true },
  });
  const suffix = crypto.randomBytes(3).toString("hex");
  const name = `Elena Prueba ${suffix}`;
  const user = await db.user.create({
    data: {
      email: `elena-${suffix}@example.test`,
      name,
      language: "es",
      passwordHash: "!",
      searchText: `elena prueba ${suffix}`,
      memberships: { create: { orgId: org.id, roles: { create: { role: "learner" } } } },
    },
    select: { id: true },
  });
  const now = Date.now();
  for (const [i, achievementId] of CREDENTIALS.entries()) {
    const id = crypto.randomBytes(16).toString("hex");
    await db.credential.create({
      data: {
        id,
        issueKey: id,
        userId: user.id,
        achievementId,
        contentVersion: "e2e",
        lang: "es",
        issuedAt: new Date(now - 300 * DAY),
        validFrom: new Date(now - 300 * DAY),
        // With the default days, one lapses in 30 days: "por vencer".
        validUntil: new Date(now + credentialDays[i]! * DAY),
        revocationListId: "e2e-r",
        suspensionListId: "e2e-s",
        statusListIndex: crypto.randomInt(1_000_000, 2_000_000),
        keyId: "e2e",
        signedJson: "{}",
      },
      select: { id: true },
    });
  }
  for (const kind of CHECKS.filter((k) => k !== missing)) {
    await db.vettingCheck.create({
      data: {
        orgId: org.id,
        userId: user.id,
        kind,
        result: "passed",
        checkedOn: new Date(now - 100 * DAY),
        expiresOn: new Date(now + 300 * DAY),
        evidenceRef: `E2E-${suffix}`,
        recordedById: officer.id,
      },
      select: { id: true },
    });
  }
  await db.profileAssignment.create({
    data: { orgId: org.id, userId: user.id, profileId: PROFILE },
    select: { id: true },
  });
  await db.$transaction((tx) => refreshVetting(tx, user.id, new Date()));
  return { id: user.id, name };
}

test.describe("vetting dashboard in the browser", () => {
  test("a supervisor in Spanish filters to expiring, opens a person, exports the CSV and reads the outlook", async ({
    supervisorPage: page,
  }) => {
    const person = await personWithout(null);
    await page.goto("/es/vetting");
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1, name: es.title })).toBeVisible();
    await page.getByLabel(es.filters.status, { exact: true }).selectOption({ label: esVetting.status.expiring });
    await page.getByLabel(es.filters.sort, { exact: true }).selectOption({ label: es.sorts.name });
    await page.getByRole("button", { name: es.filters.apply }).click();
    await page.waitForURL(/status=expiring/);
    await hydrated(page);
    const table = page.getByRole("table", { name: /Personas × perfil/ });
    const badges = table.locator("tbody .badge");
    await expect(badges.first()).toBeVisible();
    for (const text of await badges.allTextContents()) expect(text).toBe(esVetting.status.expiring);

    // The CSV of this view, read back.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: es.export }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split("\r\n");
    expect(lines[0]).toContain(es.csv.status);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toContain(esVetting.status.expiring);
    expect(csv).toContain(person.name);

    // The outlook's table: six or seven months, at least one person lapsing.
    const outlook = page.getByRole("table", { name: es.outlook.tableCaption });
    const rows = outlook.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThanOrEqual(6);
    const people = (await outlook.locator("tbody td:nth-child(2)").allTextContents()).map(Number);
    expect(people.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole("img", { name: es.outlook.title })).toBeVisible();

    // Open the person (the filter kept the page to expiring people; find ours by name).
    await page.goto(`/es/vetting?status=expiring&sort=name`);
    let link = page.getByRole("link", { name: person.name });
    while (!(await link.count())) {
      await page.getByRole("link", { name: es.pager.next }).click();
      link = page.getByRole("link", { name: person.name });
    }
    await link.click();
    await page.waitForURL(`**/es/vetting/${person.id}`);
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
    await expect(page.getByRole("heading", { name: es.person.checks })).toBeVisible();
    await expect(page.getByRole("button", { name: es.person.remind.replace("{{name}}", person.name) })).toBeVisible();
  });
});

test.describe("vetting officer in the browser", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("in Spanish at 360 px, records a check, corrects it with a reason, and the status follows", async ({
    vettingOfficerPage: page,
  }) => {
    // Everything current but the polygraph: pending until the officer records it.
    const person = await personWithout("polygraph", [400, 400]);
    const suffix = person.name.split(" ").pop()!;
    const p = esVetting.person;
    const status = () => page.locator("section[aria-labelledby=person-assignments] .badge").first();
    await page.goto(`/es/vetting/people/${person.id}`);
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
    await expect(status()).toHaveText(esVetting.status.pending);

    // Recorded as failed: the status is "No aprobado".
    const record = page.locator("section[aria-labelledby=record-heading]");
    await record.getByLabel(p.kind, { exact: true }).selectOption("polygraph");
    await record.getByLabel(p.result, { exact: true }).selectOption({ label: esVetting.result.failed });
    await record.getByLabel(p.evidence, { exact: true }).fill(`EXP-E2E-${suffix}`);
    await record.getByRole("button", { name: p.recordButton }).click();
    await page.waitForURL(/done=recorded/);
    await expect(page.getByText(p.done.recorded)).toBeVisible();
    await expect(status()).toHaveText(esVetting.status.failed);

    // Corrected to passed, with a reason: cleared, and the first entry stays, superseded.
    const entry = page.locator("section[aria-labelledby=person-history] li", { hasText: `EXP-E2E-${suffix}` });
    const correct = entry.locator("details", { has: page.getByText(p.correct, { exact: true }) });
    await correct.getByText(p.correct, { exact: true }).click();
    await correct.getByLabel(p.result, { exact: true }).selectOption({ label: esVetting.result.passed });
    await correct.getByLabel(p.evidence, { exact: true }).fill(`EXP-E2E-${suffix}-C`);
    await correct.getByLabel(p.correctionReason, { exact: true }).fill("El informe dice aprobado.");
    await correct.getByRole("button", { name: p.correctButton }).click();
    await page.waitForURL(/done=corrected/);
    await expect(page.getByText(p.done.corrected)).toBeVisible();
    await expect(status()).toHaveText(esVetting.status.cleared);
    const history = page.locator("section[aria-labelledby=person-history]");
    await expect(history.getByText(p.superseded)).toBeVisible();
    await expect(history.getByText(p.corrects.replace("{{reason}}", "El informe dice aprobado."))).toBeVisible();

    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const rows = await db.vettingCheck.findMany({
      where: { userId: person.id, kind: "polygraph" },
      select: { result: true, supersedesId: true, correctionReason: true },
      orderBy: { recordedAt: "asc" },
    });
    expect(rows.map((r) => [r.result, r.supersedesId !== null, r.correctionReason])).toEqual([
      ["failed", false, null],
      ["passed", true, "El informe dice aprobado."],
    ]);
  });
});
