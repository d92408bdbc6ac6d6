// The learner's journey in a real browser: a new Spanish-speaking learner signs in, enrols, read a lesson
// in Spanish, turn on the side-by-side view, open a glossary popover with the keyboard, mark
// the lesson complete, sign out, sign in again and find the progress kept.
import type { Page } from "@playwright/test";
import { getTerm, lessonsOfCourse, listCourses, type Lesson } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { createUser } from "../helpers/factories.ts";
import { expect, hydrated, test } from "./support/browser.ts";
import { resources } from "~/modules/i18n/index.server.ts";

const esAuth = resources.es.auth;
const esCommon = resources.es.common;
const esLearning = resources.es.learning;

// A learner of its own: the demo learner is enrolled in every open course (cohorts, credentials).
const PASSWORD = "una contraseña de prueba bastante larga";
let learnerEmail = "";

async function signIn(page: Page): Promise<void> {
  await page.goto("/es/login");
  await hydrated(page);
  await page.getByLabel(esAuth.fields.email).fill(learnerEmail);
  await page.getByLabel(esAuth.fields.password, { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: esAuth.signIn.submit }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/login"));
}

/** An open course the learner is not enrolled in yet, and its first lesson with a glossary term. */
async function pickCourseAndLesson(userId: string): Promise<{ courseId: string; lesson: Lesson }> {
  const enrolled = new Set(
    (await db.enrolment.findMany({ where: { userId }, select: { courseId: true } })).map((e) => e.courseId),
  );
  const done = new Set(
    (await db.lessonProgress.findMany({ where: { userId }, select: { lessonId: true } })).map((p) => p.lessonId),
  );
  for (const course of listCourses().filter((c) => c.open && !enrolled.has(c.id))) {
    const lesson = lessonsOfCourse(course.id).find(
      (l) => !done.has(l.id) && l.en.terms.length > 0 && l.es.terms.length > 0,
    );
    if (lesson) return { courseId: course.id, lesson };
  }
  throw new Error("no open course left for the demo learner to enrol in");
}

const fill = (text: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{{${k}}}`, String(v)), text);

test.describe("learning in the browser", () => {
  test("reads a lesson in Spanish side by side, opens a term by keyboard, and keeps progress across sign-ins", async ({
    newPage,
  }) => {
    const learner = await createUser({ language: "es", password: PASSWORD });
    learnerEmail = learner.email;
    const { courseId, lesson } = await pickCourseAndLesson(learner.id);
    const page = await newPage({ locale: "es-MX" });
    await signIn(page);

    // Enrol from the course page.
    await page.goto(`/es/courses/${courseId}`);
    await hydrated(page);
    await page.getByRole("button", { name: esLearning.course.enrol }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe(esLearning.course.enrolled);
    expect(await db.enrolment.count({ where: { userId: learner.id, courseId } })).toBe(1);

    // Read the lesson in Spanish.
    await page.goto(`/es/courses/${courseId}/lessons/${lesson.id}`);
    await hydrated(page);
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(lesson.es.title);
    expect(await page.getByRole("heading", { level: 2, name: lesson.es.sections[0]!.title }).isVisible()).toBe(true);

    // Side-by-side: a plain link, state given in words; each section pair starts on one line.
    await page.getByRole("link", { name: esLearning.lesson.view.turnOn }).click();
    await page.waitForURL((url) => url.searchParams.get("view") === "both");
    await expect
      .poll(() => page.getByText(fill(esLearning.lesson.view.state, { state: esLearning.lesson.view.on })).isVisible())
      .toBe(true);
    const first = lesson.en.sections[0]!.id;
    const enHeading = page.locator(`[lang="en"] h2#sec-en-${first}`);
    const esHeading = page.locator(`[lang="es"] h2#sec-es-${first}`);
    expect(await enHeading.textContent()).toBe(lesson.en.sections[0]!.title);
    expect(await esHeading.textContent()).toBe(lesson.es.sections[0]!.title);
    const [enBox, esBox] = [await enHeading.boundingBox(), await esHeading.boundingBox()];
    expect(esBox!.x).toBeGreaterThan(enBox!.x + enBox!.width / 2);
    expect(Math.abs(esBox!.y - enBox!.y)).toBeLessThan(2);

    // A glossary term by keyboard: Tab to its button, Enter opens the popover, Escape closes it.
    await page.locator("h1").click();
    let onTerm = false;
    for (let i = 0; i < 80 && !onTerm; i++) {
      await page.keyboard.press("Tab");
      onTerm = await page.evaluate(() => document.activeElement?.classList.contains("term") ?? false);
    }
    expect(onTerm, "a glossary term button is reachable with Tab").toBe(true);
    const button = page.locator("button.term:focus");
    const popoverId = (await button.getAttribute("popovertarget"))!;
    const termId = (await button.getAttribute("data-term"))!;
    const columnLang = (await button.evaluate((el) => el.closest("[lang]")?.getAttribute("lang"))) as "en" | "es";
    await page.keyboard.press("Enter");
    const popover = page.locator(`[id="${popoverId}"]`);
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await popover.evaluate((el) => el.matches(":popover-open"))).toBe(true);
    expect(await popover.getAttribute("role")).toBe("dialog");
    expect(await popover.textContent()).toContain(getTerm(termId)![columnLang].definition);
    await page.keyboard.press("Escape");
    await expect.poll(() => popover.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("popovertarget"))).toBe(popoverId);

    // Mark the lesson complete.
    await page.getByRole("button", { name: esLearning.lesson.complete.button }).click();
    await expect.poll(() => page.getByText(esLearning.lesson.complete.justDone).isVisible()).toBe(true);
    expect(await db.lessonProgress.count({ where: { userId: learner.id, lessonId: lesson.id } })).toBe(1);

    // Sign out, sign in again: the progress is still there.
    await page.getByLabel(fill(esCommon.nav.accountMenu, { name: learner.name })).click();
    await page.getByRole("button", { name: esCommon.nav.signOut }).click();
    await page.waitForURL("**/es/login?signedOut=1");
    await page.goto(`/es/courses/${courseId}/lessons/${lesson.id}`);
    expect(new URL(page.url()).pathname).toBe("/es/login");

    await signIn(page);
    await page.goto(`/es/courses/${courseId}`);
    await hydrated(page);
    const total = lessonsOfCourse(courseId).length;
    await expect
      .poll(() => page.getByText(fill(esLearning.progress.lessons, { done: 1, total })).isVisible())
      .toBe(true);
    const item = page.locator(".lesson-item", { has: page.getByRole("link", { name: lesson.es.title, exact: true }) });
    expect(await item.getByText(esLearning.course.done).isVisible()).toBe(true);

    // "Continue" offers the next lesson not done after the one just finished, never that one.
    const done = new Set(
      (await db.lessonProgress.findMany({ where: { userId: learner.id }, select: { lessonId: true } })).map(
        (p) => p.lessonId,
      ),
    );
    const order = lessonsOfCourse(courseId);
    const from = order.findIndex((l) => l.id === lesson.id) + 1;
    const next = [...order.slice(from), ...order.slice(0, from)].find((l) => !done.has(l.id))!;
    await page.goto("/es/learn");
    await hydrated(page);
    const resume = page.getByRole("link", { name: fill(esLearning.progress.continue, { title: next.es.title }) });
    await expect.poll(() => resume.isVisible()).toBe(true);
    await resume.click();
    await page.waitForURL(`**/es/courses/${courseId}/lessons/${next.id}`);
    await expect
      .poll(() => page.getByRole("button", { name: esLearning.lesson.complete.button }).isVisible())
      .toBe(true);
  });
});
