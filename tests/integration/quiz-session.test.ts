// A learner answering a quiz is never signed out by idleness (each autosave is activity), and
// an answer posted on a session that ended between saves is refused without being stored (the
// sign-in redirect the autosave recognizes, keeping the answer on the device) and saved once
// the learner signs in again (decision 016).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { enrol } from "~/modules/learning/index.server.ts";
import { ownAttempt, snapshotItems } from "~/modules/quiz/index.server.ts";
import { action as introAction } from "~/routes/$lang.courses_.$course_.quizzes.$quiz._index/route.tsx";
import { action as answersAction } from "~/routes/$lang.courses_.$course_.quizzes.$quiz.attempts.$attempt.answers/route.ts";
import { createUser, resetDatabase, sessionCookie } from "../helpers/factories.ts";
import { answerFields } from "../helpers/quiz.ts";
import { makeRequest, run } from "../helpers/routes.ts";

const MINUTE = 60_000;
const START = new Date("2026-12-05T12:00:00Z").getTime();
const COURSE = "aml-core";
const QUIZ = "m1-foundations-quiz";
const base = `/en/courses/${COURSE}/quizzes/${QUIZ}`;
const params = (attempt?: string) => ({ lang: "en", course: COURSE, quiz: QUIZ, ...(attempt ? { attempt } : {}) });
const at = (minutes: number) => vi.setSystemTime(START + minutes * MINUTE);

beforeEach(async () => {
  await resetDatabase();
  vi.useFakeTimers({ toFake: ["Date"] });
  at(0);
});
afterEach(() => vi.useRealTimers());

describe("answering a quiz and the session", () => {
  it("each save is activity: saving every 25 minutes for 100 minutes keeps the learner signed in", async () => {
    const user = await createUser();
    await enrol(user.id, COURSE);
    const cookie = await sessionCookie(user.id);
    const started = await run(introAction, makeRequest(base, { cookie, form: {} }), params());
    const attemptId = started.location!.split("/").pop()!;
    const items = snapshotItems((await ownAttempt(attemptId, user.id))!.snapshot);
    // One answer per question (a multiple-choice question gives several fields of one name).
    const fields = [...new Map(answerFields(items, true).map((f) => [f[0], f])).values()];
    // The answer sent after the session ended: a question answered by one field (a matching or
    // ordering question stores nothing from a part), not among those saved before.
    const simple = new Set(items.filter((i) => i.type === "single" || i.type === "true-false").map((i) => i.key));
    const last = fields.findIndex((f, i) => i > 4 && simple.has(f[0]));
    expect(last).toBeGreaterThan(4);
    const responsesTo = (index: number) => db.quizResponse.count({ where: { attemptId, itemKey: fields[index]![0] } });
    // A 30-minute quiz with two hours of extra time (an accommodation): a long sitting.
    await db.quizAttempt.update({ where: { id: attemptId }, data: { deadlineAt: new Date(START + 150 * MINUTE) } });
    const save = (cookie: string, i: number) =>
      run(
        answersAction,
        makeRequest(`${base}/attempts/${attemptId}/answers`, { cookie, form: Object.fromEntries([fields[i]!]) }),
        params(attemptId),
      );
    for (let i = 1; i <= 4; i++) {
      at(i * 25);
      expect((await save(cookie, i)).status).toBe(200);
    }

    // Then 31 minutes without a save: the session is over; the next answer is not stored and
    // the sign-in redirect tells the autosave to keep it on the device.
    at(4 * 25 + 31);
    const refused = await save(cookie, last);
    expect(refused.status).toBe(302);
    expect(refused.location).toMatch(/^\/en\/login\?redirectTo=/);
    expect(await responsesTo(last)).toBe(0);

    // Signed in again (another tab), the same answer is saved.
    const again = await sessionCookie(user.id);
    expect((await save(again, last)).status).toBe(200);
    expect(await responsesTo(last)).toBe(1);
  });
});
