// Following an invitation to an organization: a new account chooses its password here; an
// existing one signs in (as the invitee) and accepts. The role is granted only then.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import { getUser, startSession } from "~/modules/auth/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { firstErrorKey, invitationAcceptSchema, invitationPasswordSchema } from "~/modules/orgs/index.ts";
import { acceptInvitation, viewInvitation } from "~/modules/orgs/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const t = await getFixedT(lang);
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const [view, user] = await Promise.all([viewInvitation(token), getUser(request)]);
  const base = { lang, token, title: t("orgs:invitation.title") };
  if (!view) return data({ ...base, valid: false as const }, { status: 400 });
  return {
    ...base,
    valid: true as const,
    orgName: view.orgName,
    role: t(`common:roles.${view.role}`),
    email: view.email,
    needsPassword: view.needsPassword,
    signedInAs: user ? (user.id === view.userId ? ("invitee" as const) : ("other" as const)) : null,
    loginPath: `/${lang}/login?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}`,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const t = await getFixedT(lang);
  const form = await readForm(request);
  const user = await getUser(request);
  let outcome: Awaited<ReturnType<typeof acceptInvitation>>;
  if (form.has("password")) {
    const submission = parseWithZod(form, { schema: invitationPasswordSchema });
    if (submission.status !== "success") {
      return data({ message: t(`orgs:errors.${firstErrorKey(submission.error)}`) }, { status: 400 });
    }
    outcome = await acceptInvitation(submission.value.token, { password: submission.value.password });
  } else {
    const submission = parseWithZod(form, { schema: invitationAcceptSchema });
    if (submission.status !== "success") {
      return data({ message: t(`orgs:errors.${firstErrorKey(submission.error)}`) }, { status: 400 });
    }
    outcome = user
      ? await acceptInvitation(submission.value.token, { signedInUserId: user.id })
      : { ok: false, reason: "wrongAccount" };
  }
  if (!outcome.ok) return data({ message: t(`orgs:errors.${outcome.reason}`) }, { status: 400 });
  const headers = new Headers();
  if (!user || user.id !== outcome.userId) headers.append("Set-Cookie", await startSession(outcome.userId));
  throw redirect(`/${lang}/orgs/${outcome.orgId}`, { headers });
}

export default function InvitationPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("orgs");
  if (!loaderData.valid) {
    return (
      <div className="page page--narrow">
        <h1>{t("invitation.title")}</h1>
        <Notice tone="error">{t("errors.invalidLink")}</Notice>
      </div>
    );
  }
  const { token, orgName, role, email, needsPassword, signedInAs, loginPath } = loaderData;
  return (
    <div className="page page--narrow">
      <h1>{t("invitation.title")}</h1>
      <p>{t("invitation.intro", { org: orgName, role, email })}</p>
      {actionData?.message ? <Notice tone="error">{actionData.message}</Notice> : null}
      {needsPassword ? (
        <Form method="post" className="stack">
          <input type="hidden" name="token" value={token} />
          <div className="field">
            <label htmlFor="invitation-password">{t("invitation.password")}</label>
            <p id="invitation-password-hint" className="field__hint">
              {t("invitation.passwordHint")}
            </p>
            <input
              id="invitation-password"
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={12}
              required
              aria-describedby="invitation-password-hint"
            />
          </div>
          <button type="submit" className="button">
            {t("invitation.acceptWithPassword")}
          </button>
        </Form>
      ) : signedInAs === "invitee" ? (
        <Form method="post">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button">
            {t("invitation.accept")}
          </button>
        </Form>
      ) : (
        <>
          <p>
            {signedInAs === "other" ? t("invitation.otherAccount", { email }) : t("invitation.signInFirst", { email })}
          </p>
          <p>
            <Link to={loginPath} className="button">
              {t("invitation.signIn")}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
