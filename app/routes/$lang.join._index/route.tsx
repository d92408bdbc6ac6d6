// The code field: a typed enrolment code leads to its join page.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import { readForm } from "~/modules/web/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { redeemSchema } from "~/modules/orgs/index.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const t = await getFixedT(lang);
  return { lang, title: t("orgs:join.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const submission = parseWithZod(await readForm(request), { schema: redeemSchema });
  if (submission.status !== "success") {
    const t = await getFixedT(lang);
    return data({ message: t("orgs:join.problems.unknown") }, { status: 400 });
  }
  throw redirect(`/${lang}/join/${submission.value.code}`);
}

export default function JoinWithCode() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("orgs");
  return (
    <div className="page page--narrow">
      <h1>{t("join.title")}</h1>
      <p>{t("join.codeIntro")}</p>
      {actionData?.message ? <Notice tone="error">{actionData.message}</Notice> : null}
      <Form method="post" className="stack">
        <div className="field">
          <label htmlFor="join-code">{t("join.code")}</label>
          <input id="join-code" name="code" autoComplete="off" autoCapitalize="characters" maxLength={40} required />
        </div>
        <button type="submit" className="button">
          {t("join.continue")}
        </button>
      </Form>
    </div>
  );
}
