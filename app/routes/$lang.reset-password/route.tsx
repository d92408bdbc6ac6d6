import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FormSummary, Notice, TextField } from "~/components/forms.tsx";
import { peekToken, resetPassword, startSession } from "~/modules/auth/index.server.ts";
import { resetPasswordSchema } from "~/modules/auth/index.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const t = await getFixedT(lang);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const valid = await peekToken(token, "reset-password");
  return data({ lang, token, valid, title: t("auth:reset.title") }, { status: valid ? 200 : 400 });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const submission = parseWithZod(await readForm(request), { schema: resetPasswordSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), invalid: false }, { status: 400 });
  }
  const reset = await resetPassword(submission.value.token, submission.value.password);
  if (!reset) return data({ result: submission.reply({ hideFields: ["password"] }), invalid: true }, { status: 400 });
  // The link proved the address, so it signs the person in: the way in that a stranger's
  // failed guesses can never pause.
  const cookie = await startSession(reset.userId);
  throw redirect(`/${lang}/account?reset=1`, { headers: { "Set-Cookie": cookie } });
}

export default function ResetPassword() {
  const { lang, token, valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm<z.input<typeof resetPasswordSchema>>({
    lastResult: actionData?.result,
    defaultValue: { token },
  });
  if (!valid || actionData?.invalid) {
    return (
      <div className="page page--narrow">
        <h1>{t("reset.title")}</h1>
        <Notice tone="error">{t("reset.invalid")}</Notice>
        <p>
          <Link to={`/${lang}/forgot-password`}>{t("forgot.title")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>{t("reset.title")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormSummary errors={actionData ? [""] : undefined} />
        <input {...getInputProps(fields.token, { type: "hidden" })} key="token" />
        <TextField
          meta={fields.password}
          label={t("fields.newPassword")}
          hint={t("fields.passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <button type="submit" className="button">
          {t("reset.submit")}
        </button>
      </Form>
    </div>
  );
}
