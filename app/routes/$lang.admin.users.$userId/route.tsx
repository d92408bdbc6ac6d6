import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import {
  assignableOrganizations,
  getUserForAdmin,
  performUserAction,
  userExists,
} from "~/modules/admin/index.server.ts";
import { firstErrorKey, isDoneKey, permissionForIntent, userActionSchema } from "~/modules/admin/index.ts";
import {
  hasSecondFactor,
  requirePermission,
  requireRecentAuth,
  resetSecondFactor,
} from "~/modules/auth/index.server.ts";
import { isSecondFactorResetReason } from "~/modules/auth/index.ts";
import { AdminCredentialList } from "~/components/credentials/admin-credential-list.tsx";
import { credentialsOf } from "~/modules/credentials/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { notFound, requireLang, titleMeta } from "~/modules/web/index.ts";
import { formatDate, type Lang } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { AccessForms, GrantRoleForm, RolesTable, UserDetails } from "./user-sections.tsx";
import { SecondFactorSection } from "./second-factor-section.tsx";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user: admin } = await requirePermission(request, "read:users:any");
  const user = await getUserForAdmin(params.userId ?? "");
  if (!user) notFound();
  const t = await getFixedT(lang);
  const done = new URL(request.url).searchParams.get("done");
  return {
    lang,
    title: user.name,
    user: {
      ...user,
      createdAt: formatDate(user.createdAt, lang, admin.timeZone),
      deactivatedAt: user.deactivatedAt ? formatDate(user.deactivatedAt, lang, admin.timeZone) : null,
    },
    isSelf: user.id === admin.id,
    secondFactor: await hasSecondFactor(user.id),
    organizations: await assignableOrganizations(),
    credentials: (await credentialsOf(user.id)).map((c) => ({ id: c.id, name: c.name[lang], state: c.state })),
    notice: isDoneKey(done) ? t(`admin:done.${done}`) : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readForm(request);
  const intent = form.get("intent");
  const { user: admin } = await requirePermission(request, permissionForIntent(intent));
  const userId = params.userId ?? "";
  if (!(await userExists(userId))) notFound();
  const t = await getFixedT(lang);
  if (intent === "resetSecondFactor") return resetAction(request, lang, admin.id, userId, form.get("reason"));
  // Every change on this page is security-relevant (roles, deactivation, a lock-out): the admin's
  // password and code again first (decision 016). Nothing is changed before that.
  await requireRecentAuth(request, { returnTo: `/${lang}/admin/users/${encodeURIComponent(userId)}` });
  const submission = parseWithZod(form, { schema: userActionSchema });
  const formIntent = typeof intent === "string" ? intent : "";
  if (submission.status !== "success") {
    const message = t(`admin:errors.${firstErrorKey(submission.error)}`);
    return data({ intent: formIntent, result: submission.reply(), message }, { status: 400 });
  }
  const outcome = await performUserAction(admin.id, userId, submission.value);
  if (!outcome.ok) {
    const message = t(`admin:errors.${outcome.reason}`);
    // An organization that does not exist is the organization field's error; the rest concern the whole form.
    const errors =
      outcome.reason === "unknownOrg" ? { fieldErrors: { orgId: [outcome.reason] } } : { formErrors: [outcome.reason] };
    return data({ intent: formIntent, result: submission.reply(errors), message }, { status: 400 });
  }
  throw redirect(`/${lang}/admin/users/${encodeURIComponent(userId)}?done=${outcome.done}`);
}

// Resetting someone's authenticator takes the admin's own password and code again (decision 016).
async function resetAction(request: Request, lang: Lang, adminId: string, userId: string, reason: unknown) {
  const t = await getFixedT(lang);
  const refuse = (key: "cannotResetOwnSecondFactor" | "noSecondFactor" | "reasonRequired") =>
    data({ intent: "resetSecondFactor", result: undefined, message: t(`admin:errors.${key}`) }, { status: 400 });
  if (adminId === userId) {
    await resetSecondFactor(adminId, userId, "lostDevice");
    return refuse("cannotResetOwnSecondFactor");
  }
  await requireRecentAuth(request, { returnTo: `/${lang}/admin/users/${encodeURIComponent(userId)}` });
  if (!isSecondFactorResetReason(reason)) return refuse("reasonRequired");
  const outcome = await resetSecondFactor(adminId, userId, reason);
  if (!outcome.ok) return outcome.reason === "notFound" ? notFound() : refuse("noSecondFactor");
  throw redirect(`/${lang}/admin/users/${encodeURIComponent(userId)}?done=secondFactorReset`);
}

export default function AdminUser() {
  const { lang, user, isSelf, organizations, credentials, notice, secondFactor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/admin/users`}>← {t("user.back")}</Link>
      </p>
      <h1>{user.name}</h1>
      {notice && !actionData ? <Notice tone="success">{notice}</Notice> : null}
      {actionData?.message ? <Notice tone="error">{actionData.message}</Notice> : null}
      <UserDetails user={user} />
      <RolesTable user={user} />
      <GrantRoleForm
        organizations={organizations}
        lastResult={actionData?.intent === "grantRole" ? actionData.result : undefined}
      />
      <AccessForms user={user} isSelf={isSelf} />
      <SecondFactorSection name={user.name} isSelf={isSelf} enrolled={secondFactor} />
      <AdminCredentialList lang={lang} credentials={credentials} />
    </div>
  );
}
