// Shared by the learning tests. Content: the valid fixture tree plus a closed course with a
// module of its own, so tests can read a lesson that belongs to another course.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { clearContentCache, contentVersion } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { action as courseAction } from "~/routes/$lang.courses.$course._index/route.tsx";
import { action as lessonAction } from "~/routes/$lang.courses.$course.lessons.$lesson/route.tsx";
import { buildTree, removeTree, type Edit } from "../fixtures/content/tree.ts";
import { createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { makeRequest, run } from "../helpers/routes.ts";

const lesson = (lang: "en" | "es") =>
  lang === "en"
    ? `---
id: field-notes
title: Field notes
minutes: 5
objectives:
  - Keep notes a partner agency can read.
---

## Why notes matter {#why-notes}

Notes written on the day of a [[placement]] are evidence.

## Sources {#sources}

- Internal guidance.
`
    : `---
id: field-notes
title: Notas de campo
minutes: 5
objectives:
  - Llevar notas que la agencia contraparte pueda leer.
---

## Por qué importan las notas {#why-notes}

Las notas escritas el día de una [[placement]] son evidencia.

## Fuentes {#sources}

- Lineamientos internos.
`;

export const CLOSED_COURSE_EDITS: Edit[] = [
  {
    file: "courses/closed-basics.yaml",
    write: `id: closed-basics
title:
  en: Closed basics
  es: Fundamentos cerrados
summary:
  en: Only for people enrolled by their organisation.
  es: Solo para personas inscritas por su organización.
audience: [agents]
open: false
modules: [m2-field]
completion:
  lessons: all
  quizzes: []
`,
  },
  {
    file: "modules/m2-field/module.yaml",
    write: `id: m2-field
title:
  en: Field work
  es: Trabajo de campo
summary:
  en: Notes and evidence.
  es: Notas y evidencia.
lessons: [field-notes]
`,
  },
  { file: "modules/m2-field/field-notes.en.md", write: lesson("en") },
  { file: "modules/m2-field/field-notes.es.md", write: lesson("es") },
];

/** Builds the tree and points the content module at it (CONTENT_DIR is read on each access). */
export function installLearningContent(extra: Edit[] = []): string {
  const dir = buildTree([...CLOSED_COURSE_EDITS, ...extra]);
  process.env.CONTENT_DIR = dir;
  return dir;
}

/** Registers the hooks every learning test file needs; returns the content directory getter. */
export function setUpLearningTests(): () => string {
  let dir = "";
  beforeAll(() => {
    dir = installLearningContent();
  });
  afterAll(() => {
    removeTree(dir);
    clearContentCache();
  });
  beforeEach(resetDatabase);
  return () => dir;
}

export const COURSE = "aml-basics";
export const LESSON = "laundering-stages";
export const QUIZ = "m1-basics-quiz";

export const lessonUrl = (lang: string, course = COURSE, lesson = LESSON, query = "") =>
  `/${lang}/courses/${course}/lessons/${lesson}${query}`;
export const lessonParams = (lang = "en", course = COURSE, lesson = LESSON) => ({ lang, course, lesson });

export async function signedIn() {
  const user = await createUser();
  return { user, cookie: await sessionCookie(user.id) };
}

/** Enrols through the course page's action, as the enrol button does. */
export async function enrolVia(cookie: string, course = COURSE) {
  const request = makeRequest(`/en/courses/${course}`, { cookie, form: { intent: "enrol" } });
  return run(courseAction, request, { lang: "en", course });
}

/** Marks a lesson complete through the lesson page's action. */
export async function complete(cookie: string, lesson = LESSON, lang = "en") {
  const request = makeRequest(lessonUrl(lang, COURSE, lesson), { cookie, form: { intent: "complete" } });
  return run(lessonAction, request, lessonParams(lang, COURSE, lesson));
}

/** A quiz attempt as the quiz engine stores it (submitted unless told otherwise). */
export async function createAttempt(
  userId: string,
  values: { number: number; percent?: number; passed?: boolean; status?: "submitted" | "open"; lang?: "en" | "es" },
) {
  const submitted = (values.status ?? "submitted") === "submitted";
  await db.quizAttempt.create({
    data: {
      userId,
      quizId: QUIZ,
      courseId: COURSE,
      number: values.number,
      lang: values.lang ?? "es",
      contentVersion: contentVersion(),
      snapshot: "{}",
      status: values.status ?? "submitted",
      passMark: 75,
      maxPoints: 5,
      percent: submitted ? (values.percent ?? 80) : null,
      passed: submitted ? (values.passed ?? true) : null,
      submittedAt: submitted ? new Date() : null,
    },
    select: { id: true },
  });
}
