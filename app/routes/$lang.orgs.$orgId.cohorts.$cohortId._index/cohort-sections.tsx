import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/modules/i18n/index.ts";
import type { CohortView } from "./view.server.ts";

export function CohortHeader({ cohort, lang, orgId }: { cohort: CohortView; lang: Lang; orgId: string }) {
  const { t } = useTranslation("orgs");
  return (
    <section aria-labelledby="cohort-details">
      <h2 id="cohort-details" className="visually-hidden">
        {t("cohort.details")}
      </h2>
      <dl className="details">
        <dt>{t("cohort.owner")}</dt>
        <dd>{cohort.ownerOrgName}</dd>
        <dt>{t("cohort.dates")}</dt>
        <dd>{t("cohort.dateRange", { start: cohort.startsOn, end: cohort.endsOn })}</dd>
        <dt>{t("cohort.status")}</dt>
        <dd>{cohort.archived ? t("cohort.archived") : t("cohort.active")}</dd>
        <dt>{t("cohort.courses")}</dt>
        <dd>
          <ul>
            {cohort.courses.map((c) => (
              <li key={c.id}>
                {c.title}
                {c.dueOn ? ` — ${t("progress.due", { date: c.dueOn })}` : ""}
              </li>
            ))}
          </ul>
        </dd>
        {cohort.partners.length ? (
          <>
            <dt>{t("cohort.partners")}</dt>
            <dd>
              <ul>
                {cohort.partners.map((p) => (
                  <li key={p.orgId}>
                    {p.name} ({t(`countries.${p.country as "US"}`)}) — {t(`partnerStatus.${p.status as "invited"}`)}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link to={`/${lang}/orgs/${orgId}/cohorts/${cohort.id}/codes`}>{t("cohort.codesLink")}</Link>
      </p>
    </section>
  );
}

export function RosterForms({
  cohort,
  candidates,
  lastIntent,
}: {
  cohort: CohortView;
  candidates: { id: string; name: string; country: string }[];
  lastIntent: string | undefined;
}) {
  const { t } = useTranslation("orgs");
  if (cohort.archived) return <p>{t("cohort.archivedNote")}</p>;
  return (
    <>
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">{t("cohort.add.title")}</h2>
        <Form method="post" className="stack form-narrow" key={lastIntent === "addPeople" ? "added" : "add"}>
          <input type="hidden" name="intent" value="addPeople" />
          <div className="field">
            <label htmlFor="add-emails">{t("cohort.add.emails")}</label>
            <p id="add-emails-hint" className="field__hint">
              {t("cohort.add.hint")}
            </p>
            <textarea id="add-emails" name="emails" rows={4} aria-describedby="add-emails-hint" required />
          </div>
          <button type="submit" className="button">
            {t("cohort.add.submit")}
          </button>
        </Form>
      </section>
      <p className="muted">{t("cohort.remove.intro")}</p>
      {cohort.isOwner ? (
        <>
          {candidates.length ? (
            <section aria-labelledby="partner-heading">
              <h2 id="partner-heading">{t("cohort.partner.title")}</h2>
              <p>{t("cohort.partner.intro")}</p>
              <Form method="post" className="stack form-narrow">
                <input type="hidden" name="intent" value="invitePartner" />
                <div className="field">
                  <label htmlFor="partner-org">{t("cohort.partner.org")}</label>
                  <select id="partner-org" name="orgId" required>
                    {candidates.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name} ({t(`countries.${o.country as "US"}`)})
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="button">
                  {t("cohort.partner.submit")}
                </button>
              </Form>
            </section>
          ) : null}
          <section aria-labelledby="archive-heading">
            <h2 id="archive-heading">{t("cohort.archive.title")}</h2>
            <p>{t("cohort.archive.intro")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="archive" />
              <button type="submit" className="button button--danger">
                {t("cohort.archive.submit")}
              </button>
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}
