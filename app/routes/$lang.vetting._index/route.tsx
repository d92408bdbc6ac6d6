import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrgPeopleTables } from "~/components/org-people-tables.tsx";
import { Notice } from "~/components/forms.tsx";
import { peopleByOrg } from "~/modules/admin/index.server.ts";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";

// Until vetting checks and credentials exist, nobody can be cleared: everyone is pending.
// Sharing agreements (people of other organizations) arrive with the vetting feature.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
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
      <OrgPeopleTables
        lang={lang}
        orgs={orgs}
        caption={(org) => t("vetting.caption", { org })}
        columns={[
          { header: t("columns.status"), cell: (p) => <span className="badge">{t(`vetting.${p.status}`)}</span> },
        ]}
      />
    </div>
  );
}
