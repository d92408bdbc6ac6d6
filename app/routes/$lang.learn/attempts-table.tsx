import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/modules/i18n/index.ts";
import type { PastAttempt } from "~/modules/learning/index.server.ts";
import { quizPath } from "~/modules/learning/index.ts";

export function AttemptsTable({ lang, attempts }: { lang: Lang; attempts: PastAttempt[] }) {
  const { t } = useTranslation("learning");
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t("learn.attempts.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("learn.attempts.quiz")}</th>
            <th scope="col">{t("learn.attempts.number")}</th>
            <th scope="col">{t("learn.attempts.submitted")}</th>
            <th scope="col">{t("learn.attempts.score")}</th>
            <th scope="col">{t("learn.attempts.result")}</th>
            <th scope="col">{t("learn.attempts.language")}</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={`${a.quizId}-${a.number}`}>
              <th scope="row">
                <Link to={quizPath(lang, a.courseId, a.quizId)}>{a.quizTitle}</Link>
                {a.courseTitle ? <span className="muted table-sub">{a.courseTitle}</span> : null}
              </th>
              <td>{a.number}</td>
              <td>{a.submittedOn}</td>
              <td>{a.score ?? "—"}</td>
              <td>
                {a.passed ? (
                  <span className="status status--done">✓ {t("learn.attempts.passed")}</span>
                ) : (
                  <span className="status status--fail">✗ {t("learn.attempts.failed")}</span>
                )}
              </td>
              <td>{a.lang === "en" || a.lang === "es" ? t(`languageNames.${a.lang}`) : a.lang}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
