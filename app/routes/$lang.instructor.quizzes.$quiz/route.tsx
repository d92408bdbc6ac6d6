import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { holds } from "~/modules/auth/index.ts";
import { listCourses } from "~/modules/content/index.server.ts";
import { orNotFound, requireLang, titleMeta } from "~/modules/web/index.ts";
import { formatNumber } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { quizForStats, quizItemStatistics, quizTitle } from "~/modules/quiz/index.server.ts";
import { UnitCards } from "./item-card.tsx";
import { OverviewTable } from "./overview-table.tsx";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user, memberships, orgIds } = await requirePermission(request, "read:item-stats:org");
  const quiz = orNotFound(quizForStats(params.quiz));
  const t = await getFixedT(lang);
  const stats = await quizItemStatistics(quiz, orgIds, lang);
  const name = quizTitle(quiz, lang);
  // Accommodations are kept per quiz; the page lives under a course that has the quiz.
  const course = listCourses().find((c) => c.modules.includes(quiz.moduleId));
  const mayAccommodate = holds(
    { isPlatformAdmin: user.isPlatformAdmin, emailVerified: user.emailVerified, memberships },
    "update:accommodation:org",
  );
  const accommodations =
    course && mayAccommodate ? `/${lang}/courses/${course.id}/quizzes/${quiz.id}/accommodations` : null;
  return { lang, title: t("stats:quiz.title", { quiz: name }), quizTitle: name, stats, accommodations };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function QuizItemStats() {
  const { lang, title, quizTitle, stats, accommodations } = useLoaderData<typeof loader>();
  const { t } = useTranslation("stats");
  const n = (value: number) => formatNumber(value, lang);
  const flagged = stats.units.flatMap((u) => u.items).filter((i) => i.gap.flagged).length;
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/instructor/quizzes`}>← {t("quiz.back")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">
        {t("quiz.attempts", { all: n(stats.attempts.all), en: n(stats.attempts.en), es: n(stats.attempts.es) })}
      </p>
      {stats.attempts.all === 0 ? (
        <p className="notice">{t("quiz.none")}</p>
      ) : (
        <>
          <p className={flagged ? "notice notice--warning" : "notice"}>
            {flagged ? t("quiz.flaggedCount", { count: flagged }) : t("quiz.noneFlagged")}
          </p>
          <p>
            <a
              className="button button--secondary"
              href={`/${lang}/instructor/quizzes/${stats.quizId}/export`}
              download
            >
              {t("quiz.download")}
            </a>
          </p>
        </>
      )}
      {accommodations ? (
        <p>
          <Link to={accommodations}>{t("quiz.accommodationsLink")}</Link>
        </p>
      ) : null}
      <section aria-labelledby="how-to-read">
        <h2 id="how-to-read">{t("quiz.howToRead")}</h2>
        <ul className="stats-defs">
          <li>{t("quiz.defs.responses")}</li>
          <li>{t("quiz.defs.correct")}</li>
          <li>{t("quiz.defs.meanScore")}</li>
          <li>{t("quiz.defs.discrimination")}</li>
          <li>{t("quiz.defs.flag")}</li>
        </ul>
      </section>
      {stats.attempts.all > 0 ? (
        <>
          <h2>{t("quiz.overviewHeading")}</h2>
          <OverviewTable stats={stats} lang={lang} caption={t("quiz.overviewCaption", { quiz: quizTitle })} />
          <h2>{t("quiz.detailsHeading")}</h2>
          <div className="stack">
            {stats.units.map((unit) => (
              <UnitCards key={unit.caseId ?? unit.items[0]!.itemId} unit={unit} lang={lang} />
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}
