// The second step of signing in for roles that need a second factor: a code from the
// authenticator app, or a recovery code. Only a pending session (password given) gets here.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CodeField, FormSummary } from "~/components/forms.tsx";
import {
  clientIp,
  completeSignIn,
  getPendingSignIn,
  getUser,
  safeRedirectPath,
  secondFactorPath,
  verifySecondFactor,
} from "~/modules/auth/index.server.ts";
import { parseSecondFactorCode } from "~/modules/auth/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";

/** The pending sign-in, or a redirect to where this person belongs instead. */
async function pendingOrRedirect(request: Request, lang: string) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), `/${lang}`);
  const pending = await getPendingSignIn(request);
  if (pending?.stage === "verify") return { pending, redirectTo };
  if (pending) throw redirect(secondFactorPath(lang, pending.stage, redirectTo));
  if (await getUser(request)) throw redirect(redirectTo);
  throw redirect(`/${lang}/login`);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { redirectTo } = await pendingOrRedirect(request, lang);
  const t = await getFixedT(lang);
  return { lang, title: t("auth:secondFactor.title"), redirectTo };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const { pending, redirectTo } = await pendingOrRedirect(request, lang);
  const t = await getFixedT(lang);
  const form = await readForm(request);
  const kind = form.get("intent") === "recovery" ? "recovery" : "totp";
  const code = parseSecondFactorCode(kind, form.get("code"));
  if (code === null) {
    const key =
      kind === "recovery" ? "auth:secondFactor.errors.recoveryMalformed" : "auth:secondFactor.errors.malformed";
    return data({ kind, message: t(key) }, { status: 400 });
  }
  const outcome = await verifySecondFactor(pending.userId, { kind, code }, clientIp(context));
  if (!outcome.ok) {
    const message =
      outcome.reason === "locked"
        ? t("auth:secondFactor.errors.locked", { count: outcome.retryAfterMinutes })
        : t(`auth:secondFactor.errors.${outcome.reason}`);
    return data({ kind, message }, { status: outcome.reason === "locked" ? 429 : 400 });
  }
  const cookie = await completeSignIn(pending.sessionId, pending.userId);
  throw redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}

export default function SecondFactor() {
  const { lang, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const totpError = actionData?.kind === "totp" ? actionData.message : null;
  const recoveryError = actionData?.kind === "recovery" ? actionData.message : null;
  const query = `?${new URLSearchParams({ redirectTo })}`;
  return (
    <div className="page page--narrow">
      <h1>{t("secondFactor.title")}</h1>
      <p>{t("secondFactor.intro")}</p>
      <Form method="post" action={query} className="stack">
        <FormSummary message={totpError} />
        <input type="hidden" name="intent" value="totp" />
        <CodeField
          id="code"
          label={t("secondFactor.code")}
          hint={t("secondFactor.codeHint")}
          error={totpError}
          numeric
        />
        <button type="submit" className="button">
          {t("secondFactor.submit")}
        </button>
      </Form>
      <details className="stack" open={!!recoveryError}>
        <summary>{t("secondFactor.recoveryTitle")}</summary>
        <p>{t("secondFactor.recoveryIntro")}</p>
        <Form method="post" action={query} className="stack">
          <FormSummary message={recoveryError} />
          <input type="hidden" name="intent" value="recovery" />
          <CodeField id="recovery-code" label={t("secondFactor.recoveryCode")} error={recoveryError} />
          <button type="submit" className="button button--secondary">
            {t("secondFactor.recoverySubmit")}
          </button>
        </Form>
      </details>
      <Form method="post" action={`/${lang}/logout`}>
        <button type="submit" className="link-button">
          {t("secondFactor.cancel")}
        </button>
      </Form>
    </div>
  );
}
