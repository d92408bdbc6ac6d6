import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProgressPanel } from "~/components/lesson/progress-panel.tsx";
import { requireUser } from "~/modules/auth/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { learnerHome, lessonChangesForLearner } from "~/modules/learning/index.server.ts";
import { coursePath } from "~/modules/learning/index.ts";
import styles from "~/styles/lesson.css";
import { AttemptsTable } from "./attempts-table.tsx";
import { LessonChanges } from "./lesson-changes.tsx";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUser(request);
  const t = await getFixedT(lang);
  const [home, lessonChanges] = await Promise.all([
    learnerHome({ id: user.id, timeZone: user.timeZone }, lang),
    lessonChangesForLearner(user.id, lang),
  ]);
  return { lang, title: t("learning:learn.title"), ...home, lessonChanges };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function MyLearning() {
  const { lang, inProgress, completed, attempts, lessonChanges } = useLoaderData<typeof loader>();
  const { t } = useTranslation("learning");
  return (
    <div className="page learning-page">
      <h1>{t("learn.title")}</h1>
      <LessonChanges lang={lang} changes={lessonChanges} />
      <section aria-labelledby="in-progress">
        <h2 id="in-progress">{t("learn.inProgress")}</h2>
        {inProgress.length === 0 ? (
          <p>
            {completed.length === 0 ? t("learn.none") : t("learn.noneInProgress")}{" "}
            <Link to={`/${lang}/courses`}>{t("learn.browse")}</Link>
          </p>
        ) : (
          <ul className="home-courses">
            {inProgress.map((course) => (
              <li key={course.id} className="home-course">
                <h3>
                  <Link to={coursePath(lang, course.id)}>{course.title}</Link>
                </h3>
                <ProgressPanel lang={lang} courseId={course.id} progress={course.progress} headingLevel={3} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="completed">
        <h2 id="completed">{t("learn.completed")}</h2>
        {completed.length === 0 ? (
          <p>{t("learn.noneCompleted")}</p>
        ) : (
          <ul className="home-courses">
            {completed.map((course) => (
              <li key={course.id} className="home-course">
                <h3>
                  <Link to={coursePath(lang, course.id)}>{course.title}</Link>
                </h3>
                <ProgressPanel lang={lang} courseId={course.id} progress={course.progress} headingLevel={3} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="credentials">
        <h2 id="credentials">{t("learn.credentials.heading")}</h2>
        <p>
          {t("learn.credentials.text")} <Link to={`/${lang}/credentials`}>{t("learn.credentials.link")}</Link>
        </p>
      </section>
      <section aria-labelledby="attempts">
        <h2 id="attempts">{t("learn.attempts.heading")}</h2>
        {attempts.length === 0 ? <p>{t("learn.attempts.none")}</p> : <AttemptsTable lang={lang} attempts={attempts} />}
      </section>
    </div>
  );
}
