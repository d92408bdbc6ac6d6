import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { formatDate } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import {
  listReadiness,
  noteForbidden,
  officerWork,
  reasonText,
  unassignedPeople,
  vettingLabels,
  type Status,
} from "~/modules/vetting/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";

const PAGE_SIZE = 50;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { orgIds } = await requirePermission(request, "read:vetting-check:org").catch(
    noteForbidden(request, "checks", context),
  );
  const t = await getFixedT(lang);
  const labels = vettingLabels(lang);
  const now = new Date();
  const requested = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const [work, people, everyone] = await Promise.all([
    officerWork({ orgIds, now, limit: 25 }),
    listReadiness({ orgIds, filter: {}, sort: "name", dir: "asc", page, pageSize: PAGE_SIZE, now }),
    unassignedPeople({ orgIds, limit: 100 }),
  ]);
  const day = (d: Date | null) => (d ? formatDate(d, lang, "UTC") : null);
  const row = (r: {
    userId: string;
    name: string;
    orgName: string;
    profileId: string;
    status: Status;
    soonestLapse: Date | null;
    reasons: Parameters<typeof reasonText>[1][];
  }) => ({
    key: `${r.userId}:${r.orgName}:${r.profileId}`,
    href: `/${lang}/vetting/people/${r.userId}`,
    name: r.name,
    org: r.orgName,
    profile: labels[r.profileId] ?? r.profileId,
    status: r.status,
    lapse: day(r.soonestLapse),
    reasons: r.reasons.map((reason) => reasonText(t, reason, lang, labels)),
  });
  return {
    lang,
    title: t("vetting:officer.title"),
    due: work.due.map(row),
    dueTotal: work.dueTotal,
    awaiting: work.awaiting.map(row),
    awaitingTotal: work.awaitingTotal,
    people: people.rows.map(row),
    page,
    pages: Math.max(1, Math.ceil(people.total / PAGE_SIZE)),
    others: everyone.people.map((p) => ({ ...p, href: `/${lang}/vetting/people/${p.userId}` })),
    othersTotal: everyone.total,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

type Row = {
  key: string;
  href: string;
  name: string;
  org: string;
  profile: string;
  status: Status;
  lapse: string | null;
  reasons: string[];
};

function ReadinessTable({ rows, caption }: { rows: Row[]; caption: string }) {
  const { t } = useTranslation("vetting");
  return (
    <div className="table-wrap">
      <table className="table--medium">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.person")}</th>
            <th scope="col">{t("columns.profile")}</th>
            <th scope="col">{t("columns.status")}</th>
            <th scope="col">{t("columns.soonestLapse")}</th>
            <th scope="col">{t("columns.reasons")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                <Link to={r.href}>{r.name}</Link>
                <br />
                <span className="muted">{r.org}</span>
              </th>
              <td>{r.profile}</td>
              <td>
                <span className="badge">{t(`status.${r.status}`)}</span>
              </td>
              <td>{r.lapse ?? t("officer.none")}</td>
              <td>
                {r.reasons.length ? (
                  <ul className="plain-list">
                    {r.reasons.map((text) => (
                      <li key={text}>{text}</li>
                    ))}
                  </ul>
                ) : (
                  t("officer.none")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function VettingChecks() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("vetting");
  const base = `/${data.lang}/vetting/checks`;
  return (
    <div className="page">
      <h1>{t("officer.title")}</h1>
      <p>{t("officer.intro")}</p>

      <section aria-labelledby="checks-due">
        <h2 id="checks-due">{t("officer.due")}</h2>
        <p className="muted">{t("officer.dueIntro")}</p>
        {data.due.length ? (
          <ReadinessTable rows={data.due} caption={t("officer.due")} />
        ) : (
          <p>{t("officer.noneDue")}</p>
        )}
        {data.dueTotal > data.due.length ? (
          <p className="muted">{t("officer.more", { shown: data.due.length, total: data.dueTotal })}</p>
        ) : null}
      </section>

      <section aria-labelledby="checks-awaiting">
        <h2 id="checks-awaiting">{t("officer.awaiting")}</h2>
        <p className="muted">{t("officer.awaitingIntro")}</p>
        {data.awaiting.length ? (
          <ReadinessTable rows={data.awaiting} caption={t("officer.awaiting")} />
        ) : (
          <p>{t("officer.noneAwaiting")}</p>
        )}
        {data.awaitingTotal > data.awaiting.length ? (
          <p className="muted">{t("officer.more", { shown: data.awaiting.length, total: data.awaitingTotal })}</p>
        ) : null}
      </section>

      <section aria-labelledby="checks-people">
        <h2 id="checks-people">{t("officer.people")}</h2>
        {data.people.length ? (
          <ReadinessTable rows={data.people} caption={t("officer.people")} />
        ) : (
          <p>{t("officer.noPeople")}</p>
        )}
        {data.pages > 1 ? (
          <nav aria-label={t("officer.page", { page: data.page, pages: data.pages })} className="pagination">
            {data.page > 1 ? <Link to={`${base}?page=${data.page - 1}`}>{t("officer.previous")}</Link> : null}{" "}
            <span>{t("officer.page", { page: data.page, pages: data.pages })}</span>{" "}
            {data.page < data.pages ? <Link to={`${base}?page=${data.page + 1}`}>{t("officer.next")}</Link> : null}
          </nav>
        ) : null}
      </section>

      {data.page === 1 ? (
        <section aria-labelledby="checks-others">
          <h2 id="checks-others">{t("officer.others")}</h2>
          <p className="muted">{t("officer.othersIntro")}</p>
          {data.others.length ? (
            <ul className="stack">
              {data.others.map((p) => (
                <li key={`${p.orgId}:${p.userId}`}>
                  <Link to={p.href}>{p.name}</Link> <span className="muted">({p.orgName})</span>{" "}
                  <span className="muted break-anywhere">{p.email}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("officer.noOthers")}</p>
          )}
          {data.othersTotal > data.others.length ? (
            <p className="muted">{t("officer.more", { shown: data.others.length, total: data.othersTotal })}</p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
