import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber, type Lang } from "~/modules/i18n/index.ts";

type Person = { id: string; name: string; email: string };
type Column<P> = { header: string; cell: (person: P) => ReactNode };

/** One captioned table of people per organization, as the org, vetting and checks pages show them. */
export function OrgPeopleTables<P extends Person>({
  lang,
  orgs,
  caption,
  columns,
}: {
  lang: Lang;
  orgs: { orgId: string; orgName: string; people: P[] }[];
  caption: (orgName: string) => string;
  columns: Column<P>[];
}) {
  const { t } = useTranslation("workspace");
  return (
    <>
      {orgs.map((org) => (
        <section key={org.orgId} aria-labelledby={`org-${org.orgId}`}>
          <h2 id={`org-${org.orgId}`}>{org.orgName}</h2>
          <p className="muted">{t("peopleCount", { total: formatNumber(org.people.length, lang) })}</p>
          <div className="table-wrap">
            <table className="table--medium">
              <caption className="visually-hidden">{caption(org.orgName)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("columns.name")}</th>
                  <th scope="col">{t("columns.email")}</th>
                  {columns.map((c) => (
                    <th key={c.header} scope="col">
                      {c.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {org.people.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td>{p.email}</td>
                    {columns.map((c) => (
                      <td key={c.header}>{c.cell(p)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
