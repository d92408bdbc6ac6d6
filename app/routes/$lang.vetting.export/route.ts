// The supervisor dashboard as CSV: the filters and sorting of the page's URL, every page, in
// the reader's language (BOM, CRLF, formulas defused: the orgs CSV writer).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { currentCredentialsOf } from "~/modules/credentials/index.server.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { toCsv, type CsvCell } from "~/modules/orgs/index.server.ts";
import { allDashboardRows, noteForbidden } from "~/modules/vetting/index.server.ts";
import { parseDashboardQuery } from "~/modules/vetting/index.ts";
import { requireLang } from "~/modules/web/index.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user, orgIds } = await requirePermission(request, "read:vetting-status:org").catch(
    noteForbidden(request, "export", context),
  );
  const t = await getFixedT(lang);
  const query = parseDashboardQuery(new URL(request.url).searchParams);
  const c = (key: string) => t(`readiness:csv.${key}` as "readiness:csv.name");
  const rows: CsvCell[][] = [
    ["name", "email", "org", "country", "profile", "status", "lapse", "reasons", "credentials"].map(c),
  ];
  const pages = allDashboardRows({
    orgIds,
    query,
    lang,
    timeZone: user.timeZone,
    now: new Date(),
    currentCredentials: currentCredentialsOf,
  });
  for await (const page of pages) {
    for (const r of page) {
      rows.push([
        r.name,
        r.email,
        r.orgName,
        t(`orgs:countries.${r.country === "MX" || r.country === "US" ? r.country : "other"}`),
        r.profile,
        t(`vetting:status.${r.status}`),
        r.lapse,
        r.reasons.join("; "),
        r.credentials.join("; "),
      ]);
    }
  }
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="vetting-status-${lang}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
