// What a learner sees on the quiz pages: names and counts as the course shows them, prompts
// that stay inside their card, and an autosave that tells a refused answer (shown beside its
// question) from a busy server, a lost connection or an ended session (answers kept, sent again).
import type { Page } from "@playwright/test";
import { contentVersion, getModule, getQuiz, modulesOfCourse } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { enrol } from "~/modules/learning/index.server.ts";
import { ownAttempt, snapshotItems, startAttempt } from "~/modules/quiz/index.server.ts";
import type { SnapshotItem } from "~/modules/quiz/index.ts";
import { answerFields } from "../helpers/quiz.ts";
import { createUser } from "../helpers/factories.ts";
import { expect, hydrated, login, test } from "./support/browser.ts";
import { resources } from "~/modules/i18n/index.server.ts";

const enQuiz = resources.en.quiz;
const esQuiz = resources.es.quiz;

const COURSE = "aml-core";

/** A fresh learner with an open attempt at `quizId` whose drawn items satisfy `wanted`. */
async function learnerWithAttempt(lang: "en" | "es", quizId: string, wanted: (items: SnapshotItem[]) => boolean) {
  const quiz = getQuiz(quizId)!;
  for (let tries = 0; tries < 20; tries++) {
    const user = await createUser({ language: lang });
    await enrol(user.id, COURSE);
    const started = await startAttempt({
      userId: user.id,
      quiz,
      courseId: COURSE,
      lang,
      contentVersion: contentVersion(),
    });
    if (!started.ok) throw new Error(started.reason);
    const items = snapshotItems((await ownAttempt(started.attemptId, user.id))!.snapshot);
    if (wanted(items)) {
      const url = `/${lang}/courses/${COURSE}/quizzes/${quizId}/attempts/${started.attemptId}`;
      return { user, attemptId: started.attemptId, items, url };
    }
  }
  throw new Error(`no attempt at ${quizId} drew the items wanted`);
}

async function openAttempt(page: Page, email: string, url: string) {
  await login(page, email);
  await page.goto(url);
  await hydrated(page);
}

const fieldsetOf = (page: Page, key: string) =>
  page.locator("fieldset.quiz-item", { has: page.locator(`#${key}-legend`) });

