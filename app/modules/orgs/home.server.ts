// What the signed-in home shows first, by role: a learner's due dates, an org admin's
// cohorts and who is overdue, an instructor's courses' recent activity.
import { asDate, db, readRows, type RawRead } from "~/modules/db/index.server.ts";
import { cohortFor } from "./cohorts.server.ts";
import { dayOf, overdueCount } from "./progress.server.ts";

export type DueItem = {
  cohortId: string;
  cohortName: string;
  courseId: string;
  dueOn: Date | null;
  completedAt: Date | null;
  overdue: boolean;
};

// Every signed-in home asks this: one prepared statement (readRows) for the learner's active
// cohorts, their courses in the cohort's order, and whether each is completed.
const dueRead: RawRead = {
  sqlite:
    "SELECT c.id AS cohortId, c.name AS cohortName, cc.courseId, cc.dueOn, e.completedAt " +
    "FROM CohortMember m JOIN Cohort c ON c.id = m.cohortId JOIN CohortCourse cc ON cc.cohortId = c.id " +
    "LEFT JOIN Enrolment e ON e.userId = m.userId AND e.courseId = cc.courseId " +
    "WHERE m.userId = ? AND m.removedAt IS NULL AND c.archivedAt IS NULL ORDER BY c.id, cc.position",
  postgresql:
    `SELECT c."id" AS "cohortId", c."name" AS "cohortName", cc."courseId", cc."dueOn" AT TIME ZONE 'UTC' AS "dueOn", ` +
    `e."completedAt" AT TIME ZONE 'UTC' AS "completedAt" ` +
    `FROM "CohortMember" m JOIN "Cohort" c ON c."id" = m."cohortId" JOIN "CohortCourse" cc ON cc."cohortId" = c."id" ` +
    `LEFT JOIN "Enrolment" e ON e."userId" = m."userId" AND e."courseId" = cc."courseId" ` +
    `WHERE m."userId" = $1 AND m."removedAt" IS NULL AND c."archivedAt" IS NULL ORDER BY c."id", cc."position"`,
};

type DueRow = { cohortId: string; cohortName: string; courseId: string; dueOn: unknown; completedAt: unknown };

/** The courses of the learner's active cohorts, soonest due first (no due date last). */
export async function learnerDueItems(userId: string, timeZone: string, now = new Date()): Promise<DueItem[]> {
  const rows = await readRows<DueRow>(dueRead, [userId]);
  const today = dayOf(now, timeZone);
  const items = rows.map((row) => {
    const dueOn = asDate(row.dueOn);
    const completedAt = asDate(row.completedAt);
    return {
      cohortId: row.cohortId,
      cohortName: row.cohortName,
      courseId: row.courseId,
      dueOn,
      completedAt,
      overdue: dueOn !== null && dueOn < today && completedAt === null,
    };
  });
  const time = (d: Date | null) => d?.getTime() ?? Number.POSITIVE_INFINITY;
  return items.sort((a, b) => time(a.dueOn) - time(b.dueOn));
}

export type AdminCohortSummary = {
  orgId: string;
  cohortId: string;
  name: string;
  isOwner: boolean;
  members: number;
  overdue: number;
  endsOn: Date;
};

/** The active cohorts of the organizations the person administers, with how many are overdue. */
export async function orgAdminCohorts(orgIds: string[], timeZone: string, now = new Date()) {
  const summaries: AdminCohortSummary[] = [];
  const today = dayOf(now, timeZone);
  for (const orgId of orgIds) {
    const rows = await db.cohort.findMany({
      where: { archivedAt: null, OR: [{ orgId }, { partners: { some: { orgId, status: "accepted" } } }] },
      select: { id: true },
      orderBy: { endsOn: "asc" },
      take: 20,
    });
    for (const row of rows) {
      const cohort = await cohortFor(orgId, row.id);
      if (!cohort) continue;
      const { members, overdue } = await overdueCount(cohort, today);
      summaries.push({
        orgId,
        cohortId: cohort.id,
        name: cohort.name,
        isOwner: cohort.isOwner,
        members,
        overdue,
        endsOn: cohort.endsOn,
      });
    }
  }
  return summaries;
}

export type CourseActivity = { courseId: string; learners: number; completed: number; attemptsThisWeek: number };

/**
 * The instructor's courses' activity: per course, how many people of the instructor's
 * organizations are enrolled, how many completed it, and quiz attempts in the last 7 days.
 */
export async function instructorActivity(orgIds: string[], now = new Date()): Promise<CourseActivity[]> {
  if (orgIds.length === 0) return [];
  const inOrgs = { user: { memberships: { some: { orgId: { in: orgIds } } } } };
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const [enrolled, completed, attempts] = await Promise.all([
    db.enrolment.groupBy({ by: ["courseId"], where: inOrgs, _count: { _all: true } }),
    db.enrolment.groupBy({
      by: ["courseId"],
      where: { ...inOrgs, completedAt: { not: null } },
      _count: { _all: true },
    }),
    db.quizAttempt.groupBy({
      by: ["courseId"],
      where: { ...inOrgs, status: "submitted", submittedAt: { gte: weekAgo } },
      _count: { _all: true },
    }),
  ]);
  const count = (rows: { courseId: string; _count: { _all: number } }[], courseId: string) =>
    rows.find((r) => r.courseId === courseId)?._count._all ?? 0;
  return enrolled
    .map((e) => ({
      courseId: e.courseId,
      learners: e._count._all,
      completed: count(completed, e.courseId),
      attemptsThisWeek: count(attempts, e.courseId),
    }))
    .sort((a, b) => b.learners - a.learners);
}
