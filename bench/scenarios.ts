// What the benchmark asks for: every scenario is a unit of work (bench/load.ts) that rotates
// over the signed-in learners and over all lessons, glossary terms or quiz attempts, so no
// single cached page or row stands for the rest. Later issues add their scenarios here.
import type Database from "better-sqlite3";
import { listCourses, lessonsOfCourse, listGlossary, quizzesOfCourse } from "~/modules/content/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { lessonPath, quizPath } from "~/modules/learning/index.ts";
import { snapshotItems } from "~/modules/quiz/index.server.ts";
import type { AttemptSnapshot } from "~/modules/quiz/index.ts";
import { answerFields } from "../tests/helpers/quiz.ts";
import { oneRequest, type Client, type HttpRequest, type Sample, type Work } from "./load.ts";

export type Learner = { id: string; lang: Lang; cookie: string };

/** Which same-run baseline a scenario is divided by. */
export type BaselineKey = "ok" | "react" | "reactBoth";

export type Scenario = {
  name: string;
  /** What one unit of work sends, for the report. */
  shows: string;
  baseline: BaselineKey;
  work: Work;
  /** Requests per unit of work (the fixed-rate phase runs rate / this many units per second). */
  requestsPerUnit: number;
};

/** Round robin: the i-th call returns items[i % n]. */
function rotation<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

function signedIn(learner: Learner, path: string): HttpRequest {
  return { path, headers: { Cookie: learner.cookie, "Accept-Encoding": "gzip" } };
}

