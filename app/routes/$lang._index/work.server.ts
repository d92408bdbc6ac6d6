// The signed-in home's "your work first": per role, what to do next.
import { getMemberships, type SessionUser } from "~/modules/auth/index.server.ts";
import { holds, orgsGranting } from "~/modules/auth/index.ts";
import { getCourse } from "~/modules/content/index.server.ts";
import type { Lang } from "~/modules/i18n/index.ts";
import { formatDate } from "~/modules/i18n/index.ts";
import { learnerHome } from "~/modules/learning/index.server.ts";
import { lessonPath } from "~/modules/learning/index.ts";
import { instructorActivity, learnerDueItems, orgAdminCohorts } from "~/modules/orgs/index.server.ts";

export async function homeWork(request: Request, user: SessionUser, lang: Lang) {
  const memberships = await getMemberships(request, user.id);
  const subject = { isPlatformAdmin: user.isPlatformAdmin, emailVerified: user.emailVerified, memberships };
  const adminOrgs = orgsGranting(subject, "read:cohorts:org");
  const instructorOrgs = orgsGranting(subject, "read:item-stats:org");
  const [learning, due, cohorts, activity] = await Promise.all([
    learnerHome(user, lang),
    learnerDueItems(user.id, user.timeZone),
    adminOrgs.length ? orgAdminCohorts(adminOrgs, user.timeZone) : Promise.resolve([]),
    holds(subject, "read:item-stats:org") ? instructorActivity(instructorOrgs) : Promise.resolve([]),
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
  };
}
export type HomeWork = Awaited<ReturnType<typeof homeWork>>;
