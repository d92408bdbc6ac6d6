// Answers are saved as the learner goes, so a reload or a lost connection loses nothing.
import { db } from "~/modules/db/index.server.ts";
import { parseAnswers, type AnswerError } from "./answers.ts";
import { chosenSourceIds, isPastGrace, ownAttempt } from "./attempt-record.server.ts";
import { snapshotItems } from "./snapshot.ts";
import type { Answer, SnapshotItem } from "./types.ts";

export type SaveResult =
  | { ok: true; saved: number; savedAt: Date }
  | { ok: false; reason: "notFound" | "closed" | "timeUp" }
  | { ok: false; reason: "invalid"; errors: AnswerError[] };

class AttemptClosed extends Error {}

/** Rows to write for the given answers (null = the learner cleared the item). */
export function responseRows(attemptId: string, items: SnapshotItem[], answers: Map<string, Answer | null>, now: Date) {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const cleared: string[] = [];
  const rows = [];
  for (const [itemKey, answer] of answers) {
    const item = byKey.get(itemKey)!;
    if (answer === null) cleared.push(itemKey);
    else
      rows.push({
        attemptId,
        itemKey,
        itemId: item.itemId,
        answer: JSON.stringify(answer),
        chosen: JSON.stringify(chosenSourceIds(item, answer)),
        savedAt: now,
      });
  }
  return { rows, cleared };
}

/** Checks every field first: one bad answer refuses the whole save and changes nothing. */
export async function saveAnswers(input: {
  attemptId: string;
  userId: string;
  fields: [string, string][];
  now?: Date;
}): Promise<SaveResult> {
  const now = input.now ?? new Date();
  const attempt = await ownAttempt(input.attemptId, input.userId);
  if (!attempt) return { ok: false, reason: "notFound" };
  if (attempt.status !== "open") return { ok: false, reason: "closed" };
  if (isPastGrace(attempt, now)) return { ok: false, reason: "timeUp" };
  const items = snapshotItems(attempt.snapshot);
  const { answers, errors } = parseAnswers(input.fields, items);
  if (errors.length) return { ok: false, reason: "invalid", errors };
  const { rows, cleared } = responseRows(attempt.id, items, answers, now);
  try {
    await db.$transaction(
      async (tx) => {
        // Touching the attempt row first takes its lock: a submission that claimed the attempt
        // meanwhile makes this count 0, so no answer lands after grading.
        const open = await tx.quizAttempt.updateMany({
          where: { id: attempt.id, status: "open" },
          data: { status: "open" },
        });
        if (open.count !== 1) throw new AttemptClosed();
        const keys = [...cleared, ...rows.map((r) => r.itemKey)];
        await tx.quizResponse.deleteMany({ where: { attemptId: attempt.id, itemKey: { in: keys } } });
        if (rows.length) await tx.quizResponse.createMany({ data: rows });
      },
      { maxWait: 60_000, timeout: 60_000 },
    );
  } catch (error) {
    if (error instanceof AttemptClosed) return { ok: false, reason: "closed" };
    throw error;
  }
  return { ok: true, saved: answers.size, savedAt: now };
}
