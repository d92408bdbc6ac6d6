// Keeping the law current, as people see it: the lesson page says as of when its law is
// stated, learners who completed a lesson before a correction see what changed on "My
// learning", and instructors see the lessons due for review.
import { describe, expect, it } from "vitest";
import { lessonsDueForReview } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { loader as instructorLoader } from "~/routes/$lang.instructor._index/route.tsx";
import { loader as learnLoader } from "~/routes/$lang.learn/route.tsx";
import { loader as lessonLoader } from "~/routes/$lang.courses.$course.lessons.$lesson/route.tsx";
import { createMember, sessionCookie } from "../helpers/factories.ts";
import { makeRequest, run } from "../helpers/routes.ts";
import { complete, enrolVia, lessonParams, lessonUrl, setUpLearningTests, signedIn } from "./learning-fixture.ts";

setUpLearningTests();

const CHANGED = "cash-reports"; // changes: 2026-11-20 in the fixture

type ChangeData = {
  lessonChanges: { lessonId: string; courseId: string; date: string; dateText: string; note: string }[];
};

async function completedOn(userId: string, lessonId: string, day: string) {
  await db.lessonProgress.update({
    where: { userId_lessonId: { userId, lessonId } },
    data: { completedAt: new Date(`${day}T15:00:00Z`) },
  });
}

describe("the lesson page", () => {
  it("states the date the law was last checked, in the page's language", async () => {
    const { cookie } = await signedIn();
    await enrolVia(cookie);
    const en = await run(lessonLoader, makeRequest(lessonUrl("en"), { cookie }), lessonParams("en"));
    const es = await run(lessonLoader, makeRequest(lessonUrl("es"), { cookie }), lessonParams("es"));
    type Page = { page: { lawAsOf: { day: string; text: string } | null } };
    expect((en.data as Page).page.lawAsOf).toEqual({ day: "2026-11-20", text: "November 20, 2026" });
    expect((es.data as Page).page.lawAsOf).toEqual({ day: "2026-11-20", text: "20 de noviembre de 2026" });
    expect((await getFixedT("es"))("learning:lesson.lawAsOf", { date: "20 de noviembre de 2026" })).toBe(
      "Legislación vigente al 20 de noviembre de 2026",
    );
    expect((await getFixedT("en"))("learning:lesson.lawAsOf", { date: "November 20, 2026" })).toBe(
      "Law stated as of November 20, 2026",
    );
  });

  it("says nothing about currency for a lesson never reviewed", async () => {
    // The fixture's closed course has a lesson with no reviewed date; an instructor may preview it.
    const { user } = await createMember("instructor");
    const preview = await run(
      lessonLoader,
      makeRequest(lessonUrl("en", "closed-basics", "field-notes"), { cookie: await sessionCookie(user.id) }),
      lessonParams("en", "closed-basics", "field-notes"),
    );
    expect((preview.data as { page: { lawAsOf: unknown } }).page.lawAsOf).toBeNull();
  });
});

describe("what changed, on My learning", () => {
  it("shows a change made after the learner completed the lesson, in the page's language, linking to the lesson", async () => {
    const { user, cookie } = await signedIn();
    await enrolVia(cookie);
    await complete(cookie, CHANGED);
    await completedOn(user.id, CHANGED, "2026-10-01");
    const es = await run(learnLoader, makeRequest("/es/learn", { cookie }), { lang: "es" });
    expect((es.data as ChangeData).lessonChanges).toEqual([
      {
        lessonId: CHANGED,
        lessonTitle: "Reportes de efectivo a ambos lados de la frontera",
        courseId: "aml-basics",
        date: "2026-11-20",
        dateText: "20 de noviembre de 2026",
        note: "El plazo del CTR es de 15 días naturales, no de 15 días hábiles.",
      },
    ]);
    const en = await run(learnLoader, makeRequest("/en/learn", { cookie }), { lang: "en" });
    expect((en.data as ChangeData).lessonChanges[0]?.note).toBe(
      "The CTR deadline is 15 calendar days, not 15 business days.",
    );
  });

  it("counts a change dated the day of completion, but not one dated before it", async () => {
    const { user, cookie } = await signedIn();
    await enrolVia(cookie);
    await complete(cookie, CHANGED);
    await completedOn(user.id, CHANGED, "2026-11-20");
    const sameDay = await run(learnLoader, makeRequest("/en/learn", { cookie }), { lang: "en" });
    expect((sameDay.data as ChangeData).lessonChanges).toHaveLength(1);
    await completedOn(user.id, CHANGED, "2026-11-21");
    const later = await run(learnLoader, makeRequest("/en/learn", { cookie }), { lang: "en" });
    expect((later.data as ChangeData).lessonChanges).toEqual([]);
  });

  it("shows nothing for lessons the learner has not completed, nor for other learners' completions", async () => {
    const { cookie } = await signedIn();
    await enrolVia(cookie);
    const other = await signedIn();
    await enrolVia(other.cookie);
    await complete(other.cookie, CHANGED);
    await completedOn(other.user.id, CHANGED, "2026-10-01");
    const page = await run(learnLoader, makeRequest("/en/learn", { cookie }), { lang: "en" });
    expect((page.data as ChangeData).lessonChanges).toEqual([]);
  });
});

describe("lessons due for review, on the instructor home", () => {
  it("lists never-reviewed lessons to instructors, and refuses learners", async () => {
    const { user } = await createMember("instructor");
    const cookie = await sessionCookie(user.id);
    const page = await run(instructorLoader, makeRequest("/es/instructor", { cookie }), { lang: "es" });
    type Rows = { reviewDue: { lessonId: string; status: string; reviewed: string | null; href: string | null }[] };
    expect((page.data as Rows).reviewDue).toEqual([
      expect.objectContaining({
        lessonId: "field-notes",
        status: "missing",
        reviewed: null,
        href: "/es/courses/closed-basics/lessons/field-notes",
      }),
    ]);
    const learner = await signedIn();
    const refused = await run(instructorLoader, makeRequest("/es/instructor", { cookie: learner.cookie }), {
      lang: "es",
    });
    expect(refused.status).toBe(403);
  });

  it("adds lessons reviewed more than 9 months ago, never-reviewed and oldest first", () => {
    const at = (day: string) =>
      lessonsDueForReview(new Date(`${day}T12:00:00Z`)).map((d) => [d.lesson.id, d.status, d.lesson.reviewed]);
    expect(at("2027-08-20")).toEqual([["field-notes", "missing", null]]);
    expect(at("2027-08-21")).toEqual([
      ["field-notes", "missing", null],
      ["laundering-stages", "due", "2026-11-20"],
      ["cash-reports", "due", "2026-11-20"],
    ]);
    expect(at("2027-11-21").map(([, status]) => status)).toEqual(["missing", "overdue", "overdue"]);
  });
});
