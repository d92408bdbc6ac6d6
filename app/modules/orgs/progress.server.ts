// The cohort progress table: one row per person, one cell per course. Built for cohorts of
// thousands: filtering, sorting and paging happen in the database (status filters become
// EXISTS conditions on enrolments), and progress is read only for the page's people, with
// one aggregated query per kind of fact (enrolments, lessons per course, quiz attempts) —
// a fixed number of queries whatever the page size, never one per person.
import { courseCompletionRequirements } from "~/modules/content/index.server.ts";
import { databaseUrl, db, providerOf } from "~/modules/db/index.server.ts";
import type { CohortAccess } from "./cohorts.server.ts";
import type { ProgressQuery } from "./schemas.ts";

export type CourseCell = {
  courseId: string;
  lessonsDone: number;
  lessonsTotal: number;
  /** Best percent over the course's submitted quiz attempts; null before the first. */
  bestScore: number | null;
  attempts: number;
  completedAt: Date | null;
  overdue: boolean;
};

export type ProgressRow = {
  userId: string;
  name: string;
  /** Shown in full to the owner and to the person's own organization only. */
  email: string | null;
  orgId: string;
  orgName: string;
  country: string;
  addedAt: Date;
  /** false: another organization's person seen by a partner — name and completion only. */
  full: boolean;
  courses: CourseCell[];
};

export type ProgressPage = { total: number; page: number; pageCount: number; rows: ProgressRow[] };

/** A calendar day as stored (UTC midnight). */
export function dayOf(date: Date, timeZone: string): Date {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    date,
  );
  return new Date(`${day}T00:00:00.000Z`);
}

function completedIn(courseId: string) {
  return { enrolments: { some: { courseId, completedAt: { not: null } } } };
}

function notCompletedIn(courseId: string) {
  return { enrolments: { none: { courseId, completedAt: { not: null } } } };
}

/** The roster filter of a query, as one Prisma `where` (the status conditions included). */
function rosterWhere(cohort: CohortAccess, query: ProgressQuery, today: Date) {
  const userConditions: object[] = query.terms.map((term) => ({ searchText: { contains: term } }));
  const courseIds = cohort.courses.map((c) => c.courseId);
  if (query.status === "complete") userConditions.push(...courseIds.map(completedIn));
  if (query.status === "incomplete") userConditions.push({ OR: courseIds.map(notCompletedIn) });
  if (query.status === "overdue") {
    const due = cohort.courses.filter((c) => c.dueOn && c.dueOn < today).map((c) => c.courseId);
    // No course past its due date: nobody is overdue.
    userConditions.push(due.length ? { OR: due.map(notCompletedIn) } : { id: { in: [] } });
  }
  return {
    cohortId: cohort.id,
    removedAt: null,
    ...(query.org ? { orgId: query.org } : {}),
    ...(userConditions.length ? { user: { AND: userConditions } } : {}),
  };
}

function orderBy(query: ProgressQuery) {
  const dir = query.dir;
  switch (query.sort) {
    case "org":
      return [{ org: { name: dir } }, { user: { name: "asc" as const } }, { userId: "asc" as const }];
    case "added":
      return [{ addedAt: dir }, { userId: "asc" as const }];
    // "progress" orders in SQL (progressPageIds); the members of its page are then read by id.
    case "progress":
    case "name":
      return [{ user: { name: dir } }, { userId: "asc" as const }];
  }
}

/**
 * One page of the roster's user ids ordered by progress: courses of the cohort completed,
 * then its required lessons done, then name. The same filter as `rosterWhere`, written in
 * SQL for both databases (Prisma cannot order by a filtered count). A partner's viewer
 * orders the other organizations' people by completion only — what it may see of them.
 */
