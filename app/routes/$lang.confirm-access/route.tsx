// Re-authentication before a security-relevant change (decision 016): the password again, and
// a code (or a recovery code) for an account with an authenticator. Success opens those
// changes for a few minutes and returns to the page that asked.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CodeField, FormSummary } from "~/components/forms.tsx";
import {
  clientIp,
  reauthenticate,
  reauthNeedsCode,
  requireSession,
  safeRedirectPath,
} from "~/modules/auth/index.server.ts";
import { parseSecondFactorCode } from "~/modules/auth/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";

const returnPath = (request: Request, lang: string) =>
  safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), `/${lang}/account`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user } = await requireSession(request);
  const t = await getFixedT(lang);
  return {
    title: t("auth:reauth.title"),
    needsCode: await reauthNeedsCode(user.id),
    redirectTo: returnPath(request, lang),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const { user, sessionId } = await requireSession(request);
  const t = await getFixedT(lang);
  const form = await readForm(request);
  const kind = form.get("kind") === "recovery" ? "recovery" : "totp";
  const password = form.get("password");
  if (typeof password !== "string" || password.length === 0 || password.length > 200) {
    return data({ field: "password", message: t("auth:reauth.errors.password") }, { status: 400 });
  }
  let code: { kind: "totp" | "recovery"; code: string } | undefined;
  if (await reauthNeedsCode(user.id)) {
    const parsed = parseSecondFactorCode(kind, form.get("code"));
    if (parsed === null) {
      const key = kind === "recovery" ? "recoveryMalformed" : "malformed";
      return data({ field: "code", message: t(`auth:secondFactor.errors.${key}`) }, { status: 400 });
    }
    code = { kind, code: parsed };
  }
  const outcome = await reauthenticate(sessionId, user.id, { password, code }, clientIp(context));
  if (outcome.ok) throw redirect(returnPath(request, lang));
  if (outcome.reason === "locked") {
    return data(
      { field: "password", message: t("auth:reauth.errors.locked", { count: outcome.retryAfterMinutes }) },
      { status: 429 },
    );
  }
  if (outcome.reason === "password") {
    return data({ field: "password", message: t("auth:reauth.errors.password") }, { status: 400 });
  }
  const key = outcome.reason === "codeRequired" ? "malformed" : outcome.reason;
  return data({ field: "code", message: t(`auth:secondFactor.errors.${key}`) }, { status: 400 });
}

export default function ConfirmAccess() {
  const { needsCode, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const passwordError = actionData?.field === "password" ? actionData.message : null;
  const codeError = actionData?.field === "code" ? actionData.message : null;
  const query = `?${new URLSearchParams({ redirectTo })}`;
  return (
    <div className="page page--narrow">
      <h1>{t("reauth.title")}</h1>
      <p>{needsCode ? t("reauth.introWithCode") : t("reauth.intro")}</p>
      <p>{t("reauth.repeat")}</p>
      <Form method="post" action={query} className="stack">
        <FormSummary message={actionData?.message} />
        <div className="field">
          <label htmlFor="reauth-password">{t("fields.password")}</label>
          <input
            id="reauth-password"
            name="password"
            type="password"
            required
            maxLength={200}
            autoComplete="current-password"
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? "reauth-password-error" : undefined}
          />
          {passwordError ? (
            <p id="reauth-password-error" className="field__error">
              {passwordError}
            </p>
          ) : null}
        </div>
        {needsCode ? (
          <>
            <fieldset className="stack">
              <legend>{t("reauth.codeKind")}</legend>
              <label>
                <input type="radio" name="kind" value="totp" defaultChecked /> {t("secondFactor.code")}
              </label>
              <label>
                <input type="radio" name="kind" value="recovery" /> {t("secondFactor.recoveryCode")}
              </label>
            </fieldset>
            <CodeField id="reauth-code" label={t("reauth.code")} hint={t("reauth.codeHint")} error={codeError} />
          </>
        ) : null}
        <button type="submit" className="button">
          {t("reauth.submit")}
        </button>
      </Form>
    </div>
  );
}
