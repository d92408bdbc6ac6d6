import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CurrentCredentials } from "~/components/credentials/current-credentials.tsx";
import { RowAction } from "~/components/row-action.tsx";
import { PROGRESS_SORTS, PROGRESS_STATUSES, progressSearch, type ProgressQuery } from "~/modules/orgs/index.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import type { CohortView, ProgressView } from "./view.server.ts";

/** Filters (a GET form: the state stays in the URL), the table, and the pages. */
export function ProgressTable({
  lang,
  orgId,
  cohort,
  query,
  progress,
}: {
  lang: Lang;
  orgId: string;
  cohort: CohortView;
  query: ProgressQuery;
  progress: ProgressView;
}) {
  const { t } = useTranslation("orgs");
  const { t: tcr } = useTranslation("credentials");
  const base = `/${lang}/orgs/${orgId}/cohorts/${cohort.id}`;
  const sortLink = (sort: ProgressQuery["sort"]) => {
    const dir = query.sort === sort && query.dir === "asc" ? "desc" : "asc";
    return `${base}${progressSearch(query, { sort, dir, page: 1 })}`;
  };
  const ariaSort = (sort: ProgressQuery["sort"]) =>
    query.sort === sort ? (query.dir === "asc" ? "ascending" : "descending") : undefined;
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t("progress.title")}</h2>
      <p className="muted">
        {cohort.isOwner
          ? t("progress.visibilityOwner")
          : t("progress.visibilityPartner", { owner: cohort.ownerOrgName })}
      </p>
      <Form method="get" className="filters" role="search" aria-label={t("progress.filters")}>
        <div className="field">
          <label htmlFor="progress-q">{t("progress.search")}</label>
          <input id="progress-q" name="q" type="search" defaultValue={query.q} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="progress-status">{t("progress.status")}</label>
          <select id="progress-status" name="status" defaultValue={query.status}>
            {PROGRESS_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`progress.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {cohort.orgs.length > 1 ? (
          <div className="field">
            <label htmlFor="progress-org">{t("progress.org")}</label>
            <select id="progress-org" name="org" defaultValue={query.org ?? ""}>
              <option value="">{t("progress.allOrgs")}</option>
              {cohort.orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <button type="submit" className="button button--secondary">
          {t("progress.apply")}
        </button>
      </Form>
      <p>
        {t("progress.count", { count: progress.total })}{" "}
        <a href={`${base}/export${progressSearch(query, { page: 1 })}`} download>
          {t("progress.export")}
        </a>
      </p>
      {progress.rows.length === 0 ? (
        <p>{t("progress.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table--wide">
            <caption className="visually-hidden">{t("progress.caption", { cohort: cohort.name })}</caption>
            <thead>
              <tr>
                <th scope="col" aria-sort={ariaSort("name")}>
                  <Link to={sortLink("name")}>{t("progress.columns.name")}</Link>
                </th>
                <th scope="col" aria-sort={ariaSort("org")}>
                  <Link to={sortLink("org")}>{t("progress.columns.org")}</Link>
                </th>
                {cohort.courses.map((c) => (
                  <th scope="col" key={c.id}>
                    {c.title}
                    {c.dueOn ? <span className="table-sub">{t("progress.due", { date: c.dueOn })}</span> : null}
                  </th>
                ))}
                <th scope="col">{tcr("current.column")}</th>
                {cohort.archived ? null : <th scope="col">{t("progress.columns.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {progress.rows.map((row) => (
                <tr key={row.userId}>
                  <th scope="row">
                    {row.full ? <Link to={`/${lang}/orgs/${orgId}/members/${row.userId}`}>{row.name}</Link> : row.name}
                    {row.email ? <span className="table-sub break-anywhere">{row.email}</span> : null}
                  </th>
                  <td>
                    {row.orgName} <span className="muted">({t(`countries.${row.country as "US"}`)})</span>
                  </td>
                  {row.courses.map((c) => (
                    <td key={c.courseId}>
                      {c.completedAt ? (
                        <span className="badge">{t("progress.completedOn", { date: c.completedAt })}</span>
                      ) : (
                        <span>{t("progress.notComplete")}</span>
                      )}
                      {row.full ? (
                        <>
                          <span className="table-sub">{t("progress.lessons", { value: c.lessons })}</span>
                          <span className="table-sub">
                            {c.bestScore
                              ? t("progress.quiz", { score: c.bestScore, count: c.attempts })
                              : t("progress.noAttempts")}
                          </span>
                          {c.overdue ? <span className="badge badge--warning">{t("progress.overdue")}</span> : null}
                        </>
                      ) : null}
                    </td>
                  ))}
                  <td>{row.credentials ? <CurrentCredentials credentials={row.credentials} /> : null}</td>
                  {cohort.archived ? null : (
                    <td>
                      {row.full ? (
                        <RowAction
                          intent="removePerson"
                          fields={{ userId: row.userId }}
                          label={t("cohort.remove.label", { name: row.name })}
                        >
                          {t("cohort.remove.submit")}
                        </RowAction>
                      ) : null}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {progress.pageCount > 1 ? (
        <nav aria-label={t("progress.pages")} className="pagination">
          {progress.page > 1 ? (
            <Link to={`${base}${progressSearch(query, { page: progress.page - 1 })}`}>{t("progress.previous")}</Link>
          ) : null}
          <span>{t("progress.pageOf", { page: progress.page, count: progress.pageCount })}</span>
          {progress.page < progress.pageCount ? (
            <Link to={`${base}${progressSearch(query, { page: progress.page + 1 })}`}>{t("progress.next")}</Link>
          ) : null}
        </nav>
      ) : null}
      <p className="muted">
        {t("progress.sortedBy", { sort: t(`progress.sorts.${query.sort}`) })}{" "}
        {PROGRESS_SORTS.filter((s) => s !== query.sort).map((s) => (
          <Link key={s} to={sortLink(s)} className="button--link">
            {t(`progress.sorts.${s}`)}{" "}
          </Link>
        ))}
      </p>
    </section>
  );
}
