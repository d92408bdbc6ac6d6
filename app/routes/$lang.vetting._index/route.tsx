// The supervisor's dashboard: counts by status, the readiness table (filters, sorting and page
// in the URL), a CSV of the same view, and the 180-day outlook as SVG with a table.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { listProfiles } from "~/modules/content/index.server.ts";
import { currentCredentialsOf } from "~/modules/credentials/index.server.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { dashboardView, noteForbidden } from "~/modules/vetting/index.server.ts";
import {
  DASHBOARD_SORTS,
  STATUSES,
  dashboardSearch,
  parseDashboardQuery,
  type DashboardQuery,
} from "~/modules/vetting/index.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { FilterSelect } from "./filter-select.tsx";
import { OutlookChart } from "./outlook-chart.tsx";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user, memberships, orgIds } = await requirePermission(request, "read:vetting-status:org").catch(
    noteForbidden(request, "dashboard", context),
  );
  const t = await getFixedT(lang);
  const query = parseDashboardQuery(new URL(request.url).searchParams);
  const view = await dashboardView({
    orgIds,
    query,
    lang,
    timeZone: user.timeZone,
    now: new Date(),
    currentCredentials: currentCredentialsOf,
  });
  const orgs = memberships
    .filter((m) => orgIds.includes(m.orgId))
    .map((m) => ({ id: m.orgId, name: m.orgName }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const profiles = listProfiles().map((p) => ({ id: p.id, name: p.name[lang] }));
  return { lang, title: t("readiness:title"), query, view, orgs, profiles };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function VettingDashboard() {
  const { lang, query, view, orgs, profiles } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["readiness", "vetting", "orgs", "sharing"]);
  const base = `/${lang}/vetting`;
  const sortLink = (sort: DashboardQuery["sort"]) => {
    const dir = query.sort === sort && query.dir === "asc" ? "desc" : "asc";
    return `${base}${dashboardSearch(query, { sort, dir, page: 1 })}`;
  };
  const ariaSort = (sort: DashboardQuery["sort"]) =>
    query.sort === sort ? (query.dir === "asc" ? "ascending" : "descending") : undefined;
  const statusTotal = STATUSES.reduce((n, s) => n + view.counts[s], 0);
  return (
    <div className="page">
      <h1>{t("readiness:title")}</h1>
      <p>{t("readiness:intro")}</p>
      <p>
        <Link to={`/${lang}/vetting/shared`}>{t("sharing:shared.title")}</Link>
      </p>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t("readiness:counts")}</h2>
        <ul className="status-counts" aria-describedby="counts-note">
          <li>
            <Link to={`${base}${dashboardSearch(query, { status: "", page: 1 })}`}>
              {t("readiness:all")}: <strong>{statusTotal}</strong>
            </Link>
          </li>
          {STATUSES.map((s) => (
            <li key={s}>
              <Link
                to={`${base}${dashboardSearch(query, { status: s, page: 1 })}`}
                aria-current={query.status === s ? "true" : undefined}
              >
                {t(`vetting:status.${s}`)}: <strong>{view.counts[s]}</strong>
              </Link>
            </li>
          ))}
        </ul>
        <p id="counts-note" className="muted">
          {t("readiness:countsCaption")}
        </p>
      </section>

      <Form method="get" className="filters" role="search" aria-label={t("readiness:filters.heading")}>
        <FilterSelect
          name="org"
          label={t("readiness:filters.org")}
          value={query.org}
          all={t("readiness:all")}
          options={orgs.map((o) => ({ value: o.id, label: o.name }))}
        />
        <FilterSelect
          name="profile"
          label={t("readiness:filters.profile")}
          value={query.profile}
          all={t("readiness:all")}
          options={profiles.map((p) => ({ value: p.id, label: p.name }))}
        />
        <FilterSelect
          name="status"
          label={t("readiness:filters.status")}
          value={query.status}
          all={t("readiness:all")}
          options={STATUSES.map((s) => ({ value: s, label: t(`vetting:status.${s}`) }))}
        />
        <FilterSelect
          name="country"
          label={t("readiness:filters.country")}
          value={query.country}
          all={t("readiness:all")}
          options={(["MX", "US"] as const).map((c) => ({ value: c, label: t(`orgs:countries.${c}`) }))}
        />
        <FilterSelect
          name="sort"
          label={t("readiness:filters.sort")}
          value={query.sort}
          options={DASHBOARD_SORTS.map((s) => ({ value: s, label: t(`readiness:sorts.${s}`) }))}
        />
        <FilterSelect
          name="dir"
          label={t("readiness:filters.dir")}
          value={query.dir}
          options={[
            { value: "asc", label: t("readiness:filters.asc") },
            { value: "desc", label: t("readiness:filters.desc") },
          ]}
        />
        <button type="submit" className="button button--secondary">
          {t("readiness:filters.apply")}
        </button>
        <Link to={base}>{t("readiness:filters.clear")}</Link>
      </Form>

      <p>
        <a href={`${base}/export${dashboardSearch(query, { page: 1 })}`} download>
          {t("readiness:export")}
        </a>
      </p>

      {view.rows.length === 0 ? (
        <p>{t("readiness:table.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table--wide">
            <caption>{t("readiness:table.caption", { page: view.page, pages: view.pages, total: view.total })}</caption>
            <thead>
              <tr>
                <th scope="col" aria-sort={ariaSort("name")}>
                  <Link to={sortLink("name")}>{t("readiness:table.person")}</Link>
                </th>
                <th scope="col">{t("readiness:table.profile")}</th>
                <th scope="col" aria-sort={ariaSort("status")}>
                  <Link to={sortLink("status")}>{t("readiness:table.status")}</Link>
                </th>
                <th scope="col" aria-sort={ariaSort("lapse")}>
                  <Link to={sortLink("lapse")}>{t("readiness:table.lapse")}</Link>
                </th>
                <th scope="col">{t("readiness:table.reasons")}</th>
                <th scope="col">{t("readiness:table.credentials")}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    <Link to={`${base}/${row.userId}`}>{row.name}</Link>
                    <span className="table-sub break-anywhere">{row.email}</span>
                    <span className="table-sub">{row.orgName}</span>
                  </th>
                  <td>{row.profile}</td>
                  <td>
                    <span className={`badge badge--${row.status}`}>{t(`vetting:status.${row.status}`)}</span>
                  </td>
                  <td>{row.lapse ?? "—"}</td>
                  <td>
                    {row.reasons.length ? (
                      <ul className="plain-list">
                        {row.reasons.map((r) => (
                          <li key={r}>{r}</li>
                        ))}
                      </ul>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>
                    {row.credentials.length ? (
                      <ul className="plain-list">
                        {row.credentials.map((c) => (
                          <li key={c}>{c}</li>
                        ))}
                      </ul>
                    ) : (
                      t("readiness:table.none")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.pages > 1 ? (
        <nav aria-label={t("readiness:pager.label")} className="pager">
          {view.page > 1 ? (
            <Link to={`${base}${dashboardSearch(query, { page: view.page - 1 })}`}>
              {t("readiness:pager.previous")}
            </Link>
          ) : null}
          <span>{t("readiness:pager.page", { page: view.page, pages: view.pages })}</span>
          {view.page < view.pages ? (
            <Link to={`${base}${dashboardSearch(query, { page: view.page + 1 })}`}>{t("readiness:pager.next")}</Link>
          ) : null}
        </nav>
      ) : null}

      <OutlookChart months={view.outlook} />
    </div>
  );
}
