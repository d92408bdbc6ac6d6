// Enrolment of an authenticator app, required before a pending sign-in of a role that needs
// a second factor can go further: the key as a QR code (drawn on the server) and as text, a
// code to confirm it, then the recovery codes, shown this once.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CodeField, FormSummary, Notice } from "~/components/forms.tsx";
import { RecoveryCodeList } from "~/components/recovery-code-list.tsx";
import {
  beginEnrolment,
  clientIp,
  completeEnrolmentSignIn,
  confirmEnrolment,
  getPendingSignIn,
  getUser,
  safeRedirectPath,
  secondFactorPath,
} from "~/modules/auth/index.server.ts";
import { parseSecondFactorCode } from "~/modules/auth/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), `/${lang}`);
  const t = await getFixedT(lang);
  const pending = await getPendingSignIn(request);
  if (pending?.stage === "verify") throw redirect(secondFactorPath(lang, "verify", redirectTo));
  if (!pending) {
    // Right after enrolment the page (its loader runs again) shows the recovery codes.
    if (await getUser(request)) return { lang, title: t("auth:secondFactor.enrol.title"), redirectTo, enrolment: null };
    throw redirect(`/${lang}/login`);
  }
  const enrolment = await beginEnrolment(pending.userId);
  if (!enrolment) throw redirect(secondFactorPath(lang, "verify", redirectTo));
  return {
    lang,
    title: t("auth:secondFactor.enrol.title"),
    redirectTo,
    enrolment: { secret: enrolment.secret, qrSvg: enrolment.qrSvg },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const t = await getFixedT(lang);
  const pending = await getPendingSignIn(request);
  if (pending?.stage !== "enrol") throw redirect(`/${lang}/login`);
  const code = parseSecondFactorCode("totp", (await readForm(request)).get("code"));
  if (code === null)
    return data({ message: t("auth:secondFactor.errors.malformed"), recoveryCodes: null }, { status: 400 });
  const outcome = await confirmEnrolment(pending.userId, code, clientIp(context));
  if (!outcome.ok) {
    const message =
      outcome.reason === "locked"
        ? t("auth:secondFactor.errors.locked", { count: outcome.retryAfterMinutes })
        : t(`auth:secondFactor.errors.${outcome.reason}`);
    return data({ message, recoveryCodes: null }, { status: outcome.reason === "locked" ? 429 : 400 });
  }
  await completeEnrolmentSignIn(pending.sessionId, pending.userId);
  return data({ message: null, recoveryCodes: outcome.recoveryCodes }, { headers: { "Cache-Control": "no-store" } });
}

export default function Enrol() {
  const { redirectTo, enrolment, lang } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  if (actionData?.recoveryCodes || !enrolment) {
    return (
      <div className="page page--narrow">
        <h1>{t("secondFactor.enrol.doneTitle")}</h1>
        {actionData?.recoveryCodes ? (
          <>
            <Notice tone="success">{t("secondFactor.enrol.doneIntro")}</Notice>
            <RecoveryCodeList codes={actionData.recoveryCodes} label={t("secondFactor.enrol.codesLabel")} />
          </>
        ) : null}
        <p>
          <Link className="button" to={redirectTo || `/${lang}`}>
            {t("secondFactor.enrol.continue")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>{t("secondFactor.enrol.title")}</h1>
      <p>{t("secondFactor.enrol.intro")}</p>
      <ol className="stack">
        <li>
          <p>{t("secondFactor.enrol.step1")}</p>
          <div
            className="totp-qr"
            role="img"
            aria-label={t("secondFactor.enrol.qrLabel")}
            // Drawn on the server by the qrcode library from the otpauth:// address; no input of anyone's.
            dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
          />
        </li>
        <li>
          <p id="setup-key-label">{t("secondFactor.enrol.step2")}</p>
          <p>
            <code className="totp-secret" aria-labelledby="setup-key-label">
              {enrolment.secret.match(/.{1,4}/g)!.join(" ")}
            </code>
          </p>
        </li>
        <li>
          <Form method="post" action={`?${new URLSearchParams({ redirectTo })}`} className="stack">
            <FormSummary message={actionData?.message} />
            <CodeField id="code" label={t("secondFactor.enrol.step3")} error={actionData?.message} numeric />
            <button type="submit" className="button">
              {t("secondFactor.enrol.submit")}
            </button>
          </Form>
        </li>
      </ol>
      <Form method="post" action={`/${lang}/logout`}>
        <button type="submit" className="link-button">
          {t("secondFactor.cancel")}
        </button>
      </Form>
    </div>
  );
}
