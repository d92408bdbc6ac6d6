// Enrolment, reading lessons, marking them complete and course completion, through the
// routes' loaders and actions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearContentCache, contentVersion } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { courseProgress, refreshCourseCompletion } from "~/modules/learning/index.server.ts";
import { action as courseAction, loader as courseLoader } from "~/routes/$lang.courses.$course._index/route.tsx";
import { action as lessonAction, loader as lessonLoader } from "~/routes/$lang.courses.$course.lessons.$lesson/route.tsx";
import { removeTree } from "../fixtures/content/tree.ts";
import { createMember, createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { makeRequest, run } from "../helpers/routes.ts";
import { installLearningContent } from "./learning-fixture.ts";

let contentDir = "";
beforeAll(() => {
  contentDir = installLearningContent();
});
afterAll(() => {
  removeTree(contentDir);
  clearContentCache();
});
beforeEach(resetDatabase);

const COURSE = "aml-basics";
const LESSON = "laundering-stages";
const lessonUrl = (lang: string, course = COURSE, lesson = LESSON, query = "") => `/${lang}/courses/${course}/lessons/${lesson}${query}`;
const lessonParams = (lang = "en", course = COURSE, lesson = LESSON) => ({ lang, course, lesson });

async function signedIn() {
  const user = await createUser();
  return { user, cookie: await sessionCookie(user.id) };
}

async function enrolVia(cookie: string, course = COURSE) {
  return run(courseAction, makeRequest(`/en/courses/${course}`, { cookie, form: { intent: "enrol" } }), { lang: "en", course });
}

async function complete(cookie: string, lesson = LESSON, lang = "en") {
  return run(lessonAction, makeRequest(lessonUrl(lang, COURSE, lesson), { cookie, form: { intent: "complete" } }), lessonParams(lang, COURSE, lesson));
}

async function passQuiz(userId: string, passed = true) {
  await db.quizAttempt.create({
    data: {
      userId,
      quizId: "m1-basics-quiz",
      courseId: COURSE,
      number: passed ? 2 : 1,
      lang: "es",
      contentVersion: contentVersion(),
      snapshot: "{}",
      status: "submitted",
      passMark: 75,
      maxPoints: 5,
      percent: passed ? 80 : 40,
      passed,
      submittedAt: new Date(),
    },
    select: { id: true },
  });
}

describe("self-enrolment", () => {
  it("enrols a signed-in learner in an open course, once", async () => {
    const { user, cookie } = await signedIn();
    const first = await enrolVia(cookie);
    expect(first.status).toBe(200);
    expect(first.data).toEqual({ enrolled: true, error: null });
    await enrolVia(cookie);
    expect(await db.enrolment.count({ where: { userId: user.id, courseId: COURSE } })).toBe(1);
    const page = await run(courseLoader, makeRequest(`/es/courses/${COURSE}`, { cookie }), { lang: "es", course: COURSE });
    const course = (page.data as { course: { enrolled: boolean; progress: { percent: number; lessonsTotal: number } } }).course;
    expect(course.enrolled).toBe(true);
    expect(course.progress).toMatchObject({ percent: 0, lessonsTotal: 2 });
  });

  it("sends a signed-out visitor to sign in and writes nothing", async () => {
    const result = await run(courseAction, makeRequest(`/en/courses/${COURSE}`, { form: { intent: "enrol" } }), { lang: "en", course: COURSE });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/en\/login\?redirectTo=/);
    expect(await db.enrolment.count()).toBe(0);
  });

  it("refuses self-enrolment in a closed course (403)", async () => {
    const { cookie } = await signedIn();
    const result = await enrolVia(cookie, "closed-basics");
    expect(result.status).toBe(403);
    expect(await db.enrolment.count()).toBe(0);
  });

  it("answers 400 to an unknown intent and 404 to an unknown course", async () => {
    const { cookie } = await signedIn();
    const bad = await run(courseAction, makeRequest(`/en/courses/${COURSE}`, { cookie, form: { intent: "delete" } }), { lang: "en", course: COURSE });
    expect(bad.status).toBe(400);
    expect(await enrolVia(cookie, "no-such-course")).toMatchObject({ status: 404 });
    expect(await db.enrolment.count()).toBe(0);
  });
});

