// Submission grades once. The status flip from "open" is the first write of the transaction,
// so two tabs (or a retry after a network error) race on one row and only one grades; the
// other gets the same result back.
import { crashPoint, databaseUrl, db, providerOf, sqlDate } from "~/modules/db/index.server.ts";
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

type StoredResponse = { itemKey: string; answer: string; chosen: string; savedAt: Date };
type RawResponse = Omit<StoredResponse, "savedAt"> & { savedAt: string | Date };

const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));
const claimParams = (now: Date, late: boolean) => [sqlDate(now), late ? 1 : 0];
const gradeParams = (g: { scorePoints: number; percent: number; passed: boolean }) => [
  g.scorePoints,
  g.percent,
  g.passed ? 1 : 0,
];

const COLUMNS = ["attemptId", "itemKey", "itemId", "answer", "chosen", "savedAt", "score"];

/** The submission's statements in the database's dialect (booleans bound as 0/1 in both). */
function submitSql() {
  if (providerOf(databaseUrl()) === "sqlite") {
    const claim = `UPDATE QuizAttempt SET status = 'submitted', openKey = NULL, submittedAt = ?, lateSubmission = ?`;
    return {
      claim: `${claim} WHERE id = ? AND status = 'open'`,
      claimGraded: `${claim}, scorePoints = ?, percent = ?, passed = ? WHERE id = ? AND status = 'open'`,
      stored: `SELECT itemKey, answer, chosen, savedAt FROM QuizResponse WHERE attemptId = ?`,
      upsert: (n: number) =>
        `INSERT INTO QuizResponse (${COLUMNS.join(", ")}) VALUES ${Array(n)
          .fill(`(${COLUMNS.map(() => "?").join(", ")})`)
          .join(", ")}
         ON CONFLICT (attemptId, itemKey) DO UPDATE SET itemId = excluded.itemId, answer = excluded.answer,
           chosen = excluded.chosen, savedAt = excluded.savedAt, score = excluded.score`,
      score: `UPDATE QuizAttempt SET scorePoints = ?, percent = ?, passed = ? WHERE id = ?`,
    };
  }
  const claim = `UPDATE "QuizAttempt" SET "status" = 'submitted', "openKey" = NULL, "submittedAt" = $1::timestamp, "lateSubmission" = $2::int::boolean`;
  const casts = ["text", "text", "text", "text", "text", "timestamp", "double precision"];
  return {
    claim: `${claim} WHERE "id" = $3 AND "status" = 'open'`,
    claimGraded: `${claim}, "scorePoints" = $3::double precision, "percent" = $4::double precision, "passed" = $5::int::boolean WHERE "id" = $6 AND "status" = 'open'`,
    stored: `SELECT "itemKey", "answer", "chosen", "savedAt" AT TIME ZONE 'UTC' AS "savedAt" FROM "QuizResponse" WHERE "attemptId" = $1`,
    upsert: (n: number) =>
      `INSERT INTO "QuizResponse" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${Array.from(
        { length: n },
        (_, r) => `(${casts.map((cast, c) => `$${r * casts.length + c + 1}::${cast}`).join(", ")})`,
      ).join(", ")}
       ON CONFLICT ("attemptId", "itemKey") DO UPDATE SET "itemId" = excluded."itemId", "answer" = excluded."answer",
         "chosen" = excluded."chosen", "savedAt" = excluded."savedAt", "score" = excluded."score"`,
    score: `UPDATE "QuizAttempt" SET "scorePoints" = $1::double precision, "percent" = $2::double precision, "passed" = $3::int::boolean WHERE "id" = $4`,
  };
}

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
  // A form sent from the page answers or clears every item, so nothing saved before can count:
  // the grade is known before the transaction and the claim writes it.
  const complete = finalAnswers.size === items.length;
  const gradeOf = (merged: Map<string, StoredResponse>) => {
    const rows = items.map((item) => {
      const row = merged.get(item.key);
      const answer = row && row.answer !== "null" ? (JSON.parse(row.answer) as Answer) : undefined;
      // Unanswered items get a row too, so statistics count them as wrong.
      return {
        itemKey: item.key,
        itemId: item.itemId,
        answer: row?.answer ?? "null",
        chosen: row?.chosen ?? "null",
        savedAt: row?.savedAt ?? now,
        score: gradeItem(item, answer),
      };
    });
    const scores = rows.map((r) => r.score);
    const percent = percentOf(scores);
    return { rows, percent, passed: percent >= attempt.passMark, scorePoints: scores.reduce((a, b) => a + b, 0) };
  };
  const known = complete ? gradeOf(new Map(finalRows.rows.map((r) => [r.itemKey, r]))) : null;
  const sql = submitSql();
  try {
    // Two statements when the form covers every item (an exam's usual case), four otherwise,
    // as raw SQL (Prisma's query compiler was most of a submission's cost): while a
    // transaction is open every other statement of the process waits for it (the SQLite
    // adapter's lock), so its length is what many learners submitting at once queue behind.
    // The claim comes first so that no autosave lands after the read.
    const graded = await db.$transaction(
      async (tx) => {
        const claimed = known
          ? await tx.$executeRawUnsafe(sql.claimGraded, ...claimParams(now, late), ...gradeParams(known), attempt.id)
          : await tx.$executeRawUnsafe(sql.claim, ...claimParams(now, late), attempt.id);
        if (claimed !== 1) throw new AlreadySubmitted();
        let result = known;
        if (!result) {
          const stored = await tx.$queryRawUnsafe<RawResponse[]>(sql.stored, attempt.id);
          const merged = new Map(
            stored
              .map((r) => ({ ...r, savedAt: toDate(r.savedAt) }))
              .filter((r) => !cutoff || r.savedAt <= cutoff)
              .map((r) => [r.itemKey, r]),
          );
          for (const key of finalRows.cleared) merged.delete(key);
          for (const row of finalRows.rows) merged.set(row.itemKey, row);
          result = gradeOf(merged);
        }
        // Every item gets its row, so the upsert replaces whatever was saved before.
        await tx.$executeRawUnsafe(
          sql.upsert(result.rows.length),
          ...result.rows.flatMap((r) => [
            attempt.id,
            r.itemKey,
            r.itemId,
            r.answer,
            r.chosen,
            sqlDate(r.savedAt),
            r.score,
          ]),
        );
        if (!known) await tx.$executeRawUnsafe(sql.score, ...gradeParams(result), attempt.id);
        await crashPoint("quiz-submit");
        return result;
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
