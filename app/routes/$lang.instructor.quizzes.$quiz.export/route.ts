// The per-item figures as a CSV download (resource route: no page, just the file).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/index.server.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { orNotFound, requireLang } from "~/modules/web/index.ts";
import { CSV_COLUMNS, itemStatsCsv, quizForStats, quizItemStatistics } from "~/modules/quiz/index.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { orgIds } = await requirePermission(request, "read:item-stats:org");
  const quiz = orNotFound(quizForStats(params.quiz));
  const t = await getFixedT(lang);
  const stats = await quizItemStatistics(quiz, orgIds, lang);
  const header = Object.fromEntries(CSV_COLUMNS.map((c) => [c, t(`stats:csv.${c}`)])) as Record<
    (typeof CSV_COLUMNS)[number],
    string
  >;
  const csv = itemStatsCsv(stats, { header, yes: t("stats:csv.yes"), no: t("stats:csv.no") });
  const filename = `${t("stats:csv.filename")}-${quiz.id}-${lang}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
