import { getCourse, getQuiz, quizzesOfCourse, type Course, type Quiz } from "~/modules/content/index.server.ts";
import { requireUser, type SessionUser } from "~/modules/auth/index.server.ts";
import { isLang, type Lang } from "~/modules/i18n/index.ts";
import { ownAttempt } from "./attempt-record.server.ts";

export type QuizContext = { lang: Lang; course: Course; quiz: Quiz; base: string };

/**
 * The language, course and quiz named by the URL, or `null` (the route answers 404) when any
 * of them does not exist or the quiz does not belong to the course.
 */
export function quizFromParams(params: { lang?: string; course?: string; quiz?: string }): QuizContext | null {
  if (!isLang(params.lang)) return null;
  const lang = params.lang;
  const course = params.course ? getCourse(params.course) : undefined;
  const quiz = params.quiz ? getQuiz(params.quiz) : undefined;
  if (!course || !quiz || !quizzesOfCourse(course.id).some((q) => q.id === quiz.id)) return null;
  return { lang, course, quiz, base: `/${lang}/courses/${course.id}/quizzes/${quiz.id}` };
}

export type OpenAttempt = QuizContext & {
  user: SessionUser;
  attempt: NonNullable<Awaited<ReturnType<typeof ownAttempt>>>;
};

/**
 * The caller's own attempt named by the URL, in the quiz named by the URL: signed out → sign-in
 * page (the auth guard's redirect); no such quiz, anyone else's attempt, or one of another quiz
 * → `null` (the route answers 404). The quiz is checked before the session, as before.
 */
export async function openAttemptFromParams(
  request: Request,
  params: { lang?: string; course?: string; quiz?: string; attempt?: string },
): Promise<OpenAttempt | null> {
  const ctx = quizFromParams(params);
  if (!ctx) return null;
  const user = await requireUser(request);
  const attempt = await ownAttempt(params.attempt ?? "", user.id);
  if (!attempt || attempt.quizId !== ctx.quiz.id) return null;
  return { ...ctx, user, attempt };
}
