import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import { confirmEmailChange } from "~/modules/auth/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const t = await getFixedT(lang);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const ok = await confirmEmailChange(token);
  return data({ lang, ok, title: t("auth:verify.title") }, { status: ok ? 200 : 400 });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export default function ConfirmEmail() {
  const { lang, ok } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <div className="page page--narrow">
      <h1>{t("verify.title")}</h1>
      {ok ? (
        <Notice tone="success">{t("account.emailChanged")}</Notice>
      ) : (
        <Notice tone="error">{t("verify.invalid")}</Notice>
      )}
      <p>
        <Link to={`/${lang}/account`}>{t("account.title")}</Link>
      </p>
    </div>
  );
}
