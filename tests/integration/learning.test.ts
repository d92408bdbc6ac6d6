// Enrolment, reading a lesson (one language or both), instructor preview and 404s, through
// the routes' loaders and actions.
import { describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { action as courseAction, loader as courseLoader } from "~/routes/$lang.courses.$course._index/route.tsx";
import {
  action as lessonAction,
  loader as lessonLoader,
} from "~/routes/$lang.courses.$course.lessons.$lesson/route.tsx";
import { createMember, sessionCookie } from "../helpers/factories.ts";
import { makeRequest, run } from "../helpers/routes.ts";
import { COURSE, enrolVia, LESSON, lessonParams, lessonUrl, setUpLearningTests, signedIn } from "./learning-fixture.ts";

setUpLearningTests();

describe("self-enrolment", () => {
  it("enrols a signed-in learner in an open course, once", async () => {
    const { user, cookie } = await signedIn();
    const first = await enrolVia(cookie);
    expect(first.status).toBe(200);
    expect(first.data).toEqual({ enrolled: true, error: null });
    await enrolVia(cookie);
    expect(await db.enrolment.count({ where: { userId: user.id, courseId: COURSE } })).toBe(1);
    const page = await run(courseLoader, makeRequest(`/es/courses/${COURSE}`, { cookie }), {
      lang: "es",
      course: COURSE,
    });
    const course = (page.data as { course: { enrolled: boolean; progress: { percent: number; lessonsTotal: number } } })
      .course;
    expect(course.enrolled).toBe(true);
    expect(course.progress).toMatchObject({ percent: 0, lessonsTotal: 2 });
  });

  it("sends a signed-out visitor to sign in and writes nothing", async () => {
    const result = await run(courseAction, makeRequest(`/en/courses/${COURSE}`, { form: { intent: "enrol" } }), {
      lang: "en",
      course: COURSE,
    });
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
    const bad = await run(courseAction, makeRequest(`/en/courses/${COURSE}`, { cookie, form: { intent: "delete" } }), {
      lang: "en",
      course: COURSE,
    });
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
    expect(result.data).toMatchObject({
      kind: "gate",
      gate: { courseId: COURSE, open: true, lessonTitle: "Etapas del lavado de dinero" },
    });
    expect(JSON.stringify(result.data)).not.toContain("popover");
    expect(await db.enrolment.count({ where: { userId: user.id } })).toBe(0);

    // The prompt's button enrols, and the lesson opens.
    const enrolled = await run(
      lessonAction,
      makeRequest(lessonUrl("es"), { cookie, form: { intent: "enrol" } }),
      lessonParams("es"),
    );
    expect(enrolled.status).toBe(200);
    const again = await run(lessonLoader, makeRequest(lessonUrl("es"), { cookie }), lessonParams("es"));
    expect(again.data).toMatchObject({ kind: "lesson", enrolled: true });
  });

  it("shows an enrolled learner the lesson in the page language and remembers the visit", async () => {
    const { user, cookie } = await signedIn();
    await enrolVia(cookie);
    const result = await run(lessonLoader, makeRequest(lessonUrl("es"), { cookie }), lessonParams("es"));
    const data = result.data as {
      kind: string;
      title: string;
      page: {
        texts: { lang: string; sections: { anchor: string; html: string }[] }[];
        next: { id: string } | null;
        previous: unknown;
      };
    };
    expect(data.kind).toBe("lesson");
    expect(data.title).toBe("Etapas del lavado de dinero");
    expect(data.page.texts.map((t) => t.lang)).toEqual(["es"]);
    expect(data.page.texts[0]!.sections[0]!.anchor).toBe("sec-es-why-stages");
    expect(data.page.texts[0]!.sections[0]!.html).toContain('class="term"');
    expect(data.page.previous).toBeNull();
    expect(data.page.next?.id).toBe("cash-reports");
    const enrolment = await db.enrolment.findFirstOrThrow({
      where: { userId: user.id },
      select: { lastLessonId: true, lastVisitAt: true },
    });
    expect(enrolment.lastLessonId).toBe(LESSON);
    expect(enrolment.lastVisitAt).toBeInstanceOf(Date);
  });

  it("shows both languages section by section with ?view=both, ids kept apart per language", async () => {
    const { cookie } = await signedIn();
    await enrolVia(cookie);
    const result = await run(
      lessonLoader,
      makeRequest(lessonUrl("en", COURSE, LESSON, "?view=both"), { cookie }),
      lessonParams("en"),
    );
    const page = (
      result.data as {
        page: {
          sideBySide: boolean;
          texts: { lang: string; sections: { id: string; anchor: string; html: string }[] }[];
        };
      }
    ).page;
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
    const result = await run(
      lessonLoader,
      makeRequest(lessonUrl("en", course, lesson), { cookie }),
      lessonParams("en", course, lesson),
    );
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
    const result = await run(
      lessonLoader,
      makeRequest(lessonUrl("es", "closed-basics", "field-notes", "?view=both"), { cookie }),
      params,
    );
    expect(result.data).toMatchObject({ kind: "lesson", enrolled: false, title: "Notas de campo" });
    const texts = (result.data as { page: { texts: { lang: string; title: string }[] } }).page.texts;
    expect(texts.map((t) => [t.lang, t.title])).toEqual([
      ["en", "Field notes"],
      ["es", "Notas de campo"],
    ]);
    expect(await db.enrolment.count()).toBe(0);
    // Preview records nothing: marking complete is for enrolled learners.
    const refused = await run(
      lessonAction,
      makeRequest(lessonUrl("es", "closed-basics", "field-notes"), { cookie, form: { intent: "complete" } }),
      params,
    );
    expect(refused.status).toBe(403);
    expect(await db.lessonProgress.count()).toBe(0);
  });

  it("does not give a plain learner the preview", async () => {
    const { user } = await createMember("learner");
    const cookie = await sessionCookie(user.id);
    const result = await run(
      lessonLoader,
      makeRequest(lessonUrl("en", "closed-basics", "field-notes"), { cookie }),
      lessonParams("en", "closed-basics", "field-notes"),
    );
    expect(result.data).toMatchObject({ kind: "gate", gate: { open: false } });
  });
});
