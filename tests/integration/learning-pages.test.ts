// The public learning pages (catalog, course, glossary, search) and the learner's home.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearContentCache } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { enrol, markLessonComplete, recordVisit } from "~/modules/learning/index.server.ts";
import { loader as catalogLoader } from "~/routes/$lang.courses._index/route.tsx";
import { loader as courseLoader } from "~/routes/$lang.courses.$course._index/route.tsx";
import { loader as glossaryLoader } from "~/routes/$lang.glossary/route.tsx";
import { loader as learnLoader } from "~/routes/$lang.learn/route.tsx";
import { loader as searchLoader } from "~/routes/$lang.search/route.tsx";
import { removeTree } from "../fixtures/content/tree.ts";
import { createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
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

type Marked = { text: string; marks: [number, number][] };
const marked = (m: Marked) => m.marks.map(([a, b]) => m.text.slice(a, b));

describe("catalog and course page (public)", () => {
  it("lists every course in the page language to anyone", async () => {
    const result = await run(catalogLoader, makeRequest("/es/courses"), { lang: "es" });
    expect(result.status).toBe(200);
    const data = result.data as { title: string; courses: { id: string; title: string; open: boolean; lessons: number; minutes: number; mine: unknown }[] };
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
    const result = await run(catalogLoader, makeRequest("/en/courses", { cookie: await sessionCookie(user.id) }), { lang: "en" });
    const courses = (result.data as { courses: { id: string; mine: unknown }[] }).courses;
    expect(courses.find((c) => c.id === "aml-basics")?.mine).toEqual({ percent: 33, completed: false });
    expect(courses.find((c) => c.id === "closed-basics")?.mine).toBeNull();
  });

  it("shows modules, lessons with minutes and objectives, and quiz links to anyone", async () => {
    const result = await run(courseLoader, makeRequest("/en/courses/aml-basics"), { lang: "en", course: "aml-basics" });
    expect(result.status).toBe(200);
    const data = result.data as { signedIn: boolean; course: { enrolled: boolean; progress: unknown; modules: { title: string; lessons: { id: string; minutes: number; objectives: string[]; done: boolean }[]; quiz: { id: string; required: boolean; standing: unknown } }[] } };
    expect(data.signedIn).toBe(false);
    expect(data.course.enrolled).toBe(false);
    expect(data.course.progress).toBeNull();
    const [module] = data.course.modules;
    expect(module?.title).toBe("Foundations");
    expect(module?.lessons.map((l) => [l.id, l.minutes, l.objectives.length])).toEqual([
      ["laundering-stages", 10, 2],
      ["cash-reports", 12, 1],
    ]);
    expect(module?.quiz).toEqual({ id: "m1-basics-quiz", title: "Module 1 quiz", required: true, standing: null });
  });

  it("gives the quiz standing to a signed-in learner", async () => {
    const user = await createUser();
    await enrol(user.id, "aml-basics");
    await db.quizAttempt.create({
      data: { userId: user.id, quizId: "m1-basics-quiz", courseId: "aml-basics", number: 1, lang: "en", contentVersion: "v", snapshot: "{}", status: "submitted", passMark: 75, maxPoints: 5, percent: 79.5, passed: false, submittedAt: new Date() },
      select: { id: true },
    });
    const result = await run(courseLoader, makeRequest("/en/courses/aml-basics", { cookie: await sessionCookie(user.id) }), { lang: "en", course: "aml-basics" });
    const quiz = (result.data as { course: { modules: { quiz: { standing: unknown } }[] } }).course.modules[0]?.quiz;
    expect(quiz?.standing).toMatchObject({ passed: false, best: "79.5%", used: 1, inProgress: false });
  });

  it("answers 404 to an unknown course", async () => {
    const result = await run(courseLoader, makeRequest("/en/courses/nope"), { lang: "en", course: "nope" });
    expect(result.status).toBe(404);
  });
});

describe("glossary (public)", () => {
  it("lists every term with both languages and jurisdiction", async () => {
    const result = await run(glossaryLoader, makeRequest("/en/glossary"), { lang: "en" });
    const data = result.data as { total: number; entries: { id: string; jurisdiction: string; versions: { lang: string; term: Marked }[] }[] };
    expect(data.total).toBe(5);
    expect(data.entries).toHaveLength(5);
    const ctr = data.entries.find((e) => e.id === "ctr");
    expect(ctr?.jurisdiction).toBe("us");
    expect(ctr?.versions.map((v) => [v.lang, v.term.text])).toEqual([
      ["en", "Currency transaction report (CTR)"],
      ["es", "Reporte de operaciones en efectivo (CTR)"],
    ]);
  });

  it("filters in either language, ignoring accents and case, and marks the match", async () => {
    const result = await run(glossaryLoader, makeRequest("/en/glossary?q=COLOCACION"), { lang: "en" });
    const entries = (result.data as { entries: { id: string; versions: { lang: string; term: Marked }[] }[] }).entries;
    expect(entries.map((e) => e.id)).toEqual(["placement"]);
    expect(marked(entries[0]!.versions[1]!.term)).toEqual(["Colocación"]);
  });

  it("refuses an over-long filter with a translated 400", async () => {
    const result = await run(glossaryLoader, makeRequest(`/es/glossary?q=${"a".repeat(201)}`), { lang: "es" });
    expect(result.status).toBe(400);
    expect((result.data as { message: string; entries: unknown[] }).message).toBe("El texto de búsqueda es demasiado largo (200 caracteres como máximo).");
  });
});

describe("search (public)", () => {
  it("finds lessons and terms in either language, accent-insensitively, with marked passages", async () => {
    const result = await run(searchLoader, makeRequest("/en/search?q=estratificacion"), { lang: "en" });
    expect(result.status).toBe(200);
    const results = (result.data as { results: { kind: string; lang: string; title: Marked; snippet: Marked; href: string }[] }).results;
    const term = results.find((r) => r.kind === "term");
    expect(term?.href).toBe("/en/glossary#term-layering");
    expect(marked(term!.title)).toEqual(["Estratificación"]);
    expect(results.filter((r) => r.kind === "term")).toHaveLength(1); // one result per term, not one per language
  });

  it("opens a section in the other language in the side-by-side view", async () => {
    const result = await run(searchLoader, makeRequest("/en/search?q=sucursales"), { lang: "en" });
    const hit = (result.data as { results: { kind: string; lang: string; href: string; snippet: Marked }[] }).results[0];
    expect(hit).toMatchObject({ kind: "lesson", lang: "es", href: "/en/courses/aml-basics/lessons/laundering-stages?view=both#sec-es-why-stages" });
    expect(marked(hit!.snippet)).toContain("sucursales");
  });

  it("shows nothing for an empty query and 400 for an over-long one", async () => {
    const empty = await run(searchLoader, makeRequest("/en/search"), { lang: "en" });
    expect((empty.data as { results: unknown[] }).results).toEqual([]);
    const long = await run(searchLoader, makeRequest(`/en/search?q=${"x".repeat(300)}`), { lang: "en" });
    expect(long.status).toBe(400);
  });

  it("takes odd input without failing", async () => {
    for (const q of ["((", "*", "\"'", "%", "ñ"]) {
      const result = await run(searchLoader, makeRequest(`/en/search?${new URLSearchParams({ q })}`), { lang: "en" });
      expect(result.status, q).toBe(200);
    }
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
    await db.quizAttempt.create({
      data: { userId: user.id, quizId: "m1-basics-quiz", courseId: "aml-basics", number: 1, lang: "es", contentVersion: "v", snapshot: "{}", status: "submitted", passMark: 75, maxPoints: 5, percent: 40, passed: false, submittedAt: new Date() },
      select: { id: true },
    });
    // An attempt still open is not a past attempt.
    await db.quizAttempt.create({
      data: { userId: user.id, quizId: "m1-basics-quiz", courseId: "aml-basics", number: 2, lang: "es", contentVersion: "v", snapshot: "{}", status: "open", passMark: 75, maxPoints: 5 },
      select: { id: true },
    });
    const cookie = await sessionCookie(user.id);
    const result = await run(learnLoader, makeRequest("/es/learn", { cookie }), { lang: "es" });
    const data = result.data as {
      title: string;
      inProgress: { id: string; progress: { continueLesson: { id: string; title: string }; missingLessons: { id: string }[]; missingQuizzes: { title: string }[] } }[];
      completed: unknown[];
      attempts: { quizTitle: string; number: number; score: string; passed: boolean; lang: string }[];
    };
    expect(data.title).toBe("Mi aprendizaje");
    expect(data.inProgress).toHaveLength(1);
    expect(data.inProgress[0]?.progress.continueLesson).toEqual({ id: "cash-reports", title: "Reportes de efectivo a ambos lados de la frontera" });
    expect(data.inProgress[0]?.progress.missingLessons.map((l) => l.id)).toEqual(["cash-reports"]);
    expect(data.inProgress[0]?.progress.missingQuizzes.map((q) => q.title)).toEqual(["Cuestionario del módulo 1"]);
    expect(data.completed).toEqual([]);
    expect(data.attempts).toEqual([expect.objectContaining({ quizTitle: "Cuestionario del módulo 1", number: 1, score: "40%", passed: false, lang: "es" })]);
  });

  it("moves a course to completed once a quiz passed elsewhere completes it", async () => {
    const user = await createUser();
    await enrol(user.id, "closed-basics");
    await markLessonComplete(user.id, "closed-basics", "field-notes");
    const result = await run(learnLoader, makeRequest("/en/learn", { cookie: await sessionCookie(user.id) }), { lang: "en" });
    const data = result.data as { inProgress: unknown[]; completed: { id: string; progress: { completed: boolean; completedOn: string | null } }[] };
    expect(data.inProgress).toEqual([]);
    expect(data.completed.map((c) => c.id)).toEqual(["closed-basics"]);
    expect(data.completed[0]?.progress.completedOn).toMatch(/\d{4}/);
  });
});
