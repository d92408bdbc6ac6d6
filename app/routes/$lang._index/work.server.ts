// The signed-in home's "your work first": per role, what to do next.
import { getMemberships, type SessionUser } from "~/modules/auth/index.server.ts";
import { holds, orgsGranting } from "~/modules/auth/index.ts";
import { getCourse } from "~/modules/content/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { formatDate } from "~/modules/i18n/index.ts";
import { learnerHome } from "~/modules/learning/index.server.ts";
import { lessonPath } from "~/modules/learning/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { instructorActivity, learnerDueItems, orgAdminCohorts } from "~/modules/orgs/index.server.ts";
import {
  listReadiness,
  officerWork,
  reasonText,
  STATUSES,
  vettingLabels,
  type WorkRow,
} from "~/modules/vetting/index.server.ts";

export async function homeWork(request: Request, user: SessionUser, lang: Lang) {
  const memberships = await getMemberships(request, user.id);
  const subject = { isPlatformAdmin: user.isPlatformAdmin, emailVerified: user.emailVerified, memberships };
  const adminOrgs = orgsGranting(subject, "read:cohorts:org");
  const instructorOrgs = orgsGranting(subject, "read:item-stats:org");
  const checkOrgs = orgsGranting(subject, "read:vetting-check:org");
  const statusOrgs = orgsGranting(subject, "read:vetting-status:org");
  const [learning, due, cohorts, activity, checks, readiness] = await Promise.all([
    learnerHome(user, lang),
    learnerDueItems(user.id, user.timeZone),
    adminOrgs.length ? orgAdminCohorts(adminOrgs, user.timeZone) : Promise.resolve([]),
    holds(subject, "read:item-stats:org") ? instructorActivity(instructorOrgs) : Promise.resolve([]),
    checkOrgs.length ? vettingWork(checkOrgs, lang) : Promise.resolve(null),
    statusOrgs.length ? readinessAtAGlance(statusOrgs, lang) : Promise.resolve(null),
  ]);
  const title = (courseId: string) => getCourse(courseId)?.title[lang] ?? courseId;
  return {
    continue: learning.inProgress.slice(0, 3).map((c) => ({
      courseId: c.id,
      title: c.title,
      percent: c.progress.percent,
      href: c.progress.continueLesson
        ? lessonPath(lang, c.id, c.progress.continueLesson.id)
        : `/${lang}/courses/${c.id}`,
      lesson: c.progress.continueLesson?.title ?? null,
    })),
    due: due
      .filter((d) => d.completedAt === null)
      .slice(0, 8)
      .map((d) => ({
        key: `${d.cohortId}:${d.courseId}`,
        cohort: d.cohortName,
        course: title(d.courseId),
        href: `/${lang}/courses/${d.courseId}`,
        dueOn: d.dueOn ? formatDate(d.dueOn, lang, "UTC") : null,
        overdue: d.overdue,
      })),
    cohorts: cohorts.map((c) => ({
      key: `${c.orgId}:${c.cohortId}`,
      name: c.name,
      href: `/${lang}/orgs/${c.orgId}/cohorts/${c.cohortId}`,
      overdueHref: `/${lang}/orgs/${c.orgId}/cohorts/${c.cohortId}?status=overdue`,
      members: c.members,
      overdue: c.overdue,
      endsOn: formatDate(c.endsOn, lang, "UTC"),
    })),
    activity: activity.map((a) => ({ ...a, title: title(a.courseId) })),
    checks,
    readiness,
  };
}

/** A supervisor's readiness at a glance: people by status, and whose clearance lapses next. */
async function readinessAtAGlance(orgIds: string[], lang: Lang) {
  const now = new Date();
  const t = await getFixedT(lang);
  const labels = vettingLabels(lang);
  // One after the other: each read first brings stale rows up to date.
  const all = await listReadiness({ orgIds, filter: {}, sort: "name", dir: "asc", page: 1, pageSize: 1, now });
  const next = await listReadiness({
    orgIds,
    filter: { status: "expiring" },
    sort: "lapse",
    dir: "asc",
    page: 1,
    pageSize: 5,
    now,
  });
  return {
    href: `/${lang}/vetting`,
    total: all.total,
    counts: STATUSES.map((status) => ({
      status,
      count: all.counts[status],
      href: `/${lang}/vetting?status=${status}`,
    })),
    next: next.rows.map((r) => ({
      key: `${r.orgId}:${r.userId}:${r.profileId}`,
      name: r.name,
      href: `/${lang}/vetting/${r.userId}`,
      profile: labels[r.profileId] ?? r.profileId,
      date: r.soonestLapse ? formatDate(r.soonestLapse, lang, "UTC") : null,
      reasons: r.reasons.map((reason) => reasonText(t, reason, lang, labels)).join("; "),
    })),
    nextTotal: next.total,
  };
}

/** A vetting officer's checks due and awaiting a result, first few of each, in words. */
async function vettingWork(orgIds: string[], lang: Lang) {
  const [work, t] = await Promise.all([officerWork({ orgIds, now: new Date(), limit: 5 }), getFixedT(lang)]);
  const labels = vettingLabels(lang);
  const line = (r: WorkRow) => ({
    key: `${r.orgId}:${r.userId}:${r.profileId}`,
    name: r.name,
    href: `/${lang}/vetting/people/${r.userId}`,
    status: r.status,
    reasons: r.reasons
      .filter((reason) => reason.code.startsWith("check."))
      .map((reason) => reasonText(t, reason, lang, labels))
      .join("; "),
  });
  return {
    href: `/${lang}/vetting/checks`,
    due: work.due.map(line),
    dueTotal: work.dueTotal,
    awaiting: work.awaiting.map(line),
    awaitingTotal: work.awaitingTotal,
  };
}
export type HomeWork = Awaited<ReturnType<typeof homeWork>>;
