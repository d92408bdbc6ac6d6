// Plain, already-localized shapes the pages render (no Dates, no content objects).
import { getLesson, getQuiz } from "~/modules/content/index.server.ts";
import { formatDate, formatNumber, type Lang } from "~/modules/i18n/index.ts";
import { quizTitle } from "~/modules/quiz/index.server.ts";
import type { CourseProgress } from "./progress.server.ts";

export type Named = { id: string; title: string };

export type ProgressSummary = {
  percent: number;
  completed: boolean;
  completedOn: string | null;
  lessonsDone: number;
  lessonsTotal: number;
  quizzesPassed: number;
  quizzesRequired: number;
  /** Where to pick up: never a lesson already done, and nothing once the course is completed. */
  continueLesson: Named | null;
  lastVisitOn: string | null;
  missingLessons: Named[];
  missingQuizzes: Named[];
};

export function lessonTitle(id: string, lang: Lang): Named {
  return { id, title: getLesson(id)?.[lang].title ?? id };
}

function quizNamed(id: string, lang: Lang, courseId: string): Named {
  const quiz = getQuiz(id);
  return { id, title: quiz ? quizTitle(quiz, lang, courseId) : id };
}

export function summarize(progress: CourseProgress, lang: Lang, timeZone: string): ProgressSummary {
  const resume = progress.completed ? null : resumeLesson(progress);
  return {
    percent: progress.percent,
    completed: progress.completed,
    completedOn: progress.completedAt ? formatDate(progress.completedAt, lang, timeZone) : null,
    lessonsDone: progress.lessons.done,
    lessonsTotal: progress.lessons.total,
    quizzesPassed: progress.quizzes.passed,
    quizzesRequired: progress.quizzes.required,
    continueLesson: resume ? lessonTitle(resume, lang) : null,
    lastVisitOn: progress.lastVisitAt ? formatDate(progress.lastVisitAt, lang, timeZone) : null,
    missingLessons: progress.missing.lessons.map((id) => lessonTitle(id, lang)),
    missingQuizzes: progress.missing.quizzes.map((id) => quizNamed(id, lang, progress.courseId)),
  };
}

/**
 * The lesson opened last while it is not done; once it is, the next one not done after it in
 * reading order (then from the start), so "continue" never sends anyone back to a finished lesson.
 */
function resumeLesson(progress: CourseProgress): string | null {
  const order = progress.lessonOrder;
  const done = new Set(progress.doneLessonIds);
  const last = progress.lastLessonId && getLesson(progress.lastLessonId) ? progress.lastLessonId : null;
  if (last && !done.has(last)) return last;
  const from = last ? order.indexOf(last) + 1 : 0;
  return [...order.slice(from), ...order.slice(0, from)].find((id) => !done.has(id)) ?? null;
}

/** A quiz score (0–100) with one decimal: 79.5 % must not read as the 80 % pass mark. */
export function formatScore(percent: number, lang: Lang): string {
  return formatNumber(percent / 100, lang, { style: "percent", maximumFractionDigits: 1 });
}
