import { beforeEach, describe, expect, it } from "vitest";
import { getQuiz } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { enrol } from "~/modules/learning/index.server.ts";
import { ownAttempt, snapshotItems } from "~/modules/quiz/index.server.ts";
import {
  action as introAction,
  loader as introLoader,
} from "~/routes/$lang.courses_.$course_.quizzes.$quiz._index/route.tsx";
import {
  action as attemptAction,
  loader as attemptLoader,
} from "~/routes/$lang.courses_.$course_.quizzes.$quiz.attempts.$attempt._index/route.tsx";
import {
  action as accommodationsAction,
  loader as accommodationsLoader,
} from "~/routes/$lang.courses_.$course_.quizzes.$quiz.accommodations/route.tsx";
import { loader as reviewLoader } from "~/routes/$lang.courses_.$course_.quizzes.$quiz.attempts.$attempt.review/route.tsx";
import { createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { makeRequest, run } from "../helpers/routes.ts";
import { answerFields } from "../helpers/quiz.ts";

beforeEach(resetDatabase);

const COURSE = "aml-core";
const QUIZ = "m1-foundations-quiz";
const base = (lang: string) => `/${lang}/courses/${COURSE}/quizzes/${QUIZ}`;
const params = (lang: string, attempt?: string) => ({
  lang,
  course: COURSE,
  quiz: QUIZ,
  ...(attempt ? { attempt } : {}),
});

async function learner(lang: "en" | "es" = "es") {
  const user = await createUser({ language: lang });
  await enrol(user.id, COURSE);
  return { user, cookie: await sessionCookie(user.id) };
}

async function startViaRoute(cookie: string, lang = "es") {
  const started = await run(introAction, makeRequest(base(lang), { cookie, form: {} }), params(lang));
  expect(started.status).toBe(302);
  return started.location!.split("/").pop()!;
}

describe("quiz pages", () => {
  it("show the quiz to an enrolled learner and refuse to start one for someone not enrolled", async () => {
    const outsider = await createUser();
    const cookie = await sessionCookie(outsider.id);
    const intro = await run(introLoader, makeRequest(base("en"), { cookie }), params("en"));
    expect(intro.status).toBe(200);
    expect((intro.data as { enrolled: boolean }).enrolled).toBe(false);
    const refused = await run(introAction, makeRequest(base("en"), { cookie, form: {} }), params("en"));
    expect(refused.status).toBe(403);
    expect(await db.quizAttempt.count()).toBe(0);
  });

  it("404 for a quiz that is not part of the course, and for an unknown quiz", async () => {
    const { cookie } = await learner();
    const wrongCourse = await run(
      introLoader,
      makeRequest("/es/courses/joint-operations/quizzes/m1-foundations-quiz", { cookie }),
      { lang: "es", course: "joint-operations", quiz: QUIZ },
    );
    expect(wrongCourse.status).toBe(404);
    const unknown = await run(introLoader, makeRequest("/es/courses/aml-core/quizzes/nope", { cookie }), {
      lang: "es",
      course: COURSE,
      quiz: "nope",
    });
    expect(unknown.status).toBe(404);
  });

  it("the attempt page's data carries no answer key, explanation or source id", async () => {
    const { cookie } = await learner();
    const attemptId = await startViaRoute(cookie);
    const page = await run(
      attemptLoader,
      makeRequest(`${base("es")}/attempts/${attemptId}`, { cookie }),
      params("es", attemptId),
    );
    expect(page.status).toBe(200);
    const json = JSON.stringify(page.data);
    const quiz = getQuiz(QUIZ)!;
    for (const item of quiz.items) {
      expect(json).not.toContain(item.explanation.es.slice(0, 40));
      expect(json).not.toContain(`"${item.id}"`);
    }
    for (const tell of [
      '"correct"',
      '"answer"',
      '"pairs"',
      '"correctOrder"',
      '"accepted"',
      '"sourceId"',
      '"explanation"',
    ])
      expect(json).not.toContain(tell);
  });

  it("autosaves, reports bad answers in Spanish without saving, and submits to the review", async () => {
    const { user, cookie } = await learner();
    const attemptId = await startViaRoute(cookie);
    const items = snapshotItems((await ownAttempt(attemptId, user.id))!.snapshot);
    const url = `${base("es")}/attempts/${attemptId}`;
    const good = answerFields(items, true);
    const save = await run(
      attemptAction,
      makeRequest(url, { cookie, form: Object.fromEntries([["intent", "save"], ...good.slice(0, 1)]) }),
      params("es", attemptId),
    );
    expect((save.data as { ok: boolean }).ok).toBe(true);
    const before = await db.quizResponse.count();
    const bad = await run(
      attemptAction,
      makeRequest(url, { cookie, form: { intent: "save", q999: "x" } }),
      params("es", attemptId),
    );
    expect(bad.status).toBe(400);
    expect((bad.data as { errors: string[] }).errors[0]).toMatch(/no forma parte de este intento/);
    expect(await db.quizResponse.count()).toBe(before);
    const body = new URLSearchParams([["intent", "submit"], ...good]);
    const request = new Request(`http://localhost:3000${url}`, {
      method: "POST",
      body,
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    });
    const submitted = await run(attemptAction, request, params("es", attemptId));
    expect(submitted.location).toBe(`${url}/review`);
    const review = await run(reviewLoader, makeRequest(`${url}/review`, { cookie }), params("es", attemptId));
    const data = review.data as {
      review: {
        percent: number;
        passed: boolean;
        units: { items: { explanation: string; explanationOther: string }[] }[];
      };
    };
    expect(data.review.passed).toBe(true);
    expect(data.review.percent).toBe(100);
    const first = data.review.units[0]!.items[0]!;
    expect(first.explanation).toBeTruthy();
    expect(first.explanationOther).toBeTruthy();
  });

  it("refuses another learner's attempt with a 404 and keeps an attempt in its own language", async () => {
    const { cookie } = await learner("es");
    const attemptId = await startViaRoute(cookie, "es");
    const stranger = await learner("en");
    const other = await run(
      attemptLoader,
      makeRequest(`${base("en")}/attempts/${attemptId}`, { cookie: stranger.cookie }),
      params("en", attemptId),
    );
    expect(other.status).toBe(404);
    const strangerPost = await run(
      attemptAction,
      makeRequest(`${base("en")}/attempts/${attemptId}`, { cookie: stranger.cookie, form: { intent: "submit" } }),
      params("en", attemptId),
    );
    expect(strangerPost.status).toBe(404);
    const switched = await run(
      attemptLoader,
      makeRequest(`${base("en")}/attempts/${attemptId}`, { cookie }),
      params("en", attemptId),
    );
    expect(switched.location).toBe(`${base("es")}/attempts/${attemptId}?moved=1`);
  });
});

describe("accommodations", () => {
  const url = `${base("en")}/accommodations`;

  it("an instructor grants extra time to a learner of their organization; the learner sees the adjusted limit", async () => {
    const { createMember } = await import("../helpers/factories.ts");
    const instructor = await createMember("instructor");
    const { grantRole } = await import("~/modules/orgs/index.server.ts");
    const { user } = await learner("en");
    await grantRole(null, user.id, instructor.orgId, "learner");
    const cookie = await sessionCookie(instructor.user.id);
    const page = await run(accommodationsLoader, makeRequest(url, { cookie }), params("en"));
    expect((page.data as { learners: { id: string }[] }).learners.map((l) => l.id)).toContain(user.id);
    const saved = await run(
      accommodationsAction,
      makeRequest(url, {
        cookie,
        form: { userId: user.id, extraMinutes: "15", extraAttempts: "1", reason: "Documented need for extra time" },
      }),
      params("en"),
    );
    expect(saved.status).toBe(200);
    const row = await db.quizAccommodation.findUnique({
      where: { userId_quizId: { userId: user.id, quizId: QUIZ } },
      select: { extraMinutes: true, extraAttempts: true },
    });
    expect(row).toEqual({ extraMinutes: 15, extraAttempts: 1 });
    const audit = await db.auditEvent.findMany({
      where: { action: "quiz.accommodation.granted" },
      select: { actorId: true, subject: true, data: true },
    });
    expect(audit).toEqual([
      {
        actorId: instructor.user.id,
        subject: `user:${user.id}`,
        data: JSON.stringify({
          quizId: QUIZ,
          extraMinutes: 15,
          extraAttempts: 1,
          reason: "Documented need for extra time",
        }),
      },
    ]);
    const intro = await run(
      introLoader,
      makeRequest(base("en"), { cookie: await sessionCookie(user.id) }),
      params("en"),
    );
    expect((intro.data as { standing: { timeLimitMinutes: number; attemptsAllowed: number } }).standing).toMatchObject({
      timeLimitMinutes: 45,
      attemptsAllowed: 4,
    });
  });

  it("refuses learners outside the granter's organizations, bad numbers, and people without the permission", async () => {
    const { createMember } = await import("../helpers/factories.ts");
    const instructor = await createMember("instructor");
    const outsider = await createUser();
    const cookie = await sessionCookie(instructor.user.id);
    const foreign = await run(
      accommodationsAction,
      makeRequest(url, { cookie, form: { userId: outsider.id, extraMinutes: "15", extraAttempts: "0", reason: "r" } }),
      params("en"),
    );
    // Outside the granter's organizations: like a learner that does not exist (issue 18).
    expect(foreign.status).toBe(404);
    const negative = await run(
      accommodationsAction,
      makeRequest(url, {
        cookie,
        form: { userId: instructor.user.id, extraMinutes: "-5", extraAttempts: "0", reason: "r" },
      }),
      params("en"),
    );
    expect(negative.status).toBe(400);
    const { user: plain, cookie: learnerCookie } = await learner("en");
    const refused = await run(
      accommodationsAction,
      makeRequest(url, {
        cookie: learnerCookie,
        form: { userId: plain.id, extraMinutes: "15", extraAttempts: "0", reason: "r" },
      }),
      params("en"),
    );
    expect(refused.status).toBe(403);
    expect(await db.quizAccommodation.count()).toBe(0);
  });

  it("nobody grants themself an accommodation: refused with a translated error, nothing written", async () => {
    const { createMember } = await import("../helpers/factories.ts");
    const instructor = await createMember("instructor");
    const before = await db.auditEvent.count();
    const cookie = await sessionCookie(instructor.user.id);
    const page = await run(accommodationsLoader, makeRequest(url, { cookie }), params("en"));
    expect((page.data as { learners: { id: string }[] }).learners.map((l) => l.id)).not.toContain(instructor.user.id);
    const self = await run(
      accommodationsAction,
      makeRequest(url, {
        cookie,
        form: { userId: instructor.user.id, extraMinutes: "60", extraAttempts: "3", reason: "I need it" },
      }),
      params("en"),
    );
    expect(self.status).toBe(400);
    expect(fieldErrors(self)).toEqual({ userId: ["selfGrant"] });
    expect(await db.quizAccommodation.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("every grant needs a reason: a missing or blank one is refused with a translated error, nothing written", async () => {
    const { createMember } = await import("../helpers/factories.ts");
    const { grantRole } = await import("~/modules/orgs/index.server.ts");
    const instructor = await createMember("instructor");
    const { user } = await learner("es");
    await grantRole(null, user.id, instructor.orgId, "learner");
    const before = await db.auditEvent.count();
    const cookie = await sessionCookie(instructor.user.id);
    for (const reason of [undefined, "   "]) {
      const form: Record<string, string> = { userId: user.id, extraMinutes: "15", extraAttempts: "0" };
      if (reason !== undefined) form.reason = reason;
      const refused = await run(accommodationsAction, makeRequest(url, { cookie, form }), params("en"));
      expect(refused.status).toBe(400);
      expect(fieldErrors(refused)).toEqual({ reason: ["reasonRequired"] });
    }
    expect(await db.quizAccommodation.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(before);
    const { getFixedT } = await import("~/modules/i18n/index.server.ts");
    expect((await getFixedT("en"))("quiz:accommodations.reasonRequired")).toBe(
      "Give the reason for this accommodation.",
    );
    expect((await getFixedT("es"))("quiz:accommodations.reasonRequired")).toBe("Indique el motivo de este ajuste.");
    expect((await getFixedT("es"))("quiz:accommodations.selfGrant")).toMatch(
      /^No puede concederse un ajuste a sí mismo/,
    );
  });
});

function fieldErrors(result: { data: unknown }) {
  return (result.data as { result: { error?: Record<string, string[]> } }).result.error;
}
