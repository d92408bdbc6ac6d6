import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FormSummary, Notice, TextField } from "~/components/forms.tsx";
import {
  clientIp,
  languageOfferCookie,
  requireAnonymous,
  safeRedirectPath,
  secondFactorPath,
  signIn,
  startSignIn,
} from "~/modules/auth/index.server.ts";
import { signInSchema } from "~/modules/auth/index.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"), "");
  await requireAnonymous(request, redirectTo || `/${lang}`);
  const t = await getFixedT(lang);
  const notice = url.searchParams.get("reset")
    ? t("auth:reset.done")
    : url.searchParams.get("signedOut")
      ? t("auth:signOut.done")
      : null;
  return { lang, title: t("auth:signIn.title"), redirectTo, notice };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  await requireAnonymous(request, `/${lang}`);
  const submission = parseWithZod(await readForm(request), { schema: signInSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), message: null }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const outcome = await signIn(email, password, clientIp(context));
  if (!outcome.ok) {
    const t = await getFixedT(lang);
    const message =
      outcome.reason === "locked"
        ? t(outcome.scope === "account" ? "auth:signIn.paused" : "auth:signIn.locked", {
            minutes: outcome.retryAfterMinutes,
          })
        : outcome.reason === "deactivated"
          ? t("auth:signIn.deactivated")
          : t("auth:signIn.invalid");
    return data(
      { result: submission.reply({ formErrors: [outcome.reason], hideFields: ["password"] }), message },
      { status: outcome.reason === "locked" ? 429 : 400 },
    );
  }
  const { cookie, pending } = await startSignIn(outcome.userId);
  const headers = new Headers({ "Set-Cookie": cookie });
  // The language of the page they signed in on wins over the saved one; saving it is offered.
  const offer = await languageOfferCookie(lang, outcome.language);
  if (offer) headers.append("Set-Cookie", offer);
  const target = safeRedirectPath(redirectTo, `/${lang}`);
  // A role that needs a second factor: nothing is granted until it is given.
  if (pending) throw redirect(secondFactorPath(lang, pending.stage, target), { headers });
  throw redirect(target, { headers });
}

export default function SignIn() {
  const { lang, redirectTo, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm<z.input<typeof signInSchema>>({
    lastResult: actionData?.result,
    shouldRevalidate: "onInput",
  });
  return (
    <div className="page page--narrow">
      <h1>{t("signIn.title")}</h1>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormSummary message={actionData?.message} errors={actionData && !actionData.message ? [""] : undefined} />
        <input {...getInputProps(fields.redirectTo, { type: "hidden" })} key="redirectTo" defaultValue={redirectTo} />
        <TextField meta={fields.email} label={t("fields.email")} type="email" autoComplete="username" />
        <TextField
          meta={fields.password}
          label={t("fields.password")}
          type="password"
          autoComplete="current-password"
        />
        <button type="submit" className="button">
          {t("signIn.submit")}
        </button>
      </Form>
      <p>
        <Link to={`/${lang}/forgot-password`}>{t("signIn.forgot")}</Link>
      </p>
      <p>
        {t("signIn.noAccount")} <Link to={`/${lang}/signup`}>{t("signUp.title")}</Link>
      </p>
    </div>
  );
}
