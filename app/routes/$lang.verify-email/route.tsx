import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormSummary, Notice } from "~/components/forms.tsx";
import { clientIp, getUser, requireUser, resendVerification, verifyEmail } from "~/modules/auth/index.server.ts";
import { awardEarnedCredentials } from "~/modules/credentials/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";

type Outcome = "verified" | "invalid" | "pending" | "sent" | "none";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const t = await getFixedT(lang);
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  let outcome: Outcome;
  let status = 200;
  if (token !== null) {
    const verified = await verifyEmail(token);
    outcome = verified ? "verified" : "invalid";
    // Credentials wait for a verified address: whatever was earned meanwhile is issued now.
    if (verified) await awardEarnedCredentials(verified.userId);
    if (outcome === "invalid") status = 400;
  } else if (url.searchParams.get("sent")) {
    outcome = "sent";
  } else {
    const user = await getUser(request);
    outcome = user && !user.emailVerified ? "pending" : "none";
  }
  const user = await getUser(request);
  const canResend = !!user && !user.emailVerified && outcome !== "verified";
  return data({ lang, outcome, canResend, title: t("auth:verify.title") }, { status });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUser(request);
  const outcome = await resendVerification(user.id, clientIp(context));
  if (!outcome.ok) {
    const t = await getFixedT(lang);
    return data(
      { resent: false, message: t("auth:tooManyRequests", { count: outcome.retryAfterMinutes }) },
      { status: 429 },
    );
  }
  return { resent: true, message: null };
}

export default function VerifyEmail() {
  const { lang, outcome, canResend } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  return (
    <div className="page page--narrow">
      <h1>{t("verify.title")}</h1>
      {outcome === "verified" ? <Notice tone="success">{t("verify.success")}</Notice> : null}
      {outcome === "invalid" ? <Notice tone="error">{t("verify.invalid")}</Notice> : null}
      {outcome === "sent" ? <Notice>{t("verify.sent")}</Notice> : null}
      {outcome === "pending" ? <Notice>{t("verify.pending")}</Notice> : null}
      {actionData?.resent ? <Notice tone="success">{t("verify.resent")}</Notice> : null}
      <FormSummary message={actionData?.message} />
      {canResend ? (
        <Form method="post">
          <button type="submit" className="button button--secondary">
            {t("verify.resend")}
          </button>
        </Form>
      ) : null}
      <p>
        <Link to={`/${lang}/account`}>{t("account.title")}</Link>
      </p>
    </div>
  );
}
