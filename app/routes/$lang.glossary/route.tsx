import { parseWithZod } from "@conform-to/zod";
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FragmentHtml, glossaryListKey } from "~/components/document-fragment.tsx";
import { SearchBox } from "~/components/lesson/search-box.tsx";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { documentFragments } from "~/modules/auth/index.server.ts";
import { listGlossary } from "~/modules/content/index.server.ts";
import { glossaryView, queryErrorKey, queryParamsSchema } from "~/modules/learning/index.server.ts";
import { QUERY_MAX } from "~/modules/learning/index.ts";
import styles from "~/styles/lesson.css";
import { glossaryListHtml } from "./list.server.tsx";
import { TermItems } from "./term-entry.tsx";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const t = await getFixedT(lang);
  const url = new URL(request.url);
  const submission = parseWithZod(url.searchParams, { schema: queryParamsSchema });
  const query = submission.status === "success" ? (submission.value.q ?? "") : "";
  const message = submission.status === "success" ? null : t(`learning:errors.${queryErrorKey(submission.error)}`);
  const { entries, total } = glossaryView(lang, query);
  // A document shows the list; its hydration data need not carry it again.
  const fragments = documentFragments();
  if (fragments) fragments.set(glossaryListKey(lang), glossaryListHtml(lang, query, entries, listGlossary()));
  return data(
    {
      lang,
      title: t("learning:glossary.title"),
      query,
      rawQuery: (url.searchParams.get("q") ?? "").slice(0, QUERY_MAX),
      message,
      entries: fragments ? null : entries,
      shown: entries.length,
      total,
    },
    { status: message ? 400 : 200 },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function Glossary() {
  const { lang, query, rawQuery, message, entries, shown, total } = useLoaderData<typeof loader>();
  const { t } = useTranslation("learning");
  return (
    <div className="page learning-page">
      <div className="page-head">
        <div>
          <h1>{t("glossary.title")}</h1>
          <p className="lead">{t("glossary.intro")}</p>
        </div>
        <SearchBox lang={lang} id="site-search" />
      </div>
      <Form method="get" className="filter-form" role="search" aria-label={t("glossary.filterLabel")}>
        <label htmlFor="glossary-filter">{t("glossary.filterLabel")}</label>
        <div className="search-box__row">
          <input
            id="glossary-filter"
            type="search"
            name="q"
            defaultValue={rawQuery}
            maxLength={QUERY_MAX}
            autoComplete="off"
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? "glossary-filter-error" : undefined}
          />
          <button type="submit" className="button">
            {t("glossary.filter")}
          </button>
        </div>
      </Form>
      {message ? (
        <p id="glossary-filter-error" role="alert" className="notice notice--error">
          {message}
        </p>
      ) : null}
      <p role="status" className="result-count">
        {t("glossary.count", { shown, total })}
      </p>
      {query ? (
        <p className="filter-links">
          <Link to={`/${lang}/glossary`}>{t("glossary.showAll")}</Link>
          <Link to={`/${lang}/search?${new URLSearchParams({ q: query })}`}>
            {t("glossary.searchLessons", { query })}
          </Link>
        </p>
      ) : null}
      {shown === 0 && query ? <p>{t("glossary.noMatch", { query })}</p> : null}
      {entries ? (
        <ul className="glossary-list" aria-label={t("glossary.listLabel")}>
          <TermItems lang={lang} entries={entries} />
        </ul>
      ) : (
        <FragmentHtml
          as="ul"
          className="glossary-list"
          aria-label={t("glossary.listLabel")}
          fragmentKey={glossaryListKey(lang)}
          html={null}
        />
      )}
    </div>
  );
}
