// Answers are saved as the learner goes, so a reload or a lost connection loses nothing.
import { db } from "~/modules/db/index.server.ts";
import { parseAnswers, type AnswerError } from "./answers.ts";
import { chosenSourceIds, isPastGrace, ownAttempt } from "./attempt-record.server.ts";
import { snapshotItems } from "./snapshot.ts";
import type { Answer } from "./types.ts";

export type SaveResult =
  | { ok: true; saved: number; savedAt: Date }
  | { ok: false; reason: "notFound" | "closed" | "timeUp" }
  | { ok: false; reason: "invalid"; errors: AnswerError[] };

export async function writeAnswers(
  client: Pick<typeof db, "quizResponse">,
  attemptId: string,
  items: ReturnType<typeof snapshotItems>,
  answers: Map<string, Answer | null>,
  now: Date,
): Promise<void> {
  const byKey = new Map(items.map((i) => [i.key, i]));
  for (const [itemKey, answer] of answers) {
    const item = byKey.get(itemKey)!;
    if (answer === null) {
      await client.quizResponse.deleteMany({ where: { attemptId, itemKey } });
      continue;
    }
    const data = {
      answer: JSON.stringify(answer),
      chosen: JSON.stringify(chosenSourceIds(item, answer)),
      savedAt: now,
    };
    await client.quizResponse.upsert({
      where: { attemptId_itemKey: { attemptId, itemKey } },
      create: { attemptId, itemKey, itemId: item.itemId, ...data },
      update: data,
      select: { itemKey: true },
    });
  }
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
  await db.$transaction(async (tx) => writeAnswers(tx, attempt.id, items, answers, now), {
    maxWait: 20_000,
    timeout: 20_000,
  });
  return { ok: true, saved: answers.size, savedAt: now };
}
