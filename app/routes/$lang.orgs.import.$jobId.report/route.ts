// An import's report as a CSV download in the viewer's language (resource route).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireLang } from "~/modules/web/index.ts";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { findImportJob, reportCsv } from "~/modules/orgs/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { orgIds } = await requirePermission(request, "update:members:org");
  const job = params.jobId ? await findImportJob(params.jobId, orgIds) : null;
  if (!job || job.status === "discarded") notFound();
  await requirePermission(request, "update:members:org", job.orgId);
  const csv = await reportCsv(job.id, lang);
  const base =
    job.fileName
      .replace(/\.[^.]*$/, "")
      .replace(/[^\p{L}\p{N}._-]+/gu, "-")
      .slice(0, 80) || "import";
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${base.replace(/[^\x20-\x7e]/g, "_")}-report-${lang}.csv"; filename*=UTF-8''${encodeURIComponent(`${base}-report-${lang}.csv`)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
