import crypto from "node:crypto";
import type { Quiz } from "~/modules/content/index.ts";
import { db, newRowId, runWrite, type RawWrite } from "~/modules/db/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { STARTED_COLUMNS } from "./attempt-record.server.ts";
import { quizStanding } from "./rules.server.ts";
import { buildSnapshot, snapshotItems } from "./snapshot.ts";

export type StartResult =
  | { ok: true; attemptId: string; resumed: boolean }
  | { ok: false; reason: "noAttemptsLeft" }
  | { ok: false; reason: "coolingDown"; until: Date };

// A snapshot takes a few hundred draws (opaque ids, shuffles): taken from a pool filled 256 at a
// time, they cost a third of one crypto.randomInt call each (0.5 → 0.17 ms per snapshot).
const pool = new Uint32Array(256);
let drawn = pool.length;
const cryptoRandom = () => {
  if (drawn === pool.length) {
    crypto.randomFillSync(pool);
    drawn = 0;
  }
  return pool[drawn++]! / 2 ** 32;
};

const ATTEMPT_INSERT_COLUMNS = [...STARTED_COLUMNS, "openKey"] as const;
type AttemptInsert = Record<(typeof ATTEMPT_INSERT_COLUMNS)[number], string | number | boolean | Date | null>;

// The new attempt as one prepared statement (runWrite) rather than through Prisma: at an exam
// everyone starts at once, and Prisma's per-statement cost was a large part of a start.
const attemptInsert: RawWrite = {
  sqlite: `INSERT INTO QuizAttempt (${ATTEMPT_INSERT_COLUMNS.join(", ")})
           VALUES (${ATTEMPT_INSERT_COLUMNS.map(() => "?").join(", ")})`,
  postgresql: `INSERT INTO "QuizAttempt" (${ATTEMPT_INSERT_COLUMNS.map((c) => `"${c}"`).join(", ")})
               VALUES (${ATTEMPT_INSERT_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})`,
};

/**
 * Starts an attempt, or resumes the open one. The unique `openKey` makes two tabs starting at
 * once end up in the same attempt rather than two.
 */
export async function startAttempt(input: {
  userId: string;
  quiz: Quiz;
  courseId: string;
  lang: Lang;
  contentVersion: string;
  now?: Date;
  /** See quizStanding: a new cycle of attempts (recertification) starts here. */
  cycleStart?: Date | null;
}): Promise<StartResult> {
  const { userId, quiz, courseId, lang } = input;
  const now = input.now ?? new Date();
  const standing = await quizStanding(userId, quiz, now, input.cycleStart ?? null);
  if (standing.openAttemptId) return { ok: true, attemptId: standing.openAttemptId, resumed: true };
  if (standing.attemptsLeft === 0) return { ok: false, reason: "noAttemptsLeft" };
  if (standing.cooldownUntil) return { ok: false, reason: "coolingDown", until: standing.cooldownUntil };

  const version = input.contentVersion;
  const snapshot = buildSnapshot(quiz, version, cryptoRandom);
  const deadlineAt = standing.timeLimitMinutes ? new Date(now.getTime() + standing.timeLimitMinutes * 60_000) : null;
  try {
    const id = newRowId();
    const row: AttemptInsert = {
      id,
      userId,
      quizId: quiz.id,
      courseId,
      number: standing.nextNumber,
      lang,
      contentVersion: version,
      snapshot: JSON.stringify(snapshot),
      status: "open",
      openKey: `${userId}:${quiz.id}`,
      startedAt: now,
      deadlineAt,
      lateSubmission: false,
      passMark: quiz.settings.passMark,
      maxPoints: snapshotItems(snapshot).length,
    };
    await runWrite(
      attemptInsert,
      ATTEMPT_INSERT_COLUMNS.map((column) => row[column]),
    );
    return { ok: true, attemptId: id, resumed: false };
  } catch (error) {
    const open = await db.quizAttempt.findUnique({ where: { openKey: `${userId}:${quiz.id}` }, select: { id: true } });
    if (open) return { ok: true, attemptId: open.id, resumed: true };
    throw error;
  }
}
