import { getCourse, getQuiz, quizzesOfCourse } from "~/modules/content/index.server.ts";
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
