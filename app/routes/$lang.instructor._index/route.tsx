import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/modules/auth/index.server.ts";
import {
  coursesWithLesson,
  getModule,
  lessonsDueForReview,
  lessonsOfCourse,
  listCourses,
} from "~/modules/content/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { formatDay, formatNumber } from "~/modules/i18n/index.ts";
import { lessonPath } from "~/modules/learning/index.ts";
import { ReviewDue, type ReviewDueRow } from "./review-due.tsx";
import { getFixedT } from "~/modules/i18n/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  await requirePermission(request, "read:lesson-preview:any");
  const t = await getFixedT(lang);
  const courses = listCourses().map((c) => ({
    id: c.id,
    title: c.title[lang],
    summary: c.summary[lang],
    modules: formatNumber(c.modules.length, lang),
    lessons: formatNumber(lessonsOfCourse(c.id).length, lang),
  }));
  const reviewDue = lessonsDueForReview().map(({ lesson, status }): ReviewDueRow => {
    const course = coursesWithLesson(lesson.id)[0];
    return {
      lessonId: lesson.id,
      title: lesson[lang].title,
      module: getModule(lesson.moduleId)?.title[lang] ?? lesson.moduleId,
      href: course ? lessonPath(lang, course.id, lesson.id) : null,
      reviewed: lesson.reviewed,
      reviewedText: lesson.reviewed ? formatDay(lesson.reviewed, lang) : null,
      status,
    };
  });
  return { lang, title: t("workspace:instructor.title"), courses, reviewDue };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function Instructor() {
  const { lang, courses, reviewDue } = useLoaderData<typeof loader>();
  const { t } = useTranslation("workspace");
  return (
    <div className="page">
      <h1>{t("instructor.title")}</h1>
      <p className="lead">{t("instructor.intro")}</p>
      <h2>{t("instructor.canHeading")}</h2>
      <ul>
        <li>{t("instructor.can.preview")}</li>
        <li>
          {t("instructor.can.itemStats")} <Link to={`/${lang}/instructor/quizzes`}>{t("stats:nav.link")}</Link>
        </li>
        <li>{t("instructor.can.accommodations")}</li>
      </ul>
      <h2>{t("instructor.coursesHeading")}</h2>
      {courses.length === 0 ? (
        <p>{t("instructor.noCourses")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table--medium">
            <caption className="visually-hidden">{t("instructor.coursesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("instructor.course")}</th>
                <th scope="col">{t("instructor.modules")}</th>
                <th scope="col">{t("instructor.lessons")}</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/${lang}/courses/${c.id}`}>{c.title}</Link>
                    <p className="muted table-note">{c.summary}</p>
                  </th>
                  <td>{c.modules}</td>
                  <td>{c.lessons}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ReviewDue rows={reviewDue} />
    </div>
  );
}
