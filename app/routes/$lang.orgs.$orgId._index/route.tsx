import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { getCourse } from "~/modules/content/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { notFound, requireLang, titleMeta } from "~/modules/web/index.ts";
import { formatDate } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { partnerResponseSchema } from "~/modules/orgs/index.ts";
import {
  cohortsOf,
  getOrganization,
  pendingPartnerInvitations,
  respondToPartnerInvitation,
} from "~/modules/orgs/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { orgIds } = await requirePermission(request, "read:cohorts:org");
  const org = params.orgId && orgIds.includes(params.orgId) ? await getOrganization(params.orgId) : null;
  if (!org) throw notFound();
  const [cohorts, invitations] = await Promise.all([cohortsOf(org.id), pendingPartnerInvitations(org.id)]);
  const day = (d: Date) => formatDate(d, lang, "UTC");
  const courses = (ids: string[]) => ids.map((id) => getCourse(id)?.title[lang] ?? id).join(", ");
  const done = new URL(request.url).searchParams.get("done");
  const t = await getFixedT(lang);
  return {
    lang,
    title: org.name,
    org,
    notice: done === "partnerAccepted" || done === "partnerDeclined" ? t(`orgs:done.${done}`) : null,
    cohorts: cohorts.map((c) => ({
      id: c.id,
      name: c.name,
      owner: c.isOwner ? null : c.ownerOrgName,
      dates: { start: day(c.startsOn), end: day(c.endsOn) },
      archived: c.archivedAt !== null,
      members: c.members,
      courses: courses(c.courseIds),
    })),
    invitations: invitations.map((i) => ({
      cohortId: i.cohortId,
      cohortName: i.cohortName,
      owner: i.ownerOrgName,
      ownerCountry: i.ownerCountry,
      dates: { start: day(i.startsOn), end: day(i.endsOn) },
      courses: courses(i.courseIds),
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const { user, orgIds } = await requirePermission(request, "update:cohorts:org");
  const orgId = params.orgId ?? "";
  if (!orgIds.includes(orgId)) throw notFound();
  const submission = parseWithZod(await readForm(request), { schema: partnerResponseSchema });
  if (submission.status !== "success") {
    const t = await getFixedT(lang);
    return data({ message: t("orgs:errors.invalid") }, { status: 400 });
  }
  const accept = submission.value.intent === "accept";
  if (!(await respondToPartnerInvitation(user.id, orgId, submission.value.cohortId, accept))) throw notFound();
  throw redirect(
    accept
      ? `/${lang}/orgs/${orgId}/cohorts/${submission.value.cohortId}?done=partnerAccepted`
      : `/${lang}/orgs/${orgId}?done=partnerDeclined`,
  );
}

export default function OrganizationPage() {
  const { lang, org, cohorts, invitations, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("orgs");
  const { t: tc } = useTranslation();
  const active = cohorts.filter((c) => !c.archived);
  const archived = cohorts.filter((c) => c.archived);
  const table = (rows: typeof cohorts, caption: string) => (
    <div className="table-wrap">
      <table className="table--wide">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("org.cohortName")}</th>
            <th scope="col">{t("org.cohortDates")}</th>
            <th scope="col">{t("org.cohortCourses")}</th>
            <th scope="col">{t("org.cohortPeople")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/${lang}/orgs/${org.id}/cohorts/${c.id}`}>{c.name}</Link>
                {c.owner ? <span className="table-sub">{t("org.jointWith", { owner: c.owner })}</span> : null}
              </th>
              <td>{t("cohort.dateRange", c.dates)}</td>
              <td>{c.courses}</td>
              <td>{c.members}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/orgs`}>← {t("org.back")}</Link>
      </p>
      <h1>{org.name}</h1>
      <p className="muted">
        {tc(`orgKinds.${org.kind as "other"}`, { defaultValue: org.kind })} · {t(`countries.${org.country as "US"}`)}
      </p>
      {notice && !actionData ? <Notice tone="success">{notice}</Notice> : null}
      {actionData?.message ? <Notice tone="error">{actionData.message}</Notice> : null}
      <p>
        <Link to={`/${lang}/orgs/${org.id}/members`}>{t("org.membersLink")}</Link>
        {" · "}
        <Link to={`/${lang}/orgs/${org.id}/sharing`}>{t("sharing:link")}</Link>
      </p>
      {invitations.length ? (
        <section aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">{t("org.invitations")}</h2>
          <p>{t("org.invitationsIntro")}</p>
          <ul className="stack">
            {invitations.map((i) => (
              <li key={i.cohortId}>
                <p>
                  {t("org.invitationLine", {
                    owner: i.owner,
                    country: t(`countries.${i.ownerCountry as "US"}`),
                    cohort: i.cohortName,
                    start: i.dates.start,
                    end: i.dates.end,
                  })}{" "}
                  <span className="muted">{i.courses}</span>
                </p>
                <Form method="post" className="button-row">
                  <input type="hidden" name="cohortId" value={i.cohortId} />
                  <button type="submit" name="intent" value="accept" className="button">
                    {t("org.accept")}
                  </button>
                  <button type="submit" name="intent" value="decline" className="button button--secondary">
                    {t("org.decline")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="cohorts-heading">
        <h2 id="cohorts-heading">{t("org.cohorts")}</h2>
        <p>
          <Link to={`/${lang}/orgs/${org.id}/cohorts/new`} className="button">
            {t("org.newCohort")}
          </Link>{" "}
          <Link to={`/${lang}/orgs/import?org=${org.id}`} className="button button--secondary">
            {t("orgImport:upload.title")}
          </Link>
        </p>
        {active.length ? table(active, t("org.cohorts")) : <p>{t("org.noCohorts")}</p>}
      </section>
      {archived.length ? (
        <section aria-labelledby="archived-heading">
          <h2 id="archived-heading">{t("org.archivedCohorts")}</h2>
          {table(archived, t("org.archivedCohorts"))}
        </section>
      ) : null}
    </div>
  );
}
