import { parseWithZod } from "@conform-to/zod";
import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import { duration } from "~/components/lesson/duration.ts";
import { ProgressPanel } from "~/components/lesson/progress-panel.tsx";
import { getUser, requireUser } from "~/modules/auth/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { forbidden, notFound, orNotFound, requireLang, titleMeta } from "~/modules/web/index.ts";
import { courseActionSchema, courseView, enrol, findCourse } from "~/modules/learning/index.server.ts";
import styles from "~/styles/lesson.css";
import { ModuleList } from "./module-list.tsx";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await getUser(request);
  const course = await courseView(
    lang,
    orNotFound(findCourse(params.course)).id,
    user ? { id: user.id, timeZone: user.timeZone } : null,
  );
  if (!course) notFound();
  const loginHref = `/${lang}/login?${new URLSearchParams({ redirectTo: `/${lang}/courses/${course.id}` })}`;
  return { lang, title: course.title, course, signedIn: user !== null, loginHref };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  requireLang(params);
  const user = await requireUser(request);
  const course = orNotFound(findCourse(params.course));
  const submission = parseWithZod(await readForm(request), { schema: courseActionSchema });
  if (submission.status !== "success")
    return data({ enrolled: false, error: "unknownIntent" as const }, { status: 400 });
  // Self-enrolment is only for open courses; the others are enrolled by an organization.
  if (!course.open) forbidden();
  await enrol(user.id, course.id);
  return { enrolled: true, error: null };
}

export default function CoursePage() {
  const { lang, course, signedIn, loginHref } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("learning");
  return (
    <div className="page learning-page">
      <nav aria-label={t("course.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/${lang}/courses`}>{t("course.allCourses")}</Link>
          </li>
        </ol>
      </nav>
      <h1>{course.title}</h1>
      <p className="lead">{course.summary}</p>
      <p className="course-card__stats">
        {t("catalog.stats", {
          modules: course.modules.length,
          lessons: course.lessonCount,
          duration: duration(t, course.minutes),
        })}
      </p>
      <p>
        {t("audience.label")}: {course.audience.map((a) => t(`audience.${a}`)).join(", ")}
      </p>
      {actionData?.error ? <Notice tone="error">{t(`errors.${actionData.error}`)}</Notice> : null}
      {actionData?.enrolled ? <Notice tone="success">{t("course.enrolled")}</Notice> : null}
      {course.progress ? (
        <section className="course-progress" aria-labelledby="progress-heading">
          <h2 id="progress-heading">{t("progress.heading")}</h2>
          <ProgressPanel lang={lang} courseId={course.id} progress={course.progress} />
        </section>
      ) : (
        <div className="enrol-box">
          {!course.open ? (
            <p>{t("course.closed")}</p>
          ) : signedIn ? (
            <Form method="post">
              <p>{t("course.enrolIntro")}</p>
              <input type="hidden" name="intent" value="enrol" />
              <button type="submit" className="button">
                {t("course.enrol")}
              </button>
            </Form>
          ) : (
            <>
              <p>{t("course.enrolIntro")}</p>
              <Link to={loginHref} className="button">
                {t("course.signInToEnrol")}
              </Link>
            </>
          )}
        </div>
      )}
      <h2>{t("course.modulesHeading")}</h2>
      <ModuleList lang={lang} course={course} />
    </div>
  );
}