/** Every (course, lesson) pair of the content, in course order. */
export function allLessons(): { courseId: string; lessonId: string }[] {
  return listCourses().flatMap((c) => lessonsOfCourse(c.id).map((l) => ({ courseId: c.id, lessonId: l.id })));
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Learner i with lesson i: the two rotations advance together, and since their lengths are
 * made coprime (by leaving learners out) every learner meets every lesson before a pair repeats.
 */
export function lessonRequests(learners: readonly Learner[], both: boolean): () => HttpRequest {
  const lessons = allLessons();
  let pool = learners;
  while (pool.length > 1 && gcd(pool.length, lessons.length) > 1) pool = pool.slice(1);
  const nextLearner = rotation(pool);
  const nextLesson = rotation(lessons);
  return () => {
    const learner = nextLearner();
    const { courseId, lessonId } = nextLesson();
    return signedIn(learner, lessonPath(learner.lang, courseId, lessonId, { both }));
  };
}

export function pageScenarios(learners: readonly Learner[]): Scenario[] {
  const learner = rotation(learners);
  const page = (name: string, shows: string, path: (l: Learner, i: number) => string): Scenario => {
    let i = 0;
    return {
      name,
      shows,
      baseline: "react",
      requestsPerUnit: 1,
      work: oneRequest(() => {
        const l = learner();
        return signedIn(l, path(l, i++));
      }),
    };
  };
  const terms = listGlossary();
  return [
    {
      name: "GET /healthz",
      shows: "/healthz, one database query per request",
      baseline: "ok",
      requestsPerUnit: 1,
      work: oneRequest(() => ({ path: "/healthz" })),
    },
    page("home (signed in)", "/en or /es by the learner's language", (l) => `/${l.lang}`),
    page("catalog (signed in)", "/{lang}/courses", (l) => `/${l.lang}/courses`),
    {
      name: "lesson (signed in, one language)",
      shows: "every lesson of every course, /{lang}/courses/{course}/lessons/{lesson}",
      baseline: "react",
      requestsPerUnit: 1,
      work: oneRequest(lessonRequests(learners, false)),
    },
    {
      name: "lesson (signed in, side by side)",
      shows: "the same with ?view=both",
      baseline: "reactBoth",
      requestsPerUnit: 1,
      work: oneRequest(lessonRequests(learners, true)),
    },
    page("glossary (signed in)", "/{lang}/glossary", (l) => `/${l.lang}/glossary`),
    page(
      "search (signed in)",
      "/{lang}/search?q= each glossary term in turn",
      (l, i) => `/${l.lang}/search?q=${encodeURIComponent(terms[i % terms.length]![l.lang].term)}`,
    ),
  ];
}

// ---------------------------------------------------------------- the cohort progress page

export type CohortBench = { cookie: string; orgId: string; cohortId: string; people: number };

/**
 * An org admin reading the progress of a cohort of 2,000 people (bench/setup-worker.ts) as
 * people do: every page of it in turn, under each sort and filter, in both languages — the
 * query string rotates over pages 1–40 × name/organization/date added × ascending/descending ×
 * everyone/not finished/overdue, so no single page stands for the rest.
 */
export function cohortProgressScenario(bench: CohortBench): Scenario {
  const pages = Math.max(1, Math.ceil(bench.people / 50));
  const variants: string[] = [];
  for (const status of ["all", "incomplete", "overdue"])
    for (const sort of ["name", "org", "added"])
      for (const dir of ["asc", "desc"]) variants.push(`status=${status}&sort=${sort}&dir=${dir}`);
  let i = 0;
  return {
    name: `cohort progress (${bench.people} people)`,
    shows: "/{lang}/orgs/{org}/cohorts/{cohort}?page=&sort=&dir=&status= in turn, as the org admin",
    baseline: "react",
    requestsPerUnit: 1,
    work: oneRequest(() => {
      const n = i++;
      const lang = n % 2 ? "es" : "en";
      const query = `${variants[n % variants.length]}&page=${1 + (n % pages)}`;
      return {
        path: `/${lang}/orgs/${bench.orgId}/cohorts/${bench.cohortId}?${query}`,
        headers: { Cookie: bench.cookie, "Accept-Encoding": "gzip" },
      };
    }),
  };
}

// ---------------------------------------------------------------- the supervisor's dashboard

export type VettingBench = { cookie: string; orgIds: string[]; people: number };

/**
 * A supervisor reading the readiness dashboard over 10,000 people (bench/setup-worker.ts) as
 * people do: filtered by status, organization and country, sorted each way, paged, in both
 * languages; the query string rotates so no single view stands for the rest.
 */
export function vettingDashboardScenario(bench: VettingBench): Scenario {
  const variants: string[] = [];
  for (const status of ["", "expiring", "lapsed", "pending", "failed", "cleared"])
    for (const sort of ["status", "name", "lapse"])
      for (const scope of ["", `org=${bench.orgIds[0]}`, "country=MX"])
        variants.push([status && `status=${status}`, `sort=${sort}`, scope].filter(Boolean).join("&"));
  let i = 0;
  return {
    name: `vetting dashboard (${bench.people} people)`,
    shows: "/{lang}/vetting?status=&sort=&dir=&org=&country=&page= in turn, as the supervisor",
    baseline: "react",
    requestsPerUnit: 1,
    work: oneRequest(() => {
      const n = i++;
      const lang = n % 2 ? "es" : "en";
      const query = `${variants[n % variants.length]}&dir=${n % 4 < 2 ? "asc" : "desc"}&page=${1 + (n % 20)}`;
      return { path: `/${lang}/vetting?${query}`, headers: { Cookie: bench.cookie, "Accept-Encoding": "gzip" } };
    }),
  };
}

// ---------------------------------------------------------------- quizzes over HTTP

export type QuizSlot = { learner: Learner; courseId: string; quizId: string; attemptsLeft: number };

/** Every learner × every quiz of the courses they are enrolled in (all of them), `attempts` times. */
export function quizSlots(learners: readonly Learner[], attempts: number, onlyQuiz?: string): QuizSlot[] {
  const quizzes = new Map<string, string>();
  for (const course of listCourses())
    for (const quiz of quizzesOfCourse(course.id)) if (!quizzes.has(quiz.id)) quizzes.set(quiz.id, course.id);
  const chosen = onlyQuiz ? [[onlyQuiz, quizzes.get(onlyQuiz)!] as const] : [...quizzes];
  return chosen.flatMap(([quizId, courseId]) =>
    learners.map((learner) => ({ learner, courseId, quizId, attemptsLeft: attempts })),
  );
}

const FORM = "application/x-www-form-urlencoded";

/**
 * One learner takes a quiz as the browser does: the start form (a same-origin form post,
 * answered by a redirect to the attempt), the attempt page, optionally one autosave (the
 * fetcher's single-fetch `.data` post) and the submit form (redirect to the review). Two in
 * three items answered right. Slots are taken from the front of the queue and go back to its
 * end while attempts remain; an empty queue ends the phase.
 */
export function quizFlow(queue: QuizSlot[], db: Database.Database, options: { save: boolean }): Work {
  const snapshotOf = db.prepare<[string], { snapshot: string }>("SELECT snapshot FROM QuizAttempt WHERE id = ?");
  return async (client: Client, scheduledAt?: number) => {
    const slot = queue.shift();
    if (!slot) return null;
    const samples: Sample[] = [];
    const headers = {
      Cookie: slot.learner.cookie,
      "Content-Type": FORM,
      "Sec-Fetch-Site": "same-origin",
      "Accept-Encoding": "gzip",
    };
    const step = async (req: HttpRequest, expect: number, from = performance.now()) => {
      const reply = await client.request(req);
      const ok = reply.status === expect;
      samples.push({ ms: performance.now() - from, status: reply.status, ok });
      return ok ? reply : null;
    };
    const base = quizPath(slot.learner.lang, slot.courseId, slot.quizId);
    const started = await step({ method: "POST", path: `${base}?index`, headers, body: "" }, 302, scheduledAt);
    const attemptPath = started?.headers.location;
    const attemptId = attemptPath?.split("/").at(-1);
    if (!attemptPath || !attemptId) return samples;
    if (!(await step({ path: attemptPath, headers: { Cookie: slot.learner.cookie } }, 200))) return samples;
    const row = snapshotOf.get(attemptId);
    if (!row) return [...samples, { ms: NaN, status: 0, ok: false }];
    const items = snapshotItems(JSON.parse(row.snapshot) as AttemptSnapshot);
    const fields = items.flatMap((item, i) => answerFields([item], i % 3 !== 2));
    const body = (intent: string) => new URLSearchParams([["intent", intent], ...fields]).toString();
    if (options.save) {
      const save = { method: "POST" as const, path: `${attemptPath}.data?index`, headers, body: body("save") };
      if (!(await step(save, 200))) return samples;
    }
    const submit = { method: "POST" as const, path: `${attemptPath}?index`, headers, body: body("submit") };
    if (!(await step(submit, 302))) return samples;
    if (--slot.attemptsLeft > 0) queue.push(slot);
    return samples;
  };
}

export function quizScenario(learners: readonly Learner[], db: Database.Database): Scenario {
  return {
    name: "quiz start + page + save + submit",
    shows: "a quiz taken over HTTP: start form, attempt page, autosave, submit form (learners × quizzes)",
    baseline: "react",
    requestsPerUnit: 4,
    work: quizFlow(quizSlots(learners, 3), db, { save: true }),
  };
}

/**
 * The public credential URLs, anonymous as a verifier or wallet would call them, rotating over
 * every issued credential in the database (the demo's: valid, expiring, revoked). /verify
 * checks signature and status lists once per credential and list version (then its cache),
 * and counts each request against the per-IP limit, which the bench lifts.
 */
export function credentialScenarios(db: Database.Database): Scenario[] {
  // Issued ones only: the vetting scenario's 20,000 rows (ids "bench-vet-…", never signed) are
  // data for its dashboard, and answered 404 here once they existed (all but 1 % of requests).
  const ids = (
    db.prepare("SELECT id FROM Credential WHERE id NOT LIKE 'bench-%' ORDER BY id").all() as { id: string }[]
  ).map((r) => r.id);
  if (ids.length === 0) return [];
  const anonymous = (path: string, accept: string): HttpRequest => ({
    path,
    headers: { "Accept-Encoding": "gzip", "Accept-Language": "es-MX,es;q=0.9", Accept: accept },
  });
  const verifyId = rotation(ids);
  const jsonId = rotation(ids);
  return [
    {
      name: "GET /verify/:id (anonymous)",
      shows: `the public verification page, rotating over ${ids.length} credentials`,
      baseline: "react",
      requestsPerUnit: 1,
      work: oneRequest(() => anonymous(`/verify/${verifyId()}`, "text/html")),
    },
    {
      name: "GET /credentials/:id.json (anonymous)",
      shows: `the signed Open Badges 3.0 credential, rotating over ${ids.length} credentials`,
      baseline: "ok",
      requestsPerUnit: 1,
      work: oneRequest(() => anonymous(`/credentials/${jsonId()}.json`, "application/vc+ld+json")),
    },
  ];
}
