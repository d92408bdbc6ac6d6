import { getCourse, getQuiz, quizzesOfCourse } from "~/modules/content/index.server.ts";
import { requireUser } from "~/modules/auth/index.server.ts";
import { ownAttempt } from "./attempt-record.server.ts";
import { langFromParams } from "~/modules/i18n/i18n.server.ts";

/** The language, course and quiz named by the URL; 404 unless the quiz belongs to the course. */
export function quizFromParams(params: { lang?: string; course?: string; quiz?: string }) {
  const lang = langFromParams(params);
  const course = params.course ? getCourse(params.course) : undefined;
  const quiz = params.quiz ? getQuiz(params.quiz) : undefined;
  if (!course || !quiz || !quizzesOfCourse(course.id).some((q) => q.id === quiz.id)) {
    throw new Response("Not Found", { status: 404 });
  }
  return { lang, course, quiz, base: `/${lang}/courses/${course.id}/quizzes/${quiz.id}` };
}

/**
 * The caller's own attempt named by the URL, in the quiz named by the URL: signed out → sign-in
 * page; anyone else's attempt, or one of another quiz → 404.
 */
export async function openAttemptFromParams(
  request: Request,
  params: { lang?: string; course?: string; quiz?: string; attempt?: string },
) {
  const ctx = quizFromParams(params);
  const user = await requireUser(request);
  const attempt = await ownAttempt(params.attempt ?? "", user.id);
  if (!attempt || attempt.quizId !== ctx.quiz.id) throw new Response("Not Found", { status: 404 });
  return { ...ctx, user, attempt };
}
