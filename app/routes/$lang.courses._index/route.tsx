import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { duration } from "~/components/lesson/duration.ts";
import { SearchBox } from "~/components/lesson/search-box.tsx";
import { getUser } from "~/modules/auth/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { formatPercent } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { catalogView } from "~/modules/learning/index.server.ts";
import { coursePath } from "~/modules/learning/index.ts";
import styles from "~/styles/lesson.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await getUser(request);
  const t = await getFixedT(lang);
  const courses = await catalogView(lang, user ? { id: user.id, timeZone: user.timeZone } : null);
  return { lang, title: t("learning:catalog.title"), courses };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function Catalog() {
  const { lang, courses } = useLoaderData<typeof loader>();
  const { t } = useTranslation("learning");
  return (
    <div className="page learning-page">
      <div className="page-head">
        <div>
          <h1>{t("catalog.title")}</h1>
          <p className="lead">{t("catalog.intro")}</p>
        </div>
        <SearchBox lang={lang} />
      </div>
      {courses.length === 0 ? <p>{t("catalog.empty")}</p> : null}
      <ul className="course-cards" aria-label={t("catalog.listLabel")}>
        {courses.map((course) => (
          <li key={course.id} className="course-card">
            <h2>
              <Link to={coursePath(lang, course.id)}>{course.title}</Link>
            </h2>
            <p>{course.summary}</p>
            <p className="course-card__stats">
              {t("catalog.stats", {
                modules: course.modules,
                lessons: course.lessons,
                duration: duration(t, course.minutes),
              })}
            </p>
            <p className="course-card__audience">
              {t("audience.label")}: {course.audience.map((a) => t(`audience.${a}`)).join(", ")}
            </p>
            <p className="course-card__tags">
              <span className={`badge ${course.open ? "badge--open" : ""}`}>
                {course.open ? t("catalog.open") : t("catalog.closed")}
              </span>
              {course.mine ? (
                <span className="badge badge--mine">
                  {course.mine.completed
                    ? `✓ ${t("catalog.completed")}`
                    : t("catalog.yourProgress", { percent: formatPercent(course.mine.percent / 100, lang) })}
                </span>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