async function progressPageIds(
  cohort: CohortAccess,
  query: ProgressQuery,
  today: Date,
  page: { skip: number; take: number },
): Promise<string[]> {
  const postgres = providerOf(databaseUrl()) === "postgresql";
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return postgres ? `$${params.length}` : "?";
  };
  const list = (values: readonly string[]) => values.map(p).join(", ");
  const courseIds = cohort.courses.map((c) => c.courseId);
  const lessonIds = [...new Set(courseIds.flatMap((id) => courseCompletionRequirements(id)?.lessons ?? []))];
  const completedSql = (courseId: string) =>
    `EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."userId" = cm."userId" AND e."courseId" = ${p(courseId)} AND e."completedAt" IS NOT NULL)`;
  const where = [`cm."cohortId" = ${p(cohort.id)}`, `cm."removedAt" IS NULL`];
  if (query.org) where.push(`cm."orgId" = ${p(query.org)}`);
  for (const term of query.terms) where.push(`u."searchText" LIKE ${p(`%${term}%`)}`);
  if (query.status === "complete") where.push(...courseIds.map(completedSql));
  if (query.status === "incomplete") {
    where.push(courseIds.length ? `(${courseIds.map((c) => `NOT ${completedSql(c)}`).join(" OR ")})` : "1 = 0");
  }
  if (query.status === "overdue") {
    const due = cohort.courses.filter((c) => c.dueOn && c.dueOn < today).map((c) => c.courseId);
    where.push(due.length ? `(${due.map((c) => `NOT ${completedSql(c)}`).join(" OR ")})` : "1 = 0");
  }
  const completed = courseIds.length
    ? `(SELECT COUNT(*) FROM "Enrolment" e WHERE e."userId" = cm."userId" AND e."courseId" IN (${list(courseIds)}) AND e."completedAt" IS NOT NULL)`
    : "0";
  // Placeholders are numbered as they are made; SQLite's "?" bind in textual order, so each
  // fragment is built in the order it appears.
  const lessonsDone = () =>
    lessonIds.length
      ? `(SELECT COUNT(*) FROM "LessonProgress" lp WHERE lp."userId" = cm."userId" AND lp."lessonId" IN (${list(lessonIds)}))`
      : "0";
  const lessons = cohort.isOwner
    ? lessonsDone()
    : `CASE WHEN cm."orgId" = ${p(cohort.viewerOrgId)} THEN ${lessonsDone()} ELSE 0 END`;
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  const sql =
    `SELECT cm."userId" AS "userId" FROM "CohortMember" cm JOIN "User" u ON u."id" = cm."userId" ` +
    `WHERE ${where.join(" AND ")} ` +
    `ORDER BY ${completed} ${dir}, ${lessons} ${dir}, u."name" ASC, cm."userId" ASC ` +
    `LIMIT ${Math.trunc(page.take)} OFFSET ${Math.trunc(page.skip)}`;
  const rows = await db.$queryRawUnsafe<{ userId: string }[]>(sql, ...params);
  return rows.map((r) => r.userId);
}

/** Progress of the given people in the cohort's courses: three aggregated reads whatever their number. */
export async function progressOf(
  cohort: CohortAccess,
  userIds: string[],
  today: Date,
): Promise<Map<string, CourseCell[]>> {
  const courseIds = cohort.courses.map((c) => c.courseId);
  const required = new Map(
    courseIds.map((id) => [id, courseCompletionRequirements(id)?.lessons ?? []] as [string, readonly string[]]),
  );
  const allLessons = [...new Set([...required.values()].flat())];
  const [enrolments, lessons, quizzes] =
    userIds.length === 0 || courseIds.length === 0
      ? [[], [], []]
      : await Promise.all([
          db.enrolment.findMany({
            where: { userId: { in: userIds }, courseId: { in: courseIds } },
            select: { userId: true, courseId: true, completedAt: true },
          }),
          // (userId, lessonId) pairs of done lessons; bounded by page size × the courses' lessons.
          db.lessonProgress.findMany({
            where: { userId: { in: userIds }, lessonId: { in: allLessons } },
            select: { userId: true, lessonId: true },
          }),
          db.quizAttempt.groupBy({
            by: ["userId", "courseId"],
            where: { userId: { in: userIds }, courseId: { in: courseIds }, status: "submitted" },
            _max: { percent: true },
            _count: { _all: true },
          }),
        ]);
  const key = (userId: string, courseId: string) => `${userId}\u0000${courseId}`;
  const completed = new Map(enrolments.map((e) => [key(e.userId, e.courseId), e.completedAt]));
  const doneByUser = new Map<string, Set<string>>();
  for (const l of lessons) {
    let set = doneByUser.get(l.userId);
    if (!set) doneByUser.set(l.userId, (set = new Set()));
    set.add(l.lessonId);
  }
  const quizByKey = new Map(quizzes.map((q) => [key(q.userId, q.courseId), q]));
  const result = new Map<string, CourseCell[]>();
  for (const userId of userIds) {
    const done = doneByUser.get(userId);
    result.set(
      userId,
      cohort.courses.map(({ courseId, dueOn }) => {
        const lessonIds = required.get(courseId) ?? [];
        const completedAt = completed.get(key(userId, courseId)) ?? null;
        const quiz = quizByKey.get(key(userId, courseId));
        return {
          courseId,
          lessonsDone: done ? lessonIds.filter((id) => done.has(id)).length : 0,
          lessonsTotal: lessonIds.length,
          bestScore: quiz?._max.percent ?? null,
          attempts: quiz?._count._all ?? 0,
          completedAt,
          overdue: dueOn !== null && dueOn < today && completedAt === null,
        };
      }),
    );
  }
  return result;
}

