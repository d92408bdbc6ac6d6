import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FormSummary, LanguageField, Notice, SelectField, TextField } from "~/components/forms.tsx";
import {
  clientIp,
  endOtherSessions,
  getMemberships,
  hasSecondFactor,
  otherSessionCount,
  recentAuthCovers,
  requireRecentAuth,
  requireSession,
  requireUser,
  sessionLimitsOf,
  updateProfile,
} from "~/modules/auth/index.server.ts";
import { AccountSecurity } from "./security.tsx";
import { profileSchema, TIME_ZONES } from "~/modules/auth/index.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user, sessionId } = await requireSession(request);
  const memberships = await getMemberships(request, user.id);
  const t = await getFixedT(lang);
  const search = new URL(request.url).searchParams;
  const signedOut = Number(search.get("signedOut") ?? NaN);
  const notice = search.get("reauth")
    ? "account.emailNeedsReauth"
    : search.get("reset")
      ? "reset.done"
      : search.get("passwordChanged")
        ? "account.passwordChanged"
        : search.get("saved")
          ? "account.saved"
          : null;
  return {
    lang,
    title: t("auth:account.title"),
    profile: { name: user.name, email: user.email, language: user.language, timeZone: user.timeZone },
    emailVerified: user.emailVerified,
    memberships: memberships.map((m) => ({ orgName: m.orgName, roles: m.roles })),
    isPlatformAdmin: user.isPlatformAdmin,
    notice,
    signedOut: Number.isInteger(signedOut) && signedOut >= 0 ? signedOut : null,
    security: {
      otherSessions: await otherSessionCount(user.id, sessionId),
      hasSecondFactor: await hasSecondFactor(user.id),
      ...(await sessionLimitsOf(request)),
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUser(request);
  const form = await readForm(request);
  if (form.get("intent") === "signOutOthers") {
    const { sessionId } = await requireSession(request);
    const count = await endOtherSessions(user.id, sessionId);
    throw redirect(`/${lang}/account?signedOut=${count}`);
  }
  const submission = parseWithZod(form, { schema: profileSchema });
  const hideFields = ["currentPassword"];
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields }), emailSentTo: null, message: null }, { status: 400 });
  }
  // A new address takes re-authentication (decision 016): the form's current password, and a
  // code first for an account with an authenticator.
  if (submission.value.email !== user.email && !(await recentAuthCovers(request, true))) {
    await requireRecentAuth(request, { returnTo: `/${lang}/account?reauth=email`, formAsksPassword: true });
  }
  const outcome = await updateProfile(user.id, submission.value, clientIp(context));
  if (!outcome.ok && outcome.reason === "rateLimited") {
    const t = await getFixedT(lang);
    const message = t("auth:tooManyRequests", { count: outcome.retryAfterMinutes });
    return data({ result: submission.reply({ hideFields }), emailSentTo: null, message }, { status: 429 });
  }
  if (!outcome.ok) {
    const key = outcome.reason === "notFound" ? "required" : outcome.reason;
    return data(
      {
        result: submission.reply({ fieldErrors: { currentPassword: [key] }, hideFields }),
        emailSentTo: null,
        message: null,
      },
      { status: 400 },
    );
  }
  if (!outcome.emailChangeSentTo) throw redirect(`/${submission.value.language}/account?saved=1`);
  return { result: submission.reply({ hideFields }), emailSentTo: outcome.emailChangeSentTo, message: null };
}

export default function Account() {
  const { lang, profile, memberships, notice, emailVerified, isPlatformAdmin, signedOut, security } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const { t: tc } = useTranslation();
  const [form, fields] = useForm<z.input<typeof profileSchema>>({
    lastResult: actionData?.result,
    defaultValue: profile,
    shouldRevalidate: "onInput",
  });
  const zones = TIME_ZONES.includes(profile.timeZone as (typeof TIME_ZONES)[number])
    ? TIME_ZONES
    : [profile.timeZone, ...TIME_ZONES];
  return (
    <div className="page page--narrow">
      <h1>{t("account.title")}</h1>
      {notice ? (
        <Notice tone={notice === "account.emailNeedsReauth" ? undefined : "success"}>{t(notice)}</Notice>
      ) : null}
      {signedOut !== null ? <Notice tone="success">{t("account.sessions.done", { count: signedOut })}</Notice> : null}
      {actionData?.emailSentTo ? (
        <Notice tone="success">{t("account.emailChangePending", { email: actionData.emailSentTo })}</Notice>
      ) : null}
      {!emailVerified ? (
        <Notice>
          {t("verify.pending")} <Link to={`/${lang}/verify-email`}>{t("verify.resend")}</Link>
        </Notice>
      ) : null}
      <h2>{t("account.profile")}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormSummary
          message={actionData?.message}
          errors={actionData && actionData.result.status === "error" ? [""] : undefined}
        />
        <TextField meta={fields.name} label={t("fields.name")} autoComplete="name" />
        <TextField meta={fields.email} label={t("fields.email")} type="email" autoComplete="email" />
        <TextField
          meta={fields.currentPassword}
          label={t("fields.currentPasswordForEmail")}
          type="password"
          autoComplete="current-password"
        />
        <LanguageField meta={fields.language} />
        <SelectField
          meta={fields.timeZone}
          label={t("fields.timeZone")}
          options={zones.map((z) => ({ value: z, label: z.replace(/_/g, " ") }))}
        />
        <button type="submit" className="button">
          {tc("actions.save")}
        </button>
      </Form>
      <p>
        <Link to={`/${lang}/account/password`}>{t("account.passwordTitle")}</Link>
      </p>
      <AccountSecurity lang={lang} security={security} />
      <h2>{t("account.memberships")}</h2>
      {memberships.length === 0 && !isPlatformAdmin ? <p>{t("account.noMemberships")}</p> : null}
      {!emailVerified && (isPlatformAdmin || memberships.some((m) => m.roles.some((r) => r !== "learner"))) ? (
        <Notice tone="warning">{t("account.rolesPending")}</Notice>
      ) : null}
      <ul className="plain-list">
        {isPlatformAdmin ? <li>{tc("roles.admin")}</li> : null}
        {memberships.map((m) => (
          <li key={m.orgName}>
            <strong>{m.orgName}</strong>: {m.roles.map((r) => tc(`roles.${r}` as "roles.learner")).join(", ")}
          </li>
        ))}
      </ul>
    </div>
  );
}
