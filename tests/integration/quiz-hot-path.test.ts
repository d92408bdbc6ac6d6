// The exam's reads as prepared statements (readRows): the attempt, the learner's standing at a
// quiz and the enrolment check give what the Prisma queries gave — types included (dates as
// Date, flags as booleans) — on SQLite and PostgreSQL; and a submit with nothing saved before
// grades every item once.
import { beforeEach, describe, expect, it } from "vitest";
import { contentVersion, getQuiz } from "~/modules/content/index.server.ts";
import { db } from "~/modules/db/index.server.ts";
import { enrol, isEnrolled } from "~/modules/learning/index.server.ts";
import {
  ownAttempt,
  quizStanding,
  saveAnswers,
  savedAnswers,
  snapshotItems,
  startAttempt,
  submitAttempt,
} from "~/modules/quiz/index.server.ts";
import { answerFields } from "../helpers/quiz.ts";
import { createUser, resetDatabase } from "../helpers/factories.ts";

beforeEach(resetDatabase);

const QUIZ = "m5-typologies-quiz";
const COURSE = "aml-core";

async function started(userId: string, now = new Date()) {
  const quiz = getQuiz(QUIZ)!;
  const result = await startAttempt({
    userId,
    quiz,
    courseId: COURSE,
    lang: "en",
    contentVersion: contentVersion(),
    now,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.attemptId;
}

describe("exam reads through prepared statements", () => {
  // Generous: the first test also loads the content (slow on a busy machine).
  it("ownAttempt reads what Prisma reads, with the same types, and only the owner's", { timeout: 90_000 }, async () => {
    const user = await createUser();
    const other = await createUser();
    await enrol(user.id, COURSE);
    const id = await started(user.id);
    const read = await ownAttempt(id, user.id);
    const prisma = await db.quizAttempt.findUniqueOrThrow({
      where: { id },
      select: {
        id: true,
        userId: true,
        quizId: true,
        courseId: true,
        number: true,
        lang: true,
        status: true,
        snapshot: true,
        startedAt: true,
        deadlineAt: true,
        submittedAt: true,
        passMark: true,
        maxPoints: true,
        scorePoints: true,
        percent: true,
        passed: true,
        lateSubmission: true,
        contentVersion: true,
      },
    });
    expect(read).toEqual({ ...prisma, snapshot: JSON.parse(prisma.snapshot) });
    expect(read!.startedAt).toBeInstanceOf(Date);
    expect(await ownAttempt(id, other.id)).toBeNull();

    const items = snapshotItems(read!.snapshot);
    const fields = items.flatMap((item, i) => answerFields([item], i % 2 === 0));
    const submitted = await submitAttempt({ attemptId: id, userId: user.id, fields, read: read! });
    expect(submitted.ok).toBe(true);
    const after = await ownAttempt(id, user.id);
    const prismaAfter = await db.quizAttempt.findUniqueOrThrow({
      where: { id },
      select: { submittedAt: true, passed: true, percent: true, scorePoints: true, lateSubmission: true },
    });
    expect(after).toMatchObject(prismaAfter);
    expect(after!.submittedAt).toBeInstanceOf(Date);
    expect(typeof after!.passed).toBe("boolean");
    // Nothing was saved before the submit: one response per item, each graded once.
    const responses = await db.quizResponse.findMany({ where: { attemptId: id }, select: { itemKey: true } });
    expect(responses.map((r) => r.itemKey).sort()).toEqual(items.map((i) => i.key).sort());
  });

  it("the standing counts attempts newest first and adds the accommodation's extra attempts", async () => {
    const user = await createUser();
    const admin = await createUser({ admin: true });
    await enrol(user.id, COURSE);
    const quiz = getQuiz(QUIZ)!;
    const first = await started(user.id);
    const read = await ownAttempt(first, user.id);
    await submitAttempt({ attemptId: first, userId: user.id, fields: [], read: read! });
    await db.quizAccommodation.create({
      data: { userId: user.id, quizId: QUIZ, extraMinutes: 15, extraAttempts: 2, grantedById: admin.id },
    });
    // A week later: past any cool-down.
    const later = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
    const standing = await quizStanding(user.id, quiz, later);
    expect(standing.attemptsUsed).toBe(1);
    expect(standing).toMatchObject({ extraMinutes: 15, extraAttempts: 2, openAttemptId: null, nextNumber: 2 });
    expect(standing.attemptsAllowed).toBe(quiz.settings.maxAttempts === 0 ? null : quiz.settings.maxAttempts + 2);
    const second = await started(user.id, later);
    const reopened = await quizStanding(user.id, quiz, later);
    expect(reopened).toMatchObject({ openAttemptId: second, attemptsUsed: 1, nextNumber: 3 });
  });

  it("a started attempt's dates are stored as Prisma stores them, so Prisma's date filters find it", async () => {
    const user = await createUser();
    await enrol(user.id, COURSE);
    const now = new Date("2026-12-06T05:00:00.123Z");
    const id = await started(user.id, now);
    const row = await db.quizAttempt.findUniqueOrThrow({
      where: { id },
      select: { startedAt: true, deadlineAt: true, lateSubmission: true, status: true, openKey: true, number: true },
    });
    expect(row).toMatchObject({ startedAt: now, lateSubmission: false, status: "open", number: 1 });
    expect(row.openKey).toBe(`${user.id}:${QUIZ}`);
    const limit = getQuiz(QUIZ)!.settings.timeLimitMinutes;
    expect(row.deadlineAt).toEqual(limit ? new Date(now.getTime() + limit * 60_000) : null);
    // Equality and range filters compare the stored form (text on SQLite): a different
    // spelling of the same instant would not match.
    expect(await db.quizAttempt.count({ where: { id, startedAt: now } })).toBe(1);
    expect(await db.quizAttempt.count({ where: { id, startedAt: { gte: now, lte: now } } })).toBe(1);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("savedAnswers reads what Prisma reads; a submit merges saved answers with the form's, once per item", async () => {
    const user = await createUser();
    await enrol(user.id, COURSE);
    const saveAt = new Date(Date.now() - 60_000);
    const id = await started(user.id, new Date(saveAt.getTime() - 60_000));
    const items = snapshotItems((await ownAttempt(id, user.id))!.snapshot);
    const [first, second, ...rest] = items;
    // Saved: the first item right, the second wrong; the form then answers the second right
    // and leaves out the first (a partial form: the saved answer must count).
    await saveAnswers({
      attemptId: id,
      userId: user.id,
      fields: [...answerFields([first!], true), ...answerFields([second!], false)],
      now: saveAt,
    });
    const saved = await savedAnswers(id);
    const prisma = await db.quizResponse.findMany({
      where: { attemptId: id },
      select: { itemKey: true, answer: true, savedAt: true },
    });
    expect(saved).toEqual(
      new Map(prisma.map((r) => [r.itemKey, { answer: JSON.parse(r.answer), savedAt: r.savedAt }])),
    );
    expect(saved.get(first!.key)!.savedAt).toEqual(saveAt);

    const submittedAt = new Date();
    const result = await submitAttempt({
      attemptId: id,
      userId: user.id,
      fields: [...answerFields([second!], true), ...answerFields(rest, false)],
      now: submittedAt,
    });
    expect(result).toMatchObject({ ok: true, alreadySubmitted: false });
    const responses = await db.quizResponse.findMany({
      where: { attemptId: id },
      select: { itemKey: true, score: true, savedAt: true },
    });
    expect(responses).toHaveLength(items.length);
    const byKey = new Map(responses.map((r) => [r.itemKey, r]));
    expect(byKey.get(first!.key)).toMatchObject({ score: 1, savedAt: saveAt });
    expect(byKey.get(second!.key)).toMatchObject({ score: 1, savedAt: submittedAt });
    expect(await db.quizResponse.count({ where: { attemptId: id, savedAt: submittedAt } })).toBe(items.length - 1);
    const attempt = await db.quizAttempt.findUniqueOrThrow({
      where: { id },
      select: { status: true, openKey: true, submittedAt: true, scorePoints: true, lateSubmission: true },
    });
    // The grade is the stored rows' (a "wrong" answer of a drawn item may still earn a point).
    const points = responses.reduce((sum, r) => sum + (r.score ?? 0), 0);
    expect(attempt).toMatchObject({ status: "submitted", openKey: null, submittedAt, scorePoints: points });
    expect(attempt.lateSubmission).toBe(false);
  });

  it("a complete form replaces what was saved and is graded in the claim", async () => {
    const user = await createUser();
    await enrol(user.id, COURSE);
    const id = await started(user.id);
    const items = snapshotItems((await ownAttempt(id, user.id))!.snapshot);
    await saveAnswers({ attemptId: id, userId: user.id, fields: answerFields(items, false) });
    const result = await submitAttempt({ attemptId: id, userId: user.id, fields: answerFields(items, true) });
    expect(result).toMatchObject({ ok: true, percent: 100, passed: true });
    const responses = await db.quizResponse.findMany({ where: { attemptId: id }, select: { score: true } });
    expect(responses.map((r) => r.score)).toEqual(items.map(() => 1));
    expect(
      await db.quizAttempt.findUniqueOrThrow({
        where: { id },
        select: { scorePoints: true, percent: true, passed: true },
      }),
    ).toEqual({ scorePoints: items.length, percent: 100, passed: true });
  });

  it("isEnrolled answers from one statement", async () => {
    const user = await createUser();
    expect(await isEnrolled(user.id, COURSE)).toBe(false);
    await enrol(user.id, COURSE);
    expect(await isEnrolled(user.id, COURSE)).toBe(true);
  });
});
