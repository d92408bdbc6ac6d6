// Lesson and course progress. Progress is stored by lesson id (stable across content
// edits); what counts towards completion is read from the current content each time.
import {
  contentVersion,
  courseCompletionRequirements,
  getCourse,
  lessonsOfCourse,
} from "~/modules/content/index.server.ts";
import { awardEarnedCredentials } from "~/modules/credentials/index.server.ts";
import { asDate, db, readRows, SqlRead, type RawRead } from "~/modules/db/index.server.ts";
import { passedQuizIds } from "~/modules/quiz/index.server.ts";
import { enrolmentOf, isEnrolled, type EnrolmentRow } from "./enrolment.server.ts";

export type CourseProgress = {
  courseId: string;
  enrolled: boolean;
  enrolledAt: Date | null;
  completedAt: Date | null;
  lastLessonId: string | null;
  lastVisitAt: Date | null;
  lessons: { done: number; total: number };
  quizzes: { passed: number; required: number };
  /** 0–100 over required lessons and quizzes together; 100 only when everything is met. */
  percent: number;
  /** Completed when recorded so, or when every requirement is met now. */
  completed: boolean;
  /** The first lesson of the course, in reading order, not yet done. */
  nextLessonId: string | null;
  missing: { lessons: string[]; quizzes: string[] };
  doneLessonIds: string[];
  passedQuizIds: string[];
  /** Every lesson of the course in reading order. */
  lessonOrder: string[];
};

/** Pure: progress from what the database holds (done lessons, passed quizzes, enrolment). */
export function computeProgress(
  courseId: string,
  enrolment: EnrolmentRow | null,
  doneLessons: ReadonlySet<string>,
  passedQuizzes: ReadonlySet<string>,
): CourseProgress | null {
  const requirements = courseCompletionRequirements(courseId);
  if (!requirements) return null;
  const missingLessons = requirements.lessons.filter((id) => !doneLessons.has(id));
  const missingQuizzes = requirements.quizzes.map((q) => q.id).filter((id) => !passedQuizzes.has(id));
  const total = requirements.lessons.length + requirements.quizzes.length;
  const met = total - missingLessons.length - missingQuizzes.length;
  const allMet = missingLessons.length === 0 && missingQuizzes.length === 0;
  const percent = total === 0 ? 100 : allMet ? 100 : Math.min(99, Math.floor((met / total) * 100));
  const courseLessons = lessonsOfCourse(courseId).map((lesson) => lesson.id);
  return {
    courseId,
    enrolled: enrolment !== null,
    enrolledAt: enrolment?.enrolledAt ?? null,
    completedAt: enrolment?.completedAt ?? null,
    lastLessonId: enrolment?.lastLessonId ?? null,
    lastVisitAt: enrolment?.lastVisitAt ?? null,
    lessons: { done: requirements.lessons.length - missingLessons.length, total: requirements.lessons.length },
    quizzes: { passed: requirements.quizzes.length - missingQuizzes.length, required: requirements.quizzes.length },
    percent,
    completed: (enrolment?.completedAt ?? null) !== null || (enrolment !== null && allMet),
    nextLessonId: courseLessons.find((id) => !doneLessons.has(id)) ?? null,
    missing: { lessons: missingLessons, quizzes: missingQuizzes },
    doneLessonIds: courseLessons.filter((id) => doneLessons.has(id)),
    passedQuizIds: requirements.quizzes.map((q) => q.id).filter((id) => passedQuizzes.has(id)),
    lessonOrder: courseLessons,
  };
}

// Home, catalog and course pages ask this on every view: a prepared statement (SqlRead).
export async function completedLessonIds(userId: string, lessonIds?: readonly string[]): Promise<Set<string>> {
  const q = new SqlRead();
  const where = `"userId" = ${q.value(userId)}` + (lessonIds ? ` AND "lessonId" ${q.in(lessonIds)}` : "");
  const rows = await q.rows<{ lessonId: string }>(`SELECT "lessonId" FROM "LessonProgress" WHERE ${where}`);
  return new Set(rows.map((row) => row.lessonId));
}

const lessonDoneRead: RawRead = {
  sqlite: "SELECT completedAt FROM LessonProgress WHERE userId = ? AND lessonId = ?",
  postgresql: `SELECT "completedAt" AT TIME ZONE 'UTC' AS "completedAt" FROM "LessonProgress" WHERE "userId" = $1 AND "lessonId" = $2`,
};

/** Every lesson view asks it: a prepared statement (readRows). */
export async function lessonCompletedAt(userId: string, lessonId: string): Promise<Date | null> {
  const [row] = await readRows<{ completedAt: unknown }>(lessonDoneRead, [userId, lessonId]);
  return row ? asDate(row.completedAt) : null;
}

/** Progress of one learner in one course; null for an unknown course. */
export async function courseProgress(userId: string, courseId: string): Promise<CourseProgress | null> {
  if (!getCourse(courseId)) return null;
  const [enrolment, done, passed] = await Promise.all([
    enrolmentOf(userId, courseId),
    completedLessonIds(userId),
    passedQuizIds(userId),
  ]);
  return computeProgress(courseId, enrolment, done, passed);
}

/**
 * Records the course as completed once every requirement is met (a quiz passed elsewhere
 * counts too, so the quiz module may call this after a pass). The first date is kept.
 */
export async function refreshCourseCompletion(
  userId: string,
  courseId: string,
  now = new Date(),
  options: { quizPassed?: boolean } = {},
): Promise<CourseProgress | null> {
  const progress = await courseProgress(userId, courseId);
  if (
    !progress?.enrolled ||
    progress.completedAt ||
    progress.missing.lessons.length + progress.missing.quizzes.length > 0
  ) {
    // A pass in a completed course may renew a credential (or earn one again after expiry).
    if (options.quizPassed && progress?.completed) await awardEarnedCredentials(userId, { now });
    return progress;
  }
  // Completing a course may complete an achievement: the credential is issued now, before the
  // completion is recorded. A process that dies in between leaves the course not yet recorded
  // as completed, so the next look at it (this function again: the learner's home, the course
  // page, the lesson sent again) issues it; recorded first, nothing would look again.
  await awardEarnedCredentials(userId, { now });
  await db.enrolment.updateMany({ where: { userId, courseId, completedAt: null }, data: { completedAt: now } });
  return { ...progress, completedAt: now, completed: true };
}

export type MarkCompleteResult = { ok: true; progress: CourseProgress | null } | { ok: false; reason: "not-enrolled" };

/** Marks a lesson done for an enrolled learner; refused (nothing written) otherwise. */
export async function markLessonComplete(
  userId: string,
  courseId: string,
  lessonId: string,
): Promise<MarkCompleteResult> {
  if (!(await isEnrolled(userId, courseId))) return { ok: false, reason: "not-enrolled" };
  await db.lessonProgress.upsert({
    where: { userId_lessonId: { userId, lessonId } },
    create: { userId, lessonId, contentVersion: contentVersion() },
    update: {},
    select: { lessonId: true },
  });
  return { ok: true, progress: await refreshCourseCompletion(userId, courseId) };
}
