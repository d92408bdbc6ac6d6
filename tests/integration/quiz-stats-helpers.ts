// Shared by the item statistics tests: answers given by stable content ids, turned into the
// form fields of one attempt (whose option ids are opaque and shuffled).
import type { Quiz } from "~/modules/content/index.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { ownAttempt, snapshotItems, startAttempt, submitAttempt } from "~/modules/quiz/index.server.ts";
import type { SnapshotItem } from "~/modules/quiz/index.ts";
import { answerFields } from "../helpers/quiz.ts";

/** Option source ids (single, multiple), a boolean (true-false), a number (numeric); null = blank. */
export type Pick = string[] | boolean | number | null;

export function fieldsFor(items: SnapshotItem[], picks: Record<string, Pick>): [string, string][] {
  return items.flatMap((item): [string, string][] => {
    const pick = picks[item.itemId];
    if (pick === null || pick === undefined) return [];
    switch (item.type) {
      case "single":
      case "multiple":
        return (pick as string[]).map((id) => [item.key, item.options.find((o) => o.sourceId === id)!.id]);
      case "true-false":
      case "numeric":
        return [[item.key, String(pick)]];
      default:
        throw new Error(`fieldsFor: ${item.type} not supported`);
    }
  });
}

/** Answers every item right (true) or wrong (false), for quizzes of any item type. */
export const allFields = answerFields;

let clock = new Date("2026-02-01T10:00:00Z").getTime();

/** Starts and submits one attempt; `answer` builds the fields from the attempt's items. */
export async function takeAttempt(
  userId: string,
  quiz: Quiz,
  lang: Lang,
  answer: (items: SnapshotItem[]) => [string, string][],
  submit = true,
): Promise<string> {
  clock += 2 * 24 * 60 * 60_000;
  const now = new Date(clock);
  const started = await startAttempt({ userId, quiz, courseId: "aml-core", lang, contentVersion: "v-test", now });
  if (!started.ok) throw new Error(`could not start: ${started.reason}`);
  const items = snapshotItems((await ownAttempt(started.attemptId, userId))!.snapshot);
  if (!submit) return started.attemptId;
  const result = await submitAttempt({
    attemptId: started.attemptId,
    userId,
    fields: answer(items),
    now: new Date(clock + 60_000),
  });
  if (!result.ok) throw new Error(`could not submit: ${result.reason}`);
  return started.attemptId;
}
