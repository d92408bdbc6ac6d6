import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FormSummary, Notice, TextField } from "~/components/forms.tsx";
import { clientIp, requestPasswordReset } from "~/modules/auth/index.server.ts";
import { forgotPasswordSchema } from "~/modules/auth/index.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const t = await getFixedT(lang);
  return { title: t("auth:forgot.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const submission = parseWithZod(await readForm(request), { schema: forgotPasswordSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), sent: false, message: null }, { status: 400 });
  }
  // The answer is the same whether or not the address has an account; only the per-IP limit
  // is told (it says nothing about the address).
  const outcome = await requestPasswordReset(submission.value.email, clientIp(context));
  if (!outcome.ok) {
    const t = await getFixedT(lang);
    const message = t("auth:tooManyRequests", { count: outcome.retryAfterMinutes });
    return data({ result: submission.reply(), sent: false, message }, { status: 429 });
  }
  return { result: submission.reply({ resetForm: true }), sent: true, message: null };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm<z.input<typeof forgotPasswordSchema>>({ lastResult: actionData?.result });
  return (
    <div className="page page--narrow">
      <h1>{t("forgot.title")}</h1>
      <p>{t("forgot.intro")}</p>
      {actionData?.sent ? <Notice tone="success">{t("forgot.sent")}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormSummary message={actionData?.message} errors={actionData && !actionData.sent ? [""] : undefined} />
        <TextField meta={fields.email} label={t("fields.email")} type="email" autoComplete="email" />
        <button type="submit" className="button">
          {t("forgot.submit")}
        </button>
      </Form>
    </div>
  );
}
