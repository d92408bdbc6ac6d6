import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CurrentCredentials } from "~/components/credentials/current-credentials.tsx";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { currentCredentialLabels, currentCredentialsOf } from "~/modules/credentials/index.server.ts";
import { getCourse } from "~/modules/content/index.server.ts";
import { notFound, requireLang, titleMeta } from "~/modules/web/index.ts";
import { formatDate, formatNumber } from "~/modules/i18n/index.ts";
import {} from "~/modules/i18n/index.server.ts";
import { getOrganization, personRecord } from "~/modules/orgs/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user, orgIds } = await requirePermission(request, "read:members:org");
  const org = params.orgId && orgIds.includes(params.orgId) ? await getOrganization(params.orgId) : null;
  if (!org) throw notFound();
  const person = await personRecord(org.id, params.userId ?? "", { timeZone: user.timeZone });
  if (!person) throw notFound();
  const date = (d: Date) => formatDate(d, lang, user.timeZone);
  const credentials = await currentCredentialsOf([person.userId]);
  return {
    lang,
    title: person.name,
    org: { id: org.id, name: org.name },
    person: {
      ...person,
      credentials: currentCredentialLabels(credentials.get(person.userId), lang),
      membership: person.membership ? { ...person.membership, since: date(person.membership.since) } : null,
      cohorts: person.cohorts.map((c) => ({
        ...c,
        addedAt: date(c.addedAt),
        removedAt: c.removedAt ? date(c.removedAt) : null,
        courses: c.courses.map((x) => ({
          title: getCourse(x.courseId)?.title[lang] ?? x.courseId,
          courseId: x.courseId,
          lessons: `${formatNumber(x.lessonsDone, lang)} / ${formatNumber(x.lessonsTotal, lang)}`,
          bestScore:
            x.bestScore === null
              ? null
              : formatNumber(x.bestScore / 100, lang, { style: "percent", maximumFractionDigits: 1 }),
          attempts: x.attempts,
          completedAt: x.completedAt ? date(x.completedAt) : null,
          overdue: x.overdue,
        })),
      })),
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function PersonPage() {
  const { lang, org, person } = useLoaderData<typeof loader>();
  const { t } = useTranslation("orgs");
  const { t: tc } = useTranslation();
  const { t: tcr } = useTranslation("credentials");
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/orgs/${org.id}/members`}>← {t("members.title", { org: org.name })}</Link>
      </p>
      <h1>{person.name}</h1>
      <p>{t("person.intro", { org: org.name })}</p>
      <dl className="details">
        <dt>{t("person.email")}</dt>
        <dd className="break-anywhere">{person.email}</dd>
        <dt>{t("person.account")}</dt>
        <dd>{person.active ? t("person.active") : t("members.deactivated")}</dd>
        <dt>{t("members.roles")}</dt>
        <dd>
          {person.membership
            ? person.membership.roles.map((r) => tc(`roles.${r as "learner"}`, { defaultValue: r })).join(", ")
            : t("person.noMembership")}
        </dd>
        {person.membership ? (
          <>
            <dt>{t("members.since")}</dt>
            <dd>{person.membership.since}</dd>
          </>
        ) : null}
        <dt>{tcr("current.column")}</dt>
        <dd>
          <CurrentCredentials credentials={person.credentials} />
        </dd>
      </dl>
      <h2>{t("person.cohorts")}</h2>
      {person.cohorts.length === 0 ? <p>{t("person.noCohorts")}</p> : null}
      {person.cohorts.map((c) => (
        <section key={c.cohortId} aria-labelledby={`cohort-${c.cohortId}`}>
          <h3 id={`cohort-${c.cohortId}`}>
            <Link to={`/${lang}/orgs/${org.id}/cohorts/${c.cohortId}`}>{c.name}</Link>
          </h3>
          <p className="muted">
            {c.removedAt
              ? t("person.inCohortUntil", { from: c.addedAt, to: c.removedAt })
              : t("person.inCohortSince", { from: c.addedAt })}
            {c.archived ? ` · ${t("cohort.archived")}` : ""}
          </p>
          <div className="table-wrap">
            <table className="table--medium">
              <caption className="visually-hidden">{t("progress.caption", { cohort: c.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("cohort.courses")}</th>
                  <th scope="col">{t("csv.lessonsDone")}</th>
                  <th scope="col">{t("csv.bestScore")}</th>
                  <th scope="col">{t("csv.attempts")}</th>
                  <th scope="col">{t("csv.completedOn")}</th>
                </tr>
              </thead>
              <tbody>
                {c.courses.map((x) => (
                  <tr key={x.courseId}>
                    <th scope="row">
                      {x.title}
                      {x.overdue ? <span className="badge badge--warning">{t("progress.overdue")}</span> : null}
                    </th>
                    <td>{x.lessons}</td>
                    <td>{x.bestScore ?? "—"}</td>
                    <td>{x.attempts}</td>
                    <td>{x.completedAt ?? t("progress.notComplete")}</td>
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
