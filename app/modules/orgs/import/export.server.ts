// The report of an import as CSV, in the viewer's language: UTF-8 with a byte-order mark so
// Excel shows accents right, and every cell that a spreadsheet would run as a formula
// (starting with = + - @, a tab or a carriage return) prefixed with an apostrophe.
import { stringify } from "csv-stringify/sync";
import type { Lang } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { importRowsForExport } from "./jobs.server.ts";

export function escapeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export async function reportCsv(jobId: string, lang: Lang): Promise<string> {
  const t = await getFixedT(lang);
  const rows = await importRowsForExport(jobId);
  const header = [
    t("orgImport:job.columns.line"),
    t("orgImport:job.columns.name"),
    t("orgImport:job.columns.email"),
    t("orgImport:job.columns.role"),
    t("orgImport:job.columns.cohort"),
    t("orgImport:job.columns.result"),
    t("orgImport:job.columns.details"),
  ];
  const body = rows.map((r) => {
    const result = r.outcome
      ? t(`orgImport:outcomes.${r.outcome}` as "orgImport:outcomes.new")
      : r.plan === "error"
        ? t("orgImport:plans.error")
        : `${t(`orgImport:plans.${r.plan}` as "orgImport:plans.new")} — ${t("orgImport:outcomes.pending")}`;
    const reason = r.reason ? t(`orgImport:reasons.${r.reason}` as "orgImport:reasons.nameMissing", { line: "?" }) : "";
    return [String(r.line), r.name, r.email, r.role, r.cohort, result, reason].map(escapeFormula);
  });
  return "\uFEFF" + stringify([header, ...body], { record_delimiter: "\r\n" });
}
