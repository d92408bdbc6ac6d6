import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RowAction } from "~/components/row-action.tsx";
import { FormOutcome } from "~/components/forms.tsx";
import { CurrentCredentials } from "~/components/credentials/current-credentials.tsx";
import { requirePermission, requireRecentAuth } from "~/modules/auth/index.server.ts";
import { currentCredentialLabels, currentCredentialsOf } from "~/modules/credentials/index.server.ts";
import { isPendingVerification, ROLES } from "~/modules/auth/index.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { notFound, requireLang, titleMeta } from "~/modules/web/index.ts";
import { formatDate } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { firstErrorKey, memberActionSchema, parseProgressQuery } from "~/modules/orgs/index.ts";
import {
  changeMemberRoles,
  getOrganization,
  MEMBERS_PAGE_SIZE,
  orgMembers,
  pendingInvitations,
  RESEND_WINDOW_MINUTES,
  resendInvitation,
} from "~/modules/orgs/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user, orgIds } = await requirePermission(request, "read:members:org");
  const org = params.orgId && orgIds.includes(params.orgId) ? await getOrganization(params.orgId) : null;
  if (!org) throw notFound();
  const url = new URL(request.url);
  const { q, terms, page } = parseProgressQuery(url.searchParams);
  const [{ total, members }, pending] = await Promise.all([
    orgMembers(org.id, { terms, page }),
    pendingInvitations(org.id),
  ]);
  const credentials = await currentCredentialsOf(members.map((m) => m.userId));
  const t = await getFixedT(lang);
  const done = url.searchParams.get("done");
  return {
    lang,
    title: t("orgs:members.title", { org: org.name }),
    org: { id: org.id, name: org.name },
    selfId: user.id,
    q,
    page,
    pageCount: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)),
    total,
    notice:
      done === "roleGranted" || done === "roleRevoked" || done === "membershipEnded" || done === "invitationResent"
        ? t(`orgs:done.${done}`)
        : null,
    members: members.map((m) => ({
      ...m,
      since: formatDate(m.since, lang, user.timeZone),
      credentials: currentCredentialLabels(credentials.get(m.userId), lang),
    })),
    invitations: {
      total: pending.total,
      rows: pending.invitations.map((i) => ({
        id: i.id,
        name: i.name,
        email: i.email,
        role: i.role,
        expired: i.expired,
        expires: formatDate(i.expiresAt, lang, user.timeZone),
      })),
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const { user, orgIds } = await requirePermission(request, "update:members:org");
  const orgId = params.orgId ?? "";
  if (!orgIds.includes(orgId)) throw notFound();
  const submission = parseWithZod(await readForm(request), { schema: memberActionSchema });
  const t = await getFixedT(lang);
  if (submission.status !== "success") {
    return data({ message: t(`orgs:errors.${firstErrorKey(submission.error)}`) }, { status: 400 });
  }
  const change = submission.value;
  const keep = new URLSearchParams(new URL(request.url).search);
  keep.delete("index");
  keep.delete("done");
  // Roles and memberships decide who sees people's records: the org admin's password and code
  // again first (decision 016); resending an invitation changes nobody's access.
  if (change.intent !== "resendInvitation") {
    await requireRecentAuth(request, { returnTo: `/${lang}/orgs/${orgId}/members${keep.size ? `?${keep}` : ""}` });
  }
  if (change.intent === "resendInvitation") {
    // Scoped to this organization in the query: another organization's invitation is not found.
    const resent = await resendInvitation(user.id, orgId, change.invitationId);
    if (!resent.ok && resent.reason === "notFound") throw notFound();
    if (!resent.ok) {
      return data(
        { message: t("orgs:errors.tooSoon", { minutes: RESEND_WINDOW_MINUTES }) },
        { status: 429, headers: { "Retry-After": String(RESEND_WINDOW_MINUTES * 60) } },
      );
    }
  }
  const outcome =
    change.intent === "resendInvitation"
      ? ({ ok: true, done: "invitationResent" } as const)
      : await changeMemberRoles(user.id, orgId, change);
  if (!outcome.ok && outcome.reason === "notFound") throw notFound();
  if (!outcome.ok) return data({ message: t(`orgs:errors.${outcome.reason}`) }, { status: 400 });
  keep.set("done", outcome.done);
  throw redirect(`/${lang}/orgs/${orgId}/members?${keep}`);
}

