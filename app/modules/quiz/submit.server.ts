// Submission grades once. The status flip from "open" is the first write of the transaction,
// so two tabs (or a retry after a network error) race on one row and only one grades; the
// other gets the same result back.
import { crashPoint, db } from "~/modules/db/index.server.ts";
import { parseAnswers, type AnswerError } from "./answers.ts";
import { graceMs, isPastGrace, ownAttempt, type OwnAttempt } from "./attempt-record.server.ts";
import { gradeItem, percentOf } from "./grading.ts";
import { responseRows } from "./save.server.ts";
import { snapshotItems } from "./snapshot.ts";
import type { Answer } from "./types.ts";

export type SubmitResult =
  | { ok: true; attemptId: string; percent: number; passed: boolean; late: boolean; alreadySubmitted: boolean }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "invalid"; errors: AnswerError[] };

class AlreadySubmitted extends Error {}

function resultOf(
  attempt: Pick<OwnAttempt, "id" | "percent" | "passed" | "lateSubmission">,
  alreadySubmitted: boolean,
): SubmitResult {
  return {
    ok: true,
    attemptId: attempt.id,
    percent: attempt.percent ?? 0,
    passed: attempt.passed ?? false,
    late: attempt.lateSubmission,
    alreadySubmitted,
  };
}

export async function submitAttempt(input: {
  attemptId: string;
  userId: string;
  fields?: [string, string][];
  now?: Date;
  /** The attempt as `ownAttempt(attemptId, userId)` just read it (the route has), to save a read. */
  read?: OwnAttempt;
}): Promise<SubmitResult> {
  const now = input.now ?? new Date();
  const attempt =
    input.read && input.read.id === input.attemptId && input.read.userId === input.userId
      ? input.read
      : await ownAttempt(input.attemptId, input.userId);
  if (!attempt) return { ok: false, reason: "notFound" };
  if (attempt.status !== "open") return resultOf(attempt, true);

  const items = snapshotItems(attempt.snapshot);
  const late = isPastGrace(attempt, now);
  // After the deadline (and its grace) only what was saved in time counts.
  let finalAnswers = new Map<string, Answer | null>();
  if (!late && input.fields) {
    const parsed = parseAnswers(input.fields, items);
    if (parsed.errors.length) return { ok: false, reason: "invalid", errors: parsed.errors };
    finalAnswers = parsed.answers;
  }

  const finalRows = responseRows(attempt.id, items, finalAnswers, now);
  const cutoff = attempt.deadlineAt ? new Date(attempt.deadlineAt.getTime() + graceMs()) : null;
  try {
    // At most five statements whatever the quiz's length, four when nothing was saved before
    // (an exam's usual case): while a transaction is open every other statement of the process
    // waits for it (the SQLite adapter's lock), so its length is what many learners submitting
    // at once queue behind. The claim comes first so that no autosave lands after the read.
    const graded = await db.$transaction(
      async (tx) => {
        const claimed = await tx.quizAttempt.updateMany({
          where: { id: attempt.id, status: "open" },
          data: { status: "submitted", openKey: null, submittedAt: now, lateSubmission: late },
        });
        if (claimed.count !== 1) throw new AlreadySubmitted();
        const stored = await tx.quizResponse.findMany({
          where: { attemptId: attempt.id },
          select: { itemKey: true, answer: true, chosen: true, savedAt: true },
        });
        const merged = new Map(stored.filter((r) => !cutoff || r.savedAt <= cutoff).map((r) => [r.itemKey, r]));
        for (const key of finalRows.cleared) merged.delete(key);
        for (const row of finalRows.rows) merged.set(row.itemKey, row);
        const rows = items.map((item) => {
          const row = merged.get(item.key);
          const answer = row && row.answer !== "null" ? (JSON.parse(row.answer) as Answer) : undefined;
          // Unanswered items get a row too, so statistics count them as wrong.
          return {
            attemptId: attempt.id,
            itemKey: item.key,
            itemId: item.itemId,
            answer: row?.answer ?? "null",
            chosen: row?.chosen ?? "null",
            savedAt: row?.savedAt ?? now,
            score: gradeItem(item, answer),
          };
        });
        if (stored.length) await tx.quizResponse.deleteMany({ where: { attemptId: attempt.id } });
        await tx.quizResponse.createMany({ data: rows });
        const scores = rows.map((r) => r.score);
        const percent = percentOf(scores);
        const passed = percent >= attempt.passMark;
        const scorePoints = scores.reduce((a, b) => a + b, 0);
        await tx.quizAttempt.update({
          where: { id: attempt.id },
          data: { scorePoints, percent, passed },
          select: { id: true },
        });
        await crashPoint("quiz-submit");
        return { percent, passed };
      },
      { maxWait: 60_000, timeout: 60_000 },
    );
    return {
      ok: true,
      attemptId: attempt.id,
      percent: graded.percent,
      passed: graded.passed,
      late,
      alreadySubmitted: false,
    };
  } catch (error) {
    if (!(error instanceof AlreadySubmitted)) throw error;
    const settled = await ownAttempt(attempt.id, input.userId);
    return resultOf(settled!, true);
  }
}
