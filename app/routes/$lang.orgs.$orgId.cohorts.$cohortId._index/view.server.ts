// Loader data of the cohort page: dates and scores formatted in the viewer's language.
import { getCourse } from "~/modules/content/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { formatDate, formatNumber } from "~/modules/i18n/index.ts";
import type { CohortAccess, ProgressPage } from "~/modules/orgs/index.server.ts";
import { currentCredentialLabels, type CurrentCredential } from "~/modules/credentials/index.server.ts";

const day = (date: Date, lang: Lang) => formatDate(date, lang, "UTC");

export function cohortView(cohort: CohortAccess, lang: Lang) {
  return {
    id: cohort.id,
    name: cohort.name,
    ownerOrgName: cohort.ownerOrgName,
    isOwner: cohort.isOwner,
    archived: cohort.archivedAt !== null,
    joint: cohort.partners.some((p) => p.status === "accepted"),
    startsOn: day(cohort.startsOn, lang),
    endsOn: day(cohort.endsOn, lang),
    courses: cohort.courses.map((c) => ({
      id: c.courseId,
      title: getCourse(c.courseId)?.title[lang] ?? c.courseId,
      dueOn: c.dueOn ? day(c.dueOn, lang) : null,
    })),
    partners: cohort.partners,
    orgs: [
      { id: cohort.ownerOrgId, name: cohort.ownerOrgName },
      ...cohort.partners.filter((p) => p.status === "accepted").map((p) => ({ id: p.orgId, name: p.name })),
    ],
  };
}
export type CohortView = ReturnType<typeof cohortView>;

export function progressView(
  progress: ProgressPage,
  lang: Lang,
  timeZone: string,
  credentials: Map<string, CurrentCredential[]>,
) {
  return {
    total: progress.total,
    page: progress.page,
    pageCount: progress.pageCount,
    rows: progress.rows.map((row) => ({
      userId: row.userId,
      name: row.name,
      email: row.email,
      orgId: row.orgId,
      orgName: row.orgName,
      country: row.country,
      full: row.full,
      credentials: row.full ? currentCredentialLabels(credentials.get(row.userId), lang) : null,
      courses: row.courses.map((c) => ({
        courseId: c.courseId,
        lessons: `${formatNumber(c.lessonsDone, lang)} / ${formatNumber(c.lessonsTotal, lang)}`,
        bestScore:
          c.bestScore === null
            ? null
            : formatNumber(c.bestScore / 100, lang, { style: "percent", maximumFractionDigits: 1 }),
        attempts: c.attempts,
        completedAt: c.completedAt ? formatDate(c.completedAt, lang, timeZone) : null,
        overdue: c.overdue,
      })),
    })),
  };
}
export type ProgressView = ReturnType<typeof progressView>;
