// The audit trail as CSV, with the filters of the page's URL (BOM, formulas defused).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { userNames } from "~/modules/admin/index.server.ts";
import { allAuditEvents } from "~/modules/audit/index.server.ts";
import { parseAuditQuery } from "~/modules/audit/index.ts";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { toCsv, type CsvCell } from "~/modules/orgs/index.server.ts";
import { requireLang } from "~/modules/web/index.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  await requirePermission(request, "read:users:any");
  const t = await getFixedT(lang);
  const query = parseAuditQuery(new URL(request.url).searchParams);
  const rows: CsvCell[][] = [
    [
      t("admin:audit.seq"),
      t("admin:audit.at"),
      t("admin:audit.action"),
      t("admin:audit.actor"),
      t("admin:audit.subject"),
      t("admin:audit.data"),
      "actorId",
    ],
  ];
  for await (const part of allAuditEvents(query.filter)) {
    const names = await userNames(part.map((r) => r.actorId).filter((id): id is string => id !== null));
    for (const r of part)
      rows.push([
        r.seq,
        r.at.toISOString(),
        r.action,
        r.actorId ? (names.get(r.actorId) ?? "") : t("admin:audit.system"),
        r.subject,
        r.data,
        r.actorId,
      ]);
  }
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${lang}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
