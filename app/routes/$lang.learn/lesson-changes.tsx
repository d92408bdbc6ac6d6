import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/modules/i18n/index.ts";
import type { LessonChangeNotice } from "~/modules/learning/index.server.ts";
import { lessonPath } from "~/modules/learning/index.ts";

/** Corrections to lessons the learner completed before they were made. Shown only when there are some. */
export function LessonChanges({ lang, changes }: { lang: Lang; changes: LessonChangeNotice[] }) {
  const { t } = useTranslation("learning");
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="lesson-changes" className="lesson-changes">
      <h2 id="lesson-changes">{t("whatChanged.heading")}</h2>
      <p>{t("whatChanged.intro")}</p>
      <ul>
        {changes.map((change) => (
          <li key={`${change.lessonId}-${change.date}`} className="lesson-change">
            <p className="lesson-change__head">
              <Link to={lessonPath(lang, change.courseId, change.lessonId)}>{change.lessonTitle}</Link>{" "}
              <span className="muted">
                <time dateTime={change.date}>{t("whatChanged.updatedOn", { date: change.dateText })}</time>
              </span>
            </p>
            <p>{change.note}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
