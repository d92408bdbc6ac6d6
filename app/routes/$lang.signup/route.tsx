import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FormSummary } from "~/components/forms.tsx";
import { SignUpFields } from "~/components/sign-up-fields.tsx";
import { clientIp, requireAnonymous, signUp } from "~/modules/auth/index.server.ts";
import { signUpSchema } from "~/modules/auth/index.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  await requireAnonymous(request, `/${lang}`);
  const t = await getFixedT(lang);
  return { lang, title: t("auth:signUp.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  await requireAnonymous(request, `/${lang}`);
  const submission = parseWithZod(await readForm(request), { schema: signUpSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const result = await signUp(submission.value, clientIp(context));
  if (!result.ok) {
    const t = await getFixedT(lang);
    const message = t("auth:tooManyRequests", { count: result.retryAfterMinutes });
    return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), { status: 429 });
  }
  // The same answer whether the address was new or already had an account (its owner was mailed).
  throw redirect(`/${submission.value.language}/verify-email?sent=1`);
}

export default function SignUp() {
  const { lang } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm<z.input<typeof signUpSchema>>({
    lastResult,
    defaultValue: { language: lang },
    shouldRevalidate: "onInput",
  });
  return (
    <div className="page page--narrow">
      <h1>{t("signUp.title")}</h1>
      <p>{t("signUp.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormSummary message={form.errors?.[0]} errors={lastResult?.status === "error" ? [""] : undefined} />
        <SignUpFields lang={lang} fields={fields} />
        <button type="submit" className="button">
          {t("signUp.submit")}
        </button>
      </Form>
      <p>
        {t("signUp.haveAccount")} <Link to={`/${lang}/login`}>{t("signIn.title")}</Link>
      </p>
    </div>
  );
}
