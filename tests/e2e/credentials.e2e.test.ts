// The holder's page in a real browser: the demo learner, in Spanish, downloads a credential's
// PDF (its text read back names the holder and gives the verification URL) and opens the
// public verification page from the holder's page, which gives its verdict in Spanish.
import fs from "node:fs";
import { db } from "~/modules/db/index.server.ts";
import { resources } from "~/modules/i18n/index.server.ts";
import { pdfText } from "../helpers/pdf-text.ts";
import { baseUrl, demoEmail, expect, hydrated, test } from "./support/browser.ts";

const es = resources.es.credentials;

test("the demo learner downloads a PDF and opens /verify from /es/credentials, in Spanish", async ({
  learnerPage: page,
}) => {
  const learner = await db.user.findUniqueOrThrow({ where: { email: demoEmail("learner") }, select: { name: true } });
  await page.goto("/es/credentials");
  await expect(page.getByRole("heading", { level: 1, name: es.holder.title })).toBeVisible();
  await hydrated(page);
  // One valid, one expiring, one revoked (the demo seed); the revoked one offers no PDF.
  await expect(page.locator("article.holder-card")).toHaveCount(3);
  await expect(page.locator("article.holder-card").filter({ hasText: es.holder.share.noPdf })).toHaveCount(1);
  const card = page.locator("article.holder-card").filter({ has: page.locator('[data-state="valid"]') });
  const verifyUrl = await card.getByRole("textbox", { name: es.holder.share.link }).inputValue();
  expect(verifyUrl).toMatch(new RegExp(`^${baseUrl}/verify/[0-9a-hjkmnp-tv-z]{26}$`));
  await expect(card.getByRole("img", { name: es.holder.share.qrLabel.replace("{{url}}", verifyUrl) })).toBeVisible();
  await expect(card.getByRole("button", { name: es.holder.share.copy })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("link", { name: es.holder.share.pdfA4 }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^puente-[a-z-]+-[0-9a-z]{8}-a4\.pdf$/);
  const text = await pdfText(fs.readFileSync(await download.path()));
  expect(text).toContain(learner.name);
  expect(text).toContain(verifyUrl);

  await card.getByRole("link", { name: es.holder.share.verify }).click();
  await page.waitForURL(`${verifyUrl}?lang=es`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es.verify.heading);
  const verdict = page.locator(".verify-verdict");
  await expect(verdict).toHaveAttribute("data-state", "valid");
  await expect(verdict).toContainText(es.verify.verdict.valid);
  await expect(page.locator(".verify-holder")).toHaveText(learner.name);
});

// The link's copy button, on a holder's credential card and on an officer's clearance card: it
// appears once the browser offers the clipboard, puts the link there and says so.
test("the copy button puts a credential's and a clearance's link on the clipboard", async ({
  learnerPage,
  vettingOfficerPage,
}) => {
  const copies = async (page: typeof learnerPage, card: ReturnType<typeof learnerPage.locator>, lang: "en" | "es") => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    const words = resources[lang].credentials.holder.share;
    const url = await card.locator("input.holder-url").inputValue();
    await card.getByRole("button", { name: words.copy }).click();
    await expect(card.getByRole("status")).toHaveText(words.copied);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    return url;
  };

  await learnerPage.goto("/en/credentials");
  await hydrated(learnerPage);
  const credential = learnerPage
    .locator("article.holder-card")
    .filter({ has: learnerPage.locator('[data-state="valid"]') });
  expect(await copies(learnerPage, credential, "en")).toMatch(/\/verify\/[0-9a-z]{26}$/);

  const officer = await db.user.findUniqueOrThrow({
    where: { email: demoEmail("vetting_officer") },
    select: { memberships: { select: { orgId: true } } },
  });
  const clearance = await db.clearance.findFirstOrThrow({
    where: { orgId: { in: officer.memberships.map((m) => m.orgId) } },
    select: { id: true, userId: true },
  });
  await vettingOfficerPage.goto(`/es/vetting/people/${clearance.userId}`);
  await hydrated(vettingOfficerPage);
  const card = vettingOfficerPage.locator(`article[aria-labelledby="clearance-${clearance.id}"]`);
  expect(await copies(vettingOfficerPage, card, "es")).toBe(`${baseUrl}/verify/${clearance.id}`);
});
