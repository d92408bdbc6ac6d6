import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/notice.tsx";
import type { Lang } from "~/modules/i18n/index.ts";
import type { LessonPage } from "~/modules/learning/index.server.ts";
import { coursePath, lessonPath, quizPath } from "~/modules/learning/index.ts";

type ActionResult = { error: "unknownIntent" | null; completed: boolean; courseDone: boolean } | undefined;

/** Mark complete, the module quiz when the module ends, and previous/next. */
export function LessonFooter({
  lang,
  page,
  enrolled,
  actionData,
}: {
  lang: Lang;
  page: LessonPage;
  enrolled: boolean;
  actionData: ActionResult;
}) {
  const { t } = useTranslation("learning");
  const both = page.sideBySide;
  return (
    <footer className="lesson-foot">
      {actionData?.error ? <Notice tone="error">{t(`errors.${actionData.error}`)}</Notice> : null}
      {actionData?.completed ? (
        <Notice tone="success">
          {actionData.courseDone
            ? `${t("lesson.complete.justDone")} ${t("lesson.complete.courseDone")}`
            : t("lesson.complete.justDone")}
        </Notice>
      ) : null}
      {enrolled ? (
        page.completedOn ? (
          <p className="lesson-complete lesson-complete--done">
            <span aria-hidden="true">✓ </span>
            {t("lesson.complete.doneOn", { date: page.completedOn })}
          </p>
        ) : (
          <Form method="post" className="lesson-complete" preventScrollReset>
            <input type="hidden" name="intent" value="complete" />
            <button type="submit" className="button">
              {t("lesson.complete.button")}
            </button>
          </Form>
        )
      ) : null}
      {page.moduleQuiz ? (
        <p className="lesson-quiz">
          {t("lesson.quizNext")}{" "}
          <Link to={quizPath(lang, page.course.id, page.moduleQuiz.id)}>{page.moduleQuiz.title}</Link>
        </p>
      ) : null}
      <nav aria-label={t("lesson.nav.label")} className="lesson-nav">
        {page.previous ? (
          <Link
            to={lessonPath(lang, page.course.id, page.previous.id, { both })}
            rel="prev"
            className="lesson-nav__link lesson-nav__link--prev"
          >
            <span className="lesson-nav__dir">← {t("lesson.nav.previous")}</span>
            <span className="lesson-nav__title">{page.previous.title}</span>
          </Link>
        ) : (
          <span />
        )}
        <Link to={coursePath(lang, page.course.id)} className="lesson-nav__course">
          {t("lesson.nav.backToCourse")}
        </Link>
        {page.next ? (
          <Link
            to={lessonPath(lang, page.course.id, page.next.id, { both })}
            rel="next"
            className="lesson-nav__link lesson-nav__link--next"
          >
            <span className="lesson-nav__dir">{t("lesson.nav.next")} →</span>
            <span className="lesson-nav__title">{page.next.title}</span>
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </footer>
  );
}
