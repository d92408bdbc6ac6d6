// A quiz that counts toward a credential (reviewPolicy: after-pass-or-last) shows marks
// after every attempt, but its keys and explanations only once the learner has passed or
// has used the last attempt: otherwise a retake from the same pool is a copying exercise.
import { beforeEach, describe, expect, it } from "vitest";
import { contentVersion, getQuiz } from "~/modules/content/index.server.ts";
import { enrol } from "~/modules/learning/index.server.ts";
import { ownAttempt, snapshotItems, startAttempt, submitAttempt } from "~/modules/quiz/index.server.ts";
import { loader as reviewLoader } from "~/routes/$lang.courses_.$course_.quizzes.$quiz.attempts.$attempt.review/route.tsx";
import { createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { answerFields } from "../helpers/quiz.ts";
import { makeRequest, run } from "../helpers/routes.ts";

beforeEach(resetDatabase);

const COURSE = "aml-core";
const QUIZ = "m1-foundations-quiz";
const quiz = getQuiz(QUIZ)!;
const HOUR = 61 * 60_000;

type ReviewData = {
  review: {
    passed: boolean;
    percent: number;
    answersHidden: boolean;
    answersShownAfter: string | null;
    units: {
      items: {
        correctAnswer: string[] | null;
        explanation: string | null;
        explanationOther: string | null;
        score: number | null;
        correct: boolean | null;
      }[];
    }[];
  };
};

async function learner() {
  const user = await createUser({ language: "en" });
  await enrol(user.id, COURSE);
  return { user, cookie: await sessionCookie(user.id) };
}

/** Starts and submits one attempt at `now`, answering everything right or wrong. */
async function attempt(userId: string, right: boolean, now: Date): Promise<string> {
  const started = await startAttempt({
    userId,
    quiz,
    courseId: COURSE,
    lang: "en",
    contentVersion: contentVersion(),
    now,
  });
  if (!started.ok) throw new Error(`could not start: ${started.reason}`);
  const items = snapshotItems((await ownAttempt(started.attemptId, userId))!.snapshot);
  await submitAttempt({ attemptId: started.attemptId, userId, fields: answerFields(items, right), now });
  return started.attemptId;
}

async function review(cookie: string, attemptId: string) {
  const url = `/en/courses/${COURSE}/quizzes/${QUIZ}/attempts/${attemptId}/review`;
  const result = await run(reviewLoader, makeRequest(url, { cookie }), {
    lang: "en",
    course: COURSE,
    quiz: QUIZ,
    attempt: attemptId,
  });
  expect(result.status).toBe(200);
  return { data: result.data as ReviewData, json: JSON.stringify(result.data) };
}

const items = (data: ReviewData) => data.review.units.flatMap((unit) => unit.items);

function expectKeysWithheld({ data, json }: { data: ReviewData; json: string }) {
  expect(data.review.answersHidden).toBe(true);
  expect(data.review.answersShownAfter).toBe("pass-or-last");
  for (const item of items(data)) {
    expect(item).toMatchObject({ correctAnswer: null, explanation: null, explanationOther: null });
    // Marks still show: the score and whether each item was right.
    expect(item.score).not.toBeNull();
    expect(item.correct).not.toBeNull();
  }
  // Not even elsewhere in the payload: no explanation text of any item leaves the server.
  for (const item of quiz.items) {
    expect(json).not.toContain(item.explanation.en.slice(0, 40));
    expect(json).not.toContain(item.explanation.es.slice(0, 40));
  }
}

function expectKeysShown({ data }: { data: ReviewData }) {
  expect(data.review.answersHidden).toBe(false);
  expect(data.review.answersShownAfter).toBeNull();
  for (const item of items(data)) {
    expect(item.correctAnswer?.length).toBeGreaterThan(0);
    expect(item.explanation).toBeTruthy();
    expect(item.explanationOther).toBeTruthy();
  }
}

describe("review of a quiz that counts toward a credential", () => {
  it("is configured so in the content", () => {
    expect(quiz.settings).toMatchObject({ reviewPolicy: "after-pass-or-last", maxAttempts: 3 });
  });

  it("after a failed attempt that is not the last: marks, but no keys or explanations", async () => {
    const { user, cookie } = await learner();
    const first = await attempt(user.id, false, new Date());
    const shown = await review(cookie, first);
    expect(shown.data.review.passed).toBe(false);
    expect(items(shown.data).every((item) => item.correct === false)).toBe(true);
    expectKeysWithheld(shown);
  });

  it("after a pass: keys and explanations, also on the earlier failed attempt", async () => {
    const { user, cookie } = await learner();
    const t0 = new Date(Date.now() - 3 * HOUR);
    const failed = await attempt(user.id, false, t0);
    expectKeysWithheld(await review(cookie, failed));
    const passed = await attempt(user.id, true, new Date(t0.getTime() + HOUR));
    const shown = await review(cookie, passed);
    expect(shown.data.review.passed).toBe(true);
    expect(items(shown.data).every((item) => item.correct === true)).toBe(true);
    expectKeysShown(shown);
    expectKeysShown(await review(cookie, failed));
  });

  it("after the last allowed attempt: keys and explanations, though never passed", async () => {
    const { user, cookie } = await learner();
    const t0 = new Date(Date.now() - 4 * HOUR);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await attempt(user.id, false, new Date(t0.getTime() + i * HOUR)));
      if (i < 2) expectKeysWithheld(await review(cookie, ids[i]!));
    }
    const last = await review(cookie, ids[2]!);
    expect(last.data.review.passed).toBe(false);
    expectKeysShown(last);
  });
});
