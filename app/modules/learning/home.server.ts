// "My learning": the learner's courses (in progress, completed) and past quiz attempts.
import { getCourse, getQuiz } from "~/modules/content/index.server.ts";
import { formatDateTime, type Lang } from "~/modules/i18n/index.ts";
import { passedQuizIds, pastAttempts, quizTitle } from "~/modules/quiz/index.server.ts";
import { enrolmentsOf } from "./enrolment.server.ts";
import { completedLessonIds, computeProgress, refreshCourseCompletion } from "./progress.server.ts";
import { formatScore, summarize, type ProgressSummary } from "./views.server.ts";

export type HomeCourse = { id: string; title: string; progress: ProgressSummary };

export type PastAttempt = {
  quizId: string;
  quizTitle: string;
  courseId: string;
  courseTitle: string | null;
  number: number;
  submittedOn: string;
  score: string | null;
  passed: boolean;
  lang: string;
};

export type LearnerHome = { inProgress: HomeCourse[]; completed: HomeCourse[]; attempts: PastAttempt[] };

const ATTEMPTS_SHOWN = 50;

function titleOf(quizId: string, lang: Lang, courseId: string): string {
  const quiz = getQuiz(quizId);
  return quiz ? quizTitle(quiz, lang, courseId) : quizId;
}

export async function learnerHome(user: { id: string; timeZone: string }, lang: Lang): Promise<LearnerHome> {
  const [enrolments, done, passed, attempts] = await Promise.all([
    enrolmentsOf(user.id),
    completedLessonIds(user.id),
    passedQuizIds(user.id),
    pastAttempts(user.id, ATTEMPTS_SHOWN),
  ]);
  const courses: HomeCourse[] = [];
  for (const enrolment of enrolments) {
    const course = getCourse(enrolment.courseId);
    let progress = course ? computeProgress(course.id, enrolment, done, passed) : null;
    if (!course || !progress) continue; // a course withdrawn from the catalog
    // A quiz passed since the last visit may have completed the course.
    if (!progress.completedAt && progress.completed)
      progress = (await refreshCourseCompletion(user.id, course.id)) ?? progress;
    courses.push({ id: course.id, title: course.title[lang], progress: summarize(progress, lang, user.timeZone) });
  }
  return {
    inProgress: courses.filter((c) => !c.progress.completed),
    completed: courses.filter((c) => c.progress.completed),
    attempts: attempts.map((a) => ({
      quizId: a.quizId,
      quizTitle: titleOf(a.quizId, lang, a.courseId),
      courseId: a.courseId,
      courseTitle: getCourse(a.courseId)?.title[lang] ?? null,
      number: a.number,
      submittedOn: a.submittedAt ? formatDateTime(a.submittedAt, lang, user.timeZone) : "",
      score: a.percent === null ? null : formatScore(a.percent, lang),
      passed: a.passed === true,
      lang: a.lang,
    })),
  };
}
