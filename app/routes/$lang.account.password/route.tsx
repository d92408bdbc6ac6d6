import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FormSummary, TextField } from "~/components/forms.tsx";
import { changePassword, requireRecentAuth, startSession } from "~/modules/auth/index.server.ts";
import { changePasswordSchema } from "~/modules/auth/index.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  // Re-authentication (decision 016): the form's current password, and first a code for an account with an authenticator.
  await requireRecentAuth(request, { formAsksPassword: true });
  const t = await getFixedT(lang);
  return { title: t("auth:account.passwordTitle") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const { user } = await requireRecentAuth(request, { formAsksPassword: true });
  const submission = parseWithZod(await readForm(request), { schema: changePasswordSchema });
  const hideFields = ["currentPassword", "newPassword"];
  if (submission.status !== "success") return data(submission.reply({ hideFields }), { status: 400 });
  const ok = await changePassword(user.id, submission.value.currentPassword, submission.value.newPassword);
  if (!ok)
    return data(submission.reply({ fieldErrors: { currentPassword: ["currentPasswordWrong"] }, hideFields }), {
      status: 400,
    });
  // Every session ended with the change; this one (which gave any second factor due) continues under a new id.
  const cookie = await startSession(user.id, { secondFactorVerified: true });
  throw redirect(`/${lang}/account?passwordChanged=1`, { headers: { "Set-Cookie": cookie } });
}

export default function ChangePassword() {
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm<z.input<typeof changePasswordSchema>>({ lastResult });
  return (
    <div className="page page--narrow">
      <h1>{t("account.passwordTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormSummary errors={lastResult ? [""] : undefined} />
        <TextField
          meta={fields.currentPassword}
          label={t("fields.currentPassword")}
          type="password"
          autoComplete="current-password"
        />
        <TextField
          meta={fields.newPassword}
          label={t("fields.newPassword")}
          hint={t("fields.passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <button type="submit" className="button">
          {t("account.passwordTitle")}
        </button>
      </Form>
    </div>
  );
}
