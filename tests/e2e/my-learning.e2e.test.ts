// "My learning" tells one story: a completed course is listed as completed with nothing to
// continue, the in-progress list does not claim the person is enrolled in nothing, and
// "continue" never points back at a lesson already done.
import { contentVersion, getQuiz, lessonsOfCourse, quizzesOfCourse } from "~/modules/content/index.server.ts";
import { enrol, markLessonComplete, recordVisit } from "~/modules/learning/index.server.ts";
import { ownAttempt, snapshotItems, startAttempt, submitAttempt } from "~/modules/quiz/index.server.ts";
import { answerFields } from "../helpers/quiz.ts";
import { createUser } from "../helpers/factories.ts";
import { expect, login, test } from "./support/browser.ts";
import { resources } from "~/modules/i18n/index.server.ts";

const en = resources.en.learning;

/** Every lesson done and every quiz passed, the way the pages record them. */
async function completeCourse(userId: string, courseId: string) {
  await enrol(userId, courseId);
  for (const lesson of lessonsOfCourse(courseId)) await markLessonComplete(userId, courseId, lesson.id);
  for (const { id } of quizzesOfCourse(courseId)) {
    const started = await startAttempt({
      userId,
      quiz: getQuiz(id)!,
      courseId,
      lang: "en",
      contentVersion: contentVersion(),
    });
    if (!started.ok) throw new Error(started.reason);
    const items = snapshotItems((await ownAttempt(started.attemptId, userId))!.snapshot);
    const result = await submitAttempt({ attemptId: started.attemptId, userId, fields: answerFields(items, true) });
    if (!result.ok || !result.passed) throw new Error(`could not pass ${id}`);
  }
  // The last lesson read is the first one: "continue" must not send the person back to it.
  await recordVisit(userId, courseId, lessonsOfCourse(courseId)[0]!.id);
  await markLessonComplete(userId, courseId, lessonsOfCourse(courseId)[0]!.id);
}

test.describe("My learning", () => {
  test("lists a completed course as completed, with nothing to continue and no 'not enrolled' claim", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const user = await createUser({ language: "en" });
    await completeCourse(user.id, "joint-operations");
    await login(page, user.email);
    await page.goto("/en/learn");

    const inProgress = page.locator("section", { has: page.locator("#in-progress") });
    const completed = page.locator("section", { has: page.locator("#completed") });
    expect(await inProgress.textContent()).not.toContain(en.learn.none);
    await inProgress.getByText(en.learn.noneInProgress).waitFor();
    await completed.getByRole("link", { name: /Joint operations/ }).waitFor();
    expect(await completed.getByRole("link", { name: /^(Continue|Start) with/ }).count()).toBe(0);
  });

  test("offers the next lesson not done, never the one just finished", async ({ page }) => {
    const user = await createUser({ language: "en" });
    const [first, second] = lessonsOfCourse("aml-core");
    await enrol(user.id, "aml-core");
    await recordVisit(user.id, "aml-core", first!.id);
    await markLessonComplete(user.id, "aml-core", first!.id);
    await login(page, user.email);
    await page.goto("/en/learn");

    const inProgress = page.locator("section", { has: page.locator("#in-progress") });
    const cont = inProgress.getByRole("link", { name: en.progress.continue.replace("{{title}}", second!.en.title) });
    await cont.waitFor();
    expect(await cont.getAttribute("href")).toBe(`/en/courses/aml-core/lessons/${second!.id}`);
    expect(await inProgress.getByRole("link", { name: new RegExp(first!.en.title) }).count()).toBe(0);
  });
});