export default function MembersPage() {
  const { lang, org, selfId, q, page, pageCount, total, members, notice, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("orgs");
  const { t: tc } = useTranslation();
  const { t: tcr } = useTranslation("credentials");
  const role = (r: string) => tc(`roles.${r as "learner"}`, { defaultValue: r });
  const base = `/${lang}/orgs/${org.id}/members`;
  const pageLink = (p: number) => `${base}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/orgs/${org.id}`}>← {org.name}</Link>
      </p>
      <h1>{t("members.title", { org: org.name })}</h1>
      <p>{t("members.intro")}</p>
      <FormOutcome notice={notice} actionData={actionData} />
      <Form method="get" role="search" className="filters">
        <div className="field">
          <label htmlFor="members-q">{t("progress.search")}</label>
          <input id="members-q" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("progress.apply")}
        </button>
      </Form>
      <p>{t("members.count", { count: total })}</p>
      <div className="table-wrap">
        <table className="table--wide">
          <caption className="visually-hidden">{t("members.title", { org: org.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("progress.columns.name")}</th>
              <th scope="col">{t("members.roles")}</th>
              <th scope="col">{tcr("current.column")}</th>
              <th scope="col">{t("members.since")}</th>
              <th scope="col">{t("members.change")}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">
                  <Link to={`${base}/${m.userId}`}>{m.name}</Link>
                  <span className="table-sub break-anywhere">{m.email}</span>
                  {m.active ? null : <span className="badge badge--warning">{t("members.deactivated")}</span>}
                </th>
                <td>
                  <ul className="plain-list">
                    {m.roles.map((r) => (
                      <li key={r}>
                        {role(r)}
                        {isPendingVerification(r, m.verified) ? (
                          <span className="badge badge--warning">{t("members.pendingVerification")}</span>
                        ) : null}
                        {m.userId === selfId ? null : (
                          <RowAction
                            inline
                            intent="revokeRole"
                            fields={{ userId: m.userId, role: r }}
                            label={t("members.revokeLabel", { role: role(r), name: m.name })}
                          >
                            {t("members.revoke")}
                          </RowAction>
                        )}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <CurrentCredentials credentials={m.credentials} />
                </td>
                <td>{m.since}</td>
                <td>
                  {m.userId === selfId ? (
                    <span className="muted">{t("members.self")}</span>
                  ) : (
                    <>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="grantRole" />
                        <input type="hidden" name="userId" value={m.userId} />
                        <select
                          id={`grant-${m.userId}`}
                          name="role"
                          aria-label={t("members.grantLabel", { name: m.name })}
                        >
                          {ROLES.filter((r) => !m.roles.includes(r)).map((r) => (
                            <option key={r} value={r}>
                              {role(r)}
                            </option>
                          ))}
                        </select>{" "}
                        <button type="submit" className="button button--small">
                          {t("members.grant")}
                        </button>
                      </Form>
                      <RowAction
                        inline
                        tone="danger"
                        intent="endMembership"
                        fields={{ userId: m.userId }}
                        label={t("members.endLabel", { name: m.name })}
                      >
                        {t("members.end")}
                      </RowAction>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t("members.endNote")}</p>
      {pageCount > 1 ? (
        <nav aria-label={t("progress.pages")} className="pagination">
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("progress.previous")}</Link> : null}
          <span>{t("progress.pageOf", { page, count: pageCount })}</span>
          {page < pageCount ? <Link to={pageLink(page + 1)}>{t("progress.next")}</Link> : null}
        </nav>
      ) : null}
      <h2 id="invitations">{t("members.invitationsTitle")}</h2>
      <p>{t("members.invitationsIntro")}</p>
      {invitations.total === 0 ? (
        <p>{t("members.noInvitations")}</p>
      ) : (
        <>
          <p>
            {t("members.invitationsCount", { count: invitations.total })}
            {invitations.total > invitations.rows.length
              ? ` ${t("members.invitationsShown", { shown: invitations.rows.length })}`
              : null}
          </p>
          <div className="table-wrap">
            <table className="table--medium">
              <caption className="visually-hidden">{t("members.invitationsTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("progress.columns.name")}</th>
                  <th scope="col">{t("members.invitationRole")}</th>
                  <th scope="col">{t("members.invitationStatus")}</th>
                  <th scope="col">{t("members.change")}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.rows.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      {i.name}
                      <span className="table-sub break-anywhere">{i.email}</span>
                    </th>
                    <td>{role(i.role)}</td>
                    <td>
                      {i.expired ? (
                        <span className="badge badge--warning">
                          {t("members.invitationExpired", { date: i.expires })}
                        </span>
                      ) : (
                        t("members.invitationExpires", { date: i.expires })
                      )}
                    </td>
                    <td>
                      <RowAction
                        intent="resendInvitation"
                        fields={{ invitationId: i.id }}
                        label={t("members.resendLabel", { name: i.name })}
                      >
                        {t("members.resend")}
                      </RowAction>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
