import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrgPeopleTables } from "~/components/org-people-tables.tsx";
import { Notice } from "~/components/forms.tsx";
import { peopleByOrg } from "~/modules/admin/index.server.ts";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { orgIds } = await requirePermission(request, "read:vetting-check:org");
  const t = await getFixedT(lang);
  const orgs = (await peopleByOrg(orgIds)).map((org) => ({
    ...org,
    people: org.people.map((p) => ({ id: p.id, name: p.name, email: p.email, active: p.active })),
  }));
  return { lang, title: t("workspace:checks.title"), orgs };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function VettingChecks() {
  const { lang, orgs } = useLoaderData<typeof loader>();
  const { t } = useTranslation("workspace");
  return (
    <div className="page">
      <h1>{t("checks.title")}</h1>
      <p>{t("checks.intro")}</p>
      <Notice>{t("checks.note")}</Notice>
      <OrgPeopleTables
        lang={lang}
        orgs={orgs}
        caption={(org) => t("checks.caption", { org })}
        columns={[{ header: t("columns.account"), cell: (p) => (p.active ? t("active") : t("deactivated")) }]}
      />
    </div>
  );
}
