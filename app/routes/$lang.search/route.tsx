import { parseWithZod } from "@conform-to/zod";
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Marked } from "~/components/lesson/marked.tsx";
import { SearchBox } from "~/components/lesson/search-box.tsx";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { queryErrorKey, searchView, queryParamsSchema } from "~/modules/learning/index.server.ts";
import { QUERY_MAX } from "~/modules/learning/index.ts";
import styles from "~/styles/lesson.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const t = await getFixedT(lang);
  const url = new URL(request.url);
  const submission = parseWithZod(url.searchParams, { schema: queryParamsSchema });
  const query = submission.status === "success" ? (submission.value.q ?? "") : "";
  const message = submission.status === "success" ? null : t(`learning:errors.${queryErrorKey(submission.error)}`);
  const results = searchView(lang, query);
  const title = query ? `${t("learning:search.title")}: ${query}` : t("learning:search.title");
  return data(
    { lang, title, query, rawQuery: (url.searchParams.get("q") ?? "").slice(0, QUERY_MAX), message, results },
    { status: message ? 400 : 200 },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function Search() {
  const { lang, query, rawQuery, message, results } = useLoaderData<typeof loader>();
  const { t } = useTranslation("learning");
  return (
    <div className="page learning-page search-page">
      <h1>{t("search.title")}</h1>
      <p className="lead">{t("search.intro")}</p>
      <SearchBox lang={lang} defaultValue={rawQuery} id="search-q" />
      {message ? (
        <p role="alert" className="notice notice--error">
          {message}
        </p>
      ) : null}
      {query ? (
        <p role="status" className="result-count">
          {results.length > 0
            ? t("search.resultCount", { query, count: results.length })
            : t("search.noResults", { query })}
        </p>
      ) : null}
      {results.length > 0 ? (
        <ol className="search-results" aria-label={t("search.resultsLabel")}>
          {results.map((result) => (
            <li key={result.href} className="search-result">
              <p className="search-result__kind">
                <span className="badge">{t(`search.kind.${result.kind}`)}</span>{" "}
                <span className="muted">{t("search.language", { language: t(`languageNames.${result.lang}`) })}</span>
              </p>
              <h2 className="search-result__title" lang={result.lang}>
                <Link to={result.href}>
                  <Marked {...result.title} />
                </Link>
              </h2>
              <p className="search-result__context">
                {result.kind === "term" ? (
                  t("search.otherTerm", { term: result.context })
                ) : (
                  <>
                    {t("search.inLesson", { lesson: result.context })}
                    {result.courseTitle ? ` · ${t("search.inCourse", { course: result.courseTitle })}` : null}
                  </>
                )}
              </p>
              <p className="search-result__snippet" lang={result.lang}>
                <Marked {...result.snippet} />
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
