// A platform admin's view of one credential: revoke (reason from a fixed list + note),
// suspend, reinstate. Refusals (no reason, suspending a revoked credential, a role that may
// not) change nothing and are logged as security events by the module.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import { requirePermission, requireUser } from "~/modules/auth/index.server.ts";
import {
  adminCredential,
  reinstateCredential,
  revokeCredential,
  suspendCredential,
  type ManageOutcome,
} from "~/modules/credentials/index.server.ts";
import { MAX_NOTE_LENGTH, REVOKE_REASONS } from "~/modules/credentials/index.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { notFound, requireLang, titleMeta } from "~/modules/web/index.ts";
import { formatDate } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";

const DONE = ["revoked", "suspended", "reinstated"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user: admin } = await requirePermission(request, "update:users:any");
  const credential = await adminCredential(params.credentialId ?? "");
  if (!credential) notFound();
  const t = await getFixedT(lang);
  const done = new URL(request.url).searchParams.get("done");
  const date = (d: Date | null) => (d ? formatDate(d, lang, admin.timeZone) : null);
  return {
    lang,
    title: t("credentials:admin.heading"),
    credential: {
      ...credential,
      validFrom: date(credential.validFrom),
      validUntil: date(credential.validUntil),
      revokedAt: date(credential.revokedAt),
      suspendedAt: date(credential.suspendedAt),
    },
    notice: (DONE as readonly string[]).includes(done ?? "")
      ? t(`credentials:admin.done.${done as (typeof DONE)[number]}`)
      : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  // Any signed-in person reaches the module, which refuses and logs those who may not act.
  const user = await requireUser(request);
  const actor = { id: user.id, isPlatformAdmin: user.isPlatformAdmin && user.emailVerified };
  const form = await readForm(request);
  const intent = form.get("intent");
  const id = params.credentialId ?? "";
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : null;
  };
  let outcome: ManageOutcome;
  if (intent === "revoke") outcome = await revokeCredential(actor, id, { reason: text("reason"), note: text("note") });
  else if (intent === "suspend") outcome = await suspendCredential(actor, id, { note: text("note") });
  else if (intent === "reinstate") outcome = await reinstateCredential(actor, id);
  else {
    // Refused before the form is judged: a non-admin learns nothing from a bad intent (issue 18).
    if (!actor.isPlatformAdmin) throw new Response(null, { status: 403 });
    const t = await getFixedT(lang);
    return data({ message: t("errors:badRequest.body") }, { status: 400 });
  }
  if (!outcome.ok) {
    if (outcome.reason === "forbidden") throw new Response(null, { status: 403 });
    if (outcome.reason === "notFound") notFound();
    const t = await getFixedT(lang);
    return data({ message: t(`credentials:admin.refused.${outcome.reason}`) }, { status: 400 });
  }
  const done = intent === "revoke" ? "revoked" : intent === "suspend" ? "suspended" : "reinstated";
  throw redirect(`/${lang}/admin/credentials/${id}?done=${done}`);
}

export default function AdminCredential() {
  const { lang, credential, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("credentials");
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/admin/users/${credential.userId}`}>← {credential.holderName}</Link>
      </p>
      <h1>{credential.name[lang]}</h1>
      {notice && !actionData ? <Notice tone="success">{notice}</Notice> : null}
      {actionData?.message ? <Notice tone="error">{actionData.message}</Notice> : null}
      <dl>
        <dt>{t("verify.status")}</dt>
        <dd>{t(`verify.state.${credential.state}`)}</dd>
        <dt>{t("verify.validFrom")}</dt>
        <dd>{credential.validFrom}</dd>
        <dt>{t("verify.expires")}</dt>
        <dd>{credential.validUntil}</dd>
      </dl>
      <p>
        <a href={`/verify/${credential.id}?lang=${lang}`}>{t("verify.heading")}</a>
      </p>
      {credential.revokedAt ? null : (
        <>
          <Form method="post">
            <input type="hidden" name="intent" value="revoke" />
            <h2>{t("admin.revoke")}</h2>
            <label>
              {t("admin.reason")}
              <select name="reason" required defaultValue="">
                <option value="" disabled />
                {REVOKE_REASONS.map((reason) => (
                  <option key={reason} value={reason}>
                    {t(`admin.reasons.${reason}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("admin.note")}
              <textarea name="note" maxLength={MAX_NOTE_LENGTH} />
            </label>
            <button type="submit">{t("admin.revoke")}</button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value={credential.suspendedAt ? "reinstate" : "suspend"} />
            {credential.suspendedAt ? null : (
              <label>
                {t("admin.note")}
                <textarea name="note" maxLength={MAX_NOTE_LENGTH} />
              </label>
            )}
            <button type="submit">{credential.suspendedAt ? t("admin.reinstate") : t("admin.suspend")}</button>
          </Form>
        </>
      )}
    </div>
  );
}
