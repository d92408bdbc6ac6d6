import { env } from "~/env.server.ts";
import { db } from "~/modules/db/index.server.ts";
import type { Answer, AttemptSnapshot, SnapshotItem } from "./types.ts";

export const graceMs = () => env.QUIZ_GRACE_SECONDS * 1000;

const attemptSelect = {
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
} as const;

/** The attempt, only if it belongs to `userId` (ownership is part of the query). */
export async function ownAttempt(attemptId: string, userId: string) {
  const row = await db.quizAttempt.findFirst({ where: { id: attemptId, userId }, select: attemptSelect });
  if (!row) return null;
  return { ...row, snapshot: JSON.parse(row.snapshot) as AttemptSnapshot };
}

export type OwnAttempt = NonNullable<Awaited<ReturnType<typeof ownAttempt>>>;

export function isPastGrace(attempt: { deadlineAt: Date | null }, now: Date): boolean {
  return attempt.deadlineAt !== null && now.getTime() > attempt.deadlineAt.getTime() + graceMs();
}

/** Stable content ids of what was chosen, so statistics survive per-attempt opaque ids. */
export function chosenSourceIds(item: SnapshotItem, answer: Answer): unknown {
  switch (item.type) {
    case "single":
    case "multiple": {
      const ids = answer.type === "single" ? [answer.choice] : answer.type === "multiple" ? answer.choices : [];
      return item.options.filter((o) => ids.includes(o.id)).map((o) => o.sourceId);
    }
    case "matching": {
      if (answer.type !== "matching") return {};
      const source = new Map([...item.lefts, ...item.rights].map((c) => [c.id, c.sourceId]));
      return Object.fromEntries(Object.entries(answer.matches).map(([l, r]) => [source.get(l), source.get(r)]));
    }
    case "ordering": {
      if (answer.type !== "ordering") return [];
      const source = new Map(item.steps.map((s) => [s.id, s.sourceId]));
      return answer.order.map((id) => source.get(id));
    }
    default:
      return "value" in answer ? answer.value : "text" in answer ? answer.text : null;
  }
}

export async function savedAnswers(attemptId: string): Promise<Map<string, { answer: Answer; savedAt: Date }>> {
  const rows = await db.quizResponse.findMany({
    where: { attemptId },
    select: { itemKey: true, answer: true, savedAt: true },
  });
  return new Map(
    rows
      .filter((r) => r.answer !== "null")
      .map((r) => [r.itemKey, { answer: JSON.parse(r.answer) as Answer, savedAt: r.savedAt }]),
  );
}
