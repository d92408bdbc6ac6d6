// What a learner may do with a quiz now: attempts left, cool-down, time limit, open attempt.
import { env } from "~/env.server.ts";
import type { Quiz } from "~/modules/content/index.ts";
import { db, readRows, type RawRead } from "~/modules/db/index.server.ts";

export type QuizStanding = {
  attemptsUsed: number;
  /** null = unlimited */
  attemptsAllowed: number | null;
  attemptsLeft: number | null;
  cooldownUntil: Date | null;
  timeLimitMinutes: number | null;
  extraMinutes: number;
  extraAttempts: number;
  openAttemptId: string | null;
  bestPercent: number | null;
  passed: boolean;
  /** The number the next attempt gets (attempts are numbered over the learner's whole history). */
  nextNumber: number;
  /** Start of the current cycle of attempts (a recertification window), or null. */
  cycleStart: Date | null;
};

export function cooldownMs(quiz: Quiz): number {
  return (env.QUIZ_COOLDOWN_SECONDS ?? quiz.settings.cooldownMinutes * 60) * 1000;
}

// The learner's attempts at the quiz and their accommodation in one prepared statement
// (readRows): every quiz start asks this, and at an exam everyone starts at once.
const standingRead: RawRead = {
  sqlite: `SELECT 'a' AS kind, id, status, startedAt, submittedAt, percent, passed, number, NULL AS extraMinutes, NULL AS extraAttempts
             FROM QuizAttempt WHERE userId = ? AND quizId = ?
           UNION ALL
           SELECT 'x', NULL, NULL, NULL, NULL, NULL, NULL, NULL, extraMinutes, extraAttempts
             FROM QuizAccommodation WHERE userId = ? AND quizId = ?`,
  postgresql: `SELECT 'a' AS "kind", "id", "status", "startedAt" AT TIME ZONE 'UTC' AS "startedAt",
                      "submittedAt" AT TIME ZONE 'UTC' AS "submittedAt", "percent", "passed",
                      "number", NULL::integer AS "extraMinutes", NULL::integer AS "extraAttempts"
                 FROM "QuizAttempt" WHERE "userId" = $1 AND "quizId" = $2
               UNION ALL
               SELECT 'x', NULL, NULL, NULL, NULL, NULL, NULL, NULL, "extraMinutes", "extraAttempts"
                 FROM "QuizAccommodation" WHERE "userId" = $3 AND "quizId" = $4`,
};

type StandingRow = {
  kind: "a" | "x";
  id: string | null;
  status: string | null;
  startedAt: string | number | Date | null;
  submittedAt: string | number | Date | null;
  percent: number | null;
  passed: boolean | number | null;
  number: number | null;
  extraMinutes: number | null;
  extraAttempts: number | null;
};

function asDate(value: string | number | Date | null): Date | null {
  return value === null ? null : value instanceof Date ? value : new Date(value);
}

async function attemptsAndAccommodation(userId: string, quizId: string) {
  const rows = await readRows<StandingRow>(standingRead, [userId, quizId, userId, quizId]);
  const accommodation = rows.find((r) => r.kind === "x");
  const attempts = rows
    .filter((r) => r.kind === "a")
    .sort((a, b) => Number(b.number) - Number(a.number))
    .map((r) => ({
      id: String(r.id),
      status: String(r.status),
      startedAt: asDate(r.startedAt) ?? new Date(0),
      submittedAt:
        r.submittedAt === null ? null : r.submittedAt instanceof Date ? r.submittedAt : new Date(r.submittedAt),
      percent: r.percent === null ? null : Number(r.percent),
      passed: r.passed === null ? null : Boolean(r.passed),
      number: Number(r.number),
    }));
  return {
    attempts,
    accommodation: {
      extraMinutes: Number(accommodation?.extraMinutes ?? 0),
      extraAttempts: Number(accommodation?.extraAttempts ?? 0),
    },
  };
}

export async function accommodationOf(userId: string, quizId: string) {
  const row = await db.quizAccommodation.findUnique({
    where: { userId_quizId: { userId, quizId } },
    select: { extraMinutes: true, extraAttempts: true },
  });
  return row ?? { extraMinutes: 0, extraAttempts: 0 };
}

/**
 * `cycleStart`: attempts started before it belong to an earlier cycle (e.g. a credential
 * being recertified counts attempts afresh from its window) and count neither towards the
 * limit nor as a pass here. The caller gets it from the credentials module.
 */
export async function quizStanding(
  userId: string,
  quiz: Quiz,
  now = new Date(),
  cycleStart: Date | null = null,
): Promise<QuizStanding> {
  const { attempts: all, accommodation } = await attemptsAndAccommodation(userId, quiz.id);
  const attempts = cycleStart ? all.filter((a) => a.status === "open" || a.startedAt >= cycleStart) : all;
  const submitted = attempts.filter((a) => a.status === "submitted");
  const allowed = quiz.settings.maxAttempts === 0 ? null : quiz.settings.maxAttempts + accommodation.extraAttempts;
  // The cool-down follows the last attempt of any cycle.
  const lastSubmittedAt = all.find((a) => a.status === "submitted")?.submittedAt ?? null;
  const cooldownEnds = lastSubmittedAt ? new Date(lastSubmittedAt.getTime() + cooldownMs(quiz)) : null;
  const percents = submitted.map((a) => a.percent ?? 0);
  return {
    attemptsUsed: submitted.length,
    attemptsAllowed: allowed,
    attemptsLeft: allowed === null ? null : Math.max(0, allowed - submitted.length),
    cooldownUntil: cooldownEnds && cooldownEnds > now ? cooldownEnds : null,
    timeLimitMinutes: quiz.settings.timeLimitMinutes
      ? quiz.settings.timeLimitMinutes + accommodation.extraMinutes
      : null,
    extraMinutes: accommodation.extraMinutes,
    extraAttempts: accommodation.extraAttempts,
    openAttemptId: attempts.find((a) => a.status === "open")?.id ?? null,
    bestPercent: percents.length ? Math.max(...percents) : null,
    passed: submitted.some((a) => a.passed),
    nextNumber: (all[0]?.number ?? 0) + 1,
    cycleStart,
  };
}

/** Quiz ids the learner has passed at least once (for course completion). */
const passedRead: RawRead = {
  sqlite: "SELECT DISTINCT quizId FROM QuizAttempt WHERE userId = ? AND passed = 1",
  postgresql: 'SELECT DISTINCT "quizId" FROM "QuizAttempt" WHERE "userId" = $1 AND "passed" = true',
};

/** Home, catalog and course pages ask this on every view: a prepared statement (readRows). */
export async function passedQuizIds(userId: string): Promise<Set<string>> {
  const rows = await readRows<{ quizId: string }>(passedRead, [userId]);
  return new Set(rows.map((r) => r.quizId));
}

/**
 * Of `quizIds`, those the learner passed in an attempt submitted at or after `since` (a new
 * cycle of attempts, e.g. recertification inside a credential's window); `since` null = ever.
 */
export async function quizzesPassedSince(
  userId: string,
  quizIds: readonly string[],
  since: Date | null,
): Promise<Set<string>> {
  const rows = await db.quizAttempt.findMany({
    where: { userId, passed: true, quizId: { in: [...quizIds] }, ...(since ? { submittedAt: { gte: since } } : {}) },
    select: { quizId: true },
    distinct: ["quizId"],
  });
  return new Set(rows.map((r) => r.quizId));
}
