import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import { peopleByOrg } from "~/modules/admin/index.server.ts";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { titleMeta } from "~/modules/http/meta.ts";
import { formatNumber } from "~/modules/i18n/format.ts";
import { getFixedT, langFromParams } from "~/modules/i18n/i18n.server.ts";

// Until vetting checks and credentials exist, nobody can be cleared: everyone is pending.
// Sharing agreements (people of other organisations) arrive with the vetting feature.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langFromParams(params);
  const { orgIds } = await requirePermission(request, "read:vetting-status:org");
  const t = await getFixedT(lang);
  const orgs = (await peopleByOrg(orgIds)).map((org) => ({
    ...org,
    people: org.people.map((p) => ({ id: p.id, name: p.name, email: p.email, status: "pending" as const })),
  }));
  return { lang, title: t("workspace:vetting.title"), orgs };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function VettingStatus() {
  const { lang, orgs } = useLoaderData<typeof loader>();
  const { t } = useTranslation("workspace");
  return (
    <div className="page">
      <h1>{t("vetting.title")}</h1>
      <p>{t("vetting.intro")}</p>
      <Notice>{t("vetting.pendingNote")}</Notice>
      {orgs.map((org) => (
        <section key={org.orgId} aria-labelledby={`org-${org.orgId}`}>
          <h2 id={`org-${org.orgId}`}>{org.orgName}</h2>
          <p className="muted">{t("peopleCount", { total: formatNumber(org.people.length, lang) })}</p>
          <div className="table-wrap">
            <table className="table--medium">
              <caption className="visually-hidden">{t("vetting.caption", { org: org.orgName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("columns.name")}</th>
                  <th scope="col">{t("columns.email")}</th>
                  <th scope="col">{t("columns.status")}</th>
                </tr>
              </thead>
              <tbody>
                {org.people.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td>{p.email}</td>
                    <td>
                      <span className="badge">{t(`vetting.${p.status}`)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
