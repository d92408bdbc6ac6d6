import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { formatDate } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { clearanceLinks } from "~/modules/credentials/index.server.ts";
import { sharedPeople } from "~/modules/sharing/index.server.ts";
import { vettingLabels } from "~/modules/vetting/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";

// A supervisor's view of partner organizations' people, through agreements in force only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { orgIds } = await requirePermission(request, "read:vetting-status:org");
  const t = await getFixedT(lang);
  const labels = vettingLabels(lang);
  const views = await sharedPeople(orgIds);
  const day = (d: Date) => formatDate(d, lang, "UTC");
  // Clearance links of the people shown, only through agreements in force (sharedPeople).
  const links = await clearanceLinks(
    views.flatMap((v) => v.people.map((p) => ({ userId: p.userId, orgId: v.grantor.id, profileId: p.profileId }))),
  );
  return {
    lang,
    title: t("sharing:shared.title"),
    agreements: views.map((v) => ({
      id: v.agreementId,
      partner: v.grantor.name,
      country: v.grantor.country,
      grantee: v.grantee.name,
      until: day(v.endsOn),
      profiles: v.profileIds.map((p) => labels[p] ?? p).join(", "),
      total: v.total,
      people: v.people.map((p) => ({
        key: `${p.userId}:${p.profileId}`,
        name: p.name,
        profile: labels[p.profileId] ?? p.profileId,
        status: p.status,
        lapse: p.soonestLapse ? day(p.soonestLapse) : null,
        categories: p.categories,
        clearance: links.get(`${p.userId}|${v.grantor.id}|${p.profileId}`) ?? null,
      })),
    })),
    multipleOrgs: orgIds.length > 1,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function SharedPeople() {
  const { lang, agreements, multipleOrgs } = useLoaderData<typeof loader>();
  const { t: tc } = useTranslation("credentials");
  const { t } = useTranslation("sharing");
  const { t: tv } = useTranslation("vetting");
  const { t: to } = useTranslation("orgs");
  return (
    <div className="page">
      <h1>{t("shared.title")}</h1>
      <p>{t("shared.intro")}</p>
      {agreements.length === 0 ? <p>{t("shared.none")}</p> : null}
      {agreements.map((a) => (
        <section key={a.id} aria-labelledby={`agreement-${a.id}`}>
          <h2 id={`agreement-${a.id}`}>{a.partner}</h2>
          <p>
            {t("shared.through", {
              partner: a.partner,
              country: to(`countries.${a.country as "US"}`, { defaultValue: a.country }),
              date: a.until,
            })}
            {multipleOrgs ? <span className="table-sub">{t("shared.forYou", { org: a.grantee })}</span> : null}
          </p>
          <p className="muted">{t("shared.profiles", { profiles: a.profiles })}</p>
          {a.people.length === 0 ? (
            <p>{t("shared.empty", { partner: a.partner })}</p>
          ) : (
            <div className="table-wrap">
              <table className="table--wide">
                <caption className="visually-hidden">{a.partner}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("shared.columns.name")}</th>
                    <th scope="col">{t("shared.columns.profile")}</th>
                    <th scope="col">{t("shared.columns.status")}</th>
                    <th scope="col">{t("shared.columns.lapse")}</th>
                    <th scope="col">{t("shared.columns.reasons")}</th>
                    <th scope="col">{tc("clearance.shared.link")}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.people.map((p) => (
                    <tr key={p.key}>
                      <th scope="row">{p.name}</th>
                      <td>{p.profile}</td>
                      <td>
                        <span className={`badge badge--${p.status}`}>{tv(`status.${p.status}`)}</span>
                      </td>
                      <td>{p.lapse ?? t("shared.noLapse")}</td>
                      <td>{p.categories.map((c) => t(`shared.categories.${c}`)).join("; ")}</td>
                      <td>
                        {p.clearance ? (
                          <a href={`${p.clearance}?lang=${lang}`}>
                            {tc("clearance.shared.link")}
                            <span className="visually-hidden">: {p.name}</span>
                          </a>
                        ) : (
                          <span className="muted">{tc("clearance.shared.none")}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {a.total > a.people.length ? <p>{t("shared.more", { shown: a.people.length, total: a.total })}</p> : null}
        </section>
      ))}
    </div>
  );
}
