import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RowAction } from "~/components/row-action.tsx";
import { FormOutcome } from "~/components/forms.tsx";
import { appLink, requirePermission } from "~/modules/auth/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { notFound, orNotFound, requireLang, titleMeta } from "~/modules/web/index.ts";
import { formatDateTime } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { codeActionSchema, firstErrorKey, isOrgErrorKey, MAX_SEATS } from "~/modules/orgs/index.ts";
import { cohortOfCaller, codesOf, displayCode, issueCode, revokeCode } from "~/modules/orgs/index.server.ts";

async function context(request: Request, params: { orgId?: string; cohortId?: string }, write: boolean) {
  const { user, orgIds } = await requirePermission(request, write ? "update:cohorts:org" : "read:cohorts:org");
  const orgId = params.orgId ?? "";
  const cohort = orNotFound(await cohortOfCaller(orgIds, orgId, params.cohortId));
  return { user, orgId, cohort };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user, orgId, cohort } = await context(request, params, false);
  const t = await getFixedT(lang);
  const now = new Date();
  const codes = await codesOf(cohort);
  const done = new URL(request.url).searchParams.get("done");
  return {
    lang,
    orgId,
    title: t("orgs:codes.title", { cohort: cohort.name }),
    cohort: {
      id: cohort.id,
      name: cohort.name,
      archived: cohort.archivedAt !== null,
      joint: !cohort.isOwner || cohort.partners.length > 0,
    },
    notice: done === "issued" || done === "revoked" ? t(`orgs:done.${done}`) : null,
    codes: codes.map((c) => ({
      id: c.id,
      code: displayCode(c.code),
      link: appLink(lang, `join/${c.code}`),
      seatLimit: c.seatLimit,
      seatsUsed: c.seatsUsed,
      expiresAt: formatDateTime(c.expiresAt, lang, user.timeZone),
      state: c.revokedAt
        ? "revoked"
        : c.expiresAt <= now
          ? "expired"
          : c.seatsUsed >= c.seatLimit
            ? "exhausted"
            : "live",
    })),
    defaultExpiry: new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const { user, orgId, cohort } = await context(request, params, true);
  const submission = parseWithZod(await readForm(request), { schema: codeActionSchema });
  const t = await getFixedT(lang);
  if (submission.status !== "success") {
    return data(
      { result: submission.reply(), message: t(`orgs:errors.${firstErrorKey(submission.error)}`) },
      { status: 400 },
    );
  }
  const base = `/${lang}/orgs/${orgId}/cohorts/${cohort.id}/codes`;
  if (submission.value.intent === "revoke") {
    if (!(await revokeCode(user.id, cohort, submission.value.codeId))) throw notFound();
    throw redirect(`${base}?done=revoked`);
  }
  const outcome = await issueCode(user.id, cohort, submission.value);
  if (!outcome.ok) {
    return data(
      { result: submission.reply({ formErrors: [outcome.reason] }), message: t(`orgs:errors.${outcome.reason}`) },
      { status: 400 },
    );
  }
  throw redirect(`${base}?done=issued`);
}

export default function CodesPage() {
  const { lang, orgId, cohort, codes, notice, defaultExpiry } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("orgs");
  const [form, fields] = useForm<{ intent: string; seatLimit: string; expiresOn: string }>({
    id: "issue-code",
    lastResult: actionData?.result,
  });
  const fieldError = (errors: string[] | undefined) =>
    errors?.length ? errors.map((e) => t(`errors.${isOrgErrorKey(e) ? e : "invalid"}`)).join(" ") : null;
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/orgs/${orgId}/cohorts/${cohort.id}`}>← {cohort.name}</Link>
      </p>
      <h1>{t("codes.title", { cohort: cohort.name })}</h1>
      <p>{cohort.joint ? t("codes.introJoint") : t("codes.intro")}</p>
      <FormOutcome notice={notice} actionData={actionData} />
      {codes.length === 0 ? (
        <p>{t("codes.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table--wide">
            <caption className="visually-hidden">{t("codes.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("codes.code")}</th>
                <th scope="col">{t("codes.seats")}</th>
                <th scope="col">{t("codes.expires")}</th>
                <th scope="col">{t("codes.state")}</th>
                <th scope="col">{t("codes.action")}</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((c) => (
                <tr key={c.id}>
                  <td>
                    <code className="enrolment-code">{c.code}</code>
                    <span className="table-sub break-anywhere">{c.link}</span>
                  </td>
                  <td>{t("codes.seatsUsed", { used: c.seatsUsed, limit: c.seatLimit })}</td>
                  <td>{c.expiresAt}</td>
                  <td>{t(`codes.states.${c.state as "live"}`)}</td>
                  <td>
                    {c.state === "revoked" ? null : (
                      <RowAction
                        intent="revoke"
                        fields={{ codeId: c.id }}
                        label={t("codes.revokeLabel", { code: c.code })}
                      >
                        {t("codes.revoke")}
                      </RowAction>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cohort.archived ? (
        <p>{t("cohort.archivedNote")}</p>
      ) : (
        <section aria-labelledby="issue-heading">
          <h2 id="issue-heading">{t("codes.issue.title")}</h2>
          <Form method="post" {...getFormProps(form)} className="stack form-narrow">
            <input type="hidden" name="intent" value="issue" />
            <div className="field">
              <label htmlFor={fields.seatLimit.id}>{t("codes.issue.seatLimit")}</label>
              <input
                {...getInputProps(fields.seatLimit, { type: "number" })}
                min={1}
                max={MAX_SEATS}
                defaultValue="30"
                key={fields.seatLimit.key}
              />
              {fieldError(fields.seatLimit.errors) ? (
                <p id={fields.seatLimit.errorId} className="field__error">
                  {fieldError(fields.seatLimit.errors)}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor={fields.expiresOn.id}>{t("codes.issue.expiresOn")}</label>
              <p className="field__hint">{t("codes.issue.expiresHint")}</p>
              <input
                {...getInputProps(fields.expiresOn, { type: "date" })}
                defaultValue={defaultExpiry}
                key={fields.expiresOn.key}
              />
              {fieldError(fields.expiresOn.errors) ? (
                <p id={fields.expiresOn.errorId} className="field__error">
                  {fieldError(fields.expiresOn.errors)}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button">
              {t("codes.issue.submit")}
            </button>
          </Form>
        </section>
      )}
    </div>
  );
}
