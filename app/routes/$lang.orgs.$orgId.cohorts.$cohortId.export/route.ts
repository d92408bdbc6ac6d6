// The cohort's progress as CSV, with the filters of the page's URL, in the viewer's language.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { orNotFound, requireLang } from "~/modules/web/index.ts";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { getCourse } from "~/modules/content/index.server.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { formatDate } from "~/modules/i18n/index.ts";
import { parseProgressQuery } from "~/modules/orgs/index.ts";
import { allProgressRows, cohortOfCaller, toCsv, type CsvCell } from "~/modules/orgs/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user, orgIds } = await requirePermission(request, "read:cohorts:org");
  const orgId = params.orgId ?? "";
  const cohort = orNotFound(await cohortOfCaller(orgIds, orgId, params.cohortId));
  const t = await getFixedT(lang);
  const query = parseProgressQuery(new URL(request.url).searchParams);
  const header: CsvCell[] = [t("orgs:csv.name"), t("orgs:csv.email"), t("orgs:csv.org"), t("orgs:csv.country")];
  for (const { courseId } of cohort.courses) {
    const title = getCourse(courseId)?.title[lang] ?? courseId;
    header.push(
      `${title}: ${t("orgs:csv.lessonsDone")}`,
      `${title}: ${t("orgs:csv.lessonsTotal")}`,
      `${title}: ${t("orgs:csv.bestScore")}`,
      `${title}: ${t("orgs:csv.attempts")}`,
      `${title}: ${t("orgs:csv.completedOn")}`,
      `${title}: ${t("orgs:csv.overdue")}`,
    );
  }
  const rows: CsvCell[][] = [header];
  for await (const page of allProgressRows(cohort, query, { timeZone: user.timeZone })) {
    for (const row of page) {
      const cells: CsvCell[] = [row.name, row.email, row.orgName, t(`orgs:countries.${row.country as "US"}`)];
      for (const c of row.courses) {
        // Another organization's person, seen by a partner: completion only.
        cells.push(
          row.full ? c.lessonsDone : null,
          row.full ? c.lessonsTotal : null,
          row.full && c.bestScore !== null ? Number(c.bestScore.toFixed(1)) : null,
          row.full ? c.attempts : null,
          c.completedAt ? formatDate(c.completedAt, lang, user.timeZone) : null,
          row.full ? (c.overdue ? t("orgs:csv.yes") : t("orgs:csv.no")) : null,
        );
      }
      rows.push(cells);
    }
  }
  const slug =
    cohort.name
      .normalize("NFD")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase() || "cohort";
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-${lang}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
