// New recovery codes for an account with an authenticator, after re-authentication
// (decision 016): the old ones stop working; the new ones are shown once, in this answer only.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RecoveryCodeList } from "~/components/recovery-code-list.tsx";
import { Notice } from "~/components/forms.tsx";
import { hasSecondFactor, regenerateRecoveryCodes, requireRecentAuth } from "~/modules/auth/index.server.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user } = await requireRecentAuth(request);
  const t = await getFixedT(lang);
  return { lang, title: t("auth:account.recovery.title"), enrolled: await hasSecondFactor(user.id) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const { user } = await requireRecentAuth(request);
  const codes = await regenerateRecoveryCodes(user.id);
  if (!codes) {
    const t = await getFixedT(lang);
    return data({ codes: null, message: t("auth:account.recovery.notEnrolled") }, { status: 400 });
  }
  return data({ codes, message: null }, { headers: { "Cache-Control": "no-store" } });
}

export default function RecoveryCodes() {
  const { lang, enrolled } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  if (actionData?.codes) {
    return (
      <div className="page page--narrow">
        <h1>{t("account.recovery.doneTitle")}</h1>
        <Notice tone="success">{t("account.recovery.doneIntro")}</Notice>
        <RecoveryCodeList codes={actionData.codes} label={t("secondFactor.enrol.codesLabel")} />
        <p>
          <Link to={`/${lang}/account`} className="button">
            {t("secondFactor.enrol.continue")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>{t("account.recovery.title")}</h1>
      {actionData?.message ? <Notice tone="error">{actionData.message}</Notice> : null}
      {enrolled ? (
        <>
          <p>{t("account.recovery.intro")}</p>
          <Form method="post">
            <button type="submit" className="button">
              {t("account.recovery.confirm")}
            </button>
          </Form>
        </>
      ) : (
        <p>{t("account.recovery.notEnrolled")}</p>
      )}
    </div>
  );
}
