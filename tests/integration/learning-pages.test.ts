// The public catalog and course pages, and the learner's home ("my learning").
import { describe, expect, it } from "vitest";
import { enrol, markLessonComplete, recordVisit } from "~/modules/learning/index.server.ts";
import { loader as catalogLoader } from "~/routes/$lang.courses._index/route.tsx";
import { loader as courseLoader } from "~/routes/$lang.courses.$course._index/route.tsx";
import { loader as learnLoader } from "~/routes/$lang.learn/route.tsx";
import { createUser, sessionCookie } from "../helpers/factories.ts";
import { makeRequest, run } from "../helpers/routes.ts";
import { createAttempt, setUpLearningTests } from "./learning-fixture.ts";

setUpLearningTests();

describe("catalog and course page (public)", () => {
  it("lists every course in the page language to anyone", async () => {
    const result = await run(catalogLoader, makeRequest("/es/courses"), { lang: "es" });
    expect(result.status).toBe(200);
    const data = result.data as {
      title: string;
      courses: { id: string; title: string; open: boolean; lessons: number; minutes: number; mine: unknown }[];
    };
    expect(data.title).toBe("Cursos");
    expect(data.courses.map((c) => [c.id, c.title, c.open, c.lessons, c.minutes, c.mine])).toEqual([
      ["aml-basics", "Fundamentos de PLD", true, 2, 22, null],
      ["closed-basics", "Fundamentos cerrados", false, 1, 5, null],
    ]);
  });

  it("shows a signed-in learner their progress in the catalog", async () => {
    const user = await createUser();
    await enrol(user.id, "aml-basics");
    await markLessonComplete(user.id, "aml-basics", "laundering-stages");
    const result = await run(catalogLoader, makeRequest("/en/courses", { cookie: await sessionCookie(user.id) }), {
      lang: "en",
    });
    const courses = (result.data as { courses: { id: string; mine: unknown }[] }).courses;
    expect(courses.find((c) => c.id === "aml-basics")?.mine).toEqual({ percent: 33, completed: false });
    expect(courses.find((c) => c.id === "closed-basics")?.mine).toBeNull();
  });

  it("shows modules, lessons with minutes and objectives, and quiz links to anyone", async () => {
    const result = await run(courseLoader, makeRequest("/en/courses/aml-basics"), { lang: "en", course: "aml-basics" });
    expect(result.status).toBe(200);
    const data = result.data as {
      signedIn: boolean;
      course: {
        enrolled: boolean;
        progress: unknown;
        modules: {
          title: string;
          lessons: { id: string; minutes: number; objectives: string[]; done: boolean }[];
          quiz: { id: string; required: boolean; standing: unknown };
        }[];
      };
    };
    expect(data.signedIn).toBe(false);
    expect(data.course.enrolled).toBe(false);
    expect(data.course.progress).toBeNull();
    const [module] = data.course.modules;
    expect(module?.title).toBe("Foundations");
    expect(module?.lessons.map((l) => [l.id, l.minutes, l.objectives.length])).toEqual([
      ["laundering-stages", 10, 2],
      ["cash-reports", 12, 1],
    ]);
    // Named by the module's place in this course and its title, not by the bank's own title.
    expect(module?.quiz).toEqual({
      id: "m1-basics-quiz",
      title: "Module 1 quiz — Foundations",
      required: true,
      standing: null,
    });
  });

  it("gives the quiz standing to a signed-in learner", async () => {
    const user = await createUser();
    await enrol(user.id, "aml-basics");
    await createAttempt(user.id, { number: 1, percent: 79.5, passed: false, lang: "en" });
    const result = await run(
      courseLoader,
      makeRequest("/en/courses/aml-basics", { cookie: await sessionCookie(user.id) }),
      { lang: "en", course: "aml-basics" },
    );
    const quiz = (result.data as { course: { modules: { quiz: { standing: unknown } }[] } }).course.modules[0]?.quiz;
    expect(quiz?.standing).toMatchObject({ passed: false, best: "79.5%", used: 1, inProgress: false });
  });

  it("answers 404 to an unknown course", async () => {
    const result = await run(courseLoader, makeRequest("/en/courses/nope"), { lang: "en", course: "nope" });
    expect(result.status).toBe(404);
  });
});

describe("my learning", () => {
  it("needs an account", async () => {
    const result = await run(learnLoader, makeRequest("/en/learn"), { lang: "en" });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/en\/login/);
  });

  it("shows courses in progress with where to continue and what is missing, completed courses and past attempts", async () => {
    const user = await createUser();
    await enrol(user.id, "aml-basics");
    await markLessonComplete(user.id, "aml-basics", "laundering-stages");
    await recordVisit(user.id, "aml-basics", "cash-reports");
    await createAttempt(user.id, { number: 1, percent: 40, passed: false });
    // An attempt still open is not a past attempt.
    await createAttempt(user.id, { number: 2, status: "open" });
    const cookie = await sessionCookie(user.id);
    const result = await run(learnLoader, makeRequest("/es/learn", { cookie }), { lang: "es" });
    const data = result.data as {
      title: string;
      inProgress: {
        id: string;
        progress: {
          continueLesson: { id: string; title: string };
          missingLessons: { id: string }[];
          missingQuizzes: { title: string }[];
        };
      }[];
      completed: unknown[];
      attempts: { quizTitle: string; number: number; score: string; passed: boolean; lang: string }[];
    };
    expect(data.title).toBe("Mi aprendizaje");
    expect(data.inProgress).toHaveLength(1);
    expect(data.inProgress[0]?.progress.continueLesson).toEqual({
      id: "cash-reports",
      title: "Reportes de efectivo a ambos lados de la frontera",
    });
    expect(data.inProgress[0]?.progress.missingLessons.map((l) => l.id)).toEqual(["cash-reports"]);
    expect(data.inProgress[0]?.progress.missingQuizzes.map((q) => q.title)).toEqual([
      "Cuestionario del módulo 1 — Fundamentos",
    ]);
    expect(data.completed).toEqual([]);
    expect(data.attempts).toEqual([
      expect.objectContaining({
        quizTitle: "Cuestionario del módulo 1 — Fundamentos",
        number: 1,
        score: "40%",
        passed: false,
        lang: "es",
      }),
    ]);
  });

  it("moves a course to completed once a quiz passed elsewhere completes it", async () => {
    const user = await createUser();
    await enrol(user.id, "closed-basics");
    await markLessonComplete(user.id, "closed-basics", "field-notes");
    const result = await run(learnLoader, makeRequest("/en/learn", { cookie: await sessionCookie(user.id) }), {
      lang: "en",
    });
    const data = result.data as {
      inProgress: unknown[];
      completed: { id: string; progress: { completed: boolean; completedOn: string | null } }[];
    };
    expect(data.inProgress).toEqual([]);
    expect(data.completed.map((c) => c.id)).toEqual(["closed-basics"]);
    expect(data.completed[0]?.progress.completedOn).toMatch(/\d{4}/);
  });
});
