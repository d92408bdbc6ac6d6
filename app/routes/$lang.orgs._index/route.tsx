import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrgPeopleTables } from "~/components/org-people-tables.tsx";
import { peopleByOrg } from "~/modules/admin/index.server.ts";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { orgIds } = await requirePermission(request, "read:members:org");
  const t = await getFixedT(lang);
  return { lang, title: t("workspace:orgs.title"), orgs: await peopleByOrg(orgIds) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function Organizations() {
  const { lang, orgs } = useLoaderData<typeof loader>();
  const { t } = useTranslation("workspace");
  const { t: tc } = useTranslation();
  const role = (r: string) => tc(`roles.${r}` as "roles.learner", { defaultValue: r });
  return (
    <div className="page">
      <h1>{t("orgs.title")}</h1>
      <p>{t("orgs.intro")}</p>
      <OrgPeopleTables
        lang={lang}
        orgs={orgs}
        caption={(org) => t("orgs.caption", { org })}
        columns={[
          { header: t("columns.roles"), cell: (p) => p.roles.map(role).join(", ") },
          { header: t("columns.account"), cell: (p) => (p.active ? t("active") : t("deactivated")) },
        ]}
      />
    </div>
  );
}
