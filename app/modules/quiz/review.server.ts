import type { Quiz, ReviewPolicy } from "~/modules/content/index.ts";
import { asDate, db, readRows, type RawRead } from "~/modules/db/index.server.ts";
import { type Lang, otherLang } from "~/modules/i18n/index.ts";
import { ownAttempt } from "./attempt-record.server.ts";
import { describeAnswer, describeKey, type Words } from "./describe.ts";
import { isCorrect } from "./grading.ts";
import { quizStanding, type QuizStanding } from "./rules.server.ts";
import type { Answer } from "./types.ts";

export type ReviewItem = {
  key: string;
  number: number;
  prompt: string;
  promptOther: string;
  yourAnswer: string[];
  correctAnswer: string[] | null;
  explanation: string | null;
  explanationOther: string | null;
  score: number | null;
  correct: boolean | null;
};

export type ReviewUnit = { scenario: string | null; scenarioOther: string | null; items: ReviewItem[] };

export type Review = {
  attemptId: string;
  number: number;
  lang: Lang;
  percent: number;
  passed: boolean;
  passMark: number;
  late: boolean;
  submittedAt: Date;
  /** Keys and explanations are withheld from this review. */
  answersHidden: boolean;
  /** While hidden: what shows them (the review's notice says so). */
  answersShownAfter: "pass" | "pass-or-last" | "last" | null;
  units: ReviewUnit[];
};

/**
 * The review of a submitted attempt in `lang` (with the other language alongside). What it
 * may show depends on the quiz's reviewPolicy and the learner's standing (see keysVisible).
 */
export async function attemptReview(
  attemptId: string,
  userId: string,
  quiz: Quiz,
  lang: Lang,
  words: Words,
): Promise<Review | null> {
  const attempt = await ownAttempt(attemptId, userId);
  if (!attempt || attempt.status !== "submitted" || attempt.quizId !== quiz.id) return null;
  const standing = await quizStanding(userId, quiz);
  const visible = reviewVisibility(quiz.settings.reviewPolicy, standing);
  const hidden = !visible.marks;
  const keysHidden = !visible.keys;
  const rows = await db.quizResponse.findMany({
    where: { attemptId },
    select: { itemKey: true, answer: true, score: true },
  });
  const byKey = new Map(rows.map((r) => [r.itemKey, r]));
  const other = otherLang(lang);
  let n = 0;
  const units = attempt.snapshot.units.map((unit) => ({
    scenario: unit.scenario ? unit.scenario[lang] : null,
    scenarioOther: unit.scenario ? unit.scenario[other] : null,
    items: unit.items.map((item): ReviewItem => {
      const row = byKey.get(item.key);
      const answer = row && row.answer !== "null" ? (JSON.parse(row.answer) as Answer) : undefined;
      const score = row?.score ?? 0;
      return {
        key: item.key,
        number: ++n,
        prompt: item.prompt[lang],
        promptOther: item.prompt[other],
        yourAnswer: describeAnswer(item, answer, lang, words),
        correctAnswer: keysHidden ? null : describeKey(item, lang, words),
        explanation: keysHidden ? null : item.explanation[lang],
        explanationOther: keysHidden ? null : item.explanation[other],
        score: hidden ? null : score,
        correct: hidden ? null : isCorrect(score),
      };
    }),
  }));
  return {
    attemptId,
    number: attempt.number,
    lang,
    percent: attempt.percent ?? 0,
    passed: attempt.passed ?? false,
    passMark: attempt.passMark,
    late: attempt.lateSubmission,
    submittedAt: attempt.submittedAt!,
    answersHidden: keysHidden,
    answersShownAfter: !keysHidden
      ? null
      : quiz.settings.reviewPolicy === "after-last-attempt"
        ? "last"
        : standing.attemptsAllowed === null
          ? "pass"
          : "pass-or-last",
    units,
  };
}

/**
 * Marks are the score per item; keys are the correct answers and explanations. A quiz that
 * counts toward a credential (after-pass-or-last) shows marks after every attempt but keys
 * only once the learner has passed or has no attempt left, so a retake cannot be passed by
 * copying the previous review.
 */
export function reviewVisibility(
  policy: ReviewPolicy,
  standing: Pick<QuizStanding, "attemptsLeft" | "passed">,
): { marks: boolean; keys: boolean } {
  const lastUsed = standing.attemptsLeft === 0;
  switch (policy) {
    case "always":
      return { marks: true, keys: true };
    case "after-pass-or-last":
      return { marks: true, keys: standing.passed || lastUsed };
    case "after-last-attempt":
      return { marks: lastUsed, keys: lastUsed };
  }
}

export async function attemptsOf(userId: string, quizId: string) {
  return db.quizAttempt.findMany({
    where: { userId, quizId, status: "submitted" },
    select: { id: true, number: true, submittedAt: true, percent: true, passed: true, lang: true },
    orderBy: { number: "desc" },
  });
}

/** A learner's most recent submitted attempts across quizzes, newest first (for "my learning"). */
const pastAttemptsRead: RawRead = {
  sqlite:
    "SELECT quizId, courseId, number, submittedAt, percent, passed, lang FROM QuizAttempt " +
    "WHERE userId = ? AND status = 'submitted' ORDER BY submittedAt DESC, number DESC LIMIT ?",
  postgresql:
    `SELECT "quizId", "courseId", "number", "submittedAt" AT TIME ZONE 'UTC' AS "submittedAt", "percent", "passed", "lang" ` +
    `FROM "QuizAttempt" WHERE "userId" = $1 AND "status" = 'submitted' ORDER BY "submittedAt" DESC, "number" DESC LIMIT $2`,
};

type PastAttemptRow = { quizId: string; courseId: string; percent: number | null; lang: string };

/** The learner's home asks this on every view: a prepared statement (readRows). */
export async function pastAttempts(
  userId: string,
  take: number,
): Promise<(PastAttemptRow & { number: number; submittedAt: Date | null; passed: boolean | null })[]> {
  type Row = PastAttemptRow & { number: unknown; submittedAt: unknown; passed: unknown };
  const rows = await readRows<Row>(pastAttemptsRead, [userId, take]);
  // SQLite's integers come back as BigInt (safe integers) and its booleans as 0/1.
  return rows.map((row) => ({
    ...row,
    number: Number(row.number),
    submittedAt: asDate(row.submittedAt),
    passed: row.passed === null ? null : Boolean(row.passed),
  }));
}
