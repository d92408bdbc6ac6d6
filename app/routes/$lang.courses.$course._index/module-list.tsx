import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { duration } from "~/components/lesson/duration.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import type { CourseView, QuizLine } from "~/modules/learning/index.server.ts";
import { lessonPath, quizPath } from "~/modules/learning/index.ts";

function QuizStatus({ quiz }: { quiz: QuizLine }) {
  const { t } = useTranslation("learning");
  const s = quiz.standing;
  if (!s) return null;
  if (s.passed) return <span className="status status--done">✓ {t("course.quiz.passed", { best: s.best ?? "" })}</span>;
  const parts = [
    s.inProgress ? t("course.quiz.inProgress") : null,
    s.used === 0 && !s.inProgress ? t("course.quiz.notStarted") : null,
    s.used > 0
      ? s.allowed === null
        ? t("course.quiz.attemptsUnlimited", { used: s.used })
        : t("course.quiz.attempts", { used: s.used, allowed: s.allowed })
      : null,
    s.best ? t("course.quiz.best", { best: s.best }) : null,
  ].filter(Boolean);
  return <span className="status">{parts.join(" · ")}</span>;
}

export function ModuleList({ lang, course }: { lang: Lang; course: CourseView }) {
  const { t } = useTranslation("learning");
  return (
    <ol className="module-list">
      {course.modules.map((module, index) => (
        <li key={module.id} className="module-card">
          <section aria-labelledby={`module-${module.id}`}>
            <p className="module-card__number">{t("course.moduleLabel", { number: index + 1 })}</p>
            <h3 id={`module-${module.id}`}>{module.title}</h3>
            <p>{module.summary}</p>
            <p className="muted">{duration(t, module.minutes)}</p>
            <ol className="lesson-list" aria-label={t("course.lessonsLabel", { module: module.title })}>
              {module.lessons.map((lesson) => (
                <li key={lesson.id} className={lesson.done ? "lesson-item lesson-item--done" : "lesson-item"}>
                  <div className="lesson-item__head">
                    <Link to={lessonPath(lang, course.id, lesson.id)}>{lesson.title}</Link>
                    <span className="lesson-item__meta">
                      {t("duration.minutes", { minutes: lesson.minutes })}
                      {course.enrolled ? (
                        lesson.done ? (
                          <span className="status status--done">✓ {t("course.done")}</span>
                        ) : (
                          <span className="visually-hidden">{t("course.notDone")}</span>
                        )
                      ) : null}
                    </span>
                  </div>
                  <details className="lesson-item__objectives">
                    <summary>{t("course.objectives")}</summary>
                    <ul>
                      {lesson.objectives.map((objective) => (
                        <li key={objective}>{objective}</li>
                      ))}
                    </ul>
                  </details>
                </li>
              ))}
            </ol>
            {module.quiz ? (
              <div className="module-quiz">
                <p className="module-quiz__label">
                  {t("course.quiz.label")} ·{" "}
                  {module.quiz.required ? t("course.quiz.required") : t("course.quiz.optional")}
                </p>
                <p>
                  <Link to={quizPath(lang, course.id, module.quiz.id)}>{module.quiz.title}</Link>{" "}
                  <QuizStatus quiz={module.quiz} />
                </p>
              </div>
            ) : null}
          </section>
        </li>
      ))}
    </ol>
  );
}
