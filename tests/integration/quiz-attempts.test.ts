import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/modules/db/index.server.ts";
import { sampleQuiz } from "../helpers/sample-quiz.ts";
import {
  ownAttempt,
  quizStanding,
  saveAnswers,
  snapshotItems,
  startAttempt,
  submitAttempt,
} from "~/modules/quiz/index.server.ts";
import { createUser, resetDatabase } from "../helpers/factories.ts";
import { answerFields } from "../helpers/quiz.ts";

beforeEach(resetDatabase);

const quiz = { ...sampleQuiz, settings: { ...sampleQuiz.settings, timeLimitMinutes: 10 } };
const start = (userId: string, now = new Date()) =>
  startAttempt({ userId, quiz, courseId: "course-x", lang: "es", contentVersion: "v-test", now });

async function itemsOf(attemptId: string, userId: string) {
  return snapshotItems((await ownAttempt(attemptId, userId))!.snapshot);
}

describe("starting attempts", () => {
  it("fixes the snapshot, content version and language, and resumes the one open attempt", async () => {
    const user = await createUser();
    const first = await start(user.id);
    const again = await start(user.id);
    expect(first.ok && again.ok && again.attemptId === first.attemptId && again.resumed).toBe(true);
    const row = await db.quizAttempt.findMany({
      where: { userId: user.id },
      select: { lang: true, contentVersion: true, maxPoints: true, deadlineAt: true, startedAt: true },
    });
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({ lang: "es", contentVersion: "v-test", maxPoints: 9 });
    expect(row[0]!.deadlineAt!.getTime() - row[0]!.startedAt.getTime()).toBe(10 * 60_000);
  });

  it("two simultaneous starts end in the same attempt", async () => {
    const user = await createUser();
    const results = await Promise.all(Array.from({ length: 5 }, () => start(user.id)));
    const ids = new Set(results.map((r) => (r.ok ? r.attemptId : "refused")));
    expect(ids.size).toBe(1);
    expect(await db.quizAttempt.count()).toBe(1);
  });

  it("enforces the cool-down and the maximum number of attempts, with accommodations", async () => {
    const user = await createUser();
    const t0 = new Date("2026-03-01T10:00:00Z");
    const a1 = await start(user.id, t0);
    await submitAttempt({ attemptId: a1.ok ? a1.attemptId : "", userId: user.id, now: t0 });
    const cooling = await start(user.id, new Date(t0.getTime() + 30 * 60_000));
    expect(cooling).toMatchObject({ ok: false, reason: "coolingDown" });
    let now = t0;
    for (let i = 2; i <= 3; i++) {
      now = new Date(now.getTime() + 61 * 60_000);
      const a = await start(user.id, now);
      expect(a.ok).toBe(true);
      await submitAttempt({ attemptId: a.ok ? a.attemptId : "", userId: user.id, now });
    }
    now = new Date(now.getTime() + 61 * 60_000);
    expect(await start(user.id, now)).toEqual({ ok: false, reason: "noAttemptsLeft" });
    await db.quizAccommodation.create({
      data: { userId: user.id, quizId: quiz.id, extraAttempts: 1, extraMinutes: 15, grantedById: user.id },
    });
    const standing = await quizStanding(user.id, quiz, now);
    expect(standing).toMatchObject({ attemptsAllowed: 4, attemptsLeft: 1, timeLimitMinutes: 25 });
    expect((await start(user.id, now)).ok).toBe(true);
  });
});

