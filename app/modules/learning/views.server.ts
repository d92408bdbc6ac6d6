// Plain, already-localised shapes the pages render (no Dates, no content objects).
import { getLesson, getQuiz } from "~/modules/content/index.server.ts";
import type { Lang } from "~/modules/i18n/config.ts";
import { formatDate, formatNumber } from "~/modules/i18n/format.ts";
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
  /** The lesson opened last, else the first not done. */
  continueLesson: Named | null;
  lastVisitOn: string | null;
  missingLessons: Named[];
  missingQuizzes: Named[];
};

export function lessonTitle(id: string, lang: Lang): Named {
  return { id, title: getLesson(id)?.[lang].title ?? id };
}

export function quizTitle(id: string, lang: Lang): Named {
  return { id, title: getQuiz(id)?.title[lang] ?? id };
}

export function summarise(progress: CourseProgress, lang: Lang, timeZone: string): ProgressSummary {
  const last = progress.lastLessonId && getLesson(progress.lastLessonId) ? progress.lastLessonId : null;
  const resume = last ?? progress.nextLessonId;
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
    missingQuizzes: progress.missing.quizzes.map((id) => quizTitle(id, lang)),
  };
}

/** A quiz score (0–100) with one decimal: 79.5 % must not read as the 80 % pass mark. */
export function formatScore(percent: number, lang: Lang): string {
  return formatNumber(percent / 100, lang, { style: "percent", maximumFractionDigits: 1 });
}
