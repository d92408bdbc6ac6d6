// The organizations the signed-in person administers; a platform admin sees every one and
// creates new ones here, inviting each one's first org admin by email.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormSummary, Notice } from "~/components/forms.tsx";
import { getMemberships, requireUser } from "~/modules/auth/index.server.ts";
import { holds, orgsGranting } from "~/modules/auth/index.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { forbidden, requireLang, titleMeta } from "~/modules/web/index.ts";
import { LANGUAGES } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { COUNTRIES, createOrgSchema, firstErrorKey, isOrgErrorKey, ORG_KINDS } from "~/modules/orgs/index.ts";
import { createOrganizationWithAdmin, listOrganizations } from "~/modules/orgs/index.server.ts";

/** Org admins see their organizations, platform admins every one; anyone else is refused. */
async function viewer(request: Request) {
  const user = await requireUser(request);
  const memberships = await getMemberships(request, user.id);
  const subject = { isPlatformAdmin: user.isPlatformAdmin, emailVerified: user.emailVerified, memberships };
  const canCreate = holds(subject, "create:orgs:any");
  const adminOf = orgsGranting(subject, "read:members:org");
  if (!canCreate && adminOf.length === 0) throw forbidden();
  return { user, canCreate, adminOf };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { canCreate, adminOf } = await viewer(request);
  const t = await getFixedT(lang);
  const all = await listOrganizations();
  const url = new URL(request.url);
  return {
    lang,
    title: t("workspace:orgs.title"),
    canCreate,
    created: url.searchParams.get("created") === "1" ? t("orgs:done.orgCreated") : null,
    orgs: all.filter((o) => adminOf.includes(o.id)),
    allOrgs: canCreate ? all : [],
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const { user, canCreate } = await viewer(request);
  if (!canCreate) throw forbidden();
  const submission = parseWithZod(await readForm(request), { schema: createOrgSchema });
  const t = await getFixedT(lang);
  if (submission.status !== "success") {
    return data(
      { result: submission.reply(), message: t(`orgs:errors.${firstErrorKey(submission.error)}`) },
      { status: 400 },
    );
  }
  const outcome = await createOrganizationWithAdmin(user.id, submission.value);
  if (!outcome.ok) {
    return data(
      {
        result: submission.reply({ fieldErrors: { slug: [outcome.reason] } }),
        message: t(`orgs:errors.${outcome.reason}`),
      },
      { status: 400 },
    );
  }
  throw redirect(`/${lang}/orgs?created=1`);
}

export default function Organizations() {
  const { lang, canCreate, orgs, allOrgs, created } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("orgs");
  const { t: tw } = useTranslation("workspace");
  const { t: tc } = useTranslation();
  const { t: ta } = useTranslation("auth");
  const [form, fields] = useForm<{
    name: string;
    slug: string;
    kind: string;
    country: string;
    adminName: string;
    adminEmail: string;
    adminLanguage: string;
  }>({ id: "create-org", lastResult: actionData?.result, defaultValue: { adminLanguage: lang } });
  const kindLabel = (kind: string) => tc(`orgKinds.${kind as "other"}`, { defaultValue: kind });
  const errorText = (errors: string[] | undefined) =>
    errors?.length ? errors.map((e) => t(`errors.${isOrgErrorKey(e) ? e : "invalid"}`)).join(" ") : null;
  const input = (meta: typeof fields.name, label: string, type: "text" | "email" = "text") => (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <input {...getInputProps(meta, { type })} key={meta.key} />
      {errorText(meta.errors) ? (
        <p id={meta.errorId} className="field__error">
          {errorText(meta.errors)}
        </p>
      ) : null}
    </div>
  );
  const select = (meta: typeof fields.kind, label: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <select id={meta.id} name={meta.name} defaultValue={(meta.initialValue as string | undefined) ?? ""}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errorText(meta.errors) ? <p className="field__error">{errorText(meta.errors)}</p> : null}
    </div>
  );
  const list = (rows: typeof orgs) => (
    <ul>
      {rows.map((o) => (
        <li key={o.id}>
          {orgs.some((mine) => mine.id === o.id) ? <Link to={`/${lang}/orgs/${o.id}`}>{o.name}</Link> : o.name}{" "}
          <span className="muted">
            ({kindLabel(o.kind)} · {t(`countries.${o.country as "US"}`)})
          </span>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="page">
      <h1>{tw("orgs.title")}</h1>
      {created && !actionData ? <Notice tone="success">{created}</Notice> : null}
      {orgs.length ? (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">{t("index.mine")}</h2>
          <p>{t("index.mineIntro")}</p>
          {list(orgs)}
        </section>
      ) : null}
      {canCreate ? (
        <>
          <section aria-labelledby="all-heading">
            <h2 id="all-heading">{t("index.all")}</h2>
            {list(allOrgs)}
          </section>
          <section aria-labelledby="create-heading">
            <h2 id="create-heading">{t("index.create")}</h2>
            <p>{t("index.createIntro")}</p>
            <Form method="post" {...getFormProps(form)} className="stack form-narrow">
              <FormSummary message={actionData?.message} />
              {input(fields.name, t("index.name"))}
              {input(fields.slug, t("index.slug"))}
              {select(
                fields.kind,
                t("index.kind"),
                ORG_KINDS.map((k) => ({ value: k, label: kindLabel(k) })),
              )}
              {select(
                fields.country,
                t("index.country"),
                COUNTRIES.map((c) => ({ value: c, label: t(`countries.${c}`) })),
              )}
              {input(fields.adminName, t("index.adminName"))}
              {input(fields.adminEmail, t("index.adminEmail"), "email")}
              {select(
                fields.adminLanguage,
                t("index.adminLanguage"),
                LANGUAGES.map((l) => ({ value: l, label: ta(`languages.${l}`) })),
              )}
              <button type="submit" className="button">
                {t("index.submit")}
              </button>
            </Form>
          </section>
        </>
      ) : null}
    </div>
  );
}
