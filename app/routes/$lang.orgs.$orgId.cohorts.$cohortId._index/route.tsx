import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { currentCredentialsOf } from "~/modules/credentials/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { notFound, orNotFound, requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { cohortActionSchema, firstErrorKey, parseProgressQuery, PROGRESS_PAGE_SIZE } from "~/modules/orgs/index.ts";
import { cohortOfCaller, cohortProgress, partnerCandidates } from "~/modules/orgs/index.server.ts";
import { performCohortAction } from "./action.server.ts";
import { CohortHeader, RosterForms } from "./cohort-sections.tsx";
import { ProgressTable } from "./progress-table.tsx";
import { cohortView, progressView } from "./view.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user, orgIds } = await requirePermission(request, "read:cohorts:org");
  const orgId = params.orgId ?? "";
  const cohort = orNotFound(await cohortOfCaller(orgIds, orgId, params.cohortId));
  const url = new URL(request.url);
  const query = parseProgressQuery(url.searchParams);
  const progress = await cohortProgress(cohort, query, { timeZone: user.timeZone, pageSize: PROGRESS_PAGE_SIZE });
  // Current credentials of the people the caller sees in full (their own organization's).
  const credentials = await currentCredentialsOf(progress.rows.filter((r) => r.full).map((r) => r.userId));
  const t = await getFixedT(lang);
  const done = url.searchParams.get("done");
  return {
    lang,
    title: cohort.name,
    orgId,
    cohort: cohortView(cohort, lang),
    query,
    progress: progressView(progress, lang, user.timeZone, credentials),
    candidates: cohort.isOwner && !cohort.archivedAt ? await partnerCandidates(cohort) : [],
    notice:
      done && /^[a-zA-Z]{1,30}$/.test(done) ? t(`orgs:done.${done}` as "orgs:done.added", { defaultValue: "" }) : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const { user, orgIds } = await requirePermission(request, "update:cohorts:org");
  const orgId = params.orgId ?? "";
  const cohort = orNotFound(await cohortOfCaller(orgIds, orgId, params.cohortId));
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: cohortActionSchema });
  const t = await getFixedT(lang);
  const intent = String(form.get("intent") ?? "");
  if (submission.status !== "success") {
    const message = t(`orgs:errors.${firstErrorKey(submission.error)}`);
    return data({ intent, result: submission.reply(), message, report: null }, { status: 400 });
  }
  const outcome = await performCohortAction(user.id, cohort, submission.value);
  if (!outcome.ok && outcome.status === 404) throw notFound();
  if (!outcome.ok) {
    const message = t(`orgs:errors.${outcome.reason}`);
    return data(
      { intent, result: submission.reply({ formErrors: [outcome.reason] }), message, report: null },
      { status: outcome.status },
    );
  }
  if (outcome.report) {
    const r = outcome.report;
    const message = t("orgs:cohort.addReport", { added: r.added, already: r.alreadyIn, missing: r.notMembers.length });
    return { intent, result: submission.reply({ resetForm: true }), message, report: r.notMembers };
  }
  throw redirect(`/${lang}/orgs/${orgId}/cohorts/${cohort.id}?done=${outcome.done}`);
}

export default function CohortPage() {
  const { lang, orgId, cohort, query, progress, candidates, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("orgs");
  return (
    <div className="page">
      <p>
        <Link to={`/${lang}/orgs/${orgId}`}>← {t("cohort.back")}</Link>
      </p>
      <h1>{cohort.name}</h1>
      {notice && !actionData ? <Notice tone="success">{notice}</Notice> : null}
      {actionData?.message ? (
        <Notice tone={actionData.report ? "info" : "error"}>
          {actionData.message}
          {actionData.report?.length ? ` ${actionData.report.join(", ")}` : null}
        </Notice>
      ) : null}
      <CohortHeader cohort={cohort} lang={lang} orgId={orgId} />
      <ProgressTable lang={lang} orgId={orgId} cohort={cohort} query={query} progress={progress} />
      <RosterForms cohort={cohort} candidates={candidates} lastIntent={actionData?.intent} />
    </div>
  );
}
