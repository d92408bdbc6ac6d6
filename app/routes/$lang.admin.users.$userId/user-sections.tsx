import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isAdminErrorKey } from "~/modules/admin/index.ts";
import { isPendingVerification, ROLES } from "~/modules/auth/index.ts";

type User = {
  id: string;
  name: string;
  email: string;
  language: string;
  timeZone: string;
  createdAt: string;
  verified: boolean;
  deactivatedAt: string | null;
  isPlatformAdmin: boolean;
  locked: boolean;
  memberships: { orgId: string; orgName: string; roles: string[] }[];
};

function useRoleLabel() {
  const { t } = useTranslation();
  return (role: string) => t(`roles.${role}` as "roles.learner", { defaultValue: role });
}

export function UserDetails({ user }: { user: User }) {
  const { t } = useTranslation("admin");
  const { t: ta } = useTranslation("auth");
  const language = user.language === "es" || user.language === "en" ? ta(`languages.${user.language}`) : user.language;
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">{t("user.details")}</h2>
      <dl className="details">
        <dt>{t("user.fields.email")}</dt>
        <dd className="break-anywhere">{user.email}</dd>
        <dt>{t("user.fields.verified")}</dt>
        <dd>{user.verified ? t("yes") : t("no")}</dd>
        <dt>{t("user.fields.status")}</dt>
        <dd>
          {user.deactivatedAt ? t("user.statusDeactivated", { date: user.deactivatedAt }) : t("user.statusActive")}
        </dd>
        <dt>{t("user.fields.lockout")}</dt>
        <dd>{user.locked ? t("user.lockedYes") : t("user.lockedNo")}</dd>
        <dt>{t("user.fields.platformAdmin")}</dt>
        <dd>
          {user.isPlatformAdmin ? t("yes") : t("no")}
          {user.isPlatformAdmin && !user.verified ? ` (${t("pendingVerification")})` : null}
        </dd>
        <dt>{t("user.fields.language")}</dt>
        <dd>{language}</dd>
        <dt>{t("user.fields.timeZone")}</dt>
        <dd>{user.timeZone.replace(/_/g, " ")}</dd>
        <dt>{t("user.fields.createdAt")}</dt>
        <dd>{user.createdAt}</dd>
      </dl>
    </section>
  );
}

export function RolesTable({ user }: { user: User }) {
  const { t } = useTranslation("admin");
  const roleLabel = useRoleLabel();
  const rows = user.memberships.flatMap((m) => m.roles.map((role) => ({ ...m, role })));
  return (
    <section aria-labelledby="roles-heading">
      <h2 id="roles-heading">{t("user.roles.title")}</h2>
      {rows.some((row) => isPendingVerification(row.role, user.verified)) ? (
        <p className="notice notice--warning">{t("pendingVerificationHint")}</p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t("user.roles.none", { name: user.name })}</p>
      ) : (
        <div className="table-wrap">
          <table className="table--medium">
            <caption className="visually-hidden">{t("user.roles.caption", { name: user.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("user.roles.org")}</th>
                <th scope="col">{t("user.roles.role")}</th>
                <th scope="col">{t("user.roles.action")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.orgId}:${row.role}`}>
                  <td>{row.orgName}</td>
                  <td>
                    {roleLabel(row.role)}
                    {isPendingVerification(row.role, user.verified) ? (
                      <>
                        {" "}
                        <span className="badge badge--warning">{t("pendingVerification")}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revokeRole" />
                      <input type="hidden" name="orgId" value={row.orgId} />
                      <input type="hidden" name="role" value={row.role} />
                      <button
                        type="submit"
                        className="button button--secondary"
                        aria-label={t("user.roles.removeLabel", { role: roleLabel(row.role), org: row.orgName })}
                      >
                        {t("user.roles.remove")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AdminSelect({
  meta,
  label,
  options,
}: {
  meta: FieldMetadata<string>;
  label: string;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation("admin");
  const errors = meta.errors ?? [];
  const invalid = errors.length > 0;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <select
        id={meta.id}
        name={meta.name}
        key={meta.key}
        defaultValue={(meta.initialValue as string | undefined) ?? ""}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? meta.errorId : undefined}
      >
        <option value="">{t("user.grant.choose")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {invalid ? (
        <p id={meta.errorId} className="field__error">
          {errors.map((key) => t(`errors.${isAdminErrorKey(key) ? key : "invalid"}`)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function GrantRoleForm({
  organizations,
  lastResult,
}: {
  organizations: { id: string; name: string }[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("admin");
  const roleLabel = useRoleLabel();
  const [form, fields] = useForm<{ intent: string; orgId: string; role: string }>({ id: "grant-role", lastResult });
  return (
    <section aria-labelledby="grant-heading">
      <h2 id="grant-heading">{t("user.grant.title")}</h2>
      {organizations.length === 0 ? (
        <p>{t("user.grant.noOrgs")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack form-narrow">
          <p className="muted">{t("user.grant.intro")}</p>
          <input type="hidden" name="intent" value="grantRole" />
          <AdminSelect
            meta={fields.orgId}
            label={t("user.grant.org")}
            options={organizations.map((o) => ({ value: o.id, label: o.name }))}
          />
          <AdminSelect
            meta={fields.role}
            label={t("user.grant.role")}
            options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
          />
          <button type="submit" className="button">
            {t("user.grant.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}

export function AccessForms({ user, isSelf }: { user: User; isSelf: boolean }) {
  const { t } = useTranslation("admin");
  const action = (intent: string, label: string, danger = false) => (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={danger ? "button button--danger" : "button"}>
        {label}
      </button>
    </Form>
  );
  return (
    <section aria-labelledby="access-heading">
      <h2 id="access-heading">{t("user.access.title")}</h2>
      {user.deactivatedAt ? (
        <>
          <p>{t("user.access.reactivateIntro", { name: user.name })}</p>
          {action("reactivate", t("user.access.reactivate"))}
        </>
      ) : isSelf ? (
        <p>{t("user.access.selfNote")}</p>
      ) : (
        <>
          <p>{t("user.access.deactivateIntro", { name: user.name })}</p>
          {action("deactivate", t("user.access.deactivate"), true)}
        </>
      )}
      {user.locked ? (
        <>
          <p>{t("user.access.lockoutIntro", { name: user.name })}</p>
          {action("clearLockout", t("user.access.clearLockout"))}
        </>
      ) : (
        <p>{t("user.access.notLocked", { name: user.name })}</p>
      )}
    </section>
  );
}
