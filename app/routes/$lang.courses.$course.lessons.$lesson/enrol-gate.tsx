import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/modules/i18n/index.ts";
import { coursePath } from "~/modules/learning/index.ts";

type Gate = { courseId: string; courseTitle: string; lessonTitle: string; open: boolean };

/** Shown instead of the lesson to a signed-in reader who is not enrolled in its course. */
export function EnrolGate({ lang, gate }: { lang: Lang; gate: Gate }) {
  const { t } = useTranslation("learning");
  return (
    <div className="page page--narrow learning-page">
      <h1>{t("lesson.gate.title")}</h1>
      <p>{t("lesson.gate.body", { lesson: gate.lessonTitle, course: gate.courseTitle })}</p>
      {gate.open ? (
        <Form method="post">
          <input type="hidden" name="intent" value="enrol" />
          <button type="submit" className="button">
            {t("course.enrol")}
          </button>
        </Form>
      ) : (
        <p className="notice">{t("lesson.gate.closed")}</p>
      )}
      <p>
        <Link to={coursePath(lang, gate.courseId)}>{t("lesson.gate.toCourse")}</Link>
      </p>
    </div>
  );
}
