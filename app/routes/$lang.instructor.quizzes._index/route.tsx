import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { formatNumber } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { quizzesWithAttempts } from "~/modules/quiz/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { orgIds } = await requirePermission(request, "read:item-stats:org");
  const t = await getFixedT(lang);
  return { lang, title: t("stats:list.title"), quizzes: await quizzesWithAttempts(orgIds, lang) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function QuizStatsList() {
  const { lang, quizzes } = useLoaderData<typeof loader>();
  const { t } = useTranslation("stats");
  const n = (value: number) => formatNumber(value, lang);
  return (
    <div className="page">
      <h1>{t("list.title")}</h1>
      <p className="lead">{t("list.intro")}</p>
      {quizzes.length === 0 ? (
        <p>{t("list.noQuizzes")}</p>
      ) : (
        <div className="table-wrap stats-wrap">
          <table className="stats-list">
            <caption className="visually-hidden">{t("list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("list.quiz")}</th>
                <th scope="col" className="stats-num">
                  {t("list.attemptsAll")}
                </th>
                <th scope="col" className="stats-num">
                  {t("list.attemptsEn")}
                </th>
                <th scope="col" className="stats-num">
                  {t("list.attemptsEs")}
                </th>
              </tr>
            </thead>
            <tbody>
              {quizzes.map((q) => (
                <tr key={q.id}>
                  <th scope="row">
                    <Link to={`/${lang}/instructor/quizzes/${q.id}`}>{q.title}</Link>
                    {q.courses.length ? (
                      <p className="muted table-note">
                        {t("list.courses")}: {q.courses.join(" · ")}
                      </p>
                    ) : null}
                  </th>
                  <td className="stats-num">{n(q.attempts.all)}</td>
                  <td className="stats-num">{n(q.attempts.en)}</td>
                  <td className="stats-num">{n(q.attempts.es)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
