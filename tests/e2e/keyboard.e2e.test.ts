// Keyboard only (WCAG 2.1.1, 2.4.3, 2.4.7): every step below is reached with Tab and taken with
// Enter, Space or typing — never a click — and each control the walk lands on shows where the
// focus is. A supervisor signs in with a second factor, filters the readiness dashboard and
// opens a person; a learner uses the skip link, reads a lesson, starts a quiz, answers and
// submits it; the demo learner opens a credential's verification page from "My credentials".
import type { Locator, Page } from "@playwright/test";
import { db } from "~/modules/db/index.server.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "~/modules/demo/index.server.ts";
import { resources } from "~/modules/i18n/index.server.ts";
import { enrol } from "~/modules/learning/index.server.ts";
import { createUser, TEST_PASSWORD } from "../helpers/factories.ts";
import { demoEmail, expect, freshTotpCode, hydrated, test } from "./support/browser.ts";

const en = resources.en;

/** Presses Tab until `target` has the focus (at most `max` times), and checks the focus shows. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      const shown = await target.evaluate((el) => {
        const style = getComputedStyle(el);
        return style.outlineStyle !== "none" || style.boxShadow !== "none";
      });
      expect(shown, `focus indicator on ${target}`).toBe(true);
      return;
    }
  }
  throw new Error(`${target} was not reached with ${max} presses of Tab`);
}

async function signInByKeyboard(page: Page, email: string, password: string): Promise<void> {
  await tabTo(page, page.getByLabel(en.auth.fields.email));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel(en.auth.fields.password, { exact: true }));
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
}

test.describe("keyboard only", () => {
  test("a supervisor signs in with a second factor, filters the dashboard and opens a person", async ({ newPage }) => {
    test.setTimeout(120_000);
    const email = demoEmail("supervisor");
    const secret = DEMO_ACCOUNTS.find((a) => a.email === email)!.totpSecret!;
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const page = await newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto("/en/login?redirectTo=%2Fen%2Fvetting");
    await hydrated(page);
    await signInByKeyboard(page, email, DEMO_PASSWORD);
    await page.waitForURL(/\/en\/second-factor/);
    await hydrated(page);
    await tabTo(page, page.getByLabel(en.auth.secondFactor.code));
    await page.keyboard.type(await freshTotpCode(user.id, secret));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/en\/vetting$/);
    await hydrated(page);

    // A select takes the option whose label is typed.
    await tabTo(page, page.getByLabel(en.readiness.filters.status, { exact: true }));
    await page.keyboard.type(en.vetting.status.expiring);
    await tabTo(page, page.getByRole("button", { name: en.readiness.filters.apply }));
    await page.keyboard.press("Enter");
    await page.waitForURL(/status=expiring/);
    await hydrated(page);

    const person = page
      .getByRole("table", { name: /People × requirement profile/ })
      .getByRole("rowheader")
      .getByRole("link");
    const first = person.first();
    const name = (await first.textContent())!.trim();
    await tabTo(page, first, 200);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  });

  test("a learner skips to the content, reads a lesson, and starts, answers and submits a quiz", async ({
    newPage,
  }) => {
    test.setTimeout(120_000);
    const learner = await createUser({ language: "en" });
    await enrol(learner.id, "aml-core");
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    await page.goto("/en/login");
    await hydrated(page);
    // The first Tab lands on the skip link.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: en.common.skipToContent })).toBeFocused();
    await signInByKeyboard(page, learner.email, TEST_PASSWORD);
    await page.waitForURL(/\/en$/);

    await page.goto("/en/courses/aml-core");
    await hydrated(page);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    // The skip link moves the focus past the header to the page's content.
    await expect(page.locator("main")).toBeFocused();
    const lesson = page.locator('main a[href*="/lessons/"]').first();
    await tabTo(page, lesson);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/lessons\//);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    await page.goto("/en/courses/aml-core/quizzes/m1-foundations-quiz");
    await hydrated(page);
    await tabTo(page, page.getByRole("button", { name: en.quiz.intro.start }));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/attempts\//);
    await hydrated(page);
    // The first choice of the first question: Space selects the focused radio or checkbox.
    const choice = page.locator('main input[type="radio"], main input[type="checkbox"]').first();
    await tabTo(page, choice);
    await page.keyboard.press("Space");
    await expect(choice).toBeChecked();
    await tabTo(page, page.getByRole("button", { name: en.quiz.attempt.submit }), 400);
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("button", { name: en.quiz.attempt.confirmSubmit });
    await confirm.waitFor();
    await tabTo(page, confirm);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/review$/);
  });

  test("the demo learner opens a credential's verification page from My credentials", async ({ newPage }) => {
    const page = await newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto("/en/login?redirectTo=%2Fen%2Fcredentials");
    await hydrated(page);
    await signInByKeyboard(page, demoEmail("learner"), DEMO_PASSWORD);
    await page.waitForURL(/\/en\/credentials$/);
    await hydrated(page);
    await tabTo(page, page.getByRole("link", { name: en.credentials.holder.share.verify }).first());
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.credentials.verify.heading);
  });
});
