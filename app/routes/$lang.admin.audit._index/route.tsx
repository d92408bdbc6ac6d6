// The audit trail for platform administrators: newest first, filtered by action and dates
// (in the URL), paged, with a CSV of the same filters.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { auditSearch, parseAuditQuery } from "~/modules/audit/index.ts";
import { userNames } from "~/modules/admin/index.server.ts";
import { auditActions, auditPage } from "~/modules/audit/index.server.ts";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { formatDateTime } from "~/modules/i18n/index.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user } = await requirePermission(request, "read:users:any");
  const t = await getFixedT(lang);
  const query = parseAuditQuery(new URL(request.url).searchParams);
  const [page, actions] = await Promise.all([auditPage(query.filter, query.page), auditActions()]);
  const names = await userNames(page.rows.map((r) => r.actorId).filter((id): id is string => id !== null));
  return {
    lang,
    title: t("admin:audit.title"),
    query: query.raw,
    badDate: query.badDate,
    actions,
    total: page.total,
    page: page.page,
    pages: page.pages,
    rows: page.rows.map((r) => ({
      seq: r.seq,
      at: formatDateTime(r.at, lang, user.timeZone),
      actor: r.actorId ? (names.get(r.actorId) ?? r.actorId) : null,
      action: r.action,
      subject: r.subject,
      data: r.data === "{}" ? "" : r.data,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function AdminAudit() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const base = `/${data.lang}/admin/audit`;
  return (
    <div className="page">
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      {data.badDate ? <p className="notice notice--warning">{t("audit.badDate")}</p> : null}
      <Form method="get" className="filters" role="search" aria-label={t("audit.title")}>
        <div className="field">
          <label htmlFor="a-action">{t("audit.action")}</label>
          <select id="a-action" name="action" defaultValue={data.query.action}>
            <option value="">{t("audit.allActions")}</option>
            {data.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-from">{t("audit.from")}</label>
          <input id="a-from" name="from" defaultValue={data.query.from} inputMode="numeric" maxLength={10} />
        </div>
        <div className="field">
          <label htmlFor="a-to">{t("audit.to")}</label>
          <input id="a-to" name="to" defaultValue={data.query.to} inputMode="numeric" maxLength={10} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("audit.apply")}
        </button>
      </Form>
      <p>
        <a href={`${base}/export${auditSearch(data.query, 1)}`} download>
          {t("audit.export")}
        </a>
      </p>
      {data.rows.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table--wide">
            <caption>{t("audit.caption", { page: data.page, pages: data.pages, total: data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.seq")}</th>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.actor")}</th>
                <th scope="col">{t("audit.subject")}</th>
                <th scope="col">{t("audit.data")}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.seq}>
                  <td>{r.seq}</td>
                  <td>{r.at}</td>
                  <td>{r.action}</td>
                  <td>{r.actor ?? t("audit.system")}</td>
                  <td className="break-anywhere">{r.subject}</td>
                  <td className="break-anywhere">{r.data}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.pages > 1 ? (
        <nav aria-label={t("audit.pages")} className="pager">
          {data.page > 1 ? (
            <Link to={`${base}${auditSearch(data.query, data.page - 1)}`}>{t("audit.previous")}</Link>
          ) : null}
          {data.page < data.pages ? (
            <Link to={`${base}${auditSearch(data.query, data.page + 1)}`}>{t("audit.next")}</Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
