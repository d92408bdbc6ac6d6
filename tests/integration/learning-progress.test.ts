// Marking lessons complete (and the refusal when not enrolled), course progress and
// completion, and progress kept across a content update.
import { describe, expect, it } from "vitest";
import { contentVersion } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { courseProgress, refreshCourseCompletion } from "~/modules/learning/index.server.ts";
import {
  action as lessonAction,
  loader as lessonLoader,
} from "~/routes/$lang.courses.$course.lessons.$lesson/route.tsx";
import { removeTree } from "../fixtures/content/tree.ts";
import { makeRequest, run } from "../helpers/routes.ts";
import {
  complete,
  COURSE,
  createAttempt,
  enrolVia,
  installLearningContent,
  LESSON,
  lessonParams,
  lessonUrl,
  setUpLearningTests,
  signedIn,
} from "./learning-fixture.ts";

const contentDir = setUpLearningTests();

const passQuiz = (userId: string, passed = true) =>
  createAttempt(userId, { number: passed ? 2 : 1, percent: passed ? 80 : 40, passed });

describe("marking a lesson complete", () => {
  it("is refused (403) for a course the learner is not enrolled in, and writes nothing", async () => {
    const { cookie } = await signedIn();
    const result = await complete(cookie);
    expect(result.status).toBe(403);
    expect(await db.lessonProgress.count()).toBe(0);
  });

  it("records the lesson once, with the content version read", async () => {
    const { user, cookie } = await signedIn();
    await enrolVia(cookie);
    const first = await complete(cookie);
    expect(first.data).toEqual({ error: null, completed: true, courseDone: false });
    await complete(cookie);
    const rows = await db.lessonProgress.findMany({
      where: { userId: user.id },
      select: { lessonId: true, contentVersion: true },
    });
    expect(rows).toEqual([{ lessonId: LESSON, contentVersion: contentVersion() }]);
    const page = await run(lessonLoader, makeRequest(lessonUrl("en"), { cookie }), lessonParams());
    expect((page.data as { page: { completedOn: string | null } }).page.completedOn).toMatch(/\d{4}/);
  });

  it("answers 400 to a bad intent and 404 to a lesson outside the course, writing nothing", async () => {
    const { cookie } = await signedIn();
    await enrolVia(cookie);
    const bad = await run(
      lessonAction,
      makeRequest(lessonUrl("en"), { cookie, form: { intent: "finish" } }),
      lessonParams(),
    );
    expect(bad.status).toBe(400);
    expect(await complete(cookie, "field-notes")).toMatchObject({ status: 404 });
    expect(await db.lessonProgress.count()).toBe(0);
  });
});

describe("course progress and completion", () => {
  it("completes the course when every lesson is done and the required quiz is passed", async () => {
    const { user, cookie } = await signedIn();
    await enrolVia(cookie);
    await complete(cookie, "laundering-stages");
    let progress = await courseProgress(user.id, COURSE);
    expect(progress).toMatchObject({
      lessons: { done: 1, total: 2 },
      quizzes: { passed: 0, required: 1 },
      percent: 33,
      completed: false,
      nextLessonId: "cash-reports",
    });
    expect(progress?.missing).toEqual({ lessons: ["cash-reports"], quizzes: ["m1-basics-quiz"] });

    const last = await complete(cookie, "cash-reports");
    expect(last.data).toMatchObject({ courseDone: false });
    await passQuiz(user.id, false); // a failed attempt does not count
    expect((await courseProgress(user.id, COURSE))?.missing.quizzes).toEqual(["m1-basics-quiz"]);

    await passQuiz(user.id, true);
    progress = await refreshCourseCompletion(user.id, COURSE);
    expect(progress).toMatchObject({
      percent: 100,
      completed: true,
      nextLessonId: null,
      missing: { lessons: [], quizzes: [] },
    });
    const enrolment = await db.enrolment.findFirstOrThrow({
      where: { userId: user.id },
      select: { completedAt: true },
    });
    expect(enrolment.completedAt).toBeInstanceOf(Date);

    // The first completion date is kept.
    await refreshCourseCompletion(user.id, COURSE, new Date(Date.now() + 86_400_000));
    const again = await db.enrolment.findFirstOrThrow({ where: { userId: user.id }, select: { completedAt: true } });
    expect(again.completedAt).toEqual(enrolment.completedAt);
  });

  it("records completion from the last lesson when the quiz was passed first", async () => {
    const { user, cookie } = await signedIn();
    await enrolVia(cookie);
    await passQuiz(user.id);
    await complete(cookie, "laundering-stages");
    const last = await complete(cookie, "cash-reports");
    expect(last.data).toMatchObject({ completed: true, courseDone: true });
    expect((await db.enrolment.findFirstOrThrow({ select: { completedAt: true } })).completedAt).toBeInstanceOf(Date);
  });

  it("does not complete a course for someone who is not enrolled, whatever they did", async () => {
    const { user } = await signedIn();
    await passQuiz(user.id);
    const progress = await refreshCourseCompletion(user.id, COURSE);
    expect(progress).toMatchObject({ enrolled: false, completed: false });
    expect(await db.enrolment.count()).toBe(0);
  });

  it("keeps progress across a content update, by lesson id", async () => {
    const { user, cookie } = await signedIn();
    await enrolVia(cookie);
    await complete(cookie, "laundering-stages");
    const before = contentVersion();
    const edited = installLearningContent([
      { file: "modules/m1-basics/laundering-stages.en.md", find: "Illicit cash first", replace: "Dirty cash first" },
    ]);
    try {
      expect(contentVersion()).not.toBe(before);
      expect((await courseProgress(user.id, COURSE))?.doneLessonIds).toEqual(["laundering-stages"]);
    } finally {
      process.env.CONTENT_DIR = contentDir();
      removeTree(edited);
    }
  });
});