/** What a partner may see of another organization's person: completion only. */
function limited(cell: CourseCell): CourseCell {
  return { ...cell, lessonsDone: 0, lessonsTotal: 0, bestScore: null, attempts: 0, overdue: false };
}

/**
 * One page of the cohort's progress as the viewer may see it. `pageSize` rows from
 * `query.page`; the count and the page are two queries, progress three more.
 */
export async function cohortProgress(
  cohort: CohortAccess,
  query: ProgressQuery,
  options: { timeZone: string; pageSize: number; now?: Date },
): Promise<ProgressPage> {
  const today = dayOf(options.now ?? new Date(), options.timeZone);
  const where = rosterWhere(cohort, query, today);
  const pageRange = { skip: (query.page - 1) * options.pageSize, take: options.pageSize };
  const select = {
    userId: true,
    orgId: true,
    addedAt: true,
    user: { select: { name: true, email: true } },
    org: { select: { name: true, country: true } },
  } as const;
  const [total, members] = await Promise.all([
    db.cohortMember.count({ where }),
    query.sort === "progress"
      ? progressPageIds(cohort, query, today, pageRange).then(async (ids) => {
          const found = await db.cohortMember.findMany({
            where: { cohortId: cohort.id, userId: { in: ids } },
            select,
          });
          const byId = new Map(found.map((m) => [m.userId, m]));
          return ids.flatMap((id) => byId.get(id) ?? []);
        })
      : db.cohortMember.findMany({ where, select, orderBy: orderBy(query), ...pageRange }),
  ]);
  const progress = await progressOf(
    cohort,
    members.map((m) => m.userId),
    today,
  );
  return {
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / options.pageSize)),
    rows: members.map((m) => {
      const full = cohort.isOwner || m.orgId === cohort.viewerOrgId;
      const cells = progress.get(m.userId) ?? [];
      return {
        userId: m.userId,
        name: m.user.name,
        email: full ? m.user.email : null,
        orgId: m.orgId,
        orgName: m.org.name,
        country: m.org.country,
        addedAt: m.addedAt,
        full,
        courses: full ? cells : cells.map(limited),
      };
    }),
  };
}

/** Every row matching the query, page by page (for the CSV export). */
export async function* allProgressRows(
  cohort: CohortAccess,
  query: ProgressQuery,
  options: { timeZone: string; now?: Date },
): AsyncGenerator<ProgressRow[]> {
  const pageSize = 500;
  for (let page = 1; ; page += 1) {
    const result = await cohortProgress(cohort, { ...query, page }, { ...options, pageSize });
    if (result.rows.length) yield result.rows;
    if (page >= result.pageCount) return;
  }
}

/** How many people the viewer answers for (all for the owner, its own for a partner) and how many are overdue. */
export async function overdueCount(cohort: CohortAccess, today: Date): Promise<{ members: number; overdue: number }> {
  const base: ProgressQuery = {
    q: "",
    terms: [],
    status: "all",
    org: cohort.isOwner ? null : cohort.viewerOrgId,
    sort: "name",
    dir: "asc",
    page: 1,
  };
  const [members, overdue] = await Promise.all([
    db.cohortMember.count({ where: rosterWhere(cohort, base, today) }),
    db.cohortMember.count({ where: rosterWhere(cohort, { ...base, status: "overdue" }, today) }),
  ]);
  return { members, overdue };
}
