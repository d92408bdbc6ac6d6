// The catalog and the course page.
import {
  courseCompletionRequirements,
  courseMinutes,
  getCourse,
  getQuiz,
  lessonsOfCourse,
  listCourses,
  modulesOfCourse,
  type Audience,
} from "~/modules/content/index.server.ts";
import { attemptCycleStart } from "~/modules/credentials/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { passedQuizIds, quizStanding, quizTitle } from "~/modules/quiz/index.server.ts";
import { enrolmentsOf } from "./enrolment.server.ts";
import { completedLessonIds, computeProgress, refreshCourseCompletion } from "./progress.server.ts";
import { formatScore, summarize, type ProgressSummary } from "./views.server.ts";

export type Viewer = { id: string; timeZone: string } | null;

export type CourseCard = {
  id: string;
  title: string;
  summary: string;
  audience: Audience[];
  open: boolean;
  modules: number;
  lessons: number;
  minutes: number;
  /** Only for an enrolled viewer. */
  mine: { percent: number; completed: boolean } | null;
};

export async function catalogView(lang: Lang, viewer: Viewer): Promise<CourseCard[]> {
  const [enrolments, done, passed] = viewer
    ? await Promise.all([enrolmentsOf(viewer.id), completedLessonIds(viewer.id), passedQuizIds(viewer.id)])
    : [[], new Set<string>(), new Set<string>()];
  return listCourses().map((course) => {
    const enrolment = enrolments.find((e) => e.courseId === course.id) ?? null;
    const progress = enrolment ? computeProgress(course.id, enrolment, done, passed) : null;
    return {
      id: course.id,
      title: course.title[lang],
      summary: course.summary[lang],
      audience: course.audience,
      open: course.open,
      modules: course.modules.length,
      lessons: lessonsOfCourse(course.id).length,
      minutes: courseMinutes(course.id),
      mine: progress ? { percent: progress.percent, completed: progress.completed } : null,
    };
  });
}

export type QuizLine = {
  id: string;
  title: string;
  required: boolean;
  /** Only for a signed-in viewer. */
  standing: { passed: boolean; best: string | null; used: number; allowed: number | null; inProgress: boolean } | null;
};

export type CourseView = {
  id: string;
  title: string;
  summary: string;
  audience: Audience[];
  open: boolean;
  minutes: number;
  lessonCount: number;
  enrolled: boolean;
  progress: ProgressSummary | null;
  modules: {
    id: string;
    title: string;
    summary: string;
    minutes: number;
    lessons: { id: string; title: string; minutes: number; objectives: string[]; done: boolean }[];
    quiz: QuizLine | null;
  }[];
};

export async function courseView(lang: Lang, courseId: string, viewer: Viewer): Promise<CourseView | null> {
  const course = getCourse(courseId);
  if (!course) return null;
  const progress = viewer ? await refreshCourseCompletion(viewer.id, course.id) : null;
  const done = new Set(progress?.doneLessonIds ?? []);
  const required = new Set(courseCompletionRequirements(course.id)?.quizzes.map((q) => q.id) ?? []);
  const modules = await Promise.all(
    modulesOfCourse(course.id).map(async (module) => {
      const lessons = lessonsOfCourse(course.id).filter((lesson) => lesson.moduleId === module.id);
      const quiz = module.quiz ? getQuiz(module.quiz) : undefined;
      const standing =
        quiz && viewer
          ? await quizStanding(viewer.id, quiz, new Date(), await attemptCycleStart(viewer.id, quiz.id))
          : null;
      return {
        id: module.id,
        title: module.title[lang],
        summary: module.summary[lang],
        minutes: lessons.reduce((sum, lesson) => sum + lesson.minutes, 0),
        lessons: lessons.map((lesson) => ({
          id: lesson.id,
          title: lesson[lang].title,
          minutes: lesson.minutes,
          objectives: lesson[lang].objectives,
          done: done.has(lesson.id),
        })),
        quiz: quiz
          ? {
              id: quiz.id,
              title: quizTitle(quiz, lang, course.id),
              required: required.has(quiz.id),
              standing: standing
                ? {
                    passed: standing.passed,
                    best: standing.bestPercent === null ? null : formatScore(standing.bestPercent, lang),
                    used: standing.attemptsUsed,
                    allowed: standing.attemptsAllowed,
                    inProgress: standing.openAttemptId !== null,
                  }
                : null,
            }
          : null,
      };
    }),
  );
  return {
    id: course.id,
    title: course.title[lang],
    summary: course.summary[lang],
    audience: course.audience,
    open: course.open,
    minutes: courseMinutes(course.id),
    lessonCount: lessonsOfCourse(course.id).length,
    enrolled: progress?.enrolled ?? false,
    progress: progress?.enrolled && viewer ? summarize(progress, lang, viewer.timeZone) : null,
    modules,
  };
}
