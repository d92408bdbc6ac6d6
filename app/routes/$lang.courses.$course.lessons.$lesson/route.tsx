import { parseWithZod } from "@conform-to/zod";
import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/notice.tsx";
import { BilingualBody, LessonBody } from "~/components/lesson/lesson-body.tsx";
import { documentFragments, requireUser } from "~/modules/auth/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { forbidden, orNotFound, requireLang, titleMeta } from "~/modules/web/index.ts";
import {
  canPreviewLessons,
  enrol,
  isEnrolled,
  lessonPage,
  markLessonComplete,
  recordVisit,
  findCourseLesson,
  withoutHtml,
  lessonActionSchema,
} from "~/modules/learning/index.server.ts";
import { coursePath, lessonPath, SIDE_BY_SIDE } from "~/modules/learning/index.ts";
import styles from "~/styles/lesson.css";
import { EnrolGate } from "./enrol-gate.tsx";
import { LessonFooter } from "./lesson-footer.tsx";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUser(request);
  const { course, lesson } = orNotFound(findCourseLesson(params.course, params.lesson));
  const [enrolled, preview] = await Promise.all([isEnrolled(user.id, course.id), canPreviewLessons(request, user)]);
  const title = lesson[lang].title;
  if (!enrolled && !preview) {
    const gate = { courseId: course.id, courseTitle: course.title[lang], lessonTitle: title, open: course.open };
    return { kind: "gate" as const, lang, title, gate };
  }
  if (enrolled) await recordVisit(user.id, course.id, lesson.id);
  const sideBySide = new URL(request.url).searchParams.get("view") === SIDE_BY_SIDE;
  const page = await lessonPage(lang, course, lesson, { sideBySide, userId: user.id, timeZone: user.timeZone });
  // A document shows the lesson's HTML; its hydration data need not carry it again.
  const fragments = documentFragments();
  return {
    kind: "lesson" as const,
    lang,
    title,
    page: fragments ? withoutHtml(page, fragments) : page,
    enrolled,
    otherTitle: lesson[lang === "en" ? "es" : "en"].title,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  requireLang(params);
  const user = await requireUser(request);
  const { course, lesson } = orNotFound(findCourseLesson(params.course, params.lesson));
  const submission = parseWithZod(await readForm(request), { schema: lessonActionSchema });
  if (submission.status !== "success")
    return data({ error: "unknownIntent" as const, completed: false, courseDone: false }, { status: 400 });
  if (submission.value.intent === "enrol") {
    if (!course.open) forbidden();
    await enrol(user.id, course.id);
    return { error: null, completed: false, courseDone: false };
  }
  const result = await markLessonComplete(user.id, course.id, lesson.id);
  // Progress is only kept for courses the learner is enrolled in; nothing was written.
  if (!result.ok) forbidden();
  return { error: null, completed: true, courseDone: result.progress?.completed ?? false };
}

export default function LessonRoute() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("learning");
  if (loaded.kind === "gate") return <EnrolGate lang={loaded.lang} gate={loaded.gate} />;
  const { lang, page, enrolled, title, otherTitle } = loaded;
  const toggleHref = lessonPath(lang, page.course.id, page.lesson.id, { both: !page.sideBySide });
  return (
    <div
      className={
        page.sideBySide ? "page learning-page lesson-page lesson-page--both" : "page learning-page lesson-page"
      }
    >
      <nav aria-label={t("course.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/${lang}/courses`}>{t("course.allCourses")}</Link>
          </li>
          <li>
            <Link to={coursePath(lang, page.course.id)}>{page.course.title}</Link>
          </li>
          <li>{page.module.title}</li>
        </ol>
      </nav>
      <header className="lesson-head">
        <h1>{title}</h1>
        {page.sideBySide ? (
          <p className="lesson-head__other" lang={lang === "en" ? "es" : "en"}>
            {otherTitle}
          </p>
        ) : null}
        <p className="lesson-head__meta">
          <span>{t("lesson.position", { position: page.lesson.position, count: page.lesson.count })}</span>
          <span>{t("lesson.minutes", { minutes: page.lesson.minutes })}</span>
          {page.lawAsOf ? (
            <span className="lesson-head__law-as-of">
              <time dateTime={page.lawAsOf.day}>{t("lesson.lawAsOf", { date: page.lawAsOf.text })}</time>
            </span>
          ) : null}
          {page.completedOn ? <span className="status status--done">✓ {t("course.done")}</span> : null}
        </p>
        <p className="view-toggle">
          <span>{t("lesson.view.state", { state: page.sideBySide ? t("lesson.view.on") : t("lesson.view.off") })}</span>{" "}
          <Link to={toggleHref} className="button button--secondary button--small" preventScrollReset>
            {page.sideBySide ? t("lesson.view.turnOff") : t("lesson.view.turnOn")}
          </Link>
        </p>
      </header>
      {!enrolled ? <Notice>{t("lesson.preview")}</Notice> : null}
      {page.sideBySide ? (
        <BilingualBody texts={page.texts} label={t("lesson.view.columns")} />
      ) : page.texts[0] ? (
        <LessonBody text={page.texts[0]} />
      ) : null}
      <LessonFooter lang={lang} page={page} enrolled={enrolled} actionData={actionData} />
    </div>
  );
}
