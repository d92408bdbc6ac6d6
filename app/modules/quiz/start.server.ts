import crypto from "node:crypto";
import type { Quiz } from "~/modules/content/index.ts";
import { db } from "~/modules/db/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { quizStanding } from "./rules.server.ts";
import { buildSnapshot, snapshotItems } from "./snapshot.ts";

export type StartResult =
  | { ok: true; attemptId: string; resumed: boolean }
  | { ok: false; reason: "noAttemptsLeft" }
  | { ok: false; reason: "coolingDown"; until: Date };

const cryptoRandom = () => crypto.randomInt(0, 2 ** 32) / 2 ** 32;

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
    const attempt = await db.quizAttempt.create({
      data: {
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
        passMark: quiz.settings.passMark,
        maxPoints: snapshotItems(snapshot).length,
      },
      select: { id: true },
    });
    return { ok: true, attemptId: attempt.id, resumed: false };
  } catch (error) {
    const open = await db.quizAttempt.findUnique({ where: { openKey: `${userId}:${quiz.id}` }, select: { id: true } });
    if (open) return { ok: true, attemptId: open.id, resumed: true };
    throw error;
  }
}