describe("reading a lesson", () => {
  it("needs an account", async () => {
    const result = await run(lessonLoader, makeRequest(lessonUrl("en")), lessonParams());
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/en/login?${new URLSearchParams({ redirectTo: lessonUrl("en") })}`);
  });

  it("prompts a learner who is not enrolled to enrol, without the lesson text", async () => {
    const { user, cookie } = await signedIn();
    const result = await run(lessonLoader, makeRequest(lessonUrl("es"), { cookie }), lessonParams("es"));
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ kind: "gate", gate: { courseId: COURSE, open: true, lessonTitle: "Etapas del lavado de dinero" } });
    expect(JSON.stringify(result.data)).not.toContain("popover");
    expect(await db.enrolment.count({ where: { userId: user.id } })).toBe(0);

    // The prompt's button enrols, and the lesson opens.
    const enrolled = await run(lessonAction, makeRequest(lessonUrl("es"), { cookie, form: { intent: "enrol" } }), lessonParams("es"));
    expect(enrolled.status).toBe(200);
    const again = await run(lessonLoader, makeRequest(lessonUrl("es"), { cookie }), lessonParams("es"));
    expect(again.data).toMatchObject({ kind: "lesson", enrolled: true });
  });

  it("shows an enrolled learner the lesson in the page language and remembers the visit", async () => {
    const { user, cookie } = await signedIn();
    await enrolVia(cookie);
    const result = await run(lessonLoader, makeRequest(lessonUrl("es"), { cookie }), lessonParams("es"));
    const data = result.data as { kind: string; title: string; page: { texts: { lang: string; sections: { anchor: string; html: string }[] }[]; next: { id: string } | null; previous: unknown } };
    expect(data.kind).toBe("lesson");
    expect(data.title).toBe("Etapas del lavado de dinero");
    expect(data.page.texts.map((t) => t.lang)).toEqual(["es"]);
    expect(data.page.texts[0]!.sections[0]!.anchor).toBe("sec-es-why-stages");
    expect(data.page.texts[0]!.sections[0]!.html).toContain('class="term"');
    expect(data.page.previous).toBeNull();
    expect(data.page.next?.id).toBe("cash-reports");
    const enrolment = await db.enrolment.findFirstOrThrow({ where: { userId: user.id }, select: { lastLessonId: true, lastVisitAt: true } });
    expect(enrolment.lastLessonId).toBe(LESSON);
    expect(enrolment.lastVisitAt).toBeInstanceOf(Date);
  });

  it("shows both languages section by section with ?view=both, ids kept apart per language", async () => {
    const { cookie } = await signedIn();
    await enrolVia(cookie);
    const result = await run(lessonLoader, makeRequest(lessonUrl("en", COURSE, LESSON, "?view=both"), { cookie }), lessonParams("en"));
    const page = (result.data as { page: { sideBySide: boolean; texts: { lang: string; sections: { id: string; anchor: string; html: string }[] }[] } }).page;
    expect(page.sideBySide).toBe(true);
    const [en, es] = page.texts;
    expect([en?.lang, es?.lang]).toEqual(["en", "es"]);
    expect(en!.sections.map((s) => s.id)).toEqual(es!.sections.map((s) => s.id));
    const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    const enIds = en!.sections.flatMap((s) => [s.anchor, ...ids(s.html)]);
    const esIds = es!.sections.flatMap((s) => [s.anchor, ...ids(s.html)]);
    expect(enIds.length).toBeGreaterThan(1);
    expect(enIds.filter((id) => esIds.includes(id))).toEqual([]);
  });

  it.each([
    ["an unknown lesson", COURSE, "no-such-lesson"],
    ["an unknown course", "no-such-course", LESSON],
    ["a lesson of another course", COURSE, "field-notes"],
  ])("answers 404 to %s", async (_label, course, lesson) => {
    const { cookie } = await signedIn();
    await enrolVia(cookie);
    const result = await run(lessonLoader, makeRequest(lessonUrl("en", course, lesson), { cookie }), lessonParams("en", course, lesson));
    expect(result.status).toBe(404);
  });

  it("answers 404 to a language prefix that is not en or es", async () => {
    const { cookie } = await signedIn();
    const result = await run(lessonLoader, makeRequest(lessonUrl("fr"), { cookie }), lessonParams("fr"));
    expect(result.status).toBe(404);
  });
});

describe("instructor preview", () => {
  it("lets an instructor read any lesson in both languages without enrolling", async () => {
    const { user } = await createMember("instructor");
    const cookie = await sessionCookie(user.id);
    const params = lessonParams("es", "closed-basics", "field-notes");
    const result = await run(lessonLoader, makeRequest(lessonUrl("es", "closed-basics", "field-notes", "?view=both"), { cookie }), params);
    expect(result.data).toMatchObject({ kind: "lesson", enrolled: false, title: "Notas de campo" });
    const texts = (result.data as { page: { texts: { lang: string; title: string }[] } }).page.texts;
    expect(texts.map((t) => [t.lang, t.title])).toEqual([
      ["en", "Field notes"],
      ["es", "Notas de campo"],
    ]);
    expect(await db.enrolment.count()).toBe(0);
    // Preview records nothing: marking complete is for enrolled learners.
    const refused = await run(lessonAction, makeRequest(lessonUrl("es", "closed-basics", "field-notes"), { cookie, form: { intent: "complete" } }), params);
    expect(refused.status).toBe(403);
    expect(await db.lessonProgress.count()).toBe(0);
  });

  it("does not give a plain learner the preview", async () => {
    const { user } = await createMember("learner");
    const cookie = await sessionCookie(user.id);
    const result = await run(lessonLoader, makeRequest(lessonUrl("en", "closed-basics", "field-notes"), { cookie }), lessonParams("en", "closed-basics", "field-notes"));
    expect(result.data).toMatchObject({ kind: "gate", gate: { open: false } });
  });
});

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
    const rows = await db.lessonProgress.findMany({ where: { userId: user.id }, select: { lessonId: true, contentVersion: true } });
    expect(rows).toEqual([{ lessonId: LESSON, contentVersion: contentVersion() }]);
    const page = await run(lessonLoader, makeRequest(lessonUrl("en"), { cookie }), lessonParams());
    expect((page.data as { page: { completedOn: string | null } }).page.completedOn).toMatch(/\d{4}/);
  });

  it("answers 400 to a bad intent and 404 to a lesson outside the course, writing nothing", async () => {
    const { cookie } = await signedIn();
    await enrolVia(cookie);
    const bad = await run(lessonAction, makeRequest(lessonUrl("en"), { cookie, form: { intent: "finish" } }), lessonParams());
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
    expect(progress).toMatchObject({ lessons: { done: 1, total: 2 }, quizzes: { passed: 0, required: 1 }, percent: 33, completed: false, nextLessonId: "cash-reports" });
    expect(progress?.missing).toEqual({ lessons: ["cash-reports"], quizzes: ["m1-basics-quiz"] });

    const last = await complete(cookie, "cash-reports");
    expect(last.data).toMatchObject({ courseDone: false });
    await passQuiz(user.id, false); // a failed attempt does not count
    expect((await courseProgress(user.id, COURSE))?.missing.quizzes).toEqual(["m1-basics-quiz"]);

    await passQuiz(user.id, true);
    progress = await refreshCourseCompletion(user.id, COURSE);
    expect(progress).toMatchObject({ percent: 100, completed: true, nextLessonId: null, missing: { lessons: [], quizzes: [] } });
    const enrolment = await db.enrolment.findFirstOrThrow({ where: { userId: user.id }, select: { completedAt: true } });
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
      process.env.CONTENT_DIR = contentDir;
      removeTree(edited);
    }
  });
});
