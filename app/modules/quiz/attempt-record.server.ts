import { env } from "~/env.server.ts";
import { readRows, type RawRead } from "~/modules/db/index.server.ts";
import type { Answer, AttemptSnapshot, SnapshotItem } from "./types.ts";

export const graceMs = () => env.QUIZ_GRACE_SECONDS * 1000;

/** QuizAttempt's columns an attempt has from its start (start.server.ts inserts them, with openKey). */
export const STARTED_COLUMNS = [
  "id",
  "userId",
  "quizId",
  "courseId",
  "number",
  "lang",
  "contentVersion",
  "snapshot",
  "status",
  "startedAt",
  "deadlineAt",
  "lateSubmission",
  "passMark",
  "maxPoints",
] as const;
const ATTEMPT_COLUMNS = [...STARTED_COLUMNS, "submittedAt", "scorePoints", "percent", "passed"] as const;
const DATE_COLUMNS = new Set(["startedAt", "deadlineAt", "submittedAt"]);

// One prepared statement (readRows): the attempt page, autosave and submit each read the attempt
// first, and Prisma's per-statement cost was a large part of a learner's exam.
const ownAttemptRead: RawRead = {
  sqlite: `SELECT ${ATTEMPT_COLUMNS.join(", ")} FROM QuizAttempt WHERE id = ? AND userId = ?`,
  postgresql: `SELECT ${ATTEMPT_COLUMNS.map((c) =>
    DATE_COLUMNS.has(c) ? `"${c}" AT TIME ZONE 'UTC' AS "${c}"` : `"${c}"`,
  ).join(", ")} FROM "QuizAttempt" WHERE "id" = $1 AND "userId" = $2`,
};

type Raw = string | number | boolean | Date | null;
type AttemptRow = Record<(typeof ATTEMPT_COLUMNS)[number], Raw>;

const dateOf = (v: Raw): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v as string | number));
const boolOf = (v: Raw): boolean | null => (v === null ? null : Boolean(v));
const numOf = (v: Raw): number | null => (v === null ? null : Number(v));

/** The attempt, only if it belongs to `userId` (ownership is part of the query). */
export async function ownAttempt(attemptId: string, userId: string) {
  const [row] = await readRows<AttemptRow>(ownAttemptRead, [attemptId, userId]);
  if (!row) return null;
  return {
    id: String(row.id),
    userId: String(row.userId),
    quizId: String(row.quizId),
    courseId: String(row.courseId),
    number: Number(row.number),
    lang: String(row.lang),
    status: String(row.status),
    snapshot: JSON.parse(String(row.snapshot)) as AttemptSnapshot,
    startedAt: dateOf(row.startedAt)!,
    deadlineAt: dateOf(row.deadlineAt),
    submittedAt: dateOf(row.submittedAt),
    passMark: Number(row.passMark),
    maxPoints: Number(row.maxPoints),
    scorePoints: numOf(row.scorePoints),
    percent: numOf(row.percent),
    passed: boolOf(row.passed),
    lateSubmission: Boolean(row.lateSubmission),
    contentVersion: String(row.contentVersion),
  };
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

// The attempt page reads these on every load, so they come as a prepared statement too.
const savedRead: RawRead = {
  sqlite: `SELECT itemKey, answer, savedAt FROM QuizResponse WHERE attemptId = ?`,
  postgresql: `SELECT "itemKey", "answer", "savedAt" AT TIME ZONE 'UTC' AS "savedAt" FROM "QuizResponse" WHERE "attemptId" = $1`,
};

export async function savedAnswers(attemptId: string): Promise<Map<string, { answer: Answer; savedAt: Date }>> {
  const rows = await readRows<{ itemKey: string; answer: string; savedAt: Raw }>(savedRead, [attemptId]);
  return new Map(
    rows
      .filter((r) => r.answer !== "null")
      .map((r) => [r.itemKey, { answer: JSON.parse(r.answer) as Answer, savedAt: dateOf(r.savedAt)! }]),
  );
}
