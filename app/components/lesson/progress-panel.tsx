import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatPercent, type Lang } from "~/modules/i18n/index.ts";
import { lessonPath, quizPath } from "~/modules/learning/index.ts";
import type { ProgressSummary } from "~/modules/learning/index.server.ts";

export function ProgressMeter({ percent, lang, id }: { percent: number; lang: Lang; id: string }) {
  const { t } = useTranslation("learning");
  return (
    <div className="meter">
      <progress id={id} max={100} value={percent} aria-label={t("progress.barLabel")} />
      <span className="meter__text">{t("progress.percent", { percent: formatPercent(percent / 100, lang) })}</span>
    </div>
  );
}

/** Progress in one course: the bar, counts, where to continue and what is still missing. */
export function ProgressPanel({
  lang,
  courseId,
  progress,
  headingLevel = 2,
}: {
  lang: Lang;
  courseId: string;
  progress: ProgressSummary;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation("learning");
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const nothingMissing = progress.missingLessons.length === 0 && progress.missingQuizzes.length === 0;
  return (
    <div className="progress-panel">
      <ProgressMeter percent={progress.percent} lang={lang} id={`progress-${courseId}`} />
      <ul className="progress-panel__counts">
        <li>{t("progress.lessons", { done: progress.lessonsDone, total: progress.lessonsTotal })}</li>
        {progress.quizzesRequired > 0 ? (
          <li>{t("progress.quizzes", { passed: progress.quizzesPassed, required: progress.quizzesRequired })}</li>
        ) : null}
      </ul>
      {progress.completed ? (
        <p className="progress-panel__done">
          <span aria-hidden="true">✓ </span>
          {progress.completedOn ? t("progress.completedOn", { date: progress.completedOn }) : t("progress.completed")}
        </p>
      ) : null}
      {progress.continueLesson ? (
        <p>
          <Link className="button" to={lessonPath(lang, courseId, progress.continueLesson.id)}>
            {t(progress.lastVisitOn ? "progress.continue" : "progress.start", { title: progress.continueLesson.title })}
          </Link>
          {progress.lastVisitOn ? (
            <span className="muted progress-panel__visit">
              {t("progress.lastVisit", { date: progress.lastVisitOn })}
            </span>
          ) : null}
        </p>
      ) : null}
      <Sub className="progress-panel__missing-heading">{t("progress.missing")}</Sub>
      {nothingMissing ? <p>{t("progress.nothingMissing")}</p> : null}
      {progress.missingLessons.length > 0 ? (
        <details className="progress-panel__missing">
          <summary>
            {t("progress.missingLessons")} ({progress.missingLessons.length})
          </summary>
          <ul>
            {progress.missingLessons.map((lesson) => (
              <li key={lesson.id}>
                <Link to={lessonPath(lang, courseId, lesson.id)}>{lesson.title}</Link>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {progress.missingQuizzes.length > 0 ? (
        <details className="progress-panel__missing">
          <summary>
            {t("progress.missingQuizzes")} ({progress.missingQuizzes.length})
          </summary>
          <ul>
            {progress.missingQuizzes.map((quiz) => (
              <li key={quiz.id}>
                <Link to={quizPath(lang, courseId, quiz.id)}>{quiz.title}</Link>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