test.describe("quiz pages", () => {
  test("name the quiz after the module's place in the course and count questions as the attempt numbers them", async ({
    newPage,
  }) => {
    // m5 is the fourth module of aml-core: the learner must read "Module 4", never "Module 5".
    const position = modulesOfCourse(COURSE).findIndex((m) => m.id === "m5-typologies") + 1;
    expect(position).toBe(4);
    const { user, url } = await learnerWithAttempt("en", "m5-typologies-quiz", () => true);
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    await login(page, user.email);

    await page.goto(`/en/courses/${COURSE}/quizzes/m5-typologies-quiz`);
    const module = getModule("m5-typologies")!;
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Module 4 quiz — ${module.title.en}`);
    const countLine = await page.getByText(/^Questions: /).textContent();
    const [min, max = min] = [...countLine!.matchAll(/\d+/g)].map((m) => Number(m[0]));

    await page.goto(url);
    await hydrated(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Module 4 quiz");
    const numbers = await page.locator(".quiz-item__number").allTextContents();
    const last = Number(/\d+/.exec(numbers.at(-1)!)![0]);
    expect(last).toBe(numbers.length);
    expect(last).toBeGreaterThanOrEqual(min!);
    expect(last).toBeLessThanOrEqual(max!);

    // The course page and "My learning" use the same name.
    await page.goto(`/en/courses/${COURSE}`);
    await page.getByRole("link", { name: `Module 4 quiz — ${module.title.en}` }).waitFor();
    await page.goto(`/es/courses/joint-operations`);
    await page
      .getByRole("link", { name: `Cuestionario del módulo 1 — ${getModule("m4-targeted-measures")!.title.es}` })
      .waitFor();
  });

  test("keep every prompt, however many lines, inside its card on a phone", async ({ newPage }) => {
    const { user, url } = await learnerWithAttempt("es", "m1-foundations-quiz", () => true);
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    await openAttempt(page, user.email, url);
    const straddling = await page.locator("fieldset.quiz-item").evaluateAll((sets) =>
      sets.flatMap((set) => {
        const legend = set.querySelector("legend")!;
        const border = set.getBoundingClientRect().top + parseFloat(getComputedStyle(set).borderTopWidth);
        const top = legend.getBoundingClientRect().top;
        const lines = Math.round(
          legend.getBoundingClientRect().height / parseFloat(getComputedStyle(legend).lineHeight || "20"),
        );
        return top < border
          ? [`${legend.id} (${lines} lines) starts ${Math.round(border - top)} px above the card's inner edge`]
          : [];
      }),
    );
    expect(straddling).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test("show a refused answer beside its question and in the save bar, not as a lost connection", async ({ page }) => {
    test.setTimeout(60_000);
    const { user, attemptId, items, url } = await learnerWithAttempt("es", "m2-us-framework-quiz", (items) =>
      items.some((i) => i.type === "numeric"),
    );
    const numeric = items.find((i) => i.type === "numeric")!;
    const number = items.indexOf(numeric) + 1;
    await openAttempt(page, user.email, url);

    await page.locator(`input[name="${numeric.key}"]`).fill("doce mil");
    const message = esQuiz.errors.badNumber.replace("{{number}}", String(number));
    await fieldsetOf(page, numeric.key).getByText(message).waitFor();
    const bar = page.getByRole("status").filter({ hasText: message });
    await bar.waitFor();
    expect(await page.getByText(esQuiz.attempt.saveFailed).count()).toBe(0);
    expect(await page.locator(`input[name="${numeric.key}"]`).getAttribute("aria-invalid")).toBe("true");
    expect(await db.quizResponse.count({ where: { attemptId } })).toBe(0);

    // Corrected, the answer is saved and the message goes away.
    await page.locator(`input[name="${numeric.key}"]`).fill("12000");
    await page.getByText(/Todas las respuestas se guardaron/).waitFor();
    expect(await fieldsetOf(page, numeric.key).getByText(message).count()).toBe(0);
    expect(await db.quizResponse.count({ where: { attemptId } })).toBe(1);
  });

  test("keep answers on the device while the server is busy (503) or unreachable, and send them again", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const { user, attemptId, items, url } = await learnerWithAttempt("en", "m1-foundations-quiz", (items) =>
      items.some((i) => i.type === "single"),
    );
    const single = items.find((i) => i.type === "single")!;
    await openAttempt(page, user.email, url);

    // First the database is busy, then the connection drops, then the save goes through.
    let calls = 0;
    await page.route("**/answers", async (route) => {
      calls++;
      if (calls === 1)
        await route.fulfill({ status: 503, headers: { "Retry-After": "1" }, contentType: "text/plain", body: "busy" });
      else if (calls === 2) await route.abort("connectionreset");
      else await route.continue();
    });
    const [field, value] = answerFields([single], true)[0]!;
    await page.locator(`[name="${field}"][value="${value}"]`).check();
    await page.getByText(enQuiz.attempt.busy).waitFor();
    expect(await db.quizResponse.count({ where: { attemptId } })).toBe(0);
    const kept = await page.evaluate((key) => localStorage.getItem(key), `puente-attempt-${attemptId}`);
    expect(kept).toContain(value);
    await page.getByText(enQuiz.attempt.saveFailed).waitFor({ timeout: 10_000 });
    await page.getByText(/All answers saved at/).waitFor({ timeout: 20_000 });
    expect(calls).toBe(3);
    expect(await db.quizResponse.count({ where: { attemptId } })).toBe(1);
  });

  test("keep an answer made after the session ended on the device, and save it once the learner signs in again", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const { user, attemptId, items, url } = await learnerWithAttempt("en", "m1-foundations-quiz", (items) =>
      items.some((i) => i.type === "single"),
    );
    const single = items.find((i) => i.type === "single")!;
    await openAttempt(page, user.email, url);

    // The session ends between saves (idle or at its absolute limit, decision 016).
    await db.session.deleteMany({ where: { userId: user.id } });
    const [field, value] = answerFields([single], true)[0]!;
    await page.locator(`[name="${field}"][value="${value}"]`).check();
    await page.getByText(enQuiz.attempt.signedOut).waitFor();
    await page.getByRole("link", { name: enQuiz.attempt.signInAgain }).waitFor();
    expect(await db.quizResponse.count({ where: { attemptId } })).toBe(0);
    const kept = await page.evaluate((key) => localStorage.getItem(key), `puente-attempt-${attemptId}`);
    expect(kept).toContain(value);

    // Signed in again (as in another tab), back on this one: saved without retyping.
    await login(page, user.email);
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    await page.getByText(/All answers saved at/).waitFor({ timeout: 15_000 });
    expect(await db.quizResponse.count({ where: { attemptId } })).toBe(1);
  });
});
