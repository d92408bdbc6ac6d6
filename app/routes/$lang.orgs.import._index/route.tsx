// Upload a roster (CSV) → the dry run is stored as an import job and its report opens.
// The path ends in /import so server/guards.mjs allows uploads of up to 20 MB here.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { env } from "~/env.server.ts";
import { Notice } from "~/components/forms.tsx";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { formatDateTime, formatNumber } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { planImport, recentImportJobs } from "~/modules/orgs/index.server.ts";
import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "~/modules/orgs/index.ts";
import { chooseOrg } from "./org.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const auth = await requirePermission(request, "update:members:org");
  const org = chooseOrg(auth, new URL(request.url).searchParams.get("org"));
  const t = await getFixedT(lang);
  const jobs = await recentImportJobs(org.orgId);
  return {
    lang,
    title: t("orgImport:upload.title"),
    org: { id: org.orgId, name: org.orgName },
    retentionDays: env.IMPORT_ROW_RETENTION_DAYS,
    orgs: auth.memberships.filter((m) => auth.orgIds.includes(m.orgId)).map((m) => ({ id: m.orgId, name: m.orgName })),
    jobs: jobs.map((j) => ({
      id: j.id,
      fileName: j.fileName,
      uploaded: formatDateTime(j.createdAt, lang),
      rows: formatNumber(j.totalRows, lang),
      status: j.status,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

type FileRefusal = { error: string; columns?: string; line?: number };

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const auth = await requirePermission(request, "update:members:org");
  const form = await readForm(request);
  const org = chooseOrg(auth, String(form.get("org") ?? ""));
  const { user } = await requirePermission(request, "update:members:org", org.orgId);
  const file = form.get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) {
    return data<FileRefusal>({ error: "noFile" }, { status: 400 });
  }
  if (file.size > IMPORT_MAX_BYTES) return data<FileRefusal>({ error: "tooLarge" }, { status: 413 });
  const result = await planImport({
    orgId: org.orgId,
    actorId: user.id,
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  if (!result.ok) {
    return data<FileRefusal>(
      { error: result.error, columns: result.columns?.join(", "), line: result.line },
      { status: result.error === "tooLarge" ? 413 : 400 },
    );
  }
  throw redirect(`/${lang}/orgs/import/${result.jobId}`);
}

export default function ImportUpload() {
  const { lang, org, orgs, jobs, retentionDays } = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation("orgImport");
  const columns = IMPORT_COLUMNS;
  const rules = ["join", "joint", "newAccounts", "roles", "accountFields", "rerun", "pace", "retention"] as const;
  const refusalText = refusal
    ? refusal.error === "malformed" && refusal.line === undefined
      ? t("fileErrors.malformedNoLine")
      : t(`fileErrors.${refusal.error}` as "fileErrors.noFile", {
          columns: refusal.columns,
          line: refusal.line,
          max: formatNumber(IMPORT_MAX_ROWS, lang),
        })
    : null;
  return (
    <div className="page page--narrow">
      <h1>{t("upload.title")}</h1>
      <p>{t("upload.intro")}</p>
      {orgs.length > 1 ? (
        <nav aria-label={t("upload.org")}>
          <ul className="plain-list">
            {orgs.map((o) => (
              <li key={o.id}>
                {o.id === org.id ? (
                  <strong aria-current="page">{o.name}</strong>
                ) : (
                  <Link to={`?org=${encodeURIComponent(o.id)}`}>{o.name}</Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <h2>{t("upload.columnsTitle")}</h2>
      <ul>
        {columns.map((c) => (
          <li key={c}>{t(`upload.columns.${c}`)}</li>
        ))}
      </ul>
      <p className="muted">{t("upload.columnsNote")}</p>
      <h2>{t("upload.rulesTitle")}</h2>
      <ul>
        {rules.map((r) => (
          <li key={r}>{t(`upload.rules.${r}`, { org: org.name, days: retentionDays })}</li>
        ))}
      </ul>
      {refusalText ? <Notice tone="error">{refusalText}</Notice> : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <input type="hidden" name="org" value={org.id} />
        <p>
          {t("upload.org")}: <strong>{org.name}</strong>
        </p>
        <div className="field">
          <label htmlFor="import-file">{t("upload.file")}</label>
          <input id="import-file" name="file" type="file" accept=".csv,.txt,text/csv" required />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t("upload.submit")}
        </button>
      </Form>
      <h2>{t("upload.recentTitle")}</h2>
      {jobs.length === 0 ? (
        <p>{t("upload.noRecent")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table--medium">
            <thead>
              <tr>
                <th scope="col">{t("upload.recent.file")}</th>
                <th scope="col">{t("upload.recent.uploaded")}</th>
                <th scope="col">{t("upload.recent.rows")}</th>
                <th scope="col">{t("upload.recent.status")}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={j.id}>
                  <td>
                    <Link to={`/${lang}/orgs/import/${j.id}`}>{j.fileName}</Link>
                  </td>
                  <td>{j.uploaded}</td>
                  <td>{j.rows}</td>
                  <td>{t(`statuses.${j.status}` as "statuses.planned", { defaultValue: j.status })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