describe("saving and submitting", () => {
  it("saves answers as the learner goes and grades them on submission", async () => {
    const user = await createUser();
    const started = await start(user.id);
    const attemptId = started.ok ? started.attemptId : "";
    const items = await itemsOf(attemptId, user.id);
    const fields = answerFields(items, true);
    const saved = await saveAnswers({ attemptId, userId: user.id, fields: answerFields(items.slice(0, 2), true) });
    expect(saved.ok).toBe(true);
    expect(await db.quizResponse.count({ where: { attemptId } })).toBeGreaterThan(0);
    const result = await submitAttempt({ attemptId, userId: user.id, fields });
    expect(result).toMatchObject({ ok: true, percent: 100, passed: true, alreadySubmitted: false });
    expect(await db.quizResponse.count({ where: { attemptId } })).toBe(9);
  });

  it("counts unanswered items as wrong and fails below the pass mark", async () => {
    const user = await createUser();
    const started = await start(user.id);
    const attemptId = started.ok ? started.attemptId : "";
    const items = await itemsOf(attemptId, user.id);
    const result = await submitAttempt({ attemptId, userId: user.id, fields: answerFields(items.slice(0, 4), true) });
    expect(result).toMatchObject({ ok: true, passed: false });
    expect(result.ok && Math.round(result.percent)).toBe(Math.round((4 / 9) * 100));
  });

  it("grades a double submission once and returns the same result", async () => {
    const user = await createUser();
    const started = await start(user.id);
    const attemptId = started.ok ? started.attemptId : "";
    const fields = answerFields(await itemsOf(attemptId, user.id), true);
    const [a, b] = await Promise.all([
      submitAttempt({ attemptId, userId: user.id, fields }),
      submitAttempt({ attemptId, userId: user.id, fields: answerFields(await itemsOf(attemptId, user.id), false) }),
    ]);
    expect([a, b].filter((r) => r.ok && !r.alreadySubmitted)).toHaveLength(1);
    expect(a.ok && b.ok && a.percent === b.percent).toBe(true);
    const retry = await submitAttempt({ attemptId, userId: user.id, fields });
    expect(retry).toMatchObject({ ok: true, alreadySubmitted: true, percent: a.ok ? a.percent : -1 });
  });

  it("after the deadline, grades only what was saved by then", async () => {
    const user = await createUser();
    const t0 = new Date("2026-03-01T10:00:00Z");
    const started = await start(user.id, t0);
    const attemptId = started.ok ? started.attemptId : "";
    const items = await itemsOf(attemptId, user.id);
    await saveAnswers({
      attemptId,
      userId: user.id,
      fields: answerFields(items.slice(0, 2), true),
      now: new Date(t0.getTime() + 5 * 60_000),
    });
    const tooLate = new Date(t0.getTime() + 11 * 60_000);
    expect(await saveAnswers({ attemptId, userId: user.id, fields: answerFields(items, true), now: tooLate })).toEqual({
      ok: false,
      reason: "timeUp",
    });
    const result = await submitAttempt({ attemptId, userId: user.id, fields: answerFields(items, true), now: tooLate });
    expect(result).toMatchObject({ ok: true, late: true, passed: false });
    expect(result.ok && Math.round(result.percent)).toBe(Math.round((2 / 9) * 100));
  });

  it("accepts a submission within the grace period in full", async () => {
    const user = await createUser();
    const t0 = new Date("2026-03-01T10:00:00Z");
    const started = await start(user.id, t0);
    const attemptId = started.ok ? started.attemptId : "";
    const items = await itemsOf(attemptId, user.id);
    const result = await submitAttempt({
      attemptId,
      userId: user.id,
      fields: answerFields(items, true),
      now: new Date(t0.getTime() + 10 * 60_000 + 10_000),
    });
    expect(result).toMatchObject({ ok: true, late: false, percent: 100 });
  });
});

describe("bad input changes nothing", () => {
  it("refuses unknown items and options, other people's attempts and closed attempts", async () => {
    const user = await createUser();
    const other = await createUser();
    const started = await start(user.id);
    const attemptId = started.ok ? started.attemptId : "";
    const items = await itemsOf(attemptId, user.id);
    const before = await db.quizResponse.count();
    const unknownItem = await saveAnswers({
      attemptId,
      userId: user.id,
      fields: [["q42", "x"], ...answerFields(items.slice(0, 1), true)],
    });
    expect(unknownItem).toMatchObject({ ok: false, reason: "invalid" });
    const unknownOption = await saveAnswers({
      attemptId,
      userId: user.id,
      fields: [[items.find((i) => i.type === "single")!.key, "zzzzzzzz"]],
    });
    expect(unknownOption).toMatchObject({ ok: false, reason: "invalid" });
    expect(await db.quizResponse.count()).toBe(before);
    expect(await saveAnswers({ attemptId, userId: other.id, fields: answerFields(items, true) })).toEqual({
      ok: false,
      reason: "notFound",
    });
    expect(await submitAttempt({ attemptId, userId: other.id, fields: [] })).toEqual({ ok: false, reason: "notFound" });
    const invalidSubmit = await submitAttempt({ attemptId, userId: user.id, fields: [["q42", "x"]] });
    expect(invalidSubmit).toMatchObject({ ok: false, reason: "invalid" });
    expect((await db.quizAttempt.findUnique({ where: { id: attemptId }, select: { status: true } }))?.status).toBe(
      "open",
    );
    await submitAttempt({ attemptId, userId: user.id });
    expect(await saveAnswers({ attemptId, userId: user.id, fields: answerFields(items, true) })).toEqual({
      ok: false,
      reason: "closed",
    });
  });
});
