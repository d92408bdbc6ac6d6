// One import: the dry-run report (apply or discard), then its progress while it is applied
// (the page refreshes itself every few seconds, no script needed), then what was applied.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { env } from "~/env.server.ts";
import { Notice } from "~/components/forms.tsx";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { notFound, requireLang, titleMeta } from "~/modules/web/index.ts";
import { formatDateTime, formatNumber } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import {
  confirmImport,
  discardImport,
  findImportJob,
  importReport,
  outboxCounts,
  resumeIfStalled,
  startImportJob,
} from "~/modules/orgs/index.server.ts";
import { ROW_FILTERS, type RowFilter } from "~/modules/orgs/index.ts";

const REFRESH_SECONDS = 3;

/** The job, scoped to the organizations the caller administers in the query itself: else 404. */
async function jobFor(request: Request, jobId: string | undefined) {
  const { user, orgIds } = await requirePermission(request, "update:members:org");
  const job = jobId ? await findImportJob(jobId, orgIds) : null;
  if (!job) notFound();
  await requirePermission(request, "update:members:org", job.orgId);
  return { user, job };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { job } = await jobFor(request, params.jobId);
  await resumeIfStalled(job);
  const url = new URL(request.url);
  const show = url.searchParams.get("show") ?? "all";
  const filter: RowFilter = (ROW_FILTERS as readonly string[]).includes(show) ? (show as RowFilter) : "all";
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1;
  const [report, mail, t] = await Promise.all([
    importReport(job.id, filter, page),
    outboxCounts(job.id),
    getFixedT(lang),
  ]);
  const toApply = job.totalRows - job.errorRows;
  return {
    lang,
    title: t("orgImport:job.title", { file: job.fileName }),
    refresh: job.status === "running",
    job: {
      id: job.id,
      orgId: job.orgId,
      orgName: job.org.name,
      fileName: job.fileName,
      encoding: job.encoding,
      status: job.status,
      uploaded: formatDateTime(job.createdAt, lang),
      finished: job.finishedAt ? formatDateTime(job.finishedAt, lang) : null,
      total: formatNumber(toApply, lang),
      done: formatNumber(job.appliedRows, lang),
      toApply,
      errors: job.errorRows,
    },
    mail,
    filter,
    report,
    // A finished import whose rows the prune deleted (privacy notice: after this many days).
    rowsDeleted: job.status === "finished" && job.totalRows > 0 && report.total === 0 && filter === "all",
    retentionDays: env.IMPORT_ROW_RETENTION_DAYS,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...titleMeta(data),
  // While the import runs the page reloads itself: progress without any script.
  ...(data?.refresh ? [{ httpEquiv: "refresh", content: String(REFRESH_SECONDS) }] : []),
];

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const { user, job } = await jobFor(request, params.jobId);
  const intent = (await readForm(request)).get("intent");
  if (intent === "confirm") {
    if (await confirmImport(job.id, job.orgId, user.id)) startImportJob(job.id);
    throw redirect(`/${lang}/orgs/import/${job.id}`);
  }
  if (intent === "discard") {
    await discardImport(job.id, job.orgId);
    throw redirect(`/${lang}/orgs/import?org=${encodeURIComponent(job.orgId)}`);
  }
  throw new Response("Bad Request", { status: 400 });
}

type Note = { code: string; line?: number; role?: string };

