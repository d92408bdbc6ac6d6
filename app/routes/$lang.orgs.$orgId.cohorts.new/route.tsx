import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormSummary } from "~/components/forms.tsx";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { listCourses } from "~/modules/content/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { notFound, requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { cohortSchema, dueDates, firstErrorKey, isOrgErrorKey } from "~/modules/orgs/index.ts";
import { createCohort, getOrganization } from "~/modules/orgs/index.server.ts";

async function context(request: Request, orgId: string | undefined) {
  const { user, orgIds } = await requirePermission(request, "update:cohorts:org");
  const org = orgId && orgIds.includes(orgId) ? await getOrganization(orgId) : null;
  if (!org) throw notFound();
  return { user, org };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { org } = await context(request, params.orgId);
  const t = await getFixedT(lang);
  return {
    lang,
    title: t("orgs:newCohort.title"),
    org: { id: org.id, name: org.name },
    courses: listCourses().map((c) => ({ id: c.id, title: c.title[lang] })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const { user, org } = await context(request, params.orgId);
  const submission = parseWithZod(await readForm(request), { schema: cohortSchema });
  const t = await getFixedT(lang);
  if (submission.status !== "success") {
    return data(
      { result: submission.reply(), message: t(`orgs:errors.${firstErrorKey(submission.error)}`) },
      { status: 400 },
    );
  }
  const { name, startsOn, endsOn } = submission.value;
  const outcome = await createCohort(user.id, org.id, { name, startsOn, endsOn, courses: dueDates(submission.value) });
  if (!outcome.ok) {
    return data(
      {
        result: submission.reply({ fieldErrors: { courseIds: [outcome.reason] } }),
        message: t(`orgs:errors.${outcome.reason}`),
      },
      { status: 400 },
    );
  }
  throw redirect(`/${lang}/orgs/${org.id}/cohorts/${outcome.cohortId}?done=created`);
}

export default function NewCohort() {
  const { lang, org, courses } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("orgs");
  const [form, fields] = useForm<{ name: string; startsOn: string; endsOn: string; courseIds: string[] }>({
    id: "new-cohort",
    lastResult: actionData?.result,
  });
  const errorText = (errors: string[] | undefined) =>
    errors?.length ? errors.map((e) => t(`errors.${isOrgErrorKey(e) ? e : "invalid"}`)).join(" ") : null;
  const fieldErrors = (actionData?.result?.error ?? {}) as Record<string, string[] | null>;
  const dateField = (meta: typeof fields.startsOn, label: string) => (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <input {...getInputProps(meta, { type: "date" })} key={meta.key} />
      {errorText(meta.errors) ? (
        <p id={meta.errorId} className="field__error">
          {errorText(meta.errors)}
        </p>
      ) : null}
    </div>
  );
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/orgs/${org.id}`}>← {org.name}</Link>
      </p>
      <h1>{t("newCohort.title")}</h1>
      <p>{t("newCohort.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack form-narrow">
        <FormSummary message={actionData?.message} />
        <div className="field">
          <label htmlFor={fields.name.id}>{t("newCohort.name")}</label>
          <input {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} maxLength={120} />
          {errorText(fields.name.errors) ? (
            <p id={fields.name.errorId} className="field__error">
              {errorText(fields.name.errors)}
            </p>
          ) : null}
        </div>
        {dateField(fields.startsOn, t("newCohort.startsOn"))}
        {dateField(fields.endsOn, t("newCohort.endsOn"))}
        <fieldset className="stack">
          <legend>{t("newCohort.courses")}</legend>
          <p className="field__hint">{t("newCohort.coursesHint")}</p>
          {courses.map((c) => (
            <div key={c.id} className="field">
              <div className="field--checkbox">
                <input type="checkbox" id={`course-${c.id}`} name="courseIds" value={c.id} />
                <label htmlFor={`course-${c.id}`}>{c.title}</label>
              </div>
              <label htmlFor={`due-${c.id}`}>{t("newCohort.dueOn", { course: c.title })}</label>
              <input type="date" id={`due-${c.id}`} name={`due.${c.id}`} />
              {errorText(fieldErrors[`due.${c.id}`] ?? undefined) ? (
                <p className="field__error">{errorText(fieldErrors[`due.${c.id}`] ?? undefined)}</p>
              ) : null}
            </div>
          ))}
          {errorText(fields.courseIds.errors) ? (
            <p className="field__error">{errorText(fields.courseIds.errors)}</p>
          ) : null}
        </fieldset>
        <button type="submit" className="button">
          {t("newCohort.submit")}
        </button>
      </Form>
    </div>
  );
}
