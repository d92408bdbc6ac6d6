// Shared by the credentials tests: the fixture content (course aml-basics, its two lessons,
// quiz m1-basics-quiz, achievement aml-basics-certificate), earned through the real routes.
import { expect } from "vitest";
import { loader as didLoader } from "~/routes/[.well-known].did[.json]/route.ts";
import { loader as jsonLoader } from "~/routes/credentials.$file/route.ts";
import { action as introAction } from "~/routes/$lang.courses_.$course_.quizzes.$quiz._index/route.tsx";
import { action as attemptAction } from "~/routes/$lang.courses_.$course_.quizzes.$quiz.attempts.$attempt._index/route.tsx";
import { ownAttempt, snapshotItems } from "~/modules/quiz/index.server.ts";
import { answerFields } from "../helpers/quiz.ts";
import { makeRequest, run } from "../helpers/routes.ts";
import { COURSE, complete, enrolVia, QUIZ } from "./learning-fixture.ts";

export const ACHIEVEMENT = "aml-basics-certificate";
export const LESSONS = ["laundering-stages", "cash-reports"];

const quizBase = (lang: string) => `/${lang}/courses/${COURSE}/quizzes/${QUIZ}`;
const quizParams = (lang: string, attempt?: string) => ({
  lang,
  course: COURSE,
  quiz: QUIZ,
  ...(attempt ? { attempt } : {}),
});

/** Starts and submits one attempt through the quiz routes; `correct` answers all right or all wrong. */
export async function takeQuiz(userId: string, cookie: string, correct: boolean, lang = "en") {
  const started = await run(introAction, makeRequest(quizBase(lang), { cookie, form: {} }), quizParams(lang));
  expect(started.status).toBe(302);
  const attemptId = started.location!.split("/").pop()!;
  const attempt = await ownAttempt(attemptId, userId);
  const fields = answerFields(snapshotItems(attempt!.snapshot), correct);
  // Several fields may share a name (multiple choice), so the body is built from the pairs.
  const request = new Request(new URL(`${quizBase(lang)}/attempts/${attemptId}`, "http://localhost:3000"), {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams([["intent", "submit"], ...fields]),
  });
  const submitted = await run(attemptAction, request, quizParams(lang, attemptId));
  expect(submitted.status).toBe(302);
  return attemptId;
}

/** Enrols, reads every lesson, passes the quiz: the real flow that earns the credential. */
export async function earnThroughRoutes(userId: string, cookie: string, lang = "en") {
  await enrolVia(cookie);
  for (const lesson of LESSONS) await complete(cookie, lesson, lang);
  await takeQuiz(userId, cookie, true, lang);
}

type Loader = (args: { request: Request; params: Record<string, string>; context: unknown }) => unknown;

/** Calls a resource route's loader and reads its Response (thrown or returned). */
export async function fetchResource(
  loader: Loader,
  path: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
) {
  let response: Response;
  try {
    response = (await loader({
      request: makeRequest(path, { headers }),
      params,
      context: { clientIp: "203.0.113.7" },
    })) as Response;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    response = thrown;
  }
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as Record<string, unknown>,
  };
}

export const fetchCredentialJson = (id: string, headers: Record<string, string> = {}) =>
  fetchResource(jsonLoader as Loader, `/credentials/${id}.json`, { file: `${id}.json` }, headers);

export const fetchDid = () => fetchResource(didLoader as Loader, "/.well-known/did.json", {});
