import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isPendingVerification } from "~/modules/auth/index.ts";
import type { Lang } from "~/modules/i18n/index.ts";

type Row = {
  id: string;
  name: string;
  email: string;
  verified: boolean;
  deactivatedAt: string | Date | null;
  isPlatformAdmin: boolean;
  locked: boolean;
  memberships: { orgId: string; orgName: string; roles: string[] }[];
};

export function UsersTable({ lang, users, caption }: { lang: Lang; users: Row[]; caption: string }) {
  const { t } = useTranslation("admin");
  const { t: tc } = useTranslation();
  const role = (r: string, verified: boolean) => {
    const label = tc(`roles.${r}` as "roles.learner", { defaultValue: r });
    return isPendingVerification(r, verified) ? `${label} (${t("pendingVerification")})` : label;
  };
  return (
    <div className="table-wrap">
      <table className="table--wide">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("users.columns.name")}</th>
            <th scope="col">{t("users.columns.email")}</th>
            <th scope="col">{t("users.columns.verified")}</th>
            <th scope="col">{t("users.columns.status")}</th>
            <th scope="col">{t("users.columns.lockout")}</th>
            <th scope="col">{t("users.columns.roles")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">
                <Link to={`/${lang}/admin/users/${u.id}`}>{u.name}</Link>
              </th>
              <td>{u.email}</td>
              <td>{u.verified ? t("yes") : t("no")}</td>
              <td>
                {u.deactivatedAt ? (
                  <span className="badge badge--warning">{t("users.deactivated")}</span>
                ) : (
                  t("users.active")
                )}
              </td>
              <td>{u.locked ? <span className="badge badge--warning">{t("yes")}</span> : t("no")}</td>
              <td>
                {u.isPlatformAdmin || u.memberships.length > 0 ? (
                  <ul className="plain-list">
                    {u.isPlatformAdmin ? <li>{role("admin", u.verified)}</li> : null}
                    {u.memberships.map((m) => (
                      <li key={m.orgId}>
                        <strong>{m.orgName}</strong>: {m.roles.map((r) => role(r, u.verified)).join(", ")}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">{t("users.noRoles")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Pagination({
  lang,
  query,
  page,
  pageCount,
}: {
  lang: Lang;
  query: string;
  page: number;
  pageCount: number;
}) {
  const { t } = useTranslation("admin");
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams();
    if (query) params.set("q", query);
    if (p > 1) params.set("page", String(p));
    const search = params.toString();
    return `/${lang}/admin/users${search ? `?${search}` : ""}`;
  };
  return (
    <nav aria-label={t("users.pagination.label")} className="pagination">
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev" className="button button--secondary">
          {t("users.pagination.previous")}
        </Link>
      ) : null}
      <span aria-current="page">{t("users.pagination.status", { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next" className="button button--secondary">
          {t("users.pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}
