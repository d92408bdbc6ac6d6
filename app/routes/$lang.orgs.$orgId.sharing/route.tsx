import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { listProfiles } from "~/modules/content/index.server.ts";
import { formatDate } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { getOrganization } from "~/modules/orgs/index.server.ts";
import { isSharingErrorKey, sharingActionSchema } from "~/modules/sharing/index.ts";
import {
  agreementCandidates,
  agreementsOf,
  changeAgreement,
  proposeAgreement,
} from "~/modules/sharing/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { notFound, requireLang, titleMeta } from "~/modules/web/index.ts";
import { AgreementTable, type AgreementView } from "./agreement-table.tsx";

const DONE = ["proposed", "accepted", "declined", "ended"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user, orgIds } = await requirePermission(request, "read:sharing:org");
  const org = params.orgId && orgIds.includes(params.orgId) ? await getOrganization(params.orgId) : null;
  if (!org) throw notFound();
  const now = new Date();
  const [agreements, candidates] = await Promise.all([agreementsOf(org.id, now), agreementCandidates(org.id)]);
  const t = await getFixedT(lang);
  const profiles = listProfiles().map((p) => ({ id: p.id, name: p.name[lang] }));
  const profileName = new Map(profiles.map((p) => [p.id, p.name]));
  const done = new URL(request.url).searchParams.get("done");
  const views: AgreementView[] = agreements.map((a) => ({
    id: a.id,
    direction: a.direction,
    partner: a.partner.name,
    profiles: a.profileIds.map((id) => profileName.get(id) ?? id),
    until: formatDate(a.endsOn, lang, "UTC"),
    proposedOn: formatDate(a.proposedAt, lang, user.timeZone),
    state: a.state,
  }));
  return {
    lang,
    title: t("sharing:title", { org: org.name }),
    org: { id: org.id, name: org.name },
    notice: (DONE as readonly string[]).includes(done ?? "")
      ? t(`sharing:done.${done as (typeof DONE)[number]}`)
      : null,
    awaiting: views.filter((a) => a.state === "proposed" && a.direction === "incoming"),
    proposed: views.filter((a) => a.state === "proposed" && a.direction === "outgoing"),
    inForce: views.filter((a) => a.state === "inForce"),
    history: views.filter((a) => a.state !== "proposed" && a.state !== "inForce"),
    candidates: candidates.map((c) => ({ id: c.id, name: c.name, country: c.country })),
    profiles,
    today: now.toISOString().slice(0, 10),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const { user, orgIds } = await requirePermission(request, "update:sharing:org");
  const orgId = params.orgId ?? "";
  if (!orgIds.includes(orgId)) throw notFound();
  const submission = parseWithZod(await readForm(request), { schema: sharingActionSchema });
  const t = await getFixedT(lang);
  // Another organization's agreement answers 404, like one that does not exist (issue 18).
  const refuse = (key: string) =>
    data(
      { message: t(`sharing:errors.${isSharingErrorKey(key) ? key : "invalid"}`) },
      { status: key === "notFound" ? 404 : 400 },
    );
  if (submission.status !== "success") {
    const first = Object.values(submission.error ?? {}).flatMap((m) => m ?? [])[0];
    return refuse(first ?? "invalid");
  }
  const value = submission.value;
  // Only this page's organization acts here, even when the caller administers others too.
  const scope = [orgId];
  const outcome =
    value.intent === "propose"
      ? await proposeAgreement(user.id, scope, {
          grantorOrgId: orgId,
          granteeOrgId: value.granteeOrgId,
          profileIds: value.profileId,
          endsOn: value.endsOn,
        })
      : await changeAgreement(user.id, scope, value.agreementId, value.intent);
  if (!outcome.ok) return refuse(outcome.reason);
  const done =
    value.intent === "propose"
      ? "proposed"
      : value.intent === "accept"
        ? "accepted"
        : value.intent === "decline"
          ? "declined"
          : "ended";
  throw redirect(`/${lang}/orgs/${orgId}/sharing?done=${done}`);
}

export default function SharingAgreements() {
  const { lang, org, notice, awaiting, proposed, inForce, history, candidates, profiles, today } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("sharing");
  const { t: to } = useTranslation("orgs");
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/orgs/${org.id}`}>← {t("back")}</Link>
      </p>
      <h1>{t("title", { org: org.name })}</h1>
      <p>{t("intro")}</p>
      <p>{t("whatPartnersSee")}</p>
      {notice && !actionData ? <Notice tone="success">{notice}</Notice> : null}
      {actionData?.message ? <Notice tone="error">{actionData.message}</Notice> : null}

      <section aria-labelledby="awaiting-heading">
        <h2 id="awaiting-heading">{t("awaiting")}</h2>
        {awaiting.length ? (
          <AgreementTable rows={awaiting} caption={t("awaiting")} actions={["accept", "decline"]} />
        ) : (
          <p>{t("awaitingNone")}</p>
        )}
      </section>

      <section aria-labelledby="in-force-heading">
        <h2 id="in-force-heading">{t("inForce")}</h2>
        {inForce.length ? (
          <AgreementTable rows={inForce} caption={t("inForce")} actions={["end"]} />
        ) : (
          <p>{t("inForceNone")}</p>
        )}
      </section>

      {proposed.length ? (
        <section aria-labelledby="proposed-heading">
          <h2 id="proposed-heading">{t("proposed")}</h2>
          <AgreementTable rows={proposed} caption={t("proposed")} actions={["withdraw"]} />
        </section>
      ) : null}

      <section aria-labelledby="propose-heading">
        <h2 id="propose-heading">{t("propose.heading")}</h2>
        <p>{t("propose.explain")}</p>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="propose" />
          <div className="field">
            <label htmlFor="granteeOrgId">{t("propose.partner")}</label>
            <select id="granteeOrgId" name="granteeOrgId" required defaultValue="">
              <option value="" disabled>
                {t("propose.choose")}
              </option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({to(`countries.${c.country as "US"}`, { defaultValue: c.country })})
                </option>
              ))}
            </select>
          </div>
          <fieldset className="field">
            <legend>{t("propose.profiles")}</legend>
            {profiles.map((p) => (
              <label key={p.id} className="checkbox">
                <input type="checkbox" name="profileId" value={p.id} /> {p.name}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="endsOn">{t("propose.endsOn")}</label>
            <input id="endsOn" name="endsOn" type="date" min={today} required />
          </div>
          <p>
            <button type="submit" className="button">
              {t("propose.submit")}
            </button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("history")}</h2>
        {history.length ? (
          <AgreementTable rows={history} caption={t("history")} actions={[]} />
        ) : (
          <p>{t("historyNone")}</p>
        )}
      </section>
    </div>
  );
}