export default function ImportJob() {
  const { lang, job, mail, filter, report, rowsDeleted, retentionDays } = useLoaderData<typeof loader>();
  const { t } = useTranslation("orgImport");
  const { t: tc } = useTranslation();
  const num = (n: number | undefined) => formatNumber(n ?? 0, lang);
  const role = (r: string | undefined) => tc(`roles.${r}` as "roles.learner", { defaultValue: r ?? "" });
  const note = (n: Note) => t(`notes.${n.code}` as "notes.joinsOrg", { line: n.line, role: role(n.role) });
  const applied = job.status !== "planned";
  const counts: Record<RowFilter, number> = {
    all: Object.values(report.planned).reduce((a, b) => a + (b ?? 0), 0),
    new: applied ? (report.outcomes.new ?? 0) : (report.planned.new ?? 0),
    member: applied ? (report.outcomes.member ?? 0) : (report.planned.member ?? 0),
    change: applied ? (report.outcomes.change ?? 0) : (report.planned.change ?? 0),
    error: (report.planned.error ?? 0) + (report.outcomes.error ?? 0),
    applied: (report.outcomes.new ?? 0) + (report.outcomes.member ?? 0) + (report.outcomes.change ?? 0),
    pending: Math.max(0, job.toApply - Object.values(report.outcomes).reduce((a, b) => a + (b ?? 0), 0)),
  };
  const filters = (applied ? ROW_FILTERS : ROW_FILTERS.filter((f) => f !== "applied" && f !== "pending")).filter(
    (f) => f === "all" || counts[f] > 0 || f === filter,
  );
  const pageLink = (page: number) => `?${new URLSearchParams({ show: filter, page: String(page) })}`;
  return (
    <div className="page">
      <p className="muted">
        <Link to={`/${lang}/orgs/import?org=${encodeURIComponent(job.orgId)}`}>{t("job.back")}</Link>
      </p>
      <h1>{t("job.title", { file: job.fileName })}</h1>
      <p className="muted">{t("job.meta", { org: job.orgName, date: job.uploaded, encoding: job.encoding })}</p>
      <Notice tone={job.status === "finished" ? "success" : "info"}>
        {t(`job.status.${job.status}` as "job.status.planned", {
          done: job.done,
          total: job.total,
          date: job.finished ?? "",
          applied: num(counts.applied),
          errors: num(counts.error),
        })}
      </Notice>
      {job.status === "planned" ? (
        <Form method="post" className="stack">
          <p>
            {job.toApply > 0
              ? t("job.applyNote", { rows: num(job.toApply), errors: num(job.errors) })
              : t("job.nothingToApply")}
          </p>
          <div className="button-row">
            {job.toApply > 0 ? (
              <button type="submit" name="intent" value="confirm" className="button">
                {t("job.apply")}
              </button>
            ) : null}
            <button type="submit" name="intent" value="discard" className="button button--secondary">
              {t("job.discard")}
            </button>
          </div>
        </Form>
      ) : null}
      {mail.sent + mail.waiting > 0 ? (
        <p>{t("job.mail", { sent: num(mail.sent), waiting: num(mail.waiting) })}</p>
      ) : null}
      {job.status !== "discarded" ? (
        <p>
          <a href={`/${lang}/orgs/import/${job.id}/report`} download>
            {t("job.download")}
          </a>
        </p>
      ) : null}
      <nav aria-label={t("job.filterLabel")}>
        <ul className="inline-list">
          {filters.map((f) => (
            <li key={f}>
              {f === filter ? (
                <strong aria-current="page">{t(`job.filters.${f}`, { n: num(counts[f]) })}</strong>
              ) : (
                <Link to={`?show=${f}`}>{t(`job.filters.${f}`, { n: num(counts[f]) })}</Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {rowsDeleted ? (
        <p>{t("job.rowsDeleted", { days: retentionDays })}</p>
      ) : report.rows.length === 0 ? (
        <p>{t("job.noRows")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table--medium">
            <caption>
              {t("job.caption", { file: job.fileName, page: num(report.page), pages: num(report.pages) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("job.columns.line")}</th>
                <th scope="col">{t("job.columns.name")}</th>
                <th scope="col">{t("job.columns.email")}</th>
                <th scope="col">{t("job.columns.role")}</th>
                <th scope="col">{t("job.columns.cohort")}</th>
                <th scope="col">{t("job.columns.result")}</th>
                <th scope="col">{t("job.columns.details")}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => {
                const errorLine = r.notes.find((n: Note) => n.code === "sameAccountAs")?.line;
                const result = r.outcome
                  ? t(`outcomes.${r.outcome}` as "outcomes.new")
                  : r.plan === "error"
                    ? t("plans.error")
                    : applied
                      ? `${t(`plans.${r.plan}` as "plans.new")} — ${t("outcomes.pending")}`
                      : t(`plans.${r.plan}` as "plans.new");
                const details =
                  r.reason !== null
                    ? [t(`reasons.${r.reason}` as "reasons.nameMissing", { line: errorLine })]
                    : r.notes.map(note);
                return (
                  <tr key={r.line}>
                    <td>{num(r.line)}</td>
                    <td>{r.name}</td>
                    <td>{r.email}</td>
                    <td>{r.role}</td>
                    <td>{r.cohort}</td>
                    <td>{result}</td>
                    <td>
                      {details.map((d, i) => (
                        <div key={i}>{d}</div>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {report.pages > 1 ? (
        <nav
          className="button-row"
          aria-label={t("job.caption", { file: job.fileName, page: num(report.page), pages: num(report.pages) })}
        >
          {report.page > 1 ? <Link to={pageLink(report.page - 1)}>{t("job.previous")}</Link> : null}
          {report.page < report.pages ? <Link to={pageLink(report.page + 1)}>{t("job.next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
