import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { peopleByOrg } from "~/modules/admin/index.server.ts";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { titleMeta } from "~/modules/http/meta.ts";
import { formatNumber } from "~/modules/i18n/format.ts";
import { getFixedT, langFromParams } from "~/modules/i18n/i18n.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langFromParams(params);
  const { orgIds } = await requirePermission(request, "read:members:org");
  const t = await getFixedT(lang);
  return { lang, title: t("workspace:orgs.title"), orgs: await peopleByOrg(orgIds) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function Organisations() {
  const { lang, orgs } = useLoaderData<typeof loader>();
  const { t } = useTranslation("workspace");
  const { t: tc } = useTranslation();
  const role = (r: string) => tc(`roles.${r}` as "roles.learner", { defaultValue: r });
  return (
    <div className="page">
      <h1>{t("orgs.title")}</h1>
      <p>{t("orgs.intro")}</p>
      {orgs.map((org) => (
        <section key={org.orgId} aria-labelledby={`org-${org.orgId}`}>
          <h2 id={`org-${org.orgId}`}>{org.orgName}</h2>
          <p className="muted">{t("peopleCount", { total: formatNumber(org.people.length, lang) })}</p>
          <div className="table-wrap">
            <table className="table--medium">
              <caption className="visually-hidden">{t("orgs.caption", { org: org.orgName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("columns.name")}</th>
                  <th scope="col">{t("columns.email")}</th>
                  <th scope="col">{t("columns.roles")}</th>
                  <th scope="col">{t("columns.account")}</th>
                </tr>
              </thead>
              <tbody>
                {org.people.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td>{p.email}</td>
                    <td>{p.roles.map(role).join(", ")}</td>
                    <td>{p.active ? t("active") : t("deactivated")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <p className="muted">{t("orgs.later")}</p>
    </div>
  );
}
