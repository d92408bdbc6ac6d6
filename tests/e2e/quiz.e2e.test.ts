// A learner takes a quiz in Spanish: answers survive a reload; a failed attempt's review shows
// marks but no keys, and the (short, configured) cool-down follows; a passing attempt's review
// shows the explanations.
import type { Page } from "@playwright/test";
import { getQuiz } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { enrol } from "~/modules/learning/index.server.ts";
import { ownAttempt, snapshotItems } from "~/modules/quiz/index.server.ts";
import { answerFields } from "../helpers/quiz.ts";
import { createUser } from "../helpers/factories.ts";
import { expect, hydrated, login, test } from "./support/browser.ts";

const QUIZ_URL = "/es/courses/aml-core/quizzes/m1-foundations-quiz";

async function fill(page: Page, fields: [string, string][]) {
  for (const [name, value] of fields) {
    const control = page.locator(`[name="${name}"]:not([type="hidden"])`).first();
    const tag = await control.evaluate((el) => `${el.tagName}:${(el as HTMLInputElement).type ?? ""}`);
    if (tag.startsWith("SELECT")) await control.selectOption(value);
    else if (tag.endsWith(":radio") || tag.endsWith(":checkbox"))
      await page.locator(`[name="${name}"][value="${value}"]`).check();
    else await control.fill(value);
  }
}

async function currentAttempt(page: Page, userId: string) {
  const attemptId = new URL(page.url()).pathname.split("/").pop()!;
  return { attemptId, items: snapshotItems((await ownAttempt(attemptId, userId))!.snapshot) };
}

async function submit(page: Page) {
  await page.getByRole("button", { name: "Enviar respuestas" }).click();
  await page.getByRole("heading", { name: "¿Enviar sus respuestas?" }).waitFor();
  await page.getByRole("button", { name: "Sí, enviar ahora" }).click();
  await page.waitForURL(/\/review$/);
}

test.describe("taking a quiz", () => {
  test("in Spanish: reload keeps answers, a fail, the cool-down, a pass and the review", async ({ newPage }) => {
    test.setTimeout(120_000);
    const user = await createUser({ language: "es" });
    await enrol(user.id, "aml-core");
    const page = await newPage({ locale: "es-MX" });
    await login(page, user.email);

    await page.goto(QUIZ_URL);
    await page.getByRole("button", { name: "Iniciar el cuestionario" }).click();
    await page.waitForURL(/\/attempts\//);
    await hydrated(page);
    const first = await currentAttempt(page, user.id);

    // Nothing in the page gives the key away.
    const html = await page.content();
    for (const item of getQuiz("m1-foundations-quiz")!.items) {
      expect(html).not.toContain(item.explanation.es.slice(0, 50));
      expect(html).not.toContain(`"${item.id}"`);
    }
    for (const tell of ['"correct"', '"correctOrder"', '"accepted"', '"sourceId"']) expect(html).not.toContain(tell);

    // Answer two questions wrongly, let autosave confirm, reload: the answers are still there.
    const wrong = answerFields(first.items.slice(0, 2), false);
    await fill(page, wrong);
    await page.getByText(/Todas las respuestas se guardaron/).waitFor({ timeout: 10_000 });
    await page.reload();
    await hydrated(page);
    const [name, value] = wrong[0]!;
    const kept = page.locator(`[name="${name}"]:not([type="hidden"])`).first();
    if ((await kept.getAttribute("type")) === "radio" || (await kept.getAttribute("type")) === "checkbox") {
      await expect.poll(() => page.locator(`[name="${name}"][value="${value}"]`).isChecked()).toBe(true);
    } else {
      await expect.poll(() => kept.inputValue()).toBe(value);
    }

    await submit(page);
    await page.getByText(/No aprobado/).waitFor();
    // A credential quiz: marks after a failed attempt, but neither keys nor explanations.
    await page.getByText(/se muestran cuando usted apruebe este cuestionario o después de su último intento/).waitFor();
    expect(await page.getByText("Incorrecta", { exact: true }).count()).toBeGreaterThan(0);
    for (const key of ["Respuesta correcta", "Por qué"])
      expect(await page.getByText(key, { exact: true }).count()).toBe(0);

    // The cool-down (QUIZ_COOLDOWN_SECONDS in the test server) blocks a new start for a moment.
    await page.goto(QUIZ_URL);
    await page.getByText(/Podrá iniciar otro intento después de/).waitFor();
    await new Promise((r) => setTimeout(r, 3_500));
    await page.reload();
    await page.getByRole("button", { name: "Iniciar el cuestionario" }).click();
    await page.waitForURL(/\/attempts\//);
    await hydrated(page);
    const second = await currentAttempt(page, user.id);
    expect(second.attemptId).not.toBe(first.attemptId);
    await fill(page, answerFields(second.items, true));
    await submit(page);

    await page
      .getByText(/Aprobado/)
      .first()
      .waitFor();
    await expect.poll(() => page.getByText("Por qué").count()).toBeGreaterThan(0);
    await page.getByText("Ver en inglés").first().click();
    const attempts = await db.quizAttempt.findMany({
      where: { userId: user.id },
      select: { lang: true, passed: true },
      orderBy: { number: "asc" },
    });
    expect(attempts).toEqual([
      { lang: "es", passed: false },
      { lang: "es", passed: true },
    ]);
  });

  test("keeps answers given while offline in the browser and sends them when the connection returns", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const user = await createUser({ language: "en" });
    await enrol(user.id, "aml-core");
    await login(page, user.email);
    await page.goto("/en/courses/aml-core/quizzes/m1-foundations-quiz");
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await page.waitForURL(/\/attempts\//);
    await hydrated(page);
    const { attemptId, items } = await currentAttempt(page, user.id);

    await page.context().setOffline(true);
    await fill(page, answerFields(items.slice(0, 1), true));
    await page.getByText(/You are offline/).waitFor();
    expect(await db.quizResponse.count({ where: { attemptId } })).toBe(0);

    await page.context().setOffline(false);
    await page.getByText(/All answers saved at/).waitFor({ timeout: 10_000 });
    expect(await db.quizResponse.count({ where: { attemptId } })).toBe(1);
  });
});
